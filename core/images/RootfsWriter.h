// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QByteArray>
#include <QHash>
#include <QString>

struct archive;
struct archive_entry;

/// What an extraction did besides writing files.
struct ExtractReport
{
    qint64 entries = 0;
    qint64 bytes = 0;          ///< file contents written
    qint64 devicesSkipped = 0; ///< character and block devices (a rootless container cannot use them)
    qint64 socketsSkipped = 0;
    qint64 xattrsSkipped = 0;  ///< extended attributes the kernel refused to an ordinary user
};

/// Writes archive entries below one directory, safely by construction: every path is resolved
/// component by component from a directory descriptor with O_NOFOLLOW, so no entry can land
/// outside the target, whatever symlinks, `..`, absolute names or hard links the archive holds.
///
/// Files keep the caller's ownership (a rootless container maps the caller to uid 0, so they
/// look root-owned inside). setuid/setgid bits on files are dropped: the launcher sets
/// no_new_privs, so inside the container they could never take effect, while on the host they
/// would let anyone run the image's programs as the caller. setgid on directories is kept, as
/// it only decides the group of new files.
class RootfsWriter
{
public:
    RootfsWriter() = default;
    ~RootfsWriter();
    RootfsWriter(const RootfsWriter &) = delete;
    RootfsWriter &operator=(const RootfsWriter &) = delete;

    /// Opens @p targetDir, an existing directory, as the root of everything written; entry
    /// names longer than @p maxPathLength bytes are refused.
    Result<void> open(const QString &targetDir, int maxPathLength);
    /// Writes the entry whose header @p reader has just read, with its data.
    /// @p maxBytes bounds the file contents written in total.
    Result<void> write(archive *reader, archive_entry *entry, ExtractReport &report, qint64 maxBytes);
    /// Applies directory permissions and times, deepest first, once every entry is written.
    Result<void> finish();

    /// An archive path made relative to the target: `./` and empty components dropped.
    /// Refuses absolute paths, `..` components and paths longer than @p maxLength bytes.
    /// An empty result names the target itself. Pure, so it can be fuzzed.
    static Result<QByteArray> normalisePath(const QByteArray &raw, int maxLength);

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
    Result<void> writeFile(archive *reader, archive_entry *entry, int parentFd, const QByteArray &leaf,
                           const QByteArray &name, ExtractReport &report, qint64 maxBytes);
    Result<void> writeHardLink(archive_entry *entry, int parentFd, const QByteArray &leaf, const QByteArray &name);
    void setXattrs(archive_entry *entry, int fd, ExtractReport &report);
    void closeDirectories();

    int m_rootFd = -1;
    QString m_root;
    QHash<QByteArray, int> m_directories; ///< open descriptors of directories below the root
    QHash<QByteArray, DirectoryAttributes> m_deferred;
    int m_maxPathLength = 4096;
};
