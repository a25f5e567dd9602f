// SPDX-License-Identifier: GPL-3.0-or-later
#include "DirectoryTree.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

namespace DirectoryTree {

namespace {

// A symbolic link or junction goes as a name, never into what it points at; the walk is our own
// so that this holds for junctions too, which are not symbolic links to QFileInfo.
bool removeEntry(const QFileInfo &entry)
{
    const QString path = entry.absoluteFilePath();
    if (entry.isDir() && !entry.isSymLink() && !entry.isJunction()) {
        QDirIterator it(path, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        bool ok = true;
        while (ok && it.hasNext()) {
            it.next();
            ok = removeEntry(it.fileInfo());
        }
        return ok && QDir().rmdir(path);
    }
    if (entry.isDir())
        return QDir().rmdir(path);
    if (QFile::remove(path))
        return true;
    // A read-only file (what a Unix 0444 becomes) is removable once writable.
    return QFile::setPermissions(path, QFile::permissions(path) | QFile::WriteUser) && QFile::remove(path);
}

} // namespace

Result<void> remove(const QString &path)
{
    const QFileInfo entry(path);
    if (!entry.exists() && !entry.isSymLink())
        return {};
    if (!removeEntry(entry))
        return Error::io(QStringLiteral("cannot delete %1 (a file in it may be open in another program); delete it by hand")
                             .arg(QDir::toNativeSeparators(path)));
    return {};
}

qint64 diskUsage(const QString &path)
{
    // Windows trees here are WSL install directories and downloads, without hard links: each
    // name counts.
    qint64 total = 0;
    QDirIterator it(path, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

} // namespace DirectoryTree
