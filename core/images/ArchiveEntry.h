// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>

struct archive;
struct archive_entry;

/// What reading an archive did besides handing entries on.
struct ExtractReport
{
    qint64 entries = 0;
    qint64 bytes = 0;          ///< file contents read (and written, when extracting)
    qint64 devicesSkipped = 0; ///< character and block devices (a rootless container cannot use them)
    qint64 socketsSkipped = 0;
    qint64 xattrsSkipped = 0;  ///< extended attributes the kernel refused to an ordinary user
};

/// One archive entry as both extraction and the archive check see it: its name normalised and
/// every rule that needs no file system applied, so the two refuse the same archives with the
/// same messages. Portable; only writing a tree (RootfsWriter) is Unix-only.
class ArchiveEntry
{
public:
    enum class Type { Root, Directory, File, Symlink, HardLink, Fifo, Device, Socket };

    /// Reads the header libarchive has just parsed into @p entry; names longer than
    /// @p maxPathLength bytes, absolute or with `..` are refused, as are hard links to such names.
    static Result<ArchiveEntry> read(archive_entry *entry, int maxPathLength);

    /// An archive path made relative to the target: `./` and empty components dropped.
    /// Refuses absolute paths, `..` components and paths longer than @p maxLength bytes.
    /// An empty result names the target itself. Pure, so it can be fuzzed.
    static Result<QByteArray> normalisePath(const QByteArray &raw, int maxLength);

    /// The one-line error about the entry named @p name.
    static Error error(const QByteArray &name, const QString &what);

    /// Receives a file's data block by block, at its offset in the file (sparse files skip holes).
    using BlockSink = std::function<Result<void>(const char *data, size_t size, qint64 offset)>;
    /// Reads a File entry's data, counting it in @p report against @p maxBytes in total, and
    /// hands each block to @p sink. Returns where the last block ended.
    Result<qint64> readData(archive *reader, ExtractReport &report, qint64 maxBytes, const BlockSink &sink) const;

    Type type = Type::File;
    QByteArray name;       ///< normalised; empty for Type::Root
    QByteArray linkTarget; ///< a symlink's target as written, or a hard link's normalised target
    archive_entry *header = nullptr;
};
