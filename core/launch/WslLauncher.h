// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Launcher.h"
#include "Paths.h"
#include "sessions/OrphanCleaner.h"

/// The Windows backend: each session is an ephemeral WSL2 distribution imported from the image
/// tarball, configured on a first boot (/etc/wsl.conf: no drive automount, no interop), booted
/// again for the session (overlay, mounts, network, environment, command in one `wsl --exec`)
/// and unregistered when it ends. It only drives `wsl.exe`, so it builds on any OS and is tested
/// on Linux against the simulator in tests/fixtures/wsl-sim.
class WslLauncher : public Launcher
{
public:
    struct Options
    {
        QString wslExe;       ///< path of wsl.exe (WslExecutable::locate())
        QString cacheDir;     ///< container_cache_dir; distributions live in <cacheDir>/wsl/<name>
        QStringList packages; ///< CONTAINER_PACKAGES, installed on the first boot
        int importTimeoutMs = 0;    ///< 0: 5 minutes plus one per 300 MB of tarball
        int unregisterAttempts = 4; ///< a distro that will not unregister is terminated and retried
        int retryDelayMs = 500;     ///< doubled after each failed attempt
        /// The static Linux program copied into a distribution whose session has `--net none`.
        QString noNetworkHelper = Paths::wslNoNetworkHelper();
    };

    explicit WslLauncher(Options options);

    QString backend() const override { return QStringLiteral("wsl"); }
    /// Imports the tarball as `record.distro` (a name taken meanwhile gets a `-N` suffix), writes
    /// wsl.conf, copies scorpiox-no-network in for `--net none` and installs packages on a first
    /// boot, then terminates it so the session's boot reads the new wsl.conf. Cleans up after
    /// itself on failure.
    Result<void> prepare(const LaunchSpec &spec, const SessionRecord &record) override;
    /// `wsl -d NAME -u root --cd / --exec /bin/sh -c SCRIPT sh CMD...`; the environment rides in
    /// the process environment, named by WSLENV.
    Result<LaunchCommand> command(const LaunchSpec &spec, const SessionRecord &record) const override;
    Result<LaunchCommand> enter(const SessionRecord &record, const QStringList &command) const override;
    /// Terminates and unregisters the distribution (retrying), removes `<cacheDir>/wsl/<name>`.
    Result<void> release(const SessionRecord &record) override;

    /// Cleanup's view of WSL: `scorpiox-*` distributions (plus install dirs left without one),
    /// and their removal. Empty (WSL not used) when no wsl.exe can be found.
    static OrphanCleaner::DistroControl distroControl(const QString &cacheDir);

    /// The distribution this launcher imported, once prepare() succeeded.
    QString distro() const { return m_distro; }

private:
    QString installDir(const QString &name) const;
    Result<void> importDistro(const QString &name, const QString &archive) const;
    /// @p noNetworkHelper: the program's bytes when the session has `--net none`, else empty.
    Result<void> configure(const QString &name, const QByteArray &noNetworkHelper) const;
    Result<void> unregister(const QString &name) const;
    QString nameFor(const SessionRecord &record) const;

    Options m_options;
    QString m_distro;
};
