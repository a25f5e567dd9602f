// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QStringList>

/// What the cached and the registry image tables share: one row per image, fixed columns with
/// titles, all rows replaced at once, and a lookup by image name. A subclass says how a row
/// reads in each column. A template (rows are different types), so it has no signals of its own.
template <typename Row>
class ImageTableModel : public QAbstractTableModel
{
public:
    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_titles.size());
    }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        return cell(m_rows.at(index.row()), index.column(), role);
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= m_titles.size())
            return {};
        return m_titles.at(section);
    }

    QString name(int row) const
    {
        return row >= 0 && row < m_rows.size() ? nameOf(m_rows.at(row)) : QString();
    }

    int rowOf(const QString &name) const
    {
        for (qsizetype i = 0; i < m_rows.size(); ++i) {
            if (nameOf(m_rows.at(i)) == name)
                return int(i);
        }
        return -1;
    }

protected:
    /// @p titles in column order; the subclass translates them, as only it has a tr() context.
    ImageTableModel(const QStringList &titles, QObject *parent)
        : QAbstractTableModel(parent), m_titles(titles)
    {
    }

    const QList<Row> &rows() const { return m_rows; }

    void setRows(const QList<Row> &rows)
    {
        beginResetModel();
        m_rows = rows;
        endResetModel();
    }

    virtual QString nameOf(const Row &row) const = 0;
    virtual QVariant cell(const Row &row, int column, int role) const = 0;

private:
    QStringList m_titles;
    QList<Row> m_rows;
};
