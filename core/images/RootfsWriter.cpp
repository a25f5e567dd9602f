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

Error entryError(const QByteArray &name, const QString &what)
{
    return Error::invalid(QStringLiteral("archive entry ") + quoted(name) + QStringLiteral(": ") + what);
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

Result<void> RootfsWriter::open(const QString &targetDir, int maxPathLength)
{
    m_root = targetDir;
    m_maxPathLength = maxPathLength;
    m_rootFd = ::open(QFile::encodeName(targetDir).constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (m_rootFd < 0)
        return Error::io(QStringLiteral("cannot open %1: %2").arg(targetDir, errnoText(errno)));
    return {};
}

Result<QByteArray> RootfsWriter::normalisePath(const QByteArray &raw, int maxLength)
{
    if (raw.size() > maxLength) {
        return entryError(raw.left(80) + "...", QStringLiteral("name is %1 bytes long, more than the limit of %2")
                                                    .arg(raw.size())
                                                    .arg(maxLength));
    }
    if (raw.startsWith('/'))
        return entryError(raw, QStringLiteral("absolute paths are refused"));
    if (raw.contains('\0'))
        return entryError(raw, QStringLiteral("name contains a NUL byte"));
    QByteArray out;
    out.reserve(raw.size());
    for (const QByteArray &component : raw.split('/')) {
        if (component.isEmpty() || component == ".")
            continue;
        if (component == "..")
            return entryError(raw, QStringLiteral("'..' components are refused"));
        if (!out.isEmpty())
            out += '/';
        out += component;
    }
    return out;
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
            return entryError(entryName, QStringLiteral("its parent ") + quoted(path)
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
            return entryError(entryName, QStringLiteral("replaces a directory that is not empty"));
        return {};
    }
    if (unlinkat(parentFd, leaf.constData(), 0) != 0)
        return ioError(entryName, "replace", errno);
    return {};
}

Result<void> RootfsWriter::write(archive *reader, archive_entry *entry, ExtractReport &report, qint64 maxBytes)
{
    const char *rawName = archive_entry_pathname(entry);
    if (!rawName)
        return Error::invalid(QStringLiteral("an archive entry has a name that cannot be read"));
    const Result<QByteArray> name = normalisePath(QByteArray(rawName), m_maxPathLength);
    if (!name)
        return name.error();
    const mode_t type = archive_entry_filetype(entry);
    if (name->isEmpty()) {
        if (type != AE_IFDIR)
            return entryError(rawName, QStringLiteral("names the target directory but is not a directory"));
        const timespec t = entryTime(entry);
        m_deferred.insert(QByteArray(), {unsigned(archive_entry_perm(entry)) & 01777u, t.tv_sec, t.tv_nsec,
                                         t.tv_nsec != UTIME_OMIT});
        return {};
    }
    if (type == AE_IFCHR || type == AE_IFBLK) {
        ++report.devicesSkipped;
        return {};
    }
    if (type == AE_IFSOCK) {
        ++report.socketsSkipped;
        return {};
    }

    // Only here, between entries, so no descriptor handed out below is closed while in use.
    if (m_directories.size() >= kMaxOpenDirectories)
        closeDirectories();
    const auto [parentPath, leaf] = splitParent(*name);
    const Result<int> parentFd = openDirectory(parentPath, *name);
    if (!parentFd)
        return parentFd.error();

    if (archive_entry_hardlink(entry))
        return writeHardLink(entry, *parentFd, leaf, *name);

    switch (type) {
    case AE_IFDIR: {
        if (mkdirat(*parentFd, leaf.constData(), 0700) != 0) {
            struct stat st;
            if (errno != EEXIST || fstatat(*parentFd, leaf.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
                return ioError(*name, "create directory", errno);
            if (!S_ISDIR(st.st_mode)) {
                if (const Result<void> cleared = clearLeaf(*parentFd, leaf, *name); !cleared)
                    return cleared;
                if (mkdirat(*parentFd, leaf.constData(), 0700) != 0)
                    return ioError(*name, "create directory", errno);
            }
        }
        const timespec t = entryTime(entry);
        // Kept writable until finish(), so a read-only directory can still be filled.
        m_deferred.insert(*name, {unsigned(archive_entry_perm(entry)) & 03777u, t.tv_sec, t.tv_nsec,
                                  t.tv_nsec != UTIME_OMIT});
        if (archive_entry_xattr_count(entry) > 0) {
            const int fd = openat(*parentFd, leaf.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (fd >= 0) {
                setXattrs(entry, fd, report);
                ::close(fd);
            }
        }
        return {};
    }
    case AE_IFREG:
        return writeFile(reader, entry, *parentFd, leaf, *name, report, maxBytes);
    case AE_IFLNK: {
        const char *target = archive_entry_symlink(entry);
        if (!target)
            return entryError(*name, QStringLiteral("is a symlink without a target"));
        if (symlinkat(target, *parentFd, leaf.constData()) != 0) {
            if (errno != EEXIST)
                return ioError(*name, "create symlink", errno);
            if (const Result<void> cleared = clearLeaf(*parentFd, leaf, *name); !cleared)
                return cleared;
            if (symlinkat(target, *parentFd, leaf.constData()) != 0)
                return ioError(*name, "create symlink", errno);
        }
        const timespec times[2] = {{0, UTIME_OMIT}, entryTime(entry)};
        utimensat(*parentFd, leaf.constData(), times, AT_SYMLINK_NOFOLLOW);
        return {};
    }
    case AE_IFIFO: {
        if (const Result<void> cleared = clearLeaf(*parentFd, leaf, *name); !cleared)
            return cleared;
        if (mkfifoat(*parentFd, leaf.constData(), archive_entry_perm(entry) & 0777) != 0)
            return ioError(*name, "create fifo", errno);
        return {};
    }
    default:
        return entryError(*name, QStringLiteral("has an unknown file type"));
    }
}

Result<void> RootfsWriter::writeFile(archive *reader, archive_entry *entry, int parentFd, const QByteArray &leaf,
                                     const QByteArray &name, ExtractReport &report, qint64 maxBytes)
{
    const qint64 size = archive_entry_size(entry);
    if (report.bytes + size > maxBytes) {
        return entryError(name, QStringLiteral("extracting it would exceed the limit of %1 bytes in total")
                                    .arg(maxBytes));
    }
    int fd = openat(parentFd, leaf.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 && errno == EEXIST) {
        if (const Result<void> cleared = clearLeaf(parentFd, leaf, name); !cleared)
            return cleared;
        fd = openat(parentFd, leaf.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    }
    if (fd < 0)
        return ioError(name, "create", errno);

    Result<void> result;
    off_t end = 0;
    for (;;) {
        const void *block = nullptr;
        size_t blockSize = 0;
        la_int64_t offset = 0;
        const int r = archive_read_data_block(reader, &block, &blockSize, &offset);
        if (r == ARCHIVE_EOF)
            break;
        if (r < ARCHIVE_WARN) {
            result = Error::invalid(QStringLiteral("cannot read archive entry ") + quoted(name) + QStringLiteral(": ")
                                    + QString::fromUtf8(archive_error_string(reader)));
            break;
        }
        report.bytes += qint64(blockSize);
        if (report.bytes > maxBytes) {
            result = entryError(name, QStringLiteral("extracting it would exceed the limit of %1 bytes in total")
                                          .arg(maxBytes));
            break;
        }
        if (!writeAll(fd, static_cast<const char *>(block), blockSize, offset)) {
            result = ioError(name, "write", errno);
            break;
        }
        end = std::max<off_t>(end, offset + off_t(blockSize));
    }
    // A sparse file may end in a hole.
    if (result && end < size && ftruncate(fd, size) != 0)
        result = ioError(name, "write", errno);
    if (result) {
        if (fchmod(fd, archive_entry_perm(entry) & 01777) != 0)
            result = ioError(name, "set the permissions of", errno);
        setXattrs(entry, fd, report);
        const timespec times[2] = {{0, UTIME_OMIT}, entryTime(entry)};
        futimens(fd, times);
    }
    ::close(fd);
    return result;
}

Result<void> RootfsWriter::writeHardLink(archive_entry *entry, int parentFd, const QByteArray &leaf,
                                         const QByteArray &name)
{
    const Result<QByteArray> target = normalisePath(QByteArray(archive_entry_hardlink(entry)), m_maxPathLength);
    if (!target)
        return entryError(name, QStringLiteral("hard link target refused: ") + target.error().message);
    if (target->isEmpty())
        return entryError(name, QStringLiteral("is a hard link to the target directory"));
    const auto [targetParent, targetLeaf] = splitParent(*target);
    const Result<int> targetFd = openDirectory(targetParent, name);
    if (!targetFd)
        return targetFd.error();
    // Flags 0: a symlink named as the target is linked itself, never followed.
    if (linkat(*targetFd, targetLeaf.constData(), parentFd, leaf.constData(), 0) != 0) {
        if (errno != EEXIST)
            return entryError(name, QStringLiteral("cannot hard-link to ") + quoted(*target) + QStringLiteral(": ")
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
