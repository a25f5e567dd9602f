// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImageLock.h"

#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

Result<bool> ImageLock::tryLock()
{
    if (m_fd >= 0)
        return true;
    const int fd = ::open(QFile::encodeName(m_path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        return Error::io(QStringLiteral("cannot create the lock file %1: %2")
                             .arg(m_path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == EWOULDBLOCK)
            return false;
        return Error::io(QStringLiteral("cannot lock %1: %2").arg(m_path, QString::fromLocal8Bit(std::strerror(error))));
    }
    m_fd = fd;
    return true;
}

void ImageLock::unlock()
{
    if (m_fd < 0)
        return;
    // The file stays: deleting it would let a waiter lock an inode nobody else can find.
    ::close(m_fd);
    m_fd = -1;
}
