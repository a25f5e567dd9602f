// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LaunchSpec.h"
#include "Result.h"

/// The Linux backend: turns a LaunchSpec into the command line of `scorpiox-unshare`, the
/// rootless namespace launcher. The spec's environment becomes the process environment of the
/// launcher (which hands it to the command), so secrets never appear on a command line.
class NamespaceLauncher
{
public:
    /// @p helperPath defaults to Paths::unshareHelper().
    explicit NamespaceLauncher(QString helperPath = {});

    /// Checks the spec (absolute paths, existing host paths, sane mount targets) and builds the
    /// command; the error names the offending field and how to fix it.
    Result<LaunchCommand> command(const LaunchSpec &spec) const;

    QString helperPath() const { return m_helperPath; }

private:
    QString m_helperPath;
};
