// SPDX-License-Identifier: GPL-3.0-or-later
#include "DownloadFile.h"

#include "DiskSpace.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace {

Error writeError(const QString &path, int error)
{
    return Error{DiskSpace::isFull(error) ? Error::Kind::NoSpace : Error::Kind::Io,
                 QStringLiteral("cannot write %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(error)))};
}

} // namespace

Result<void> DownloadFile::open(const QString &path, bool keep)
{
    close();
    m_path = path;
    // O_APPEND always: after truncate() the next write lands at the new end, not at the old offset.
    const int fd = ::open(QFile::encodeName(path).constData(),
                          O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_APPEND | (keep ? 0 : O_TRUNC), 0644);
    if (fd < 0)
        return writeError(path, errno);
    m_handle = fd;
    return {};
}

Result<void> DownloadFile::append(const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(int(m_handle), data, size_t(size));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return writeError(m_path, errno);
        data += n;
        size -= n;
    }
    return {};
}

Result<void> DownloadFile::truncate(qint64 size)
{
    if (::ftruncate(int(m_handle), off_t(size)) != 0)
        return writeError(m_path, errno);
    return {};
}

void DownloadFile::close()
{
    if (m_handle == kClosed)
        return;
    ::close(int(m_handle));
    m_handle = kClosed;
}
