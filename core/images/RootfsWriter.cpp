// SPDX-License-Identifier: GPL-3.0-or-later
#include "RootfsWriter.h"

#include "DiskSpace.h"

#include <QFile>
#include <QList>

#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <algorithm>

namespace {

// Beyond this many cached directory descriptors, the cache starts over (fd limits are often 1024).
constexpr int kMaxOpenDirectories = 256;

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

QString quoted(const QByteArray &name)
{
    return QLatin1Char('\'') + QString::fromUtf8(name) + QLatin1Char('\'');
}

Error ioError(const QByteArray &name, const char *operation, int error)
{
    // Only the kind here: the caller knows which cache this is and how much room it needed.
    return Error{DiskSpace::isFull(error) ? Error::Kind::NoSpace : Error::Kind::Io,
                 QStringLiteral("cannot ") + QLatin1String(operation) + QLatin1Char(' ') + quoted(name)
                     + QStringLiteral(": ") + errnoText(error)};
}

std::pair<QByteArray, QByteArray> splitParent(const QByteArray &path)
{
    const int slash = path.lastIndexOf('/');
    if (slash < 0)
        return {QByteArray(), path};
    return {path.left(slash), path.mid(slash + 1)};
}

timespec entryTime(archive_entry *entry)
{
    if (!archive_entry_mtime_is_set(entry))
        return {0, UTIME_OMIT};
    return {archive_entry_mtime(entry), archive_entry_mtime_nsec(entry)};
}

bool writeAll(int fd, const char *data, size_t size, off_t offset)
{
    while (size > 0) {
        const ssize_t n = pwrite(fd, data, size, offset);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= size_t(n);
        offset += n;
    }
    return true;
}

} // namespace

RootfsWriter::~RootfsWriter()
{
    closeDirectories();
    if (m_rootFd >= 0)
        ::close(m_rootFd);
}

Result<void> RootfsWriter::open(const QString &targetDir)
{
    m_root = targetDir;
    m_rootFd = ::open(QFile::encodeName(targetDir).constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (m_rootFd < 0)
        return Error::io(QStringLiteral("cannot open %1: %2").arg(targetDir, errnoText(errno)));
    return {};
}

void RootfsWriter::closeDirectories()
{
    for (const int fd : std::as_const(m_directories))
        ::close(fd);
    m_directories.clear();
}

Result<int> RootfsWriter::openDirectory(const QByteArray &path, const QByteArray &entryName)
{
    if (path.isEmpty())
        return m_rootFd;
    if (const auto it = m_directories.constFind(path); it != m_directories.constEnd())
        return *it;
    const auto [parent, leaf] = splitParent(path);
    const Result<int> parentFd = openDirectory(parent, entryName);
    if (!parentFd)
        return parentFd.error();
    int fd = openat(*parentFd, leaf.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
        // A parent the archive never listed: tar creates it with the usual mode.
        if (mkdirat(*parentFd, leaf.constData(), 0755) != 0 && errno != EEXIST)
            return ioError(path, "create directory", errno);
        fd = openat(*parentFd, leaf.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    }
    if (fd < 0) {
        if (errno == ELOOP || errno == ENOTDIR)
            return ArchiveEntry::error(entryName, QStringLiteral("its parent ") + quoted(path)
                                             + QStringLiteral(" is a symlink or not a directory; refusing to follow it"));
        return ioError(path, "open directory", errno);
    }
    m_directories.insert(path, fd);
    return fd;
}

Result<void> RootfsWriter::clearLeaf(int parentFd, const QByteArray &leaf, const QByteArray &entryName)
{
    struct stat st;
    if (fstatat(parentFd, leaf.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT ? Result<void>() : ioError(entryName, "inspect", errno);
    if (S_ISDIR(st.st_mode)) {
        // Descriptors of this directory and anything below it would name a deleted directory.
        const QByteArray below = entryName + '/';
        for (auto it = m_directories.begin(); it != m_directories.end();) {
            if (it.key() == entryName || it.key().startsWith(below)) {
                ::close(it.value());
                it = m_directories.erase(it);
            } else {
                ++it;
            }
        }
        if (unlinkat(parentFd, leaf.constData(), AT_REMOVEDIR) != 0)
            return ArchiveEntry::error(entryName, QStringLiteral("replaces a directory that is not empty"));
        return {};
    }
    if (unlinkat(parentFd, leaf.constData(), 0) != 0)
        return ioError(entryName, "replace", errno);
    return {};
}

Result<void> RootfsWriter::write(archive *reader, const ArchiveEntry &entry, ExtractReport &report, qint64 maxBytes)
{
    archive_entry *header = entry.header;
    if (entry.type == ArchiveEntry::Type::Root) {
        const timespec t = entryTime(header);
        m_deferred.insert(QByteArray(), {unsigned(archive_entry_perm(header)) & 01777u, t.tv_sec, t.tv_nsec,
                                         t.tv_nsec != UTIME_OMIT});
        return {};
    }
    const QByteArray &name = entry.name;

    // Only here, between entries, so no descriptor handed out below is closed while in use.
    if (m_directories.size() >= kMaxOpenDirectories)
        closeDirectories();
    const auto [parentPath, leaf] = splitParent(name);
    const Result<int> parentFd = openDirectory(parentPath, name);
    if (!parentFd)
        return parentFd.error();

    switch (entry.type) {
    case ArchiveEntry::Type::HardLink:
        return writeHardLink(entry, *parentFd, leaf);
    case ArchiveEntry::Type::Directory: {
        if (mkdirat(*parentFd, leaf.constData(), 0700) != 0) {
            struct stat st;
            if (errno != EEXIST || fstatat(*parentFd, leaf.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
                return ioError(name, "create directory", errno);
            if (!S_ISDIR(st.st_mode)) {
                if (const Result<void> cleared = clearLeaf(*parentFd, leaf, name); !cleared)
                    return cleared;
                if (mkdirat(*parentFd, leaf.constData(), 0700) != 0)
                    return ioError(name, "create directory", errno);
            }
        }
        const timespec t = entryTime(header);
        // Kept writable until finish(), so a read-only directory can still be filled.
        m_deferred.insert(name, {unsigned(archive_entry_perm(header)) & 03777u, t.tv_sec, t.tv_nsec,
                                 t.tv_nsec != UTIME_OMIT});
        if (archive_entry_xattr_count(header) > 0) {
            const int fd = openat(*parentFd, leaf.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (fd >= 0) {
                setXattrs(header, fd, report);
                ::close(fd);
            }
        }
        return {};
    }
    case ArchiveEntry::Type::File:
        return writeFile(reader, entry, *parentFd, leaf, report, maxBytes);
    case ArchiveEntry::Type::Symlink: {
        const char *target = entry.linkTarget.constData();
        if (symlinkat(target, *parentFd, leaf.constData()) != 0) {
            if (errno != EEXIST)
                return ioError(name, "create symlink", errno);
            if (const Result<void> cleared = clearLeaf(*parentFd, leaf, name); !cleared)
                return cleared;
            if (symlinkat(target, *parentFd, leaf.constData()) != 0)
                return ioError(name, "create symlink", errno);
        }
        const timespec times[2] = {{0, UTIME_OMIT}, entryTime(header)};
        utimensat(*parentFd, leaf.constData(), times, AT_SYMLINK_NOFOLLOW);
        return {};
    }
    case ArchiveEntry::Type::Fifo: {
        if (const Result<void> cleared = clearLeaf(*parentFd, leaf, name); !cleared)
            return cleared;
        if (mkfifoat(*parentFd, leaf.constData(), archive_entry_perm(header) & 0777) != 0)
            return ioError(name, "create fifo", errno);
        return {};
    }
    case ArchiveEntry::Type::Root:
    case ArchiveEntry::Type::Device:
    case ArchiveEntry::Type::Socket:
        break;
    }
    return ArchiveEntry::error(name, QStringLiteral("has a file type a rootfs does not take"));
}

Result<void> RootfsWriter::writeFile(archive *reader, const ArchiveEntry &entry, int parentFd, const QByteArray &leaf,
                                     ExtractReport &report, qint64 maxBytes)
{
    const QByteArray &name = entry.name;
    int fd = openat(parentFd, leaf.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 && errno == EEXIST) {
        if (const Result<void> cleared = clearLeaf(parentFd, leaf, name); !cleared)
            return cleared;
        fd = openat(parentFd, leaf.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    }
    if (fd < 0)
        return ioError(name, "create", errno);

    const Result<qint64> end = entry.readData(reader, report, maxBytes, [&](const char *data, size_t size, qint64 offset) {
        return writeAll(fd, data, size, off_t(offset)) ? Result<void>() : ioError(name, "write", errno);
    });
    Result<void> result;
    if (!end)
        result = end.error();
    // A sparse file may end in a hole.
    const qint64 size = archive_entry_size(entry.header);
    if (result && *end < size && ftruncate(fd, size) != 0)
        result = ioError(name, "write", errno);
    if (result) {
        if (fchmod(fd, archive_entry_perm(entry.header) & 01777) != 0)
            result = ioError(name, "set the permissions of", errno);
        setXattrs(entry.header, fd, report);
        const timespec times[2] = {{0, UTIME_OMIT}, entryTime(entry.header)};
        futimens(fd, times);
    }
    ::close(fd);
    return result;
}

Result<void> RootfsWriter::writeHardLink(const ArchiveEntry &entry, int parentFd, const QByteArray &leaf)
{
    const QByteArray &name = entry.name;
    const auto [targetParent, targetLeaf] = splitParent(entry.linkTarget);
    const Result<int> targetFd = openDirectory(targetParent, name);
    if (!targetFd)
        return targetFd.error();
    // Flags 0: a symlink named as the target is linked itself, never followed.
    if (linkat(*targetFd, targetLeaf.constData(), parentFd, leaf.constData(), 0) != 0) {
        if (errno != EEXIST)
            return ArchiveEntry::error(name, QStringLiteral("cannot hard-link to ") + quoted(entry.linkTarget) + QStringLiteral(": ")
                                        + errnoText(errno));
        if (const Result<void> cleared = clearLeaf(parentFd, leaf, name); !cleared)
            return cleared;
        if (linkat(*targetFd, targetLeaf.constData(), parentFd, leaf.constData(), 0) != 0)
            return ioError(name, "hard-link", errno);
    }
    return {};
}

void RootfsWriter::setXattrs(archive_entry *entry, int fd, ExtractReport &report)
{
    if (archive_entry_xattr_reset(entry) == 0)
        return;
    const char *xname = nullptr;
    const void *value = nullptr;
    size_t size = 0;
    while (archive_entry_xattr_next(entry, &xname, &value, &size) == ARCHIVE_OK) {
        // Containers mount their overlay with userxattr: user.overlay.* in an image would steer
        // it (opaque directories, whiteouts), so an archive never brings its own.
        if (std::strncmp(xname, "user.overlay.", 13) == 0) {
            ++report.xattrsSkipped;
            continue;
        }
        // An ordinary user may only set user.* attributes; security.capability and the like
        // need privileges a rootless extraction does not have.
        if (fsetxattr(fd, xname, value, size, 0) != 0)
            ++report.xattrsSkipped;
    }
}

Result<void> RootfsWriter::finish()
{
    QList<QByteArray> paths = m_deferred.keys();
    // Deepest first: a parent made read-only must not stop its children from being fixed up.
    std::sort(paths.begin(), paths.end(), [](const QByteArray &a, const QByteArray &b) {
        return a.count('/') != b.count('/') ? a.count('/') > b.count('/') : a.size() > b.size();
    });
    for (const QByteArray &path : std::as_const(paths)) {
        const DirectoryAttributes attributes = m_deferred.value(path);
        if (m_directories.size() >= kMaxOpenDirectories)
            closeDirectories();
        const Result<int> fd = openDirectory(path, path);
        if (!fd)
            return fd.error();
        // The owner keeps write and search permission on directories: the cache must be able to
        // delete the image again, and inside the container the owner is root, who ignores modes anyway.
        const int chmodResult = fchmod(*fd, attributes.mode | S_IRWXU);
        const timespec times[2] = {{0, UTIME_OMIT},
                                   attributes.hasMtime ? timespec{attributes.mtimeSec, attributes.mtimeNsec}
                                                       : timespec{0, UTIME_OMIT}};
        futimens(*fd, times);
        if (chmodResult != 0)
            return ioError(path, "set the permissions of", errno);
    }
    m_deferred.clear();
    return {};
}
