// SPDX-License-Identifier: GPL-3.0-or-later
#include "WslProbe.h"

#include "WslExecutable.h"
#include "images/DirectoryTree.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

#include <archive.h>
#include <archive_entry.h>

namespace WslProbe {

namespace {

constexpr int kImportMs = 120000;
constexpr int kUnregisterMs = 60000;

/// A tar archive holding the directory `etc/` and nothing else.
QByteArray tinyTarball()
{
    QByteArray buffer(16 * 1024, '\0');
    size_t used = 0;
    archive *writer = archive_write_new();
    archive_write_set_format_pax_restricted(writer);
    archive_write_open_memory(writer, buffer.data(), size_t(buffer.size()), &used);
    archive_entry *entry = archive_entry_new();
    archive_entry_set_pathname(entry, "etc");
    archive_entry_set_filetype(entry, AE_IFDIR);
    archive_entry_set_perm(entry, 0755);
    const bool written = archive_write_header(writer, entry) == ARCHIVE_OK;
    archive_entry_free(entry);
    const bool closed = archive_write_close(writer) == ARCHIVE_OK;
    archive_write_free(writer);
    return written && closed ? buffer.left(qsizetype(used)) : QByteArray();
}

} // namespace

Result<void> importWorks(const QString &wslExe, const QString &workDir)
{
    const QString name = QStringLiteral("scorpiox-doctor-%1").arg(QCoreApplication::applicationPid());
    const QString installDir = workDir + QLatin1Char('/') + name;
    const QString tarball = workDir + QLatin1Char('/') + name + QStringLiteral(".tar");
    const QByteArray bytes = tinyTarball();
    QFile file(tarball);
    if (bytes.isEmpty() || !QDir().mkpath(workDir) || !file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return Error::io(QStringLiteral("cannot write %1 for a trial import: check container_cache_dir is writable").arg(tarball));
    file.close();

    const WslExecutable wsl(wslExe);
    const Result<WslExecutable::Output> imported =
        wsl.run({QStringLiteral("--import"), name, QDir::toNativeSeparators(installDir), QDir::toNativeSeparators(tarball),
                 QStringLiteral("--version"), QStringLiteral("2")},
                kImportMs);
    // Whatever happened, nothing of the trial stays registered or on disk.
    (void)wsl.run({QStringLiteral("--unregister"), name}, kUnregisterMs);
    (void)DirectoryTree::remove(installDir);
    QFile::remove(tarball);
    if (!imported)
        return imported.error();
    if (imported->exitCode != 0)
        return WslExecutable::describeFailure(QStringLiteral("a trial 'wsl --import --version 2'"), *imported);
    return {};
}

} // namespace WslProbe
