// SPDX-License-Identifier: GPL-3.0-or-later
#include "RemoteImageModel.h"

#include "images/RegistryClient.h"
#include "widgets/FormatText.h"

#include <QNetworkAccessManager>

RemoteImageModel::RemoteImageModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_network(new QNetworkAccessManager(this))
{
}

void RemoteImageModel::load(const QUrl &registry)
{
    // A new client per request: the old one's callbacks die with it, so a slow answer from a
    // registry the user has since changed never lands here.
    delete m_client;
    m_client = new RegistryClient(m_network, registry, this);
    m_client->list([this](Result<QList<RegistryEntry>> entries) {
        if (!entries) {
            Q_EMIT failed(entries.error().message);
            return;
        }
        beginResetModel();
        m_entries = *entries;
        endResetModel();
        Q_EMIT loaded();
    });
}

int RemoteImageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int RemoteImageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RemoteImageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RegistryEntry &entry = m_entries.at(index.row());
    if (role == Qt::ToolTipRole)
        return index.column() == Digest ? entry.sha256 : entry.url.toDisplayString();
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(index.column())) {
    case Name:
        return entry.name;
    case Size:
        return entry.size >= 0 ? FormatText::bytes(entry.size) : tr("unknown");
    case Digest:
        return entry.sha256.isEmpty() ? tr("none") : entry.sha256.left(12);
    case Description:
        return entry.description;
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RemoteImageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Name:
        return tr("Name");
    case Size:
        return tr("Download size");
    case Digest:
        return tr("Digest");
    case Description:
        return tr("Description");
    case ColumnCount:
        break;
    }
    return {};
}

QString RemoteImageModel::name(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).name : QString();
}
