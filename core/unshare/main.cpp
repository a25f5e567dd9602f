// SPDX-License-Identifier: GPL-3.0-or-later
#include "../ExitCode.h"
#include "ContainerPlan.h"
#include "NamespaceEntry.h"
#include "Options.h"
#include "StatusReport.h"
#include "Supervisor.h"
#include "TreeRemoval.h"

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sys/prctl.h>

namespace {

// SCORPIOX_UNSHARE_SINGLE_ID=1 maps only the caller's own id even where subordinate ranges exist.
IdMapping callerIds()
{
    return IdMapping::forCaller(std::getenv("SCORPIOX_UNSHARE_SINGLE_ID") == nullptr);
}

int failed(const StatusReport &report, const std::string &error)
{
    report.failed(error, ExitCode::RuntimeFailed);
    return ExitCode::RuntimeFailed;
}

int enterContainer(const Options &options, const StatusReport &report)
{
    // Before joining: a process of the container must never reach this one's memory or its
    // /proc/PID/exe, the launcher binary on the host. The forked command inherits this until exec.
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    NamespaceEntry entry;
    std::string error = entry.open(static_cast<pid_t>(options.enterPid));
    if (error.empty())
        error = entry.join();
    ContainerPlan plan;
    if (error.empty())
        error = plan.buildEntry(options, entry.netMode());
    if (!error.empty())
        return failed(report, error);
    Supervisor supervisor(plan, report);
    return supervisor.enter();
}

} // namespace

int main(int argc, char **argv)
{
    const ParseResult parsed = parseArguments(argc, argv);
    const int infoFd = parsed.options.infoFd >= 0 && fcntl(parsed.options.infoFd, F_GETFD) >= 0
        ? parsed.options.infoFd
        : -1;
    const StatusReport report(infoFd);
    if (!parsed.ok()) {
        report.failed(parsed.error, ExitCode::RuntimeFailed);
        std::fputs(kUsage, stderr);
        return ExitCode::RuntimeFailed;
    }
    if (parsed.options.help) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    if (parsed.options.version) {
        std::puts("scorpiox-unshare " SCORPIOX_VERSION);
        return 0;
    }
    if (infoFd >= 0)
        fcntl(infoFd, F_SETFD, FD_CLOEXEC);

    if (!parsed.options.removeTree.empty()) {
        const std::string error = TreeRemoval::removeCallersTree(parsed.options.removeTree, callerIds());
        return error.empty() ? 0 : failed(report, error);
    }
    if (parsed.options.enterPid != 0)
        return enterContainer(parsed.options, report);

    ContainerPlan plan;
    plan.ids = callerIds();
    const std::string error = plan.build(parsed.options);
    if (!error.empty())
        return failed(report, error);
    Supervisor supervisor(plan, report);
    return supervisor.run();
}
