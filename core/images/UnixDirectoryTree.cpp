// SPDX-License-Identifier: GPL-3.0-or-later
#include "DirectoryTree.h"

#include <QFile>
#include <QSet>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace DirectoryTree {

namespace {

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

// Empties the directory open as @p fd (consumed); @p path is for messages.
bool emptyDirectory(int fd, const QString &path, QString *error)
{
    DIR *dir = fdopendir(fd);
    if (!dir) {
        ::close(fd);
        *error = QStringLiteral("cannot read %1: %2").arg(path, errnoText());
        return false;
    }
    bool ok = true;
    while (dirent *e = readdir(dir)) {
        if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0)
            continue;
        if (unlinkat(dirfd(dir), e->d_name, 0) == 0 || errno == ENOENT)
            continue;
        if (errno != EISDIR && errno != EPERM) {
            *error = QStringLiteral("cannot delete %1/%2: %3").arg(path, QFile::decodeName(e->d_name), errnoText());
            ok = false;
            break;
        }
        int child = openat(dirfd(dir), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (child < 0 && errno == EACCES) {
            // An overlay's work/work is mode 000: make it readable first (never through a symlink).
            fchmodat(dirfd(dir), e->d_name, S_IRWXU, AT_SYMLINK_NOFOLLOW);
            child = openat(dirfd(dir), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }
        if (child < 0) {
            *error = QStringLiteral("cannot delete %1/%2: %3").arg(path, QFile::decodeName(e->d_name), errnoText());
            ok = false;
            break;
        }
        fchmod(child, S_IRWXU);
        if (!emptyDirectory(child, path + QLatin1Char('/') + QFile::decodeName(e->d_name), error)) {
            ok = false;
            break;
        }
        if (unlinkat(dirfd(dir), e->d_name, AT_REMOVEDIR) != 0 && errno != ENOENT) {
            *error = QStringLiteral("cannot delete %1/%2: %3").arg(path, QFile::decodeName(e->d_name), errnoText());
            ok = false;
            break;
        }
    }
    closedir(dir);
    return ok;
}

qint64 usage(int fd, QSet<QPair<dev_t, ino_t>> &seen)
{
    DIR *dir = fdopendir(fd);
    if (!dir) {
        ::close(fd);
        return 0;
    }
    qint64 total = 0;
    while (dirent *e = readdir(dir)) {
        if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0)
            continue;
        struct stat st;
        if (fstatat(dirfd(dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue;
        if (S_ISDIR(st.st_mode)) {
            const int child = openat(dirfd(dir), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (child >= 0)
                total += usage(child, seen);
        } else if (S_ISREG(st.st_mode)) {
            if (st.st_nlink > 1 && !seen.contains({st.st_dev, st.st_ino})) {
                seen.insert({st.st_dev, st.st_ino});
                total += st.st_size;
            } else if (st.st_nlink <= 1) {
                total += st.st_size;
            }
        }
    }
    closedir(dir);
    return total;
}

} // namespace

Result<void> remove(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    struct stat st;
    if (lstat(native.constData(), &st) != 0)
        return errno == ENOENT ? Result<void>() : Error::io(QStringLiteral("cannot delete %1: %2").arg(path, errnoText()));
    if (!S_ISDIR(st.st_mode)) {
        if (unlink(native.constData()) != 0)
            return Error::io(QStringLiteral("cannot delete %1: %2").arg(path, errnoText()));
        return {};
    }
    const int fd = open(native.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return Error::io(QStringLiteral("cannot delete %1: %2").arg(path, errnoText()));
    fchmod(fd, st.st_mode | S_IRWXU);
    QString error;
    if (!emptyDirectory(fd, path, &error))
        return Error::io(error + QStringLiteral("; delete it by hand"));
    if (rmdir(native.constData()) != 0)
        return Error::io(QStringLiteral("cannot delete %1: %2").arg(path, errnoText()));
    return {};
}

qint64 diskUsage(const QString &path)
{
    const int fd = open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return 0;
    QSet<QPair<dev_t, ino_t>> seen;
    return usage(fd, seen);
}

} // namespace DirectoryTree
