// SPDX-License-Identifier: GPL-3.0-or-later
#include "MountTableModel.h"

#include <QDir>
#include "widgets/PathChecker.h"

#include <QDir>

int MountTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_mounts.size());
}

int MountTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MountTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MountSpec &mount = m_mounts.at(index.row());
    if (index.column() == ReadOnly)
        return role == Qt::CheckStateRole ? QVariant(mount.readOnly ? Qt::Checked : Qt::Unchecked) : QVariant();
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    return index.column() == HostPath ? mount.hostPath : mount.containerPath;
}

bool MountTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    MountSpec &mount = m_mounts[index.row()];
    if (index.column() == ReadOnly && role == Qt::CheckStateRole)
        mount.readOnly = value.value<Qt::CheckState>() == Qt::Checked;
    else if (index.column() == HostPath && role == Qt::EditRole)
        mount.hostPath = value.toString().trimmed();
    else if (index.column() == ContainerPath && role == Qt::EditRole)
        mount.containerPath = value.toString().trimmed();
    else
        return false;
    Q_EMIT dataChanged(index, index, {role, Qt::DisplayRole});
    return true;
}

Qt::ItemFlags MountTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Qt::ItemFlags base = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return index.column() == ReadOnly ? base | Qt::ItemIsUserCheckable : base | Qt::ItemIsEditable;
}

QVariant MountTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case HostPath:
        return tr("Host path");
    case ContainerPath:
        return tr("Container path");
    case ReadOnly:
        return tr("Read-only");
    case ColumnCount:
        break;
    }
    return {};
}

bool MountTableModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_mounts.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_mounts.remove(row, count);
    endRemoveRows();
    return true;
}

int MountTableModel::addMount(const MountSpec &mount)
{
    const int row = int(m_mounts.size());
    beginInsertRows({}, row, row);
    m_mounts.append(mount);
    endInsertRows();
    return row;
}

QString MountTableModel::problem(PathChecker &paths) const
{
    for (qsizetype i = 0; i < m_mounts.size(); ++i) {
        const MountSpec &mount = m_mounts.at(i);
        const int row = int(i + 1);
        if (mount.hostPath.isEmpty())
            return tr("Mount %1: choose a host path.").arg(row);
        if (!QDir::isAbsolutePath(mount.hostPath))
            return tr("Mount %1: the host path %2 must be absolute.").arg(row).arg(mount.hostPath);
        if (!mount.containerPath.startsWith(QLatin1Char('/')))
            return tr("Mount %1: the container path must be absolute, e.g. /data.").arg(row);
        // Last: the answer comes from a worker, and what can be told at once is told first.
        switch (paths.kind(mount.hostPath)) {
        case PathChecker::Kind::Unknown:
            return tr("Mount %1: looking for %2…").arg(row).arg(mount.hostPath);
        case PathChecker::Kind::Missing:
            return tr("Mount %1: %2 does not exist.").arg(row).arg(mount.hostPath);
        case PathChecker::Kind::File:
        case PathChecker::Kind::Directory:
        case PathChecker::Kind::Other:
            break;
        }
    }
    return {};
}
