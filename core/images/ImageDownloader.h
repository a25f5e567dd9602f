// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "DownloadFile.h"
#include "PartialDownload.h"
#include "Result.h"
#include "Sha256.h"

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

/// Downloads one archive into a file with QNetworkAccessManager, handing every byte on as it
/// arrives (chunkReceived) so extraction can run alongside. When the connection drops, the
/// download resumes with `Range` + `If-Range` (the ETag, else Last-Modified); a server that
/// answers 200 instead of 206 starts it over (restarted). Redirects are followed up to a bound.
/// The SHA-256 of the whole file is computed on the way and checked against the expected one.
///
/// The file is a PartialDownload: what arrived before this process was killed or the network
/// failed is kept with its validator, and a later start() on the same file hands those bytes on
/// again (read back from the disk) and asks the server only for the rest. A full disk (an
/// Error::Kind::NoSpace), a wrong digest or discardPartial() deletes it instead.
/// Lives on the thread that created it; needs that thread's event loop.
class ImageDownloader : public QObject
{
    Q_OBJECT

public:
    explicit ImageDownloader(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ImageDownloader() override;

    /// How long the server may send nothing before the download gives up; @p setting names the
    /// key that changes it, for the error message.
    void setTimeout(int seconds, const QString &setting);
    /// Downloads @p url into @p file, resuming what an earlier download of the same URL and
    /// digest left there. An empty @p expectedSha256 skips the check.
    void start(const QUrl &url, const QString &file, const QString &expectedSha256);
    /// Stops, keeping what arrived for a later start().
    void cancel();
    /// Deletes what arrived (after a failure that makes it worthless, e.g. a bad archive).
    void discardPartial();
    /// Flow control: stop taking bytes from the network until resumeReading().
    void pauseReading();
    void resumeReading();

    QString sha256() const { return m_digest; }
    qint64 size() const { return m_received; }
    /// The whole file's size as the server announced it, -1 before that or when it did not.
    qint64 expectedSize() const { return m_total; }
    /// Bytes taken from an earlier process's partial download instead of the network.
    qint64 resumedFrom() const { return m_resumedFrom; }

    static constexpr int kMaxRedirects = 8;
    static constexpr int kMaxResumes = 5;

Q_SIGNALS:
    void chunkReceived(const QByteArray &bytes);
    /// The server ignored the range: everything handed on so far must be discarded.
    void restarted();
    void progress(qint64 received, qint64 total, double bytesPerSecond, int etaSeconds);
    void finished();
    void failed(const Error &error);

private:
    void replayPartial();
    void sendRequest();
    void onMetaData();
    void readAvailable();
    void onFinished();
    bool writeChunk(const QByteArray &chunk);
    void handOn(const QByteArray &chunk);
    void startOver();
    void complete();
    void fail(const Error &error, bool keepPartial);
    void reportProgress();

    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QUrl m_url;
    QString m_expectedSha256;
    QString m_digest;
    PartialDownload m_partial{QString()};
    DownloadFile m_file;
    QFile m_replay;       ///< the earlier partial being handed on again, open while that lasts
    Sha256 m_hash;
    QByteArray m_validator; ///< ETag or Last-Modified of the first answer
    qint64 m_received = 0;
    qint64 m_receivedAtRequest = 0;
    qint64 m_total = -1;
    qint64 m_resumedFrom = 0;
    int m_timeoutSec = 30;
    QString m_timeoutSetting = QStringLiteral("IMAGE_TIMEOUT");
    int m_resumes = 0;
    bool m_paused = false;
    bool m_replyDone = false;
    bool m_accepted = false; ///< the current reply's status has been checked
    bool m_done = false;
    QElapsedTimer m_clock;
    qint64 m_rateMark = 0;
    qint64 m_rateBytes = 0;
    double m_rate = 0;
    qint64 m_lastReport = -1;
};
