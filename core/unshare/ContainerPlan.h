// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "IdMapping.h"
#include "Options.h"

#include <linux/filter.h>
#include <string>
#include <vector>

/// Everything the container side needs, worked out before clone so that the child only walks
/// it: paths checked, strings and argv/envp arrays built, the seccomp program compiled.
struct ContainerPlan
{
    struct Bind
    {
        std::string source;   ///< host path
        std::string target;   ///< container path
        unsigned attrs = 0;   ///< MOUNT_ATTR_* added to the bind
        bool directory = true;
    };

    enum class RootMode {
        ReadOnlyBind,   ///< no overlay, no layers: the rootfs bound read-only
        WritableBind,   ///< --writable-rootfs: the rootfs bound read-write, changes persist
        ReadOnlyLayers, ///< no overlay: an overlayfs of rootfs and layers without an upper dir
        Overlay,        ///< writable overlay, upper and work under --overlay
    };

    Options options;
    int cloneFlags = 0;
    IdMapping ids;

    RootMode rootMode = RootMode::ReadOnlyBind;
    std::string rootTarget;   ///< the host directory the new root is mounted on (in our mount ns only)
    std::string lowerDirs;    ///< overlayfs lowerdir, topmost first, ':' separated
    std::string upperDir, workDir;
    bool forceFuse = false;   ///< SCORPIOX_UNSHARE_OVERLAY=fuse, to exercise the fallback
    std::string fuseOverlayfs; ///< path, empty when not installed
    std::string fuseOptions;
    std::vector<const char *> fuseArgv;

    std::vector<Bind> binds;
    bool bindResolvConf = false, bindHosts = false;

    std::vector<std::string> envStorage;
    std::vector<char *> envp;
    std::vector<char *> argv;
    std::string searchPath;   ///< PATH used to find a command without '/'

    std::vector<sock_filter> seccompProgram; ///< empty unless --net none
    std::vector<sock_filter> terminalProgram; ///< always: no TIOCSTI into the caller's terminal
    unsigned long long keepCapabilities = 0;
    int lastCapability = 40;

    /// Builds the plan; returns "" or a one-line error naming what is wrong and how to fix it.
    std::string build(const Options &opts);
    /// The plan of `--enter`: only the command and its restrictions, those of a container whose
    /// network mode is @p net (seccomp for none). Returns "" or a one-line error.
    std::string buildEntry(const Options &opts, NetMode net);

private:
    std::string buildCommand(NetMode net);
};
