// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostCheck.h"

#include "Paths.h"
#include "config/Settings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {

QString readTrimmed(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll()).trimmed();
}

HostCheck checkUserNamespaces()
{
    const QString max = readTrimmed(QStringLiteral("/proc/sys/user/max_user_namespaces"));
    if (max.isEmpty())
        return {HostCheck::Status::Failed, QStringLiteral("user namespaces"),
                QStringLiteral("not supported by this kernel"),
                QStringLiteral("use a kernel built with CONFIG_USER_NS, or set container_enabled=false")};
    if (max == QLatin1String("0"))
        return {HostCheck::Status::Failed, QStringLiteral("user namespaces"),
                QStringLiteral("disabled: sysctl user.max_user_namespaces is 0"),
                QStringLiteral("sudo sysctl -w user.max_user_namespaces=15000")};
    const QString debianSwitch = readTrimmed(QStringLiteral("/proc/sys/kernel/unprivileged_userns_clone"));
    if (debianSwitch == QLatin1String("0"))
        return {HostCheck::Status::Failed, QStringLiteral("user namespaces"),
                QStringLiteral("disabled for unprivileged users: sysctl kernel.unprivileged_userns_clone is 0"),
                QStringLiteral("sudo sysctl -w kernel.unprivileged_userns_clone=1")};
    return {HostCheck::Status::Ok, QStringLiteral("user namespaces"),
            QStringLiteral("enabled (max %1)").arg(max), {}};
}

HostCheck checkHelper()
{
    const QString helper = Paths::unshareHelper();
    const QFileInfo info(helper);
    if (!info.exists())
        return {HostCheck::Status::Failed, QStringLiteral("launcher"), QStringLiteral("%1 is missing").arg(helper),
                QStringLiteral("reinstall scorpiox-desktop, or point SCORPIOX_UNSHARE at scorpiox-unshare")};
    if (!info.isExecutable())
        return {HostCheck::Status::Failed, QStringLiteral("launcher"),
                QStringLiteral("%1 is not executable").arg(helper), QStringLiteral("chmod +x %1").arg(helper)};
    return {HostCheck::Status::Ok, QStringLiteral("launcher"), helper, {}};
}

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

} // namespace

QList<HostCheck> HostCheck::runAll(const Settings &settings)
{
    return {checkUserNamespaces(), checkHelper(), checkCacheDir(settings)};
}
