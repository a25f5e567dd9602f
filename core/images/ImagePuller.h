// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ArchiveExtractor.h"
#include "ImageCache.h"
#include "ImageLock.h"
#include "RegistryIndex.h"

#include <QFutureWatcher>
#include <QObject>
#include <QThreadPool>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>

class ArchiveStream;
class ImageDownloader;
class QNetworkAccessManager;
class RegistryClient;

/// Gets an image into the cache: from the cache itself (no network at all), from the built-in
/// `default` archive, from a local file, or from the registry. A registry pull downloads and
/// extracts at the same time (the archive is streamed to a worker thread and also kept in
/// archives/), then renames the finished rootfs into images/; in the cache's ArchiveOnly layout
/// the stream is checked instead, and the kept archive plus its metadata are the image.
/// One instance does one job.
///
/// Pulls of one image by several processes are serialised by the image's lock: the first
/// downloads, the others wait (status()) and then use what it left.
class ImagePuller : public QObject
{
    Q_OBJECT

public:
    ImagePuller(ImageCache cache, QUrl registry, QObject *parent = nullptr);
    ~ImagePuller() override;

    void setLimits(const ExtractLimits &limits) { m_limits = limits; }
    /// How long the registry may send nothing before a pull gives up (IMAGE_TIMEOUT).
    void setTimeout(int seconds) { m_timeoutSec = seconds; }

    /// The cached image if there is one (no network), else the built-in one for `default`,
    /// else a pull.
    void ensure(const QString &name);
    /// Asks the registry; downloads unless the cached copy has the registry's digest.
    void pull(const QString &name);
    void importFile(const QString &archivePath, const QString &name);
    void cancel();

Q_SIGNALS:
    /// What it is doing, when that may take a while ("waiting for another process …").
    void status(const QString &message);
    void progress(qint64 received, qint64 total, double bytesPerSecond, int etaSeconds);
    void succeeded(const ImageMetadata &image);
    void failed(const Error &error);

private:
    enum class Job { Ensure, Pull, Import };

    void begin(Job job, const QString &name, const QString &file = {});
    void tryLock();
    void onLocked();
    void runImport(const QString &file, const QString &source);
    void askRegistry();
    void startDownload(const RegistryEntry &entry, const QString &digest);
    void startExtraction();
    /// Where the current attempt extracts to; empty in the ArchiveOnly layout, which only checks.
    QString rootfsStaging() const;
    void onExtractionDone(int attempt);
    void commitIfDone();
    void fail(const Error &error);
    void finishFailure();
    void succeed(const ImageMetadata &image);
    Error withCachedList(const Error &error) const;
    Error explained(const Error &error) const;

    ImageCache m_cache;
    QUrl m_registryUrl;
    ExtractLimits m_limits;
    int m_timeoutSec = 30;
    Job m_job = Job::Ensure;
    QString m_name;
    QString m_file;
    std::optional<ImageLock> m_lock;
    QTimer m_lockPoll;
    bool m_toldWaiting = false;
    bool m_finished = false;

    QThreadPool m_pool;
    QNetworkAccessManager *m_network = nullptr;
    RegistryClient *m_registry = nullptr;
    ImageDownloader *m_downloader = nullptr;
    RegistryEntry m_entry;
    QString m_staging;
    std::shared_ptr<ArchiveStream> m_stream;
    QFutureWatcher<Result<ExtractReport>> *m_extraction = nullptr;
    int m_attempt = 0;
    std::optional<ExtractReport> m_report;
    bool m_downloaded = false;
    bool m_downloadFailed = false; ///< the error came from the download, not the extraction
    std::optional<Error> m_error;
};
