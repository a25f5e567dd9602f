// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostCheck.h"

#include "Paths.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

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

HostCheck checkOverlay()
{
    // The Qt process has threads, so it cannot unshare itself: util-linux's unshare tries it.
    QTemporaryDir dir;
    const QString base = dir.path();
    for (const char *sub : {"lower", "upper", "work", "merged"})
        QDir().mkpath(base + QLatin1Char('/') + QLatin1String(sub));
    QProcess probe;
    probe.setProcessChannelMode(QProcess::MergedChannels);
    probe.start(QStringLiteral("unshare"),
                {QStringLiteral("-Urm"), QStringLiteral("mount"), QStringLiteral("-t"), QStringLiteral("overlay"),
                 QStringLiteral("overlay"), QStringLiteral("-o"),
                 QStringLiteral("lowerdir=%1/lower,upperdir=%1/upper,workdir=%1/work").arg(base),
                 base + QStringLiteral("/merged")});
    if (!probe.waitForFinished(10000) || probe.exitCode() != 0)
        return {HostCheck::Status::Warning, QStringLiteral("overlayfs in a user namespace"),
                QStringLiteral("the kernel refused (%1)").arg(QString::fromLocal8Bit(probe.readAll()).trimmed()),
                QStringLiteral("use Linux 5.11 or later, or install fuse-overlayfs (the fallback)")};
    return {HostCheck::Status::Ok, QStringLiteral("overlayfs in a user namespace"), QStringLiteral("works"), {}};
}

HostCheck checkFuseOverlayfs()
{
    const QString program = QStandardPaths::findExecutable(QStringLiteral("fuse-overlayfs"));
    if (program.isEmpty())
        return {HostCheck::Status::Warning, QStringLiteral("fuse-overlayfs"), QStringLiteral("not installed (only needed where "
                                                                                            "the kernel refuses overlayfs)"),
                QStringLiteral("sudo apt-get install fuse-overlayfs")};
    const int fd = ::open("/dev/fuse", O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return {HostCheck::Status::Warning, QStringLiteral("fuse-overlayfs"),
                QStringLiteral("%1 is installed but /dev/fuse is not usable by you").arg(program),
                QStringLiteral("sudo chmod 0666 /dev/fuse (Debian's default) or load the fuse module")};
    ::close(fd);
    return {HostCheck::Status::Ok, QStringLiteral("fuse-overlayfs"), program, {}};
}

HostCheck checkIdMapping()
{
    const QString subject = QStringLiteral("uid/gid ranges");
    const QString newuidmap = QStandardPaths::findExecutable(QStringLiteral("newuidmap"));
    if (newuidmap.isEmpty())
        return {HostCheck::Status::Warning, subject,
                QStringLiteral("newuidmap is missing: containers map only your own uid, so package managers cannot chown"),
                QStringLiteral("sudo apt-get install uidmap")};
    struct stat st {};
    if (::stat(QFile::encodeName(newuidmap).constData(), &st) != 0 || !(st.st_mode & S_ISUID))
        return {HostCheck::Status::Warning, subject, QStringLiteral("%1 is not setuid").arg(newuidmap),
                QStringLiteral("sudo chmod u+s %1").arg(newuidmap)};
    const passwd *user = ::getpwuid(::getuid());
    const QString name = user ? QString::fromLocal8Bit(user->pw_name) : QString::number(::getuid());
    QFile subuid(QStringLiteral("/etc/subuid"));
    if (subuid.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : subuid.readAll().split('\n')) {
            const QString owner = QString::fromLocal8Bit(line.split(':').value(0));
            if (!owner.isEmpty() && (owner == name || owner == QString::number(::getuid())))
                return {HostCheck::Status::Ok, subject, QStringLiteral("/etc/subuid has a range for %1").arg(name), {}};
        }
    }
    return {HostCheck::Status::Warning, subject, QStringLiteral("/etc/subuid has no range for %1").arg(name),
            QStringLiteral("sudo usermod --add-subuids 100000-165535 --add-subgids 100000-165535 %1").arg(name)};
}

HostCheck checkCgroup()
{
    const QString subject = QStringLiteral("memory limit (cgroup v2)");
    QFile self(QStringLiteral("/proc/self/cgroup"));
    QString path;
    if (self.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : self.readAll().split('\n')) {
            if (line.startsWith("0::"))
                path = QString::fromLocal8Bit(line.mid(3));
        }
    }
    for (const QString &root : {QStringLiteral("/sys/fs/cgroup"), QStringLiteral("/sys/fs/cgroup/unified")}) {
        QFile controllers(root + path + QStringLiteral("/cgroup.controllers"));
        if (!controllers.open(QIODevice::ReadOnly))
            continue;
        const bool hasMemory = controllers.readAll().trimmed().split(' ').contains("memory");
        if (hasMemory && QFileInfo(root + path).isWritable())
            return {HostCheck::Status::Ok, subject, QStringLiteral("delegated at %1%2").arg(root, path), {}};
        return {HostCheck::Status::Warning, subject,
                QStringLiteral("no writable memory controller at %1%2: container_memory_mb is not enforced").arg(root, path),
                QStringLiteral("start from a delegated scope: systemd-run --user --scope -p Delegate=yes scorpiox-desktop")};
    }
    return {HostCheck::Status::Warning, subject, QStringLiteral("no cgroup v2 hierarchy: container_memory_mb is not enforced"),
            QStringLiteral("boot with systemd.unified_cgroup_hierarchy=1")};
}

HostCheck checkWslIfUsed(const Settings &settings)
{
    // A Linux host lacking WSL is normal, not a failure: a wsl.exe (the simulator) is checked only when there is one.
    if (qEnvironmentVariableIsEmpty("SCORPIOX_WSL_EXE") && QStandardPaths::findExecutable(QStringLiteral("wsl.exe")).isEmpty())
        return {HostCheck::Status::Ok, QStringLiteral("wsl.exe"), QStringLiteral("not used on Linux (namespaces are)"), {}};
    return HostCheck::checkWsl(settings);
}

} // namespace

QList<HostCheck> HostCheck::backendChecks(const Settings &settings)
{
    return {checkUserNamespaces(), checkHelper(), checkOverlay(), checkFuseOverlayfs(), checkIdMapping(), checkCgroup(),
            checkWslIfUsed(settings)};
}
