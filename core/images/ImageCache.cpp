// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImageCache.h"

#include "sessions/SessionStore.h"

#include "DirectoryTree.h"
#include "PartialDownload.h"
#include "Logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QTemporaryDir>

namespace {

// For clean-up on a path that already reports a more important error.
void logIfFailed(const Result<void> &result)
{
    if (!result)
        qCWarning(lcImages).noquote() << result.error().message;
}

} // namespace

ImageCache::ImageCache(QString root, Layout layout) : m_root(QDir::cleanPath(std::move(root))), m_layout(layout) { }

QString ImageCache::imagesDir() const
{
    return m_root + QStringLiteral("/images");
}

QString ImageCache::archivesDir() const
{
    return m_root + QStringLiteral("/archives");
}

QString ImageCache::layersDir() const
{
    return m_root + QStringLiteral("/layers");
}

QString ImageCache::tmpDir() const
{
    return m_root + QStringLiteral("/tmp");
}

QString ImageCache::rootfsPath(const QString &name) const
{
    return imagesDir() + QLatin1Char('/') + name;
}

QString ImageCache::metadataPath(const QString &name) const
{
    return imagesDir() + QLatin1Char('/') + name + QStringLiteral(".json");
}

QString ImageCache::imagePath(const QString &name) const
{
    if (m_layout == Layout::Rootfs)
        return rootfsPath(name);
    const Result<ImageMetadata> stored = storedMetadata(name);
    return stored && !stored->archive.isEmpty() ? archivesDir() + QLatin1Char('/') + stored->archive : QString();
}

QString ImageCache::partialDownloadPath(const QString &name) const
{
    return tmpDir() + QLatin1Char('/') + name + PartialDownload::suffix();
}

Result<void> ImageCache::checkName(const QString &name)
{
    static const QRegularExpression valid(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$"));
    if (valid.match(name).hasMatch() && !name.endsWith(QLatin1String(".json")))
        return {};
    return Error::invalid(QStringLiteral("'%1' is not an image name; use letters, digits, '.', '_' and '-' (no '/')")
                              .arg(name));
}

Result<void> ImageCache::ensureLayout() const
{
    for (const QString &dir : {imagesDir(), archivesDir(), layersDir(), tmpDir()}) {
        if (!QDir().mkpath(dir)) {
            return Error::io(QStringLiteral("cannot create %1; check that container_cache_dir (%2) is writable")
                                 .arg(dir, m_root));
        }
    }
    return {};
}

bool ImageCache::contains(const QString &name) const
{
    if (!checkName(name))
        return false;
    if (m_layout == Layout::Rootfs)
        return QFileInfo(rootfsPath(name)).isDir() && !QFileInfo(rootfsPath(name)).isSymLink();
    // The metadata is what makes a kept archive an image; without it, or without the archive it
    // names, a pull or import starts over.
    const Result<ImageMetadata> stored = storedMetadata(name);
    return stored && !stored->archive.isEmpty() && QFileInfo(archivesDir() + QLatin1Char('/') + stored->archive).isFile();
}

Result<ImageMetadata> ImageCache::storedMetadata(const QString &name) const
{
    QFile file(metadataPath(name));
    if (!file.exists())
        return Error::notFound(QStringLiteral("%1 does not exist").arg(metadataPath(name)));
    if (!file.open(QIODevice::ReadOnly))
        return Error::io(QStringLiteral("cannot read %1: %2; 'rm %3' removes the image, then pull or import it again")
                             .arg(file.fileName(), file.errorString(), name));
    return ImageMetadata::fromJson(file.readAll(), file.fileName());
}

QList<Error> ImageCache::damagedMetadata() const
{
    QList<Error> damaged;
    for (const QString &name : candidates()) {
        const Result<ImageMetadata> stored = storedMetadata(name);
        if (!stored && stored.error().kind != Error::Kind::NotFound)
            damaged.append(stored.error());
    }
    return damaged;
}

Result<ImageMetadata> ImageCache::metadata(const QString &name) const
{
    if (!contains(name))
        return Error::notFound(QStringLiteral("image '%1' is not in the cache").arg(name));
    Result<ImageMetadata> parsed = storedMetadata(name);
    if (parsed) {
        parsed->name = name;
        return parsed;
    }
    // A damaged file is reported through damagedMetadata(), once, by whoever lists the cache.
    ImageMetadata fallback;
    fallback.name = name;
    fallback.created = QFileInfo(rootfsPath(name)).lastModified();
    return fallback;
}

QStringList ImageCache::candidates() const
{
    if (m_layout == Layout::Rootfs)
        return QDir(imagesDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QStringList result;
    const QStringList files = QDir(imagesDir()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &file : files)
        result.append(file.chopped(5));
    return result;
}

QStringList ImageCache::names() const
{
    QStringList result;
    for (const QString &entry : candidates()) {
        if (contains(entry))
            result.append(entry);
    }
    return result;
}

QList<ImageMetadata> ImageCache::list() const
{
    QList<ImageMetadata> result;
    for (const QString &name : names()) {
        if (Result<ImageMetadata> m = metadata(name))
            result.append(*m);
    }
    return result;
}

Result<void> ImageCache::writeMetadata(const ImageMetadata &metadata) const
{
    QSaveFile file(metadataPath(metadata.name));
    if (!file.open(QIODevice::WriteOnly) || file.write(metadata.toJson()) < 0 || !file.commit()) {
        return Error::io(QStringLiteral("cannot write %1: %2").arg(metadataPath(metadata.name), file.errorString()));
    }
    return {};
}

Result<void> ImageCache::touch(const QString &name) const
{
    Result<ImageMetadata> m = metadata(name);
    if (!m)
        return m.error();
    m->lastUsed = QDateTime::currentDateTimeUtc();
    return writeMetadata(*m);
}

ImageLock ImageCache::lockFor(const QString &name) const
{
    return ImageLock(tmpDir() + QLatin1Char('/') + name + QStringLiteral(".lock"));
}

Result<QString> ImageCache::makeStagingDir(const QString &name, const QString &purpose) const
{
    if (const Result<void> layout = ensureLayout(); !layout)
        return layout.error();
    // '@' cannot occur in an image name, so clean() can tell whose staging this is.
    QTemporaryDir dir(tmpDir() + QLatin1Char('/') + name + QLatin1Char('@') + purpose + QStringLiteral(".XXXXXX"));
    if (!dir.isValid())
        return Error::io(QStringLiteral("cannot create a staging directory in %1: %2").arg(tmpDir(), dir.errorString()));
    dir.setAutoRemove(false);
    return dir.path();
}

void ImageCache::removeLeftStaging(const QString &name) const
{
    const QStringList left = QDir(tmpDir()).entryList({name + QStringLiteral("@*")},
                                                      QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QString &entry : left)
        logIfFailed(DirectoryTree::remove(tmpDir() + QLatin1Char('/') + entry));
}

Result<void> ImageCache::keepArchive(const QString &file, const QString &archiveName) const
{
    return replaceFile(file, archivesDir() + QLatin1Char('/') + archiveName);
}

Result<void> ImageCache::commit(const QString &stagingDir, const ImageMetadata &metadata) const
{
    // Metadata first: an image directory never appears without it, and a metadata file without
    // its directory is ignored by list(). In ArchiveOnly it is the whole commit.
    if (const Result<void> written = writeMetadata(metadata); !written)
        return written;
    if (m_layout == Layout::ArchiveOnly)
        return {};
    const Result<bool> swapped = moveTree(stagingDir, rootfsPath(metadata.name));
    if (!swapped) {
        return Error{swapped.error().kind, QStringLiteral("cannot move %1 into the cache as %2: %3")
                                               .arg(stagingDir, rootfsPath(metadata.name), swapped.error().message)};
    }
    if (*swapped)
        return DirectoryTree::remove(stagingDir);
    return {};
}

bool ImageCache::isInUse(const QString &name) const
{
    // A session's record names its image and its owner, whose start time survives PID reuse.
    const SessionStore::Listing sessions = SessionStore(m_root).list();
    return std::any_of(sessions.records.cbegin(), sessions.records.cend(), [&name](const SessionRecord &record) {
        return record.image == name && record.isOwnerAlive();
    });
}

Result<qint64> ImageCache::removeUnlocked(const QString &name) const
{
    const ImageMetadata m = metadata(name).value();
    const QString archive = m.archive.isEmpty() ? QString() : archivesDir() + QLatin1Char('/') + m.archive;
    const qint64 archiveBytes = archive.isEmpty() ? 0 : QFileInfo(archive).size();
    if (m_layout == Layout::ArchiveOnly) {
        // The metadata goes first: without it the archive is no longer an image.
        if (!QFile::remove(metadataPath(name)))
            return Error::io(QStringLiteral("cannot remove %1; check that it is writable").arg(metadataPath(name)));
        if (!archive.isEmpty() && !QFile::remove(archive))
            return Error::io(QStringLiteral("cannot remove %1; 'clean' removes it once nothing uses it").arg(archive));
        return archiveBytes;
    }
    const qint64 bytes = (m.diskSize > 0 ? m.diskSize : DirectoryTree::diskUsage(rootfsPath(name))) + archiveBytes;
    // Out of images/ first, in one step, so nobody sees a half-deleted image.
    const Result<QString> trash = makeStagingDir(name, QStringLiteral("removing"));
    if (!trash)
        return trash.error();
    if (const Result<bool> moved = moveTree(rootfsPath(name), *trash + QStringLiteral("/rootfs")); !moved) {
        logIfFailed(DirectoryTree::remove(*trash));
        return Error{moved.error().kind, QStringLiteral("cannot remove %1: %2").arg(rootfsPath(name), moved.error().message)};
    }
    QFile::remove(metadataPath(name));
    if (!archive.isEmpty())
        QFile::remove(archive);
    if (const Result<void> removed = DirectoryTree::remove(*trash); !removed)
        return removed.error();
    return bytes;
}

Result<void> ImageCache::remove(const QString &name) const
{
    if (const Result<void> valid = checkName(name); !valid)
        return valid;
    if (!contains(name)) {
        const QStringList cached = names();
        return Error::notFound(QStringLiteral("image '%1' is not in the cache (cached: %2)")
                                   .arg(name, cached.isEmpty() ? QStringLiteral("none") : cached.join(QStringLiteral(", "))));
    }
    if (isInUse(name))
        return Error::busy(QStringLiteral("image '%1' is used by a running session; stop it first").arg(name));
    ImageLock lock = lockFor(name);
    const Result<bool> locked = lock.tryLock();
    if (!locked)
        return locked.error();
    if (!*locked)
        return Error::busy(QStringLiteral("image '%1' is being pulled by another process; try again when it is done").arg(name));
    const Result<qint64> removed = removeUnlocked(name);
    if (!removed)
        return removed.error();
    return {};
}

Result<ImageCache::CleanReport> ImageCache::clean() const
{
    CleanReport report;
    if (!QFileInfo::exists(m_root))
        return report;
    if (const Result<void> layout = ensureLayout(); !layout)
        return layout.error();
    QSet<QString> keptArchives;
    QSet<QString> keptDigests;
    auto keep = [&](const QString &name) {
        const ImageMetadata m = metadata(name).value();
        keptArchives.insert(m.archive);
        keptDigests.insert(m.sha256);
    };
    for (const QString &name : names()) {
        if (isInUse(name)) {
            report.skipped.append(name + QStringLiteral(": used by a running session"));
            keep(name);
            continue;
        }
        ImageLock lock = lockFor(name);
        const Result<bool> locked = lock.tryLock();
        if (!locked || !*locked) {
            report.skipped.append(name + QStringLiteral(": being pulled by another process"));
            keep(name);
            continue;
        }
        const Result<qint64> removed = removeUnlocked(name);
        if (!removed)
            return removed.error();
        report.removed.append(name);
        report.bytesFreed += *removed;
    }

    const QFileInfoList archives = QDir(archivesDir()).entryInfoList(QDir::Files);
    for (const QFileInfo &archive : archives) {
        if (keptArchives.contains(archive.fileName()))
            continue;
        report.bytesFreed += archive.size();
        if (QFile::remove(archive.filePath()))
            ++report.archivesRemoved;
    }
    // Layers are named `<image digest>-<package list digest>`.
    const QStringList layers = QDir(layersDir()).entryList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot);
    for (const QString &layer : layers) {
        if (keptDigests.contains(layer.section(QLatin1Char('-'), 0, 0)))
            continue;
        // A package manager's chown leaves files of subordinate ids in a layer: removeTree
        // deletes those from a user namespace.
        if (SessionStore::removeTree(layersDir() + QLatin1Char('/') + layer))
            ++report.layersRemoved;
    }
    report.partialBytesRemoved = PartialDownload::removeStale(tmpDir(), PartialDownload::kStaleDays,
                                                              [this](const QString &name) {
                                                                  ImageLock lock = lockFor(name);
                                                                  const Result<bool> locked = lock.tryLock();
                                                                  return !locked || !*locked;
                                                              });
    report.bytesFreed += report.partialBytesRemoved;
    // Staging left by a crashed pull; a live pull holds its image's lock.
    const QStringList staging = QDir(tmpDir()).entryList(QDir::Dirs | QDir::Files | QDir::NoDotAndDotDot | QDir::Hidden);
    for (const QString &entry : staging) {
        if (entry.endsWith(QLatin1String(".lock")) || !entry.contains(QLatin1Char('@')))
            continue;
        ImageLock lock = lockFor(entry.section(QLatin1Char('@'), 0, 0));
        const Result<bool> locked = lock.tryLock();
        if (locked && *locked)
            logIfFailed(DirectoryTree::remove(tmpDir() + QLatin1Char('/') + entry));
    }
    return report;
}
