// SPDX-License-Identifier: GPL-3.0-or-later
#include "FileLink.h"

#include <QDir>

#include <windows.h>

namespace FileLink {

Result<bool> createNew(const QString &existing, const QString &target)
{
    const std::wstring from = QDir::toNativeSeparators(existing).toStdWString();
    const std::wstring to = QDir::toNativeSeparators(target).toStdWString();
    if (CreateHardLinkW(to.c_str(), from.c_str(), nullptr))
        return true;
    const DWORD code = GetLastError();
    if (code == ERROR_ALREADY_EXISTS || code == ERROR_FILE_EXISTS)
        return false;
    return Error::io(QStringLiteral("cannot create %1: Windows error %2 (hard links need an NTFS cache directory)")
                         .arg(QDir::toNativeSeparators(target))
                         .arg(code));
}

} // namespace FileLink
