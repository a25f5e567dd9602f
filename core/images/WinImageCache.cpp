// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImageCache.h"

#include <QDir>

#include <windows.h>

namespace {

std::wstring native(const QString &path)
{
    return QDir::toNativeSeparators(path).toStdWString();
}

Error systemError(DWORD error)
{
    const bool full = error == ERROR_DISK_FULL || error == ERROR_HANDLE_DISK_FULL;
    return Error{full ? Error::Kind::NoSpace : Error::Kind::Io, QStringLiteral("Windows error %1").arg(error)};
}

} // namespace

Result<bool> ImageCache::moveTree(const QString &from, const QString &to)
{
    if (MoveFileExW(native(from).c_str(), native(to).c_str(), 0))
        return false;
    const DWORD error = GetLastError();
    if (error != ERROR_ALREADY_EXISTS && error != ERROR_FILE_EXISTS)
        return systemError(error);
    // Windows has no exchange of two directories: the old tree goes aside first, so a reader
    // briefly sees neither (the Rootfs layout is not Windows's; only moving a tree is needed here).
    const QString aside = from + QStringLiteral(".old");
    if (!MoveFileExW(native(to).c_str(), native(aside).c_str(), 0))
        return systemError(GetLastError());
    if (!MoveFileExW(native(from).c_str(), native(to).c_str(), 0)) {
        const DWORD moveError = GetLastError();
        MoveFileExW(native(aside).c_str(), native(to).c_str(), 0);
        return systemError(moveError);
    }
    if (!MoveFileExW(native(aside).c_str(), native(from).c_str(), 0))
        return systemError(GetLastError());
    return true;
}

Result<void> ImageCache::replaceFile(const QString &from, const QString &to)
{
    // A file open without FILE_SHARE_DELETE (a WSL import reading the old archive) cannot be
    // replaced: that is reported, and the pull can be retried once the session has started.
    if (MoveFileExW(native(from).c_str(), native(to).c_str(), MOVEFILE_REPLACE_EXISTING))
        return {};
    const Error reason = systemError(GetLastError());
    return Error{reason.kind, QStringLiteral("cannot move %1 to %2: %3")
                                  .arg(QDir::toNativeSeparators(from), QDir::toNativeSeparators(to), reason.message)};
}
