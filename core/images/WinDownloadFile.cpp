// SPDX-License-Identifier: GPL-3.0-or-later
#include "DownloadFile.h"

#include "DiskSpace.h"

#include <QDir>

#include <windows.h>

#include <algorithm>

namespace {

Error writeError(const QString &path, DWORD error)
{
    const bool full = error == ERROR_DISK_FULL || error == ERROR_HANDLE_DISK_FULL;
    return Error{full ? Error::Kind::NoSpace : Error::Kind::Io,
                 QStringLiteral("cannot write %1: Windows error %2").arg(QDir::toNativeSeparators(path)).arg(error)};
}

HANDLE handleOf(qintptr handle)
{
    return reinterpret_cast<HANDLE>(handle);
}

} // namespace

Result<void> DownloadFile::open(const QString &path, bool keep)
{
    close();
    m_path = path;
    const std::wstring native = QDir::toNativeSeparators(path).toStdWString();
    // FILE_FLAG_OPEN_REPARSE_POINT opens a symlink or junction at this path itself instead of
    // what it points to; it is then refused below, as O_NOFOLLOW refuses a symlink on Unix.
    // Readers (the partial download being handed on again) and deletion stay possible.
    const HANDLE file = CreateFileW(native.c_str(), GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                                    nullptr, OPEN_ALWAYS, FILE_ATTRIBUTE_NORMAL | FILE_FLAG_OPEN_REPARSE_POINT, nullptr);
    if (file == INVALID_HANDLE_VALUE)
        return writeError(path, GetLastError());
    BY_HANDLE_FILE_INFORMATION info {};
    if (!GetFileInformationByHandle(file, &info)) {
        const DWORD error = GetLastError();
        CloseHandle(file);
        return writeError(path, error);
    }
    if (info.dwFileAttributes & FILE_ATTRIBUTE_REPARSE_POINT) {
        CloseHandle(file);
        return Error::io(QStringLiteral("cannot write %1: it is a symbolic link or junction; delete it")
                             .arg(QDir::toNativeSeparators(path)));
    }
    m_handle = reinterpret_cast<qintptr>(file);
    // Appending: every write goes at the end, which truncate() moves.
    LARGE_INTEGER end {};
    if (!keep && !SetEndOfFile(file)) {
        const DWORD error = GetLastError();
        close();
        return writeError(path, error);
    }
    if (!SetFilePointerEx(file, end, nullptr, FILE_END)) {
        const DWORD error = GetLastError();
        close();
        return writeError(path, error);
    }
    return {};
}

Result<void> DownloadFile::append(const char *data, qint64 size)
{
    while (size > 0) {
        DWORD written = 0;
        const DWORD chunk = DWORD(std::min<qint64>(size, 1 << 30));
        if (!WriteFile(handleOf(m_handle), data, chunk, &written, nullptr))
            return writeError(m_path, GetLastError());
        data += written;
        size -= written;
    }
    return {};
}

Result<void> DownloadFile::truncate(qint64 size)
{
    LARGE_INTEGER position {};
    position.QuadPart = size;
    if (!SetFilePointerEx(handleOf(m_handle), position, nullptr, FILE_BEGIN) || !SetEndOfFile(handleOf(m_handle)))
        return writeError(m_path, GetLastError());
    return {};
}

void DownloadFile::close()
{
    if (m_handle == kClosed)
        return;
    CloseHandle(handleOf(m_handle));
    m_handle = kClosed;
}
