// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImageLock.h"
#include "ImageMetadata.h"
#include "Result.h"

#include <QList>
#include <QString>
#include <QStringList>

/// The on-disk image cache under `container_cache_dir`:
///   images/<name>/       the rootfs exactly as a container sees it (Layout::Rootfs only)
///   images/<name>.json   its metadata, beside it and never inside
///   archives/            tarballs as downloaded (WSL imports them)
///   layers/              package layers stacked over an image
///   tmp/                 staging and lock files; extraction happens here, then a rename
/// Nothing half-written is ever visible under images/. Cheap to construct; holds no state but
/// the root and the layout, so any thread or process may use its own instance.
class ImageCache
{
public:
    /// What an image is on disk. Rootfs: the extracted tree, its metadata and its archive (Unix,
    /// where containers run on the tree). ArchiveOnly: the archive and its metadata, nothing
    /// extracted (Windows: WSL imports the tarball, and NTFS cannot hold a Linux rootfs
    /// faithfully: modes, symlinks, devices, case). Archives are checked as strictly either way.
    enum class Layout { Rootfs, ArchiveOnly };
    static constexpr Layout platformLayout()
    {
#ifdef Q_OS_WIN
        return Layout::ArchiveOnly;
#else
        return Layout::Rootfs;
#endif
    }

    struct CleanReport
    {
        QStringList removed;  ///< image names
        QStringList skipped;  ///< `name: reason`, for images in use or being pulled
        int archivesRemoved = 0;
        int layersRemoved = 0;
        qint64 partialBytesRemoved = 0;
        qint64 bytesFreed = 0;
    };

    explicit ImageCache(QString root, Layout layout = platformLayout());

    QString root() const { return m_root; }
    Layout layout() const { return m_layout; }
    QString imagesDir() const;
    QString archivesDir() const;
    QString layersDir() const;
    QString tmpDir() const;
    QString rootfsPath(const QString &name) const;
    QString metadataPath(const QString &name) const;
    /// What holds the image @p name on disk: its rootfs (Rootfs) or its archive (ArchiveOnly).
    QString imagePath(const QString &name) const;
    /// Where a download of @p name's archive collects, resumable by a later process (PartialDownload).
    QString partialDownloadPath(const QString &name) const;

    /// Letters, digits, '.', '_' and '-', starting with a letter or digit (as `container_image`).
    static Result<void> checkName(const QString &name);

    Result<void> ensureLayout() const;
    bool contains(const QString &name) const;
    /// The metadata of a cached image; an image without its file gets what the disk tells.
    Result<ImageMetadata> metadata(const QString &name) const;
    /// Every cached image, by name.
    QList<ImageMetadata> list() const;
    /// One error per cached image whose metadata file exists but cannot be read or parsed, each
    /// naming the file and how to repair it; list() shows those images with what the disk tells.
    QList<Error> damagedMetadata() const;
    QStringList names() const;
    /// Records that a session is about to use @p name.
    Result<void> touch(const QString &name) const;

    /// The lock that serialises pulling, importing and removing @p name across processes.
    ImageLock lockFor(const QString &name) const;
    /// A fresh directory under tmp/ for @p name; clean() leaves it alone while the lock is held.
    Result<QString> makeStagingDir(const QString &name, const QString &purpose) const;
    /// Deletes what pulls, imports and removals of @p name left under tmp/ when their process
    /// died. The caller holds lockFor(@p name), so none of it is in use.
    void removeLeftStaging(const QString &name) const;
    /// Moves @p file, a finished archive, to archives/@p archiveName, replacing an older one.
    /// Done before commit(): a session that sees the image may import its archive into WSL at once.
    Result<void> keepArchive(const QString &file, const QString &archiveName) const;
    /// Rootfs: moves the finished rootfs @p stagingDir into images/ and writes @p metadata beside
    /// it, atomically replacing an older copy. ArchiveOnly: writes @p metadata (@p stagingDir is
    /// empty: there is no tree), which makes the kept archive an image. The caller holds
    /// lockFor(metadata.name).
    Result<void> commit(const QString &stagingDir, const ImageMetadata &metadata) const;
    Result<void> writeMetadata(const ImageMetadata &metadata) const;

    /// True while a live session (a `sessions/*.json` record whose process runs) uses @p name.
    bool isInUse(const QString &name) const;
    /// Deletes a cached image, its metadata and its archive; refused while in use or locked.
    Result<void> remove(const QString &name) const;
    /// Deletes every image not in use, unreferenced archives and layers, stale staging, and
    /// partial downloads older than PartialDownload::kStaleDays.
    Result<CleanReport> clean() const;

private:
    /// Names with something under images/ that may be an image: directories (Rootfs), metadata
    /// files (ArchiveOnly).
    QStringList candidates() const;
    Result<qint64> removeUnlocked(const QString &name) const;
    /// Renames the directory @p from to @p to; an existing @p to is swapped with it in one step
    /// where the platform can (true: @p from now holds the old tree). An error's message is only
    /// the system's reason, for the caller to put in context. Unix*/WinImageCache.cpp.
    static Result<bool> moveTree(const QString &from, const QString &to);
    /// Renames the file @p from to @p to, replacing what is there. Unix*/WinImageCache.cpp.
    static Result<void> replaceFile(const QString &from, const QString &to);
    /// The metadata file of @p name as written; NotFound when there is none.
    Result<ImageMetadata> storedMetadata(const QString &name) const;

    QString m_root;
    Layout m_layout;
};
