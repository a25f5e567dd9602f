// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Launcher.h"

/// The Linux backend: turns a LaunchSpec into the command line of `scorpiox-unshare`, the
/// rootless namespace launcher. The spec's environment becomes the process environment of the
/// launcher (which hands it to the command), so secrets never appear on a command line.
class NamespaceLauncher : public Launcher
{
public:
    /// @p helperPath defaults to Paths::unshareHelper().
    explicit NamespaceLauncher(QString helperPath = {});

    QString backend() const override { return QStringLiteral("namespace"); }
    /// Checks the spec (absolute paths, existing host paths, sane mount targets) and builds the
    /// command; the error names the offending field and how to fix it.
    Result<LaunchCommand> command(const LaunchSpec &spec) const;
    Result<LaunchCommand> command(const LaunchSpec &spec, const SessionRecord &record) const override;
    /// `scorpiox-unshare --enter PID`: joins the running container's namespaces with the same
    /// restrictions as its command.
    Result<LaunchCommand> enter(const SessionRecord &record, const QStringList &command) const override;
    /// NamespaceProvisionRunner: the install runs in a container of this helper and its overlay's
    /// upper directory becomes the layer.
    ProvisionRunner provisionRunner(std::shared_ptr<const std::atomic<bool>> cancelled,
                                    ProvisionLineHandler onLine) const override;

    QString helperPath() const { return m_helperPath; }

private:
    QString m_helperPath;
};
