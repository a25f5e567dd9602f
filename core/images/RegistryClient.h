// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "RegistryIndex.h"
#include "Result.h"

#include <QObject>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

/// Asks a registry (`IMAGE_BASE_URL`: http, https or file) what it offers: `index.json` first,
/// the directory listing second. Callbacks run on this object's thread, and never after it is gone.
class RegistryClient : public QObject
{
    Q_OBJECT

public:
    RegistryClient(QNetworkAccessManager *network, const QUrl &base, QObject *parent = nullptr);

    QUrl base() const { return m_base; }
    /// How long the registry may send nothing; @p setting names the key that changes it.
    void setTimeout(int seconds, const QString &setting);

    void list(std::function<void(Result<QList<RegistryEntry>>)> done);
    /// The entry's digest: from the index, else from `<file>.sha256`, else empty.
    void digestOf(const RegistryEntry &entry, std::function<void(Result<QString>)> done);

private:
    struct Answer
    {
        int status = 0;        ///< HTTP status, 0 for file:// and failures
        bool notFound = false;
        QByteArray body;
        QString error;         ///< empty on success
    };
    void get(const QUrl &url, std::function<void(const Answer &)> done);
    Error unreachable(const QString &reason) const;

    QNetworkAccessManager *m_network;
    QUrl m_base;
    int m_timeoutSec = 30;
    QString m_timeoutSetting = QStringLiteral("IMAGE_TIMEOUT");
};
