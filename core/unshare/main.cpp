// SPDX-License-Identifier: GPL-3.0-or-later
#include "../ExitCode.h"
#include "ContainerPlan.h"
#include "Options.h"
#include "StatusReport.h"
#include "Supervisor.h"

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>

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

    ContainerPlan plan;
    // SCORPIOX_UNSHARE_SINGLE_ID=1 maps only the caller's own id even where subordinate ranges exist.
    plan.ids = IdMapping::forCaller(std::getenv("SCORPIOX_UNSHARE_SINGLE_ID") == nullptr);
    const std::string error = plan.build(parsed.options);
    if (!error.empty()) {
        report.failed(error, ExitCode::RuntimeFailed);
        return ExitCode::RuntimeFailed;
    }
    Supervisor supervisor(plan, report);
    return supervisor.run();
}
