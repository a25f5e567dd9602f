// SPDX-License-Identifier: GPL-3.0-or-later
#include "ArchiveEntry.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>

namespace {

QString quoted(const QByteArray &name)
{
    return QLatin1Char('\'') + QString::fromUtf8(name) + QLatin1Char('\'');
}

Error overLimit(const QByteArray &name, qint64 maxBytes)
{
    return ArchiveEntry::error(name, QStringLiteral("extracting it would exceed the limit of %1 bytes in total").arg(maxBytes));
}

} // namespace

Error ArchiveEntry::error(const QByteArray &name, const QString &what)
{
    return Error::invalid(QStringLiteral("archive entry ") + quoted(name) + QStringLiteral(": ") + what);
}

Result<QByteArray> ArchiveEntry::normalisePath(const QByteArray &raw, int maxLength)
{
    if (raw.size() > maxLength) {
        return error(raw.left(80) + "...", QStringLiteral("name is %1 bytes long, more than the limit of %2")
                                               .arg(raw.size())
                                               .arg(maxLength));
    }
    if (raw.startsWith('/'))
        return error(raw, QStringLiteral("absolute paths are refused"));
    if (raw.contains('\0'))
        return error(raw, QStringLiteral("name contains a NUL byte"));
    QByteArray out;
    out.reserve(raw.size());
    for (const QByteArray &component : raw.split('/')) {
        if (component.isEmpty() || component == ".")
            continue;
        if (component == "..")
            return error(raw, QStringLiteral("'..' components are refused"));
        if (!out.isEmpty())
            out += '/';
        out += component;
    }
    return out;
}

Result<ArchiveEntry> ArchiveEntry::read(archive_entry *header, int maxPathLength)
{
    const char *rawName = archive_entry_pathname(header);
    if (!rawName)
        return Error::invalid(QStringLiteral("an archive entry has a name that cannot be read"));
    Result<QByteArray> name = normalisePath(QByteArray(rawName), maxPathLength);
    if (!name)
        return name.error();
    ArchiveEntry entry;
    entry.header = header;
    entry.name = std::move(*name);
    const auto type = archive_entry_filetype(header);
    if (entry.name.isEmpty()) {
        if (type != AE_IFDIR)
            return error(rawName, QStringLiteral("names the target directory but is not a directory"));
        entry.type = Type::Root;
        return entry;
    }
    // Before the hard-link test, as tar does: a hard link to a device is a device.
    if (type == AE_IFCHR || type == AE_IFBLK) {
        entry.type = Type::Device;
        return entry;
    }
    if (type == AE_IFSOCK) {
        entry.type = Type::Socket;
        return entry;
    }
    if (const char *hardLink = archive_entry_hardlink(header)) {
        const Result<QByteArray> target = normalisePath(QByteArray(hardLink), maxPathLength);
        if (!target)
            return error(entry.name, QStringLiteral("hard link target refused: ") + target.error().message);
        if (target->isEmpty())
            return error(entry.name, QStringLiteral("is a hard link to the target directory"));
        entry.type = Type::HardLink;
        entry.linkTarget = *target;
        return entry;
    }
    switch (type) {
    case AE_IFDIR:
        entry.type = Type::Directory;
        return entry;
    case AE_IFREG:
        entry.type = Type::File;
        return entry;
    case AE_IFLNK: {
        const char *target = archive_entry_symlink(header);
        if (!target)
            return error(entry.name, QStringLiteral("is a symlink without a target"));
        entry.type = Type::Symlink;
        entry.linkTarget = target;
        return entry;
    }
    case AE_IFIFO:
        entry.type = Type::Fifo;
        return entry;
    default:
        return error(entry.name, QStringLiteral("has an unknown file type"));
    }
}

Result<qint64> ArchiveEntry::readData(archive *reader, ExtractReport &report, qint64 maxBytes,
                                      const BlockSink &sink) const
{
    if (report.bytes + archive_entry_size(header) > maxBytes)
        return overLimit(name, maxBytes);
    qint64 end = 0;
    for (;;) {
        const void *block = nullptr;
        size_t blockSize = 0;
        la_int64_t offset = 0;
        const int r = archive_read_data_block(reader, &block, &blockSize, &offset);
        if (r == ARCHIVE_EOF)
            return end;
        if (r < ARCHIVE_WARN) {
            return Error::invalid(QStringLiteral("cannot read archive entry ") + quoted(name) + QStringLiteral(": ")
                                  + QString::fromUtf8(archive_error_string(reader)));
        }
        report.bytes += qint64(blockSize);
        if (report.bytes > maxBytes)
            return overLimit(name, maxBytes);
        if (const Result<void> taken = sink(static_cast<const char *>(block), blockSize, offset); !taken)
            return taken.error();
        end = std::max<qint64>(end, offset + qint64(blockSize));
    }
}
