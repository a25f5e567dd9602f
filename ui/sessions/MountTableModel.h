// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "launch/LaunchSpec.h"

#include <QAbstractTableModel>

class PathChecker;

/// The extra mounts of a new session as editable rows: host path, container path, read-only.
class MountTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { HostPath, ContainerPath, ReadOnly, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    /// Appends a row; returns its index.
    int addMount(const MountSpec &mount);
    QList<MountSpec> mounts() const { return m_mounts; }
    /// The first row a session could not use ("row 2: the container path must be absolute"),
    /// or empty; whether host paths exist is asked of @p paths.
    QString problem(PathChecker &paths) const;

private:
    QList<MountSpec> m_mounts;
};
