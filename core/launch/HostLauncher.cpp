// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostLauncher.h"

#include "sessions/SessionRecord.h"

#include <QFileInfo>

namespace {

/// The host directory that the spec would mount at /workspace.
QString workspaceOf(const LaunchSpec &spec)
{
    for (const MountSpec &mount : spec.mounts) {
        if (mount.containerPath == QLatin1String("/workspace"))
            return mount.hostPath;
    }
    return {};
}

} // namespace

Result<LaunchCommand> HostLauncher::command(const LaunchSpec &spec, const SessionRecord &) const
{
    if (spec.command.isEmpty())
        return Error::invalid(QStringLiteral("no command to run"));
    LaunchCommand launch;
    launch.program = spec.command.first();
    launch.arguments = spec.command.mid(1);
    launch.environment = spec.environment;
    launch.workingDirectory = workspaceOf(spec);
    if (!launch.workingDirectory.isEmpty() && !QFileInfo(launch.workingDirectory).isDir())
        return Error::notFound(QStringLiteral("project directory %1 does not exist").arg(launch.workingDirectory));
    return launch;
}

Result<LaunchCommand> HostLauncher::enter(const SessionRecord &record, const QStringList &command) const
{
    LaunchCommand launch;
    const QStringList words = command.isEmpty() ? QStringList{qEnvironmentVariable("SHELL", QStringLiteral("/bin/sh"))}
                                                : command;
    launch.program = words.first();
    launch.arguments = words.mid(1);
    launch.workingDirectory = record.projectDir;
    return launch;
}
