// SPDX-License-Identifier: GPL-3.0-or-later
#include "../ExitCode.h"

#include <cstdio>
#include <cstring>

namespace {

const char kUsage[] =
    "usage: scorpiox-unshare --rootfs DIR [--overlay DIR] [--bind HOST:CONT[:ro]]... [--net host|isolated|none]\n"
    "                        [--hostname NAME] [--workdir DIR] [--env K=V]... [--timeout SEC]\n"
    "                        [--memory-mb MB] [--info-fd N] -- CMD [ARG...]\n";

} // namespace

int main(int argc, char **argv)
{
    if (argc > 1 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
        std::fputs(kUsage, stdout);
        return 0;
    }
    std::fputs("scorpiox-unshare: not implemented yet\n", stderr);
    std::fputs(kUsage, stderr);
    return ExitCode::RuntimeFailed;
}
