// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImageLock.h"

#include <QDir>

#include <fcntl.h>
#include <io.h>
#include <share.h>
#include <sys/stat.h>

#include <windows.h>

Result<bool> ImageLock::tryLock()
{
    if (m_fd >= 0)
        return true;
    int fd = -1;
    const std::wstring native = QDir::toNativeSeparators(m_path).toStdWString();
    if (_wsopen_s(&fd, native.c_str(), _O_RDWR | _O_CREAT | _O_BINARY | _O_NOINHERIT, _SH_DENYNO, _S_IREAD | _S_IWRITE)
        != 0)
        return Error::io(QStringLiteral("cannot create the lock file %1").arg(QDir::toNativeSeparators(m_path)));
    // Like flock: held by this handle, dropped by Windows when the holder dies.
    OVERLAPPED whole {};
    const HANDLE handle = reinterpret_cast<HANDLE>(_get_osfhandle(fd));
    if (!LockFileEx(handle, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY, 0, MAXDWORD, MAXDWORD, &whole)) {
        const DWORD error = GetLastError();
        _close(fd);
        if (error == ERROR_LOCK_VIOLATION)
            return false;
        return Error::io(QStringLiteral("cannot lock %1: Windows error %2").arg(QDir::toNativeSeparators(m_path)).arg(error));
    }
    m_fd = fd;
    return true;
}

void ImageLock::unlock()
{
    if (m_fd < 0)
        return;
    // Closing the last handle releases the lock; the file stays, as on Unix.
    _close(m_fd);
    m_fd = -1;
}
