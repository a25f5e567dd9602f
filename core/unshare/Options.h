// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

enum class NetMode {
    Host,     ///< share the host network; resolv.conf and hosts bound in
    Isolated, ///< a new network namespace with loopback up
    None,     ///< a new network namespace without loopback, non-AF_UNIX sockets refused
};

struct BindOption
{
    std::string host;      ///< as given; must exist
    std::string container; ///< absolute, normalised, never `/` or under `/proc`
    bool readOnly = false;
};

/// The command line of scorpiox-unshare, checked for form (not yet against the file system).
struct Options
{
    std::string rootfs;
    std::vector<std::string> layers; ///< read-only layers over rootfs, lowest first
    std::string overlay;
    bool keepOverlay = false;        ///< `--keep-overlay`: at the end remove only DIR/work, keep DIR/upper
    bool writableRootfs = false;     ///< bind rootfs itself read-write (a persistent root, as WSL's)
    bool allCapabilities = false;    ///< keep every capability of the user namespace (root of a WSL distro)
    std::vector<BindOption> binds;
    NetMode net = NetMode::Host;
    std::string hostname;
    std::string workdir = "/";
    std::vector<std::string> env; ///< `K=V` additions to the inherited environment
    long timeoutSec = 0;
    long memoryMb = 0;
    int infoFd = -1;
    long enterPid = 0;               ///< `--enter PID`: join that container instead of creating one
    bool netGiven = false;           ///< --net was on the command line (enter checks it)
    std::string removeTree;          ///< `--remove-tree DIR`: remove DIR and do nothing else
    std::vector<std::string> command;
    bool help = false;
    bool version = false;
};

struct ParseResult
{
    Options options;
    std::string error; ///< empty when the command line is valid

    bool ok() const { return error.empty(); }
};

/// Parses argv (argv[0] is the program). Everything after `--` is the command.
ParseResult parseArguments(int argc, const char *const *argv);

/// Normalises an absolute container path (`//a/./b/` → `/a/b`); returns "" if it is relative
/// or has a `..` component.
std::string normaliseContainerPath(const std::string &path);

extern const char kUsage[];
