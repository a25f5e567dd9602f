// SPDX-License-Identifier: GPL-3.0-or-later
#include "NamespaceLauncher.h"

#include "Paths.h"
#include "images/NamespaceProvisionRunner.h"
#include "sessions/SessionRecord.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace {

bool hasDotDot(const QString &path)
{
    return path.split(QLatin1Char('/')).contains(QStringLiteral(".."));
}

std::optional<Error> checkDirectory(const QString &path, const QString &what, const QString &fix)
{
    if (!QDir::isAbsolutePath(path))
        return Error::invalid(QStringLiteral("%1 %2 must be an absolute path").arg(what, path));
    if (!QFileInfo(path).isDir())
        return Error::notFound(QStringLiteral("%1 %2 does not exist: %3").arg(what, path, fix));
    return std::nullopt;
}

std::optional<Error> checkMount(const MountSpec &mount)
{
    const QString where = QStringLiteral("cannot mount %1 at %2: ").arg(mount.hostPath, mount.containerPath);
    if (!QDir::isAbsolutePath(mount.hostPath))
        return Error::invalid(where + QStringLiteral("the host path must be absolute"));
    if (!QFileInfo::exists(mount.hostPath))
        return Error::notFound(where + QStringLiteral("no such file or directory on the host"));
    const QString target = mount.containerPath;
    if (!target.startsWith(QLatin1Char('/')) || hasDotDot(target))
        return Error::invalid(where + QStringLiteral("the container path must be absolute and free of '..'"));
    if (target.contains(QLatin1Char(':')))
        return Error::invalid(where + QStringLiteral("the container path must not contain ':'"));
    const QString clean = QDir::cleanPath(target);
    if (clean == QStringLiteral("/"))
        return Error::invalid(where + QStringLiteral("cannot replace the container's root"));
    if (clean == QStringLiteral("/proc") || clean.startsWith(QStringLiteral("/proc/")))
        return Error::invalid(where + QStringLiteral("/proc belongs to the container"));
    return std::nullopt;
}

} // namespace

NamespaceLauncher::NamespaceLauncher(QString helperPath)
    : m_helperPath(helperPath.isEmpty() ? Paths::unshareHelper() : std::move(helperPath))
{
}

Result<LaunchCommand> NamespaceLauncher::command(const LaunchSpec &spec) const
{
    if (spec.rootfs.isEmpty())
        return Error::invalid(QStringLiteral("no image rootfs given"));
    if (auto error = checkDirectory(spec.rootfs, QStringLiteral("image rootfs"),
                                    QStringLiteral("pull or import the image first")))
        return *error;
    for (const QString &layer : spec.layers) {
        if (auto error = checkDirectory(layer, QStringLiteral("image layer"),
                                        QStringLiteral("rebuild the image's package layer")))
            return *error;
    }
    if (!spec.overlayDir.isEmpty() && !QDir::isAbsolutePath(spec.overlayDir))
        return Error::invalid(QStringLiteral("overlay directory %1 must be an absolute path").arg(spec.overlayDir));
    if (spec.keepUpperDir && spec.overlayDir.isEmpty())
        return Error::invalid(QStringLiteral("keeping the upper directory needs an overlay directory"));
    for (const MountSpec &mount : spec.mounts) {
        if (auto error = checkMount(mount))
            return *error;
    }
    static const QRegularExpression hostnamePattern(QStringLiteral("^[A-Za-z0-9._-]{1,64}$"));
    if (!spec.hostname.isEmpty() && !hostnamePattern.match(spec.hostname).hasMatch())
        return Error::invalid(QStringLiteral("hostname %1: use 1-64 letters, digits, '-', '_' or '.'")
                                  .arg(spec.hostname));
    if (!spec.workingDir.isEmpty() && (!spec.workingDir.startsWith(QLatin1Char('/')) || hasDotDot(spec.workingDir)))
        return Error::invalid(QStringLiteral("working directory %1 must be an absolute container path")
                                  .arg(spec.workingDir));
    if (spec.command.isEmpty() || spec.command.first().isEmpty())
        return Error::invalid(QStringLiteral("no command to run in the container"));
    if (spec.timeoutSec < 0)
        return Error::invalid(QStringLiteral("timeout %1 must be 0 (never) or more seconds").arg(spec.timeoutSec));
    if (spec.memoryMb < 0)
        return Error::invalid(QStringLiteral("memory limit %1 MB must be 0 (none) or more").arg(spec.memoryMb));
    for (qsizetype i = 0; i < spec.environment.size(); ++i) {
        // The value may be a secret: name the entry by position only.
        if (spec.environment.at(i).indexOf(QLatin1Char('=')) <= 0)
            return Error::invalid(QStringLiteral("environment entry %1 is not K=V").arg(i + 1));
    }

    LaunchCommand cmd;
    cmd.program = m_helperPath;
    QStringList &args = cmd.arguments;
    args << QStringLiteral("--rootfs") << spec.rootfs;
    for (const QString &layer : spec.layers)
        args << QStringLiteral("--layer") << layer;
    if (!spec.overlayDir.isEmpty())
        args << QStringLiteral("--overlay") << spec.overlayDir;
    if (spec.keepUpperDir)
        args << QStringLiteral("--keep-overlay");
    for (const MountSpec &mount : spec.mounts) {
        args << QStringLiteral("--bind")
             << mount.hostPath + QLatin1Char(':') + QDir::cleanPath(mount.containerPath)
                + (mount.readOnly ? QStringLiteral(":ro") : QString());
    }
    args << QStringLiteral("--net") << networkModeName(spec.network);
    if (!spec.hostname.isEmpty())
        args << QStringLiteral("--hostname") << spec.hostname;
    if (!spec.workingDir.isEmpty())
        args << QStringLiteral("--workdir") << spec.workingDir;
    if (spec.timeoutSec > 0)
        args << QStringLiteral("--timeout") << QString::number(spec.timeoutSec);
    if (spec.memoryMb > 0)
        args << QStringLiteral("--memory-mb") << QString::number(spec.memoryMb);
    if (spec.statusFd >= 0)
        args << QStringLiteral("--info-fd") << QString::number(spec.statusFd);
    args << QStringLiteral("--") << spec.command;
    cmd.environment = spec.environment;
    return cmd;
}

Result<LaunchCommand> NamespaceLauncher::command(const LaunchSpec &spec, const SessionRecord &) const
{
    return command(spec);
}

Result<LaunchCommand> NamespaceLauncher::enter(const SessionRecord &record, const QStringList &command) const
{
    if (record.containerPid <= 0)
        return Error::notFound(QStringLiteral("session %1 has not reported its container yet; try again in a moment")
                                   .arg(record.id));
    LaunchCommand cmd;
    cmd.program = m_helperPath;
    cmd.arguments << QStringLiteral("--enter") << QString::number(record.containerPid);
    if (!record.network.isEmpty())
        cmd.arguments << QStringLiteral("--net") << record.network;
    cmd.arguments << QStringLiteral("--workdir") << QStringLiteral("/workspace") << QStringLiteral("--")
                  << (command.isEmpty() ? QStringList{QStringLiteral("/bin/sh"), QStringLiteral("-l")} : command);
    return cmd;
}

ProvisionRunner NamespaceLauncher::provisionRunner(std::shared_ptr<const std::atomic<bool>> cancelled,
                                                   ProvisionLineHandler onLine) const
{
    return NamespaceProvisionRunner(std::move(cancelled), m_helperPath, std::move(onLine));
}
