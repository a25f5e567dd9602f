// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionSpec.h"

#include "SessionEnvironment.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

namespace SessionSpec {

namespace {

const QString kWorkspace = QStringLiteral("/workspace");

Result<void> checkHost(const QString &path, const QString &origin, bool check)
{
    if (check && !QFileInfo::exists(path))
        return Error::notFound(QStringLiteral("cannot mount %1 (%2): no such file or directory").arg(path, origin));
    return {};
}

bool existsInTree(const QString &root, const QString &path)
{
    // lstat semantics: an absolute symlink inside the image means nothing on the host,
    // but its presence says the image provides the program.
    const QFileInfo info(root + path);
    return info.exists() || info.isSymLink();
}

} // namespace

Result<QList<MountSpec>> mounts(const SessionRequest &request, const SessionConfig &config, bool checkHostPaths)
{
    QList<MountSpec> result;
    QString workspace;
    if (!request.bindDir.isEmpty())
        workspace = request.bindDir;
    else if (request.persistDir.isEmpty())
        workspace = request.projectDir;
    if (!workspace.isEmpty()) {
        if (Result<void> ok = checkHost(workspace, QStringLiteral("the project directory"), checkHostPaths); !ok)
            return ok.error();
        result.append({workspace, kWorkspace, false});
    }
    if (!request.persistDir.isEmpty()) {
        if (Result<void> ok = checkHost(request.persistDir, QStringLiteral("--persist"), checkHostPaths); !ok)
            return ok.error();
        result.append({request.persistDir, QStringLiteral("/persist"), false});
    }
    if (!workspace.isEmpty()) {
        // Bound read-only over themselves, so an agent cannot plant a hook or alias that later
        // runs on the host. Only paths that exist can be protected this way.
        for (const QString &relative : config.protectPaths) {
            const QString host = QDir(workspace).filePath(relative);
            if (QFileInfo(host).exists() && !QFileInfo(host).isSymLink())
                result.append({QDir::cleanPath(host), QDir::cleanPath(kWorkspace + QLatin1Char('/') + relative), true});
        }
    }
    for (const QString &path : config.mountReadOnly) {
        if (Result<void> ok = checkHost(path, QStringLiteral("container_mount_ro"), checkHostPaths); !ok)
            return ok.error();
        result.append({path, QDir::cleanPath(path), true});
    }
    for (const MountSpec &volume : request.volumes) {
        if (Result<void> ok = checkHost(volume.hostPath, QStringLiteral("-v %1:%2").arg(volume.hostPath, volume.containerPath),
                                        checkHostPaths);
            !ok)
            return ok.error();
        result.append(volume);
    }
    return result;
}

bool imageHasProgram(const QString &rootfs, const QStringList &layers, const QString &program)
{
    QStringList roots = layers;
    roots.prepend(rootfs);
    for (const QString &root : roots) {
        if (program.startsWith(QLatin1Char('/'))) {
            if (existsInTree(root, program))
                return true;
            continue;
        }
        for (const QString &dir : SessionEnvironment::containerPath().split(QLatin1Char(':'))) {
            if (existsInTree(root, dir + QLatin1Char('/') + program))
                return true;
        }
    }
    return false;
}

Result<LaunchSpec> build(const Inputs &in, QStringList *notes)
{
    const bool local = in.backend != QLatin1String("wsl");
    Result<QList<MountSpec>> mountList = mounts(in.request, in.config, local);
    if (!mountList)
        return mountList.error();

    LaunchSpec spec;
    spec.rootfs = in.rootfs;
    spec.layers = in.layers;
    spec.imageArchive = in.imageArchive;
    spec.overlayDir = in.overlayDir;
    spec.mounts = *mountList;
    spec.network = in.config.network;
    spec.hostname = in.record.name();
    spec.workingDir = QStringLiteral("/");
    for (const MountSpec &mount : spec.mounts) {
        if (mount.containerPath == kWorkspace)
            spec.workingDir = kWorkspace;
    }
    spec.environment = in.environment;
    spec.timeoutSec = in.config.timeoutSec;
    spec.memoryMb = in.config.memoryMb;
    spec.rows = in.request.rows;
    spec.columns = in.request.columns;

    spec.command = in.request.command;
    if (spec.command.isEmpty()) {
        spec.command = QProcess::splitCommand(in.config.agentCommand);
        if (spec.command.isEmpty())
            return Error::invalid(QStringLiteral("agent_command is empty and no command was given"));
        if (in.backend == QLatin1String("namespace") && !imageHasProgram(in.rootfs, in.layers, spec.command.first())) {
            if (notes)
                notes->append(QStringLiteral("the image has no %1; starting /bin/sh instead").arg(spec.command.first()));
            spec.command = {QStringLiteral("/bin/sh")};
        }
    }
    return spec;
}

} // namespace SessionSpec
