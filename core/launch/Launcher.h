// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "LaunchSpec.h"
#include "ProvisionRunner.h"
#include "Result.h"

#include <atomic>
#include <memory>

struct SessionRecord;

/// A backend that runs a LaunchSpec: namespaces (Linux), WSL (Windows) or the host itself.
/// SessionManager drives every backend through these calls; the blocking ones run on a worker
/// thread, never on the GUI thread.
class Launcher
{
public:
    virtual ~Launcher() = default;

    /// `namespace`, `wsl` or `host`, as records and `--backend` spell it.
    virtual QString backend() const = 0;
    /// Blocking work before the command can start (WSL imports and configures a distro).
    virtual Result<void> prepare(const LaunchSpec &spec, const SessionRecord &record);
    /// The process that runs the spec's command; started on the session's terminal.
    virtual Result<LaunchCommand> command(const LaunchSpec &spec, const SessionRecord &record) const = 0;
    /// A process that runs @p command (or a shell) inside the running session @p record.
    virtual Result<LaunchCommand> enter(const SessionRecord &record, const QStringList &command) const = 0;
    /// Undoes prepare(); idempotent, and used on orphans left by a crash. Blocking.
    virtual Result<void> release(const SessionRecord &record);
    /// What installs CONTAINER_PACKAGES into a package layer stacked over the image; empty
    /// (the default) for a backend without layers: WSL installs them inside the distribution on
    /// its first boot, the host installs nothing. Setting @p cancelled stops a running install.
    virtual ProvisionRunner provisionRunner(std::shared_ptr<const std::atomic<bool>> cancelled,
                                            ProvisionLineHandler onLine) const;
};
