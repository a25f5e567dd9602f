// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

/// A host path made visible inside the container.
struct MountSpec
{
    QString hostPath;      ///< absolute host path (or a Windows path for WSL)
    QString containerPath; ///< absolute path inside the container
    bool readOnly = false;

    friend bool operator==(const MountSpec &, const MountSpec &) = default;
};

enum class NetworkMode {
    Host,     ///< share the host network; resolv.conf and hosts bound in
    Isolated, ///< a new network namespace with loopback up
    None,     ///< no usable network: every non-AF_UNIX socket call fails
};

/// What to run and how to isolate it. Every backend (namespaces, WSL, host) takes the same spec.
struct LaunchSpec
{
    QString rootfs;           ///< extracted image, the lowest read-only layer
    QStringList layers;       ///< further read-only layers stacked over rootfs, lowest first
    QString imageArchive;     ///< the image tarball (WSL imports it)
    QString overlayDir;       ///< per-session upper/work dirs; empty: the root stays read-only
    bool keepUpperDir = false; ///< keep `<overlayDir>/upper` when the command ends (a package layer)
    QList<MountSpec> mounts;
    NetworkMode network = NetworkMode::Host;
    QString hostname;         ///< the session name, `scorpiox-<id>`
    QString workingDir = QStringLiteral("/workspace");
    QStringList environment;  ///< complete environment of the command, `K=V` each
    QStringList command;      ///< program and arguments
    int timeoutSec = 0;       ///< 0 = never
    int memoryMb = 0;         ///< 0 = no limit
    int statusFd = -1;        ///< fd number where the launcher reports status as JSON lines (-1: none)
    int rows = 24;            ///< initial terminal size
    int columns = 80;
};

/// A program and its arguments, ready for QProcess.
struct LaunchCommand
{
    QString program;
    QStringList arguments;
    QStringList environment; ///< the process environment, `K=V` each; secrets go here, never in arguments
    QString workingDirectory; ///< host directory to start in; empty: the caller's
};

/// `K=V` strings (LaunchCommand::environment) as a process environment for QProcess.
QProcessEnvironment processEnvironment(const QStringList &pairs);

QString networkModeName(NetworkMode mode);
/// Parses `host`, `isolated` or `none`.
bool parseNetworkMode(const QString &name, NetworkMode *mode);
