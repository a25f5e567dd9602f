// SPDX-License-Identifier: GPL-3.0-or-later
#include "TestArchive.h"

#include <QFile>

#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

TestArchive &TestArchive::file(const QByteArray &path, const QByteArray &content, unsigned mode)
{
    Entry e(path, Type::File, content);
    e.mode = mode;
    return add(e);
}

TestArchive &TestArchive::dir(const QByteArray &path, unsigned mode)
{
    Entry e(path, Type::Directory);
    e.mode = mode;
    return add(e);
}

TestArchive &TestArchive::symlink(const QByteArray &path, const QByteArray &target)
{
    Entry e(path, Type::Symlink);
    e.target = target;
    e.mode = 0777;
    return add(e);
}

TestArchive &TestArchive::hardLink(const QByteArray &path, const QByteArray &target)
{
    Entry e(path, Type::HardLink);
    e.target = target;
    return add(e);
}

TestArchive &TestArchive::add(const Entry &entry)
{
    m_entries.append(entry);
    return *this;
}

TestArchive &TestArchive::format(Format format)
{
    m_format = format;
    return *this;
}

QByteArray TestArchive::build(Compression compression) const
{
    archive *writer = archive_write_new();
    if (m_format == Format::Gnu)
        archive_write_set_format_gnutar(writer);
    else
        archive_write_set_format_pax_restricted(writer);
    switch (compression) {
    case Compression::None:
        break;
    case Compression::Gzip:
        archive_write_add_filter_gzip(writer);
        break;
    case Compression::Xz:
        archive_write_add_filter_xz(writer);
        break;
    case Compression::Zstd:
        archive_write_add_filter_zstd(writer);
        break;
    }
    QByteArray out(64 << 20, '\0');
    size_t used = 0;
    archive_write_set_bytes_in_last_block(writer, 1);
    archive_write_open_memory(writer, out.data(), size_t(out.size()), &used);
    for (const Entry &e : m_entries) {
        archive_entry *entry = archive_entry_new();
        archive_entry_set_pathname(entry, e.path.constData());
        archive_entry_set_mtime(entry, e.mtime, 0);
        archive_entry_set_uid(entry, 0);
        archive_entry_set_gid(entry, 0);
        switch (e.type) {
        case Type::File:
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_size(entry, e.content.size());
            break;
        case Type::Directory:
            archive_entry_set_filetype(entry, AE_IFDIR);
            break;
        case Type::Symlink:
            archive_entry_set_filetype(entry, AE_IFLNK);
            archive_entry_set_symlink(entry, e.target.constData());
            break;
        case Type::HardLink:
            archive_entry_set_filetype(entry, AE_IFREG);
            archive_entry_set_hardlink(entry, e.target.constData());
            break;
        case Type::CharDevice:
            archive_entry_set_filetype(entry, AE_IFCHR);
            archive_entry_set_rdev(entry, makedev(1, 3));
            break;
        case Type::Fifo:
            archive_entry_set_filetype(entry, AE_IFIFO);
            break;
        }
        archive_entry_set_perm(entry, e.mode);
        if (!e.xattrName.isEmpty())
            archive_entry_xattr_add_entry(entry, e.xattrName.constData(), e.xattrValue.constData(), size_t(e.xattrValue.size()));
        archive_write_header(writer, entry);
        if (e.type == Type::File && !e.content.isEmpty())
            archive_write_data(writer, e.content.constData(), size_t(e.content.size()));
        archive_entry_free(entry);
    }
    archive_write_close(writer);
    archive_write_free(writer);
    out.truncate(qsizetype(used));
    return out;
}

bool TestArchive::write(const QString &path, Compression compression) const
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(build(compression)) >= 0;
}
