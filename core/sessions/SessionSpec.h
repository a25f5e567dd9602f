// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SessionConfig.h"
#include "SessionRecord.h"
#include "launch/LaunchSpec.h"

/// Turns a request, the settings and the prepared image into the LaunchSpec every backend takes.
/// Pure: it reads the file system only to check that host paths exist.
namespace SessionSpec {

struct Inputs
{
    SessionRequest request;
    SessionConfig config;
    SessionRecord record;
    QString backend;          ///< namespace, wsl or host
    QString rootfs;           ///< extracted image (namespace)
    QStringList layers;       ///< package layers over it
    QString imageArchive;     ///< the image tarball (wsl)
    QString overlayDir;
    QStringList environment;  ///< already built by SessionEnvironment
};

/// The spec, or the first problem as a one-line error (a missing host path names the option
/// it came from). @p notes receives remarks worth telling the user (a fallback command).
Result<LaunchSpec> build(const Inputs &inputs, QStringList *notes);

/// The mounts alone: the workspace, protected project paths, container_mount_ro and `-v`.
Result<QList<MountSpec>> mounts(const SessionRequest &request, const SessionConfig &config, bool checkHostPaths);

/// Whether @p program can be found in @p rootfs (absolute, or on the image's usual PATH),
/// without following any symlink out of the rootfs.
bool imageHasProgram(const QString &rootfs, const QStringList &layers, const QString &program);

} // namespace SessionSpec
