// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

/// Builds tar archives in memory with libarchive's writer, including entries no honest tar
/// would make (`../x`, absolute names, links out, devices), for extraction tests.
class TestArchive
{
public:
    enum class Compression { None, Gzip, Xz, Zstd };
    /// How names past 100 bytes are stored: a pax extended header, or a GNU `././@LongLink` entry.
    enum class Format { Pax, Gnu };
    enum class Type { File, Directory, Symlink, HardLink, CharDevice, Fifo };

    struct Entry
    {
        Entry(QByteArray p = {}, Type t = Type::File, QByteArray c = {}) : path(std::move(p)), type(t), content(std::move(c)) { }
        QByteArray path;
        Type type = Type::File;
        QByteArray content;   ///< file data
        QByteArray target;    ///< symlink or hard link target
        unsigned mode = 0644;
        qint64 mtime = 1700000000;
        QByteArray xattrName;
        QByteArray xattrValue;
    };

    TestArchive &file(const QByteArray &path, const QByteArray &content, unsigned mode = 0644);
    TestArchive &dir(const QByteArray &path, unsigned mode = 0755);
    TestArchive &symlink(const QByteArray &path, const QByteArray &target);
    TestArchive &hardLink(const QByteArray &path, const QByteArray &target);
    TestArchive &add(const Entry &entry);
    TestArchive &format(Format format);

    QByteArray build(Compression compression = Compression::Gzip) const;
    /// Writes build(@p compression) to @p path; false on failure.
    bool write(const QString &path, Compression compression = Compression::Gzip) const;

private:
    QList<Entry> m_entries;
    Format m_format = Format::Pax;
};
