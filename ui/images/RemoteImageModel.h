// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImageTableModel.h"
#include "images/RegistryIndex.h"

class QNetworkAccessManager;
class RegistryClient;

/// What the registry (`IMAGE_BASE_URL`) offers, as `images --remote` lists it.
class RemoteImageModel : public ImageTableModel<RegistryEntry>
{
    Q_OBJECT

public:
    enum Column { Name, Size, Digest, Description, ColumnCount };

    explicit RemoteImageModel(QObject *parent = nullptr);

    /// Asks @p registry, giving up after @p timeoutSec seconds of silence (`IMAGE_TIMEOUT`);
    /// loaded() or failed() when it answers.
    void load(const QUrl &registry, int timeoutSec);

Q_SIGNALS:
    void loaded();
    void failed(const QString &message);

protected:
    QString nameOf(const RegistryEntry &entry) const override { return entry.name; }
    QVariant cell(const RegistryEntry &entry, int column, int role) const override;

private:
    QNetworkAccessManager *m_network;
    RegistryClient *m_client = nullptr;
};
