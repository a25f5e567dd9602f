// SPDX-License-Identifier: GPL-3.0-or-later
#include "Options.h"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <initializer_list>

const char kUsage[] =
    "usage: scorpiox-unshare --rootfs DIR [--layer DIR]... [--overlay DIR [--keep-overlay]] [--bind HOST:CONT[:ro]]...\n"
    "                        [--net host|isolated|none] [--hostname NAME] [--workdir DIR] [--env K=V]...\n"
    "                        [--timeout SEC] [--memory-mb MB] [--info-fd N] [--writable-rootfs] [--all-capabilities]\n"
    "                        -- CMD [ARG...]\n"
    "       scorpiox-unshare --enter PID [--net MODE] [--workdir DIR] [--env K=V]... [--info-fd N] [--all-capabilities]\n"
    "                        -- CMD [ARG...]\n"
    "       scorpiox-unshare --remove-tree DIR\n";

namespace {

bool parseNumber(const std::string &text, long min, long max, long *out)
{
    if (text.empty() || text[0] == '-' || text[0] == '+' || text[0] == ' ')
        return false;
    errno = 0;
    char *end = nullptr;
    const long value = std::strtol(text.c_str(), &end, 10);
    if (errno != 0 || *end != '\0' || value < min || value > max)
        return false;
    *out = value;
    return true;
}

bool validHostname(const std::string &name)
{
    if (name.empty() || name.size() > 64)
        return false;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
            || c == '.' || c == '_';
        if (!ok)
            return false;
    }
    return true;
}

std::string parseBind(const std::string &spec, BindOption *bind)
{
    std::string rest = spec;
    bind->readOnly = false;
    const auto endsWith = [&rest](const char *suffix) {
        const size_t n = std::strlen(suffix);
        return rest.size() > n && rest.compare(rest.size() - n, n, suffix) == 0;
    };
    if (endsWith(":ro")) {
        bind->readOnly = true;
        rest.resize(rest.size() - 3);
    } else if (endsWith(":rw")) {
        rest.resize(rest.size() - 3);
    }
    const size_t colon = rest.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size())
        return "--bind " + spec + ": expected HOST:CONT or HOST:CONT:ro";
    bind->host = rest.substr(0, colon);
    const std::string container = rest.substr(colon + 1);
    bind->container = normaliseContainerPath(container);
    if (bind->container.empty())
        return "--bind " + spec + ": the container path must be absolute and free of '..'";
    if (bind->container == "/")
        return "--bind " + spec + ": cannot bind over the container's root";
    if (bind->container == "/proc" || bind->container.rfind("/proc/", 0) == 0)
        return "--bind " + spec + ": cannot bind over /proc, it is the container's own";
    return {};
}

// "" when every option in @p given is one of @p allowed, else which one does not fit @p mode.
std::string onlyWith(const char *mode, const std::vector<std::string> &given,
                     std::initializer_list<const char *> allowed)
{
    for (const std::string &option : given) {
        bool ok = false;
        for (const char *a : allowed)
            ok = ok || option == a;
        if (!ok)
            return option + " cannot be combined with " + mode;
    }
    return {};
}

} // namespace

std::string normaliseContainerPath(const std::string &path)
{
    if (path.empty() || path[0] != '/')
        return {};
    std::string out;
    size_t i = 0;
    while (i < path.size()) {
        while (i < path.size() && path[i] == '/')
            ++i;
        const size_t end = path.find('/', i);
        const std::string part = path.substr(i, end == std::string::npos ? std::string::npos : end - i);
        i = end == std::string::npos ? path.size() : end;
        if (part.empty() || part == ".")
            continue;
        if (part == "..")
            return {};
        out += '/';
        out += part;
    }
    return out.empty() ? "/" : out;
}

ParseResult parseArguments(int argc, const char *const *argv)
{
    ParseResult result;
    Options &o = result.options;
    bool haveRootfs = false;
    bool haveNet = false;
    std::vector<std::string> given; // option names, for the modes that take only a few
    int i = 1;
    for (; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--") {
            ++i;
            break;
        }
        if (arg.rfind("--", 0) != 0) {
            if (arg == "-h") {
                o.help = true;
                return result;
            }
            if (!arg.empty() && arg[0] == '-') {
                result.error = "unknown option " + arg;
                return result;
            }
            break; // the command starts at the first word that is not an option
        }
        std::string value;
        bool hasInlineValue = false;
        const size_t eq = arg.find('=');
        if (eq != std::string::npos) {
            value = arg.substr(eq + 1);
            arg.resize(eq);
            hasInlineValue = true;
        }
        if (arg == "--help" || arg == "--version" || arg == "--writable-rootfs" || arg == "--all-capabilities"
            || arg == "--keep-overlay") {
            if (hasInlineValue) {
                result.error = arg + " takes no value";
                return result;
            }
            if (arg == "--all-capabilities") {
                o.allCapabilities = true;
                given.push_back(arg);
                continue;
            }
            if (arg == "--keep-overlay") {
                o.keepOverlay = true;
                given.push_back(arg);
                continue;
            }
            if (arg == "--writable-rootfs") {
                o.writableRootfs = true;
                given.push_back(arg);
                continue;
            }
            (arg == "--help" ? o.help : o.version) = true;
            return result;
        }
        static const char *const known[] = {"--rootfs", "--layer", "--overlay", "--bind", "--net", "--hostname",
                                            "--workdir", "--env", "--timeout", "--memory-mb", "--info-fd",
                                            "--enter", "--remove-tree"};
        bool isKnown = false;
        for (const char *k : known)
            isKnown = isKnown || arg == k;
        if (!isKnown) {
            result.error = "unknown option " + arg;
            return result;
        }
        if (!hasInlineValue) {
            if (i + 1 >= argc) {
                result.error = arg + " needs a value";
                return result;
            }
            value = argv[++i];
        }
        if (value.empty()) {
            result.error = arg + " needs a non-empty value";
            return result;
        }
        given.push_back(arg);

        if (arg == "--rootfs") {
            if (haveRootfs) {
                result.error = "--rootfs given twice";
                return result;
            }
            haveRootfs = true;
            o.rootfs = value;
        } else if (arg == "--layer") {
            o.layers.push_back(value);
        } else if (arg == "--overlay") {
            if (!o.overlay.empty()) {
                result.error = "--overlay given twice";
                return result;
            }
            o.overlay = value;
        } else if (arg == "--bind") {
            BindOption bind;
            result.error = parseBind(value, &bind);
            if (!result.ok())
                return result;
            o.binds.push_back(bind);
        } else if (arg == "--net") {
            if (haveNet) {
                result.error = "--net given twice";
                return result;
            }
            haveNet = true;
            o.netGiven = true;
            if (value == "host")
                o.net = NetMode::Host;
            else if (value == "isolated")
                o.net = NetMode::Isolated;
            else if (value == "none")
                o.net = NetMode::None;
            else {
                result.error = "--net " + value + ": expected host, isolated or none";
                return result;
            }
        } else if (arg == "--hostname") {
            if (!validHostname(value)) {
                result.error = "--hostname " + value + ": use 1-64 letters, digits, '-', '_' or '.'";
                return result;
            }
            o.hostname = value;
        } else if (arg == "--workdir") {
            o.workdir = normaliseContainerPath(value);
            if (o.workdir.empty()) {
                result.error = "--workdir " + value + ": must be an absolute path free of '..'";
                return result;
            }
        } else if (arg == "--env") {
            const size_t keyEnd = value.find('=');
            if (keyEnd == std::string::npos || keyEnd == 0) {
                result.error = "--env " + value + ": expected K=V";
                return result;
            }
            o.env.push_back(value);
        } else if (arg == "--timeout") {
            if (!parseNumber(value, 0, 365L * 24 * 3600, &o.timeoutSec)) {
                result.error = "--timeout " + value + ": expected whole seconds (0 = never)";
                return result;
            }
        } else if (arg == "--memory-mb") {
            if (!parseNumber(value, 0, LONG_MAX / (1024 * 1024), &o.memoryMb)) {
                result.error = "--memory-mb " + value + ": expected a whole number of MiB (0 = no limit)";
                return result;
            }
        } else if (arg == "--info-fd") {
            long fd = 0;
            if (!parseNumber(value, 0, INT_MAX, &fd)) {
                result.error = "--info-fd " + value + ": expected a file descriptor number";
                return result;
            }
            o.infoFd = static_cast<int>(fd);
        } else if (arg == "--enter") {
            if (o.enterPid != 0 || !parseNumber(value, 1, INT_MAX, &o.enterPid)) {
                result.error = "--enter " + value + ": expected the host PID of one running container's init";
                return result;
            }
        } else if (arg == "--remove-tree") {
            if (!o.removeTree.empty()) {
                result.error = "--remove-tree given twice";
                return result;
            }
            o.removeTree = normaliseContainerPath(value);
            if (o.removeTree.empty() || o.removeTree == "/") {
                result.error = "--remove-tree " + value + ": must be an absolute directory path free of '..', not /";
                return result;
            }
        }
    }
    for (; i < argc; ++i)
        o.command.emplace_back(argv[i]);

    if (!o.removeTree.empty()) {
        result.error = onlyWith("--remove-tree", given, {"--remove-tree", "--info-fd"});
        if (result.ok() && !o.command.empty())
            result.error = "--remove-tree takes no command";
        return result;
    }
    if (o.enterPid != 0) {
        result.error = onlyWith("--enter", given, {"--enter", "--net", "--workdir", "--env", "--info-fd", "--all-capabilities"});
        if (result.ok() && o.command.empty())
            result.error = "no command given: put it after --";
        return result;
    }
    if (o.writableRootfs && (!o.overlay.empty() || !o.layers.empty())) {
        result.error = "--writable-rootfs binds the rootfs itself read-write: drop --overlay and --layer";
        return result;
    }
    if (o.keepOverlay && o.overlay.empty()) {
        result.error = "--keep-overlay keeps the upper directory of --overlay DIR: give --overlay too";
        return result;
    }
    if (!haveRootfs) {
        result.error = "--rootfs DIR is required";
        return result;
    }
    if (o.command.empty()) {
        result.error = "no command given: put it after --";
        return result;
    }
    return result;
}
