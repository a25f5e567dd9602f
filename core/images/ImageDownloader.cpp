// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImageDownloader.h"

#include "Logging.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>

namespace {

constexpr qint64 kReadBuffer = 1 << 20;

} // namespace

ImageDownloader::ImageDownloader(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network)
{
}

ImageDownloader::~ImageDownloader()
{
    // What arrived stays for a later pull; aborting must not look like a dropped connection.
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
    }
}

void ImageDownloader::setTimeout(int seconds, const QString &setting)
{
    m_timeoutSec = seconds;
    m_timeoutSetting = setting;
}

void ImageDownloader::start(const QUrl &url, const QString &file, const QString &expectedSha256)
{
    m_url = url;
    m_expectedSha256 = expectedSha256.toLower();
    m_partial = PartialDownload(file);
    const qint64 resumable = m_partial.resumableBytes(m_url, m_expectedSha256);
    if (resumable == 0)
        m_partial.discard();
    if (const Result<void> opened = m_file.open(file, resumable > 0); !opened) {
        fail(opened.error(), false);
        return;
    }
    m_clock.start();
    if (resumable > 0) {
        const PartialDownload::State state = *m_partial.state();
        m_validator = state.validator;
        m_total = state.total;
        m_resumedFrom = resumable;
        m_replay.setFileName(file);
        if (m_replay.open(QIODevice::ReadOnly)) {
            qCInfo(lcImages) << "resuming the download of" << m_url << "after" << resumable << "bytes an earlier pull left";
            replayPartial();
            return;
        }
        m_resumedFrom = 0;
        startOver();
    }
    sendRequest();
}

void ImageDownloader::replayPartial()
{
    // The extractor needs the whole stream: what an earlier process received comes from the disk.
    while (!m_paused && !m_done && m_received < m_resumedFrom) {
        const QByteArray chunk = m_replay.read(std::min(kReadBuffer, m_resumedFrom - m_received));
        if (chunk.isEmpty()) {
            // Shorter than it was a moment ago: resume from what is really there.
            m_resumedFrom = m_received;
            if (!m_file.truncate(m_received))
                startOver();
            break;
        }
        handOn(chunk);
    }
    if (m_paused || m_done)
        return;
    m_replay.close();
    reportProgress();
    sendRequest();
}

void ImageDownloader::sendRequest()
{
    QNetworkRequest request(m_url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setMaximumRedirectsAllowed(kMaxRedirects);
    request.setTransferTimeout(m_timeoutSec * 1000);
    // Compressed archives gain nothing from transfer compression, and byte ranges must match the file.
    request.setRawHeader("Accept-Encoding", "identity");
    if (m_received > 0) {
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_received) + '-');
        request.setRawHeader("If-Range", m_validator);
    }
    m_accepted = false;
    m_replyDone = false;
    m_receivedAtRequest = m_received;
    m_reply = m_network->get(request);
    m_reply->setReadBufferSize(kReadBuffer);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &ImageDownloader::onMetaData);
    connect(m_reply, &QNetworkReply::readyRead, this, &ImageDownloader::readAvailable);
    connect(m_reply, &QNetworkReply::finished, this, &ImageDownloader::onFinished);
}

void ImageDownloader::startOver()
{
    m_received = 0;
    m_resumedFrom = 0;
    m_hash.reset();
    if (const Result<void> emptied = m_file.truncate(0); !emptied)
        qCWarning(lcImages).noquote() << emptied.error().message;
    Q_EMIT restarted();
}

void ImageDownloader::onMetaData()
{
    if (m_accepted || !m_reply || m_url.isLocalFile())
        return;
    const int status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0 || (status >= 300 && status < 400))
        return; // not yet the final answer
    if (status != 200 && status != 206)
        return; // reported with its status in onFinished
    m_accepted = true;
    const QByteArray contentRange = m_reply->rawHeader("Content-Range");
    static const QRegularExpression range(QStringLiteral("^bytes (\\d+)-\\d+/(\\d+|\\*)$"));
    const QRegularExpressionMatch match = range.match(QString::fromLatin1(contentRange));
    if (m_received > 0 && (status != 206 || !match.hasMatch() || match.captured(1).toLongLong() != m_received)) {
        // The file changed or ranges are not supported: start over.
        qCInfo(lcImages) << "server answered" << status << "to a range request for" << m_url << "- starting over";
        startOver();
    }
    if (m_received == 0) {
        m_validator = m_reply->rawHeader("ETag");
        if (m_validator.isEmpty() || m_validator.startsWith("W/"))
            m_validator = m_reply->rawHeader("Last-Modified");
        const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        m_total = length > 0 ? length : -1;
        // What a later process needs to resume this one; without a validator it cannot.
        if (m_validator.isEmpty()) {
            QFile::remove(m_partial.statePath());
        } else if (const Result<void> saved = m_partial.save({m_url, m_validator, m_total, m_expectedSha256}); !saved) {
            qCWarning(lcImages).noquote() << saved.error().message << "- a later pull cannot resume this download";
        }
    }
}

bool ImageDownloader::writeChunk(const QByteArray &chunk)
{
    if (const Result<void> written = m_file.append(chunk.constData(), chunk.size()); !written) {
        fail(written.error(), false);
        return false;
    }
    return true;
}

void ImageDownloader::handOn(const QByteArray &chunk)
{
    m_hash.addData(chunk);
    m_received += chunk.size();
    Q_EMIT chunkReceived(chunk);
}

void ImageDownloader::readAvailable()
{
    if (!m_reply || m_paused || m_done)
        return;
    if (!m_url.isLocalFile()) {
        onMetaData();
        if (!m_accepted)
            return; // an error page or a redirect body: not part of the file
    } else if (m_total < 0) {
        const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        m_total = length > 0 ? length : -1;
    }
    while (m_reply->bytesAvailable() > 0) {
        const QByteArray chunk = m_reply->read(kReadBuffer);
        if (chunk.isEmpty())
            break;
        if (!writeChunk(chunk))
            return;
        handOn(chunk);
        if (m_paused || m_done)
            return;
    }
    reportProgress();
}

void ImageDownloader::reportProgress()
{
    const qint64 now = m_clock.elapsed();
    if (now - m_rateMark >= 500) {
        const double instant = double(m_received - m_rateBytes) * 1000.0 / double(now - m_rateMark);
        m_rate = m_rate <= 0 ? instant : 0.7 * m_rate + 0.3 * instant;
        m_rateMark = now;
        m_rateBytes = m_received;
    }
    if (m_lastReport >= 0 && now - m_lastReport < 100 && m_received != m_total)
        return;
    m_lastReport = now;
    const int eta = (m_total > 0 && m_rate > 0) ? int(double(m_total - m_received) / m_rate) : -1;
    Q_EMIT progress(m_received, m_total, m_rate, eta);
}

void ImageDownloader::onFinished()
{
    m_replyDone = true;
    if (m_paused || m_done || !m_reply)
        return;
    readAvailable();
    if (m_paused || m_done)
        return;
    QNetworkReply *reply = m_reply;
    reply->deleteLater();
    m_reply = nullptr;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError error = reply->error();
    const QString where = reply->url().toString();
    if (error == QNetworkReply::TooManyRedirectsError || error == QNetworkReply::InsecureRedirectError) {
        fail(Error::network(QStringLiteral("cannot download %1: %2 (more than %3 redirects, or a loop)")
                                .arg(m_url.toString(), reply->errorString())
                                .arg(kMaxRedirects)),
             false);
        return;
    }
    if (status >= 400) {
        fail(Error::network(QStringLiteral("cannot download %1: the server answered %2 %3")
                                .arg(where)
                                .arg(status)
                                .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString())),
             false);
        return;
    }
    // Replies are only ever aborted after being disconnected from here, so a cancelled one is
    // the transfer timeout's doing.
    const bool silent = error == QNetworkReply::TimeoutError || error == QNetworkReply::OperationCanceledError;
    const bool truncated = m_total > 0 && m_received < m_total;
    const bool dropped = silent || error == QNetworkReply::RemoteHostClosedError
                         || error == QNetworkReply::UnknownNetworkError || (error == QNetworkReply::NoError && truncated);
    // A server that went silent gets another chance only if it had sent something this time.
    const bool progressed = !silent || m_received > m_receivedAtRequest;
    if (dropped && progressed && m_received > 0 && m_resumes < kMaxResumes && !m_url.isLocalFile()) {
        ++m_resumes;
        qCInfo(lcImages) << "connection dropped after" << m_received << "bytes of" << m_url << "- resuming";
        if (m_validator.isEmpty()) {
            // Without a validator a range could splice two versions of the file: start over.
            startOver();
        }
        sendRequest();
        return;
    }
    if (silent) {
        fail(Error::network(QStringLiteral("cannot download %1: the server sent nothing for %2 s (after %3 of %4 "
                                           "bytes); check the registry, or raise %5 (now %2)")
                                .arg(where)
                                .arg(m_timeoutSec)
                                .arg(m_received)
                                .arg(m_total > 0 ? QString::number(m_total) : QStringLiteral("?"), m_timeoutSetting)),
             true);
        return;
    }
    if (error != QNetworkReply::NoError || truncated) {
        fail(Error::network(QStringLiteral("cannot download %1: %2")
                                .arg(where, truncated && error == QNetworkReply::NoError
                                                ? QStringLiteral("the connection closed after %1 of %2 bytes")
                                                      .arg(m_received)
                                                      .arg(m_total)
                                                : reply->errorString())),
             true);
        return;
    }
    complete();
}

void ImageDownloader::complete()
{
    m_file.close();
    QFile::remove(m_partial.statePath()); // complete: nothing to resume
    m_digest = QString::fromLatin1(m_hash.hexResult());
    m_total = m_received;
    m_lastReport = -1;
    reportProgress();
    if (!m_expectedSha256.isEmpty() && m_digest != m_expectedSha256) {
        fail(Error::network(QStringLiteral("%1 is damaged or was replaced: its SHA-256 is %2 but the registry says %3")
                                .arg(m_url.toString(), m_digest, m_expectedSha256)),
             false);
        return;
    }
    m_done = true;
    Q_EMIT finished();
}

void ImageDownloader::fail(const Error &error, bool keepPartial)
{
    if (m_done)
        return;
    m_done = true;
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    m_replay.close();
    m_file.close();
    if (!keepPartial || m_validator.isEmpty() || m_received == 0)
        m_partial.discard();
    Q_EMIT failed(error);
}

void ImageDownloader::cancel()
{
    fail(Error::io(QStringLiteral("the download of %1 was cancelled").arg(m_url.toString())), true);
}

void ImageDownloader::discardPartial()
{
    m_file.close();
    m_partial.discard();
}

void ImageDownloader::pauseReading()
{
    m_paused = true;
}

void ImageDownloader::resumeReading()
{
    if (!m_paused)
        return;
    m_paused = false;
    if (m_replay.isOpen())
        replayPartial();
    else if (m_replyDone)
        onFinished();
    else
        readAvailable();
}
