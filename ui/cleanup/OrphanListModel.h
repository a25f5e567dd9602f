// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessions/OrphanCleaner.h"

#include <QAbstractTableModel>

/// What dead sessions left behind (kind, session, path, size, why), as OrphanCleaner::scan()
/// found it.
class OrphanListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Kind, Session, Size, Path, Reason, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    void setOrphans(const QList<Orphan> &orphans);
    QList<Orphan> orphans() const { return m_orphans; }
    qint64 totalBytes() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString kindText(Orphan::Kind kind);

private:
    QList<Orphan> m_orphans;
};
