// SPDX-License-Identifier: GPL-3.0-or-later
#include "RemoteImageModel.h"

#include "images/RegistryClient.h"
#include "widgets/FormatText.h"

#include <QNetworkAccessManager>

RemoteImageModel::RemoteImageModel(QObject *parent)
    : ImageTableModel({tr("Name"), tr("Download size"), tr("Digest"), tr("Description")}, parent)
    , m_network(new QNetworkAccessManager(this))
{
}

void RemoteImageModel::load(const QUrl &registry, int timeoutSec)
{
    // A new client per request: the old one's callbacks die with it, so a slow answer from a
    // registry the user has since changed never lands here.
    delete m_client;
    m_client = new RegistryClient(m_network, registry, this);
    m_client->setTimeout(timeoutSec, QStringLiteral("IMAGE_TIMEOUT"));
    m_client->list([this](Result<QList<RegistryEntry>> entries) {
        if (!entries) {
            Q_EMIT failed(entries.error().message);
            return;
        }
        setRows(*entries);
        Q_EMIT loaded();
    });
}

QVariant RemoteImageModel::cell(const RegistryEntry &entry, int column, int role) const
{
    if (role == Qt::ToolTipRole)
        return column == Digest ? entry.sha256 : entry.url.toDisplayString();
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(column)) {
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
