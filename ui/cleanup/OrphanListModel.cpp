// SPDX-License-Identifier: GPL-3.0-or-later
#include "OrphanListModel.h"

#include "widgets/FormatText.h"

void OrphanListModel::setOrphans(const QList<Orphan> &orphans)
{
    beginResetModel();
    m_orphans = orphans;
    endResetModel();
}

qint64 OrphanListModel::totalBytes() const
{
    qint64 total = 0;
    for (const Orphan &orphan : m_orphans)
        total += orphan.bytes;
    return total;
}

int OrphanListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_orphans.size());
}

int OrphanListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString OrphanListModel::kindText(Orphan::Kind kind)
{
    switch (kind) {
    case Orphan::Kind::Record:
        return tr("Session record");
    case Orphan::Kind::Overlay:
        return tr("Overlay");
    case Orphan::Kind::Staging:
        return tr("Staging directory");
    case Orphan::Kind::Distro:
        return tr("WSL distribution");
    }
    return {};
}

QVariant OrphanListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Orphan &orphan = m_orphans.at(index.row());
    if (role == Qt::ToolTipRole)
        return orphan.path;
    if (role == Qt::TextAlignmentRole && index.column() == Size)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Kind:
        return kindText(orphan.kind);
    case Session:
        return orphan.id;
    case Size:
        return FormatText::bytes(orphan.bytes);
    case Path:
        return orphan.path;
    case Reason:
        return orphan.reason;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant OrphanListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Kind:
        return tr("What");
    case Session:
        return tr("Session");
    case Size:
        return tr("Size");
    case Path:
        return tr("Where");
    case Reason:
        return tr("Why it is an orphan");
    case ColumnCount:
        break;
    }
    return {};
}
