// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ArchiveSink.h"
#include "Result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

/// Writes archive entries below one directory, safely by construction: every path is resolved
/// component by component from a directory descriptor with O_NOFOLLOW, so no entry can land
/// outside the target, whatever symlinks, `..`, absolute names or hard links the archive holds.
///
/// Files keep the caller's ownership (a rootless container maps the caller to uid 0, so they
/// look root-owned inside). setuid/setgid bits on files are dropped: the launcher sets
/// no_new_privs, so inside the container they could never take effect, while on the host they
/// would let anyone run the image's programs as the caller. setgid on directories is kept, as
/// it only decides the group of new files.
///
/// Unix-only (descriptor-relative calls, O_NOFOLLOW, xattrs); ArchiveSink::tree() hands it out.
class RootfsWriter final : public ArchiveSink
{
public:
    RootfsWriter() = default;
    ~RootfsWriter() override;
    RootfsWriter(const RootfsWriter &) = delete;
    RootfsWriter &operator=(const RootfsWriter &) = delete;

    /// Opens @p targetDir, an existing directory, as the root of everything written.
    Result<void> open(const QString &targetDir);
    /// Writes the entry whose header @p reader has just read, with its data.
    /// @p maxBytes bounds the file contents written in total.
    Result<void> write(archive *reader, const ArchiveEntry &entry, ExtractReport &report, qint64 maxBytes) override;
    /// Applies directory permissions and times, deepest first, once every entry is written.
    Result<void> finish() override;

private:
    struct DirectoryAttributes
    {
        unsigned mode = 0;
        qint64 mtimeSec = 0;
        long mtimeNsec = 0;
        bool hasMtime = false;
    };

    Result<int> openDirectory(const QByteArray &path, const QByteArray &entryName);
    Result<void> clearLeaf(int parentFd, const QByteArray &leaf, const QByteArray &entryName);
    Result<void> writeFile(archive *reader, const ArchiveEntry &entry, int parentFd, const QByteArray &leaf,
                           ExtractReport &report, qint64 maxBytes);
    Result<void> writeHardLink(const ArchiveEntry &entry, int parentFd, const QByteArray &leaf);
    void setXattrs(archive_entry *entry, int fd, ExtractReport &report);
    void closeDirectories();

    int m_rootFd = -1;
    QString m_root;
    QHash<QByteArray, int> m_directories; ///< open descriptors of directories below the root
    QHash<QByteArray, DirectoryAttributes> m_deferred;
};
