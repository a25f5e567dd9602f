// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostCheck.h"

#include "config/Settings.h"

#include "images/DirectoryTree.h"
#include "images/RegistryClient.h"
#include "wsl/WslExecutable.h"
#include "wsl/WslProbe.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>

// The checks of each platform's own backend are in UnixHostCheck.cpp and WinHostCheck.cpp.

namespace {

HostCheck checkCacheDir(const Settings &settings)
{
    const QString dir = settings.pathValue(QStringLiteral("container_cache_dir"));
    QFileInfo info(dir);
    // The nearest existing ancestor decides whether the cache can be created.
    while (!info.exists() && info.absoluteFilePath() != QDir::rootPath())
        info = QFileInfo(info.absolutePath());
    if (!info.isDir() || !info.isWritable())
        return {HostCheck::Status::Failed, QStringLiteral("image cache"),
                QStringLiteral("%1 is not writable").arg(dir),
                QStringLiteral("set container_cache_dir to a writable directory")};
    return {HostCheck::Status::Ok, QStringLiteral("image cache"), dir, {}};
}

HostCheck checkCacheSize(const Settings &settings)
{
    const QString dir = settings.pathValue(QStringLiteral("container_cache_dir"));
    const qint64 bytes = QFileInfo(dir).isDir() ? DirectoryTree::diskUsage(dir) : 0;
    return {HostCheck::Status::Ok, QStringLiteral("cache size"),
            QStringLiteral("%1 MB in %2").arg(double(bytes) / 1e6, 0, 'f', 1).arg(dir), {}};
}

} // namespace

QList<HostCheck> HostCheck::runAll(const Settings &settings)
{
    return backendChecks(settings) + QList<HostCheck>{checkCacheDir(settings), checkCacheSize(settings)};
}

HostCheck HostCheck::checkWsl(const Settings &settings)
{
    const QString subject = QStringLiteral("wsl.exe");
    const Result<QString> exe = WslExecutable::locate();
    const QString install = QStringLiteral("run 'wsl --install' in an administrator PowerShell, then restart");
    if (!exe)
        return {Status::Failed, subject, exe.error().message, install};
    const QString workDir = settings.pathValue(QStringLiteral("container_cache_dir")) + QStringLiteral("/wsl");
    if (const Result<void> usable = WslProbe::importWorks(*exe, workDir); !usable) {
        // WslExecutable::describeFailure() words wsl.exe's own failures "WHAT failed (CODE): FIX".
        const QString message = usable.error().message;
        const qsizetype fixAt = message.lastIndexOf(QLatin1String("): "));
        if (fixAt < 0)
            return {Status::Failed, subject, QStringLiteral("%1: %2").arg(*exe, message), install};
        return {Status::Failed, subject, QStringLiteral("%1: %2").arg(*exe, message.left(fixAt + 1)), message.mid(fixAt + 3)};
    }
    return {Status::Ok, subject, QStringLiteral("%1 (WSL 2 imports a distribution)").arg(*exe), {}};
}

void HostCheck::checkRegistry(const Settings &settings, QObject *context, std::function<void(HostCheck)> done)
{
    const QUrl registry(settings.value(QStringLiteral("IMAGE_BASE_URL")));
    auto *network = new QNetworkAccessManager(context);
    auto *client = new RegistryClient(network, registry, network);
    client->setTimeout(int(settings.intValue(QStringLiteral("IMAGE_TIMEOUT"))), QStringLiteral("IMAGE_TIMEOUT"));
    client->list([network, registry, done = std::move(done)](Result<QList<RegistryEntry>> entries) {
        network->deleteLater();
        if (!entries)
            return done({Status::Warning, QStringLiteral("registry"), entries.error().message,
                         QStringLiteral("check IMAGE_BASE_URL and the network; cached images still work")});
        done({Status::Ok, QStringLiteral("registry"),
              QStringLiteral("%1 lists %2 image(s)").arg(registry.toString()).arg(entries->size()), {}});
    });
}
