// SPDX-License-Identifier: GPL-3.0-or-later
// scorpiox-unshare's command line (NUL-separated words): an accepted one satisfies everything
// the launcher later relies on without checking again.
#include "FuzzCheck.h"
#include "Options.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace {

bool isNormalisedAbsolute(const std::string &path)
{
    return !path.empty() && normaliseContainerPath(path) == path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    std::vector<std::string> words{"scorpiox-unshare"};
    std::string word;
    for (size_t i = 0; i < size; ++i) {
        if (data[i] == 0) {
            words.push_back(word);
            word.clear();
        } else {
            word += char(data[i]);
        }
    }
    if (!word.empty())
        words.push_back(word);
    std::vector<const char *> argv;
    for (const std::string &w : words)
        argv.push_back(w.c_str());
    argv.push_back(nullptr);

    const ParseResult parsed = parseArguments(int(words.size()), argv.data());
    if (!parsed.ok() || parsed.options.help || parsed.options.version)
        return 0;
    const Options &o = parsed.options;
    if (!o.removeTree.empty()) {
        FUZZ_CHECK(isNormalisedAbsolute(o.removeTree) && o.removeTree != "/", "--remove-tree is a normalised path, not /");
        FUZZ_CHECK(o.command.empty(), "--remove-tree runs no command");
        return 0;
    }
    FUZZ_CHECK(!o.command.empty(), "an accepted command line has a command");
    FUZZ_CHECK(o.enterPid > 0 || !o.rootfs.empty(), "a new container has a rootfs");
    FUZZ_CHECK(isNormalisedAbsolute(o.workdir), "the working directory is normalised and absolute");
    for (const BindOption &bind : o.binds) {
        FUZZ_CHECK(!bind.host.empty(), "a bind has a host path");
        FUZZ_CHECK(isNormalisedAbsolute(bind.container) && bind.container != "/", "a bind target is normalised, not /");
        FUZZ_CHECK(bind.container != "/proc" && bind.container.rfind("/proc/", 0) != 0, "nothing is bound over /proc");
    }
    for (const std::string &env : o.env)
        FUZZ_CHECK(env.find('=') != std::string::npos && env[0] != '=', "environment additions are K=V");
    FUZZ_CHECK(o.timeoutSec >= 0 && o.memoryMb >= 0, "limits are not negative");
    FUZZ_CHECK(!(o.writableRootfs && (!o.overlay.empty() || !o.layers.empty())), "a writable rootfs has no overlay");
    return 0;
}
