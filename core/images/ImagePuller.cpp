// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImagePuller.h"

#include "ArchiveStream.h"
#include "DirectoryTree.h"
#include "DiskSpace.h"
#include "ImageDownloader.h"
#include "ImageImporter.h"
#include "Logging.h"
#include "Paths.h"
#include "RegistryClient.h"
#include "Sha256.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QtConcurrent>

namespace {

constexpr int kLockPollMs = 100;
// Bytes the extractor may lag behind the download before the download pauses.
constexpr qint64 kHighWater = qint64(64) << 20;
constexpr qint64 kLowWater = qint64(16) << 20;

} // namespace

ImagePuller::ImagePuller(ImageCache cache, QUrl registry, QObject *parent)
    : QObject(parent), m_cache(std::move(cache)), m_registryUrl(std::move(registry))
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("image-extraction"));
    m_lockPoll.setInterval(kLockPollMs);
    connect(&m_lockPoll, &QTimer::timeout, this, &ImagePuller::tryLock);
}

ImagePuller::~ImagePuller()
{
    if (m_stream)
        m_stream->abort();
    m_pool.waitForDone();
    if (!m_staging.isEmpty()) {
        if (const Result<void> removed = DirectoryTree::remove(m_staging); !removed)
            qCWarning(lcImages).noquote() << removed.error().message;
    }
}

void ImagePuller::ensure(const QString &name)
{
    begin(Job::Ensure, name);
}

void ImagePuller::pull(const QString &name)
{
    begin(Job::Pull, name);
}

void ImagePuller::importFile(const QString &archivePath, const QString &name)
{
    begin(Job::Import, name, QFileInfo(archivePath).absoluteFilePath());
}

void ImagePuller::cancel()
{
    fail(Error::io(QStringLiteral("getting image '%1' was cancelled").arg(m_name)));
}

void ImagePuller::begin(Job job, const QString &name, const QString &file)
{
    m_job = job;
    m_name = name;
    m_file = file;
    // Always answer from the event loop, so callers can connect after calling.
    QTimer::singleShot(0, this, [this] {
        if (const Result<void> valid = ImageCache::checkName(m_name); !valid) {
            fail(valid.error());
            return;
        }
        if (m_job == Job::Ensure && m_cache.contains(m_name)) {
            // The common case: no lock, no network.
            if (const Result<void> touched = m_cache.touch(m_name); !touched)
                qCWarning(lcImages).noquote() << touched.error().message;
            succeed(m_cache.metadata(m_name).value());
            return;
        }
        if (const Result<void> layout = m_cache.ensureLayout(); !layout) {
            fail(layout.error());
            return;
        }
        m_lock.emplace(m_cache.lockFor(m_name));
        tryLock();
    });
}

void ImagePuller::tryLock()
{
    if (m_finished)
        return;
    const Result<bool> locked = m_lock->tryLock();
    if (!locked) {
        m_lockPoll.stop();
        fail(locked.error());
        return;
    }
    if (!*locked) {
        if (!m_toldWaiting) {
            m_toldWaiting = true;
            Q_EMIT status(QStringLiteral("waiting for another process that is getting image '%1'").arg(m_name));
        }
        m_lockPoll.start();
        return;
    }
    m_lockPoll.stop();
    onLocked();
}

void ImagePuller::onLocked()
{
    m_cache.removeLeftStaging(m_name);
    // Another process may have finished the same image while we waited.
    if (m_job == Job::Ensure && m_cache.contains(m_name)) {
        succeed(m_cache.metadata(m_name).value());
        return;
    }
    if (m_job == Job::Import) {
        runImport(m_file, m_file);
        return;
    }
    const QString builtin = Paths::builtinImage(m_name);
    if (m_job == Job::Ensure && QFileInfo(builtin).isFile()) {
        runImport(builtin, QStringLiteral("built-in:") + builtin);
        return;
    }
    askRegistry();
}

void ImagePuller::runImport(const QString &file, const QString &source)
{
    Q_EMIT status(QStringLiteral("extracting %1").arg(file));
    auto *watcher = new QFutureWatcher<Result<ImageMetadata>>(this);
    connect(watcher, &QFutureWatcher<Result<ImageMetadata>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        const Result<ImageMetadata> result = watcher->result();
        if (result)
            succeed(*result);
        else
            fail(result.error());
    });
    watcher->setFuture(QtConcurrent::run(&m_pool, [importer = ImageImporter(m_cache, m_limits), file, name = m_name,
                                                   source] {
        Result<ImageMetadata> imported = importer.importFile(file, name, source);
        Sha256::releaseThreadState();
        return imported;
    }));
}

Error ImagePuller::withCachedList(const Error &error) const
{
    const QStringList cached = m_cache.names();
    return Error{error.kind, error.message + QStringLiteral("; cached images: ")
                                 + (cached.isEmpty() ? QStringLiteral("none") : cached.join(QStringLiteral(", ")))};
}

void ImagePuller::askRegistry()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    m_registry = new RegistryClient(m_network, m_registryUrl, this);
    m_registry->setTimeout(m_timeoutSec, QStringLiteral("IMAGE_TIMEOUT"));
    Q_EMIT status(QStringLiteral("asking %1 for image '%2'").arg(m_registry->base().toString(), m_name));
    m_registry->list([this](Result<QList<RegistryEntry>> entries) {
        if (!entries) {
            fail(withCachedList(entries.error()));
            return;
        }
        QStringList offered;
        for (const RegistryEntry &entry : *entries) {
            if (entry.name != m_name) {
                offered.append(entry.name);
                continue;
            }
            m_registry->digestOf(entry, [this, entry](Result<QString> digest) {
                if (!digest) {
                    fail(digest.error());
                    return;
                }
                if (m_cache.contains(m_name) && !digest->isEmpty()
                    && m_cache.metadata(m_name)->sha256 == *digest) {
                    if (const Result<void> touched = m_cache.touch(m_name); !touched)
                        qCWarning(lcImages).noquote() << touched.error().message;
                    succeed(m_cache.metadata(m_name).value());
                    return;
                }
                startDownload(entry, *digest);
            });
            return;
        }
        fail(withCachedList(Error::notFound(QStringLiteral("the registry %1 has no image '%2' (it offers: %3)")
                                                .arg(m_registry->base().toString(), m_name,
                                                     offered.isEmpty() ? QStringLiteral("nothing")
                                                                       : offered.join(QStringLiteral(", "))))));
    });
}

void ImagePuller::startDownload(const RegistryEntry &entry, const QString &digest)
{
    // Only a cached copy can be in use (a session that is starting records its image before
    // getting it, so without that copy the "use" is this very pull).
    if (m_cache.contains(m_name) && m_cache.isInUse(m_name)) {
        fail(Error::busy(QStringLiteral("image '%1' is used by a running session; stop it before pulling a new "
                                        "version").arg(m_name)));
        return;
    }
    m_entry = entry;
    m_entry.sha256 = digest;
    const Result<QString> staging = m_cache.makeStagingDir(m_name, QStringLiteral("pull"));
    if (!staging) {
        fail(staging.error());
        return;
    }
    m_staging = *staging;
    Q_EMIT status(QStringLiteral("downloading %1").arg(entry.url.toString()));
    m_downloader = new ImageDownloader(m_network, this);
    m_downloader->setTimeout(m_timeoutSec, QStringLiteral("IMAGE_TIMEOUT"));
    connect(m_downloader, &ImageDownloader::chunkReceived, this, [this](const QByteArray &bytes) {
        m_stream->push(bytes);
        if (m_stream->isFull())
            m_downloader->pauseReading();
    });
    connect(m_downloader, &ImageDownloader::restarted, this, [this] {
        m_stream->abort();
        startExtraction();
    });
    connect(m_downloader, &ImageDownloader::progress, this, &ImagePuller::progress);
    connect(m_downloader, &ImageDownloader::finished, this, [this] {
        m_downloaded = true;
        m_stream->finish();
        commitIfDone();
    });
    connect(m_downloader, &ImageDownloader::failed, this, [this](const Error &error) {
        m_downloadFailed = true;
        fail(error);
    });
    startExtraction();
    m_downloader->start(entry.url, m_cache.partialDownloadPath(m_name), digest);
    if (m_downloader->resumedFrom() > 0)
        Q_EMIT status(QStringLiteral("resuming the download of %1 after %2 bytes")
                          .arg(entry.url.toString())
                          .arg(m_downloader->resumedFrom()));
}

void ImagePuller::startExtraction()
{
    const int attempt = ++m_attempt;
    m_report.reset();
    const QString target = rootfsStaging();
    if (!target.isEmpty() && !QDir().mkdir(target)) {
        fail(Error::io(QStringLiteral("cannot create %1").arg(target)));
        return;
    }
    m_stream = std::make_shared<ArchiveStream>();
    // Called on the worker thread; the downloader lives on this one.
    m_stream->setFlowControl(kHighWater, kLowWater, [downloader = m_downloader] {
        QMetaObject::invokeMethod(downloader, &ImageDownloader::resumeReading, Qt::QueuedConnection);
    });
    auto *watcher = new QFutureWatcher<Result<ExtractReport>>(this);
    connect(watcher, &QFutureWatcher<Result<ExtractReport>>::finished, this, [this, watcher, attempt] {
        watcher->deleteLater();
        if (attempt != m_attempt || m_finished)
            return;
        const Result<ExtractReport> result = watcher->result();
        m_extraction = nullptr;
        if (!result) {
            fail(result.error());
            return;
        }
        m_report = *result;
        commitIfDone();
    });
    m_extraction = watcher;
    // ArchiveOnly: the stream goes through the same checks, and nothing is written.
    watcher->setFuture(QtConcurrent::run(&m_pool, [extractor = ArchiveExtractor(m_limits), stream = m_stream, target] {
        return target.isEmpty() ? extractor.checkStream(*stream) : extractor.extractStream(*stream, target);
    }));
}

QString ImagePuller::rootfsStaging() const
{
    if (m_cache.layout() == ImageCache::Layout::ArchiveOnly)
        return {};
    return m_staging + QStringLiteral("/rootfs-") + QString::number(m_attempt);
}

void ImagePuller::commitIfDone()
{
    if (!m_downloaded || !m_report || m_finished)
        return;
    const QString archiveName = ImageImporter::archiveFileName(m_name, m_entry.url.path());
    ImageMetadata metadata;
    metadata.name = m_name;
    metadata.source = m_entry.url.toString();
    metadata.sha256 = m_downloader->sha256();
    metadata.archive = archiveName;
    metadata.archiveSize = m_downloader->size();
    metadata.diskSize = m_report->bytes;
    metadata.entries = m_report->entries;
    metadata.devicesSkipped = m_report->devicesSkipped;
    metadata.created = QDateTime::currentDateTimeUtc();
    metadata.lastUsed = metadata.created;
    const Result<void> kept = m_cache.keepArchive(m_cache.partialDownloadPath(m_name), archiveName);
    if (!kept) {
        // Without its archive an ArchiveOnly image is nothing; a rootfs still works on Linux.
        if (m_cache.layout() == ImageCache::Layout::ArchiveOnly) {
            fail(kept.error());
            return;
        }
        qCWarning(lcImages).noquote() << kept.error().message;
    }
    if (const Result<void> committed = m_cache.commit(rootfsStaging(), metadata); !committed) {
        if (kept)
            QFile::remove(m_cache.archivesDir() + QLatin1Char('/') + archiveName);
        fail(committed.error());
        return;
    }
    succeed(metadata);
}

void ImagePuller::succeed(const ImageMetadata &image)
{
    if (m_finished)
        return;
    m_finished = true;
    m_lockPoll.stop();
    if (!m_staging.isEmpty()) {
        if (const Result<void> removed = DirectoryTree::remove(m_staging); !removed)
            qCWarning(lcImages).noquote() << removed.error().message;
        m_staging.clear();
    }
    if (m_lock)
        m_lock->unlock();
    Q_EMIT succeeded(image);
}

Error ImagePuller::explained(const Error &error) const
{
    if (error.kind != Error::Kind::NoSpace)
        return error;
    // After the clean-up, so the room it tells of is what the user really has.
    if (m_downloadFailed)
        return DiskSpace::fullError(QStringLiteral("the archive of image '%1'").arg(m_name), m_cache.tmpDir(),
                                    m_downloader->expectedSize());
    return DiskSpace::fullError(QStringLiteral("image '%1'").arg(m_name), m_cache.root());
}

void ImagePuller::fail(const Error &error)
{
    if (m_finished || m_error)
        return;
    m_error = error;
    m_lockPoll.stop();
    if (m_downloader) {
        m_downloader->disconnect(this);
        m_downloader->cancel();
        // What arrived is worth resuming only after a network failure; after a bad archive or
        // a full disk the cache must be as it was.
        if (error.kind != Error::Kind::Network)
            m_downloader->discardPartial();
    }
    if (m_stream)
        m_stream->abort();
    // The worker may still be writing into the staging directory: clean up once it has stopped.
    if (m_extraction && m_extraction->isRunning()) {
        m_extraction->disconnect(this);
        connect(m_extraction, &QFutureWatcher<Result<ExtractReport>>::finished, this, &ImagePuller::finishFailure);
        return;
    }
    finishFailure();
}

void ImagePuller::finishFailure()
{
    m_pool.waitForDone();
    m_finished = true;
    if (!m_staging.isEmpty()) {
        if (const Result<void> removed = DirectoryTree::remove(m_staging); !removed)
            qCWarning(lcImages).noquote() << removed.error().message;
        m_staging.clear();
    }
    if (m_lock)
        m_lock->unlock();
    Q_EMIT failed(explained(*m_error));
}
