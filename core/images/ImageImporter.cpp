// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImageImporter.h"

#include "DirectoryTree.h"
#include "DiskSpace.h"
#include "Logging.h"
#include "sessions/FileLink.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

QString ImageImporter::archiveFileName(const QString &name, const QString &archivePath)
{
    static const char *const suffixes[] = {".tar.gz", ".tgz", ".tar.xz", ".tar.zst", ".tar"};
    for (const char *suffix : suffixes) {
        if (archivePath.endsWith(QLatin1String(suffix)))
            return name + QLatin1String(suffix);
    }
    return name + QStringLiteral(".tar");
}

Result<ImageMetadata> ImageImporter::importFile(const QString &archivePath, const QString &name,
                                                const QString &source) const
{
    if (const Result<void> valid = ImageCache::checkName(name); !valid)
        return valid.error();
    if (!QFileInfo(archivePath).isFile())
        return Error::notFound(QStringLiteral("cannot import %1: no such file").arg(archivePath));
    const Result<QString> staging = m_cache.makeStagingDir(name, QStringLiteral("import"));
    if (!staging)
        return staging.error();
    const QString rootfs = *staging + QStringLiteral("/rootfs");
    const QString keptArchive = *staging + QStringLiteral("/archive");
    auto fail = [&](const Error &error) -> Error {
        if (const Result<void> removed = DirectoryTree::remove(*staging); !removed)
            qCWarning(lcImages).noquote() << removed.error().message;
        return error;
    };
    const bool tree = m_cache.layout() == ImageCache::Layout::Rootfs;
    if (tree && !QDir().mkdir(rootfs))
        return fail(Error::io(QStringLiteral("cannot create %1").arg(rootfs)));

    QByteArray digest;
    const ArchiveExtractor extractor(m_limits);
    const Result<ExtractReport> report = tree ? extractor.extractFile(archivePath, rootfs, &digest)
                                              : extractor.checkFile(archivePath, &digest);
    if (!report)
        return fail(report.error());

    // A hard link costs nothing when the archive is on the same file system as the cache.
    const Result<bool> linked = FileLink::createNew(archivePath, keptArchive);
    if ((!linked || !*linked) && !QFile::copy(archivePath, keptArchive)) {
        // QFile::copy keeps no errno: a lack of room is told by the room left.
        const bool full = DiskSpace::available(*staging) < QFileInfo(archivePath).size();
        return fail(Error{full ? Error::Kind::NoSpace : Error::Kind::Io,
                          QStringLiteral("cannot copy %1 into %2").arg(archivePath, m_cache.archivesDir())});
    }
    ImageMetadata metadata;
    metadata.name = name;
    metadata.source = source;
    metadata.sha256 = QString::fromLatin1(digest);
    metadata.archive = archiveFileName(name, archivePath);
    metadata.archiveSize = QFileInfo(archivePath).size();
    metadata.diskSize = report->bytes;
    metadata.entries = report->entries;
    metadata.devicesSkipped = report->devicesSkipped;
    metadata.created = QDateTime::currentDateTimeUtc();
    metadata.lastUsed = metadata.created;

    const Result<void> kept = m_cache.keepArchive(keptArchive, metadata.archive);
    if (!kept) {
        // Without its archive an ArchiveOnly image is nothing; a rootfs still works on Linux.
        if (!tree)
            return fail(kept.error());
        qCWarning(lcImages).noquote() << kept.error().message;
    }
    if (const Result<void> committed = m_cache.commit(tree ? rootfs : QString(), metadata); !committed) {
        if (kept)
            QFile::remove(m_cache.archivesDir() + QLatin1Char('/') + metadata.archive);
        return fail(committed.error());
    }
    if (const Result<void> removed = DirectoryTree::remove(*staging); !removed)
        qCWarning(lcImages).noquote() << removed.error().message;
    return metadata;
}
