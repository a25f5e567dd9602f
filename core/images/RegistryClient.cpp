// SPDX-License-Identifier: GPL-3.0-or-later
#include "RegistryClient.h"

#include <QDir>
#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace {

constexpr qint64 kMaxIndexBytes = 16 << 20;

} // namespace

RegistryClient::RegistryClient(QNetworkAccessManager *network, const QUrl &base, QObject *parent)
    : QObject(parent), m_network(network), m_base(base)
{
    // Relative file names resolve inside the base only when it ends in a slash.
    if (!m_base.path().endsWith(QLatin1Char('/')))
        m_base.setPath(m_base.path() + QLatin1Char('/'));
}

void RegistryClient::setTimeout(int seconds, const QString &setting)
{
    m_timeoutSec = seconds;
    m_timeoutSetting = setting;
}

Error RegistryClient::unreachable(const QString &reason) const
{
    return Error::network(QStringLiteral("cannot reach the image registry %1: %2").arg(m_base.toString(), reason));
}

void RegistryClient::get(const QUrl &url, std::function<void(const Answer &)> done)
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(8);
    request.setTransferTimeout(m_timeoutSec * 1000);
    QNetworkReply *reply = m_network->get(request);
    connect(reply, &QNetworkReply::finished, this, [this, reply, url, done = std::move(done)] {
        reply->deleteLater();
        Answer answer;
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->isOpen())
            answer.body = reply->read(kMaxIndexBytes);
        answer.notFound = answer.status == 404 || answer.status == 410
                          || reply->error() == QNetworkReply::ContentNotFoundError;
        if (answer.status >= 400) {
            answer.error = QStringLiteral("%1 answered %2 %3")
                               .arg(url.toString())
                               .arg(answer.status)
                               .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
        } else if (reply->error() == QNetworkReply::OperationCanceledError
                   || reply->error() == QNetworkReply::TimeoutError) {
            // Nothing here aborts a reply: a cancelled one is the transfer timeout's doing.
            answer.error = QStringLiteral("%1 sent nothing for %2 s; check the server, or raise %3 (now %2)")
                               .arg(url.toString())
                               .arg(m_timeoutSec)
                               .arg(m_timeoutSetting);
        } else if (reply->error() != QNetworkReply::NoError) {
            answer.error = reply->errorString();
        }
        done(answer);
    });
}

void RegistryClient::list(std::function<void(Result<QList<RegistryEntry>>)> done)
{
    const QUrl index = m_base.resolved(QUrl(QStringLiteral("index.json")));
    get(index, [this, done](const Answer &answer) {
        if (answer.error.isEmpty()) {
            done(RegistryIndex::parseIndexJson(answer.body, m_base));
            return;
        }
        if (!answer.notFound) {
            done(unreachable(answer.error));
            return;
        }
        if (m_base.isLocalFile()) {
            const QDir dir(m_base.toLocalFile());
            if (!dir.exists()) {
                done(unreachable(QStringLiteral("%1 does not exist").arg(dir.path())));
                return;
            }
            QByteArray listing;
            for (const QString &file : dir.entryList(QDir::Files, QDir::Name))
                listing += "<a href=\"" + QUrl::toPercentEncoding(file) + "\">x</a>\n";
            done(RegistryIndex::parseAutoindex(listing, m_base));
            return;
        }
        get(m_base, [this, done](const Answer &listing) {
            if (!listing.error.isEmpty()) {
                done(unreachable(listing.error));
                return;
            }
            done(RegistryIndex::parseAutoindex(listing.body, m_base));
        });
    });
}

void RegistryClient::digestOf(const RegistryEntry &entry, std::function<void(Result<QString>)> done)
{
    if (!entry.sha256.isEmpty()) {
        done(entry.sha256);
        return;
    }
    QUrl sidecar = entry.url;
    sidecar.setPath(sidecar.path() + QStringLiteral(".sha256"));
    get(sidecar, [done](const Answer &answer) {
        if (answer.notFound) {
            done(QString());
            return;
        }
        if (!answer.error.isEmpty()) {
            done(Error::network(answer.error));
            return;
        }
        done(RegistryIndex::parseSha256File(answer.body));
    });
}
