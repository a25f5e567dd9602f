// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "images/RegistryIndex.h"

#include <QAbstractTableModel>

class QNetworkAccessManager;
class RegistryClient;

/// What the registry (`IMAGE_BASE_URL`) offers, as `images --remote` lists it.
class RemoteImageModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Size, Digest, Description, ColumnCount };

    explicit RemoteImageModel(QObject *parent = nullptr);

    /// Asks @p registry; loaded() or failed() when it answers.
    void load(const QUrl &registry);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    QString name(int row) const;

Q_SIGNALS:
    void loaded();
    void failed(const QString &message);

private:
    QNetworkAccessManager *m_network;
    RegistryClient *m_client = nullptr;
    QList<RegistryEntry> m_entries;
};
