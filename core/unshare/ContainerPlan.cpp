// SPDX-License-Identifier: GPL-3.0-or-later
#include "ContainerPlan.h"

#include "Capabilities.h"
#include "NetworkFilter.h"
#include "TerminalFilter.h"

#include <cerrno>
#include <initializer_list>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

extern char **environ;

namespace {

const char kEnvPrefix[] = "SCORPIOX_UNSHARE_";

std::string absolute(const std::string &path)
{
    char resolved[PATH_MAX];
    if (!realpath(path.c_str(), resolved))
        return {};
    return resolved;
}

// overlayfs separates lower dirs with ':' and fuse options with ','.
bool overlaySafe(const std::string &path)
{
    return path.find_first_of(":,\\") == std::string::npos;
}

std::string existingDir(const std::string &path, const char *what, std::string *resolved)
{
    struct stat st {};
    if (stat(path.c_str(), &st) < 0)
        return std::string(what) + " " + path + ": " + std::strerror(errno);
    if (!S_ISDIR(st.st_mode))
        return std::string(what) + " " + path + ": not a directory";
    *resolved = absolute(path);
    if (!overlaySafe(*resolved))
        return std::string(what) + " " + *resolved + ": overlayfs cannot take a path with ':', ',' or '\\'";
    return {};
}

std::string findFuseOverlayfs()
{
    for (const char *path : {"/usr/bin/fuse-overlayfs", "/bin/fuse-overlayfs", "/usr/local/bin/fuse-overlayfs"}) {
        if (access(path, X_OK) == 0)
            return path;
    }
    return {};
}

bool isDirEmpty(const std::string &path)
{
    const int fd = open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return false;
    char buf[256];
    const long n = syscall(SYS_getdents64, fd, buf, sizeof buf);
    close(fd);
    // "." and ".." fit in the first read; a third entry means not empty.
    long offset = 0;
    int entries = 0;
    while (offset < n) {
        const unsigned short reclen = *reinterpret_cast<unsigned short *>(buf + offset + 16);
        ++entries;
        offset += reclen;
    }
    return n >= 0 && entries <= 2;
}

} // namespace

std::string ContainerPlan::build(const Options &opts)
{
    options = opts;
    cloneFlags = CLONE_NEWUSER | CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWUTS | CLONE_NEWIPC;
    if (opts.net != NetMode::Host)
        cloneFlags |= CLONE_NEWNET;

    if (opts.infoFd >= 0 && fcntl(opts.infoFd, F_GETFD) < 0)
        return "--info-fd " + std::to_string(opts.infoFd) + ": not an open file descriptor";

    std::string rootfs;
    std::string error = existingDir(opts.rootfs, "--rootfs", &rootfs);
    if (!error.empty())
        return error;
    lowerDirs.clear();
    for (auto it = opts.layers.rbegin(); it != opts.layers.rend(); ++it) {
        std::string layer;
        error = existingDir(*it, "--layer", &layer);
        if (!error.empty())
            return error;
        lowerDirs += layer + ":";
    }
    lowerDirs += rootfs;

    if (!opts.overlay.empty()) {
        struct stat st {};
        if (stat(opts.overlay.c_str(), &st) == 0 && (!S_ISDIR(st.st_mode) || !isDirEmpty(opts.overlay)))
            return "--overlay " + opts.overlay
                + ": exists and is not an empty directory; give a fresh path (it is removed afterwards)";
        std::string path = opts.overlay;
        while (path.size() > 1 && path.back() == '/')
            path.pop_back();
        const size_t slash = path.rfind('/');
        const std::string parent = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
        const std::string name = path.substr(slash == std::string::npos ? 0 : slash + 1);
        const std::string parentAbs = absolute(parent);
        if (parentAbs.empty())
            return "--overlay " + opts.overlay + ": its parent directory " + parent + " does not exist";
        options.overlay = (parentAbs == "/" ? "" : parentAbs) + "/" + name;
        if (!overlaySafe(options.overlay))
            return "--overlay " + options.overlay + ": overlayfs cannot take a path with ':', ',' or '\\'";
        rootMode = RootMode::Overlay;
        upperDir = options.overlay + "/upper";
        workDir = options.overlay + "/work";
        // The overlay goes over DIR itself (in our mount namespace only): one directory fewer to
        // create and remove, which costs milliseconds on a disk with online discard.
        rootTarget = options.overlay;
    } else {
        rootMode = opts.writableRootfs ? RootMode::WritableBind
            : opts.layers.empty()      ? RootMode::ReadOnlyBind
                                       : RootMode::ReadOnlyLayers;
        rootTarget = rootfs;
    }

    const char *overlayMode = getenv("SCORPIOX_UNSHARE_OVERLAY");
    forceFuse = overlayMode && std::strcmp(overlayMode, "fuse") == 0;
    fuseOverlayfs = findFuseOverlayfs();
    if (rootMode == RootMode::Overlay || rootMode == RootMode::ReadOnlyLayers) {
        fuseOptions = "lowerdir=" + lowerDirs;
        if (rootMode == RootMode::Overlay)
            fuseOptions += ",upperdir=" + upperDir + ",workdir=" + workDir;
        // In the foreground, serving the FUSE descriptor FuseOverlay mounted and hands over as fd 3.
        fuseArgv = {fuseOverlayfs.c_str(), "-f", "-o", fuseOptions.c_str(), "/dev/fd/3", nullptr};
    }

    binds.clear();
    for (const BindOption &b : opts.binds) {
        struct stat st {};
        if (stat(b.host.c_str(), &st) < 0)
            return "--bind " + b.host + ":" + b.container + ": cannot use " + b.host + ": " + std::strerror(errno);
        Bind bind;
        bind.source = absolute(b.host);
        bind.target = b.container;
        bind.directory = S_ISDIR(st.st_mode);
        bind.attrs = MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV | (b.readOnly ? MOUNT_ATTR_RDONLY : 0);
        binds.push_back(bind);
    }
    bindResolvConf = opts.net == NetMode::Host && access("/etc/resolv.conf", R_OK) == 0;
    bindHosts = opts.net == NetMode::Host && access("/etc/hosts", R_OK) == 0;
    return buildCommand(opts.net);
}

std::string ContainerPlan::buildEntry(const Options &opts, NetMode net)
{
    options = opts;
    if (opts.netGiven && opts.net != net) {
        const char *const names[] = {"host", "isolated", "none"};
        return "--enter " + std::to_string(opts.enterPid) + ": the container runs with --net "
            + names[static_cast<int>(net)] + ", not " + names[static_cast<int>(opts.net)];
    }
    options.net = net;
    return buildCommand(net);
}

std::string ContainerPlan::buildCommand(NetMode net)
{
    const Options &opts = options;
    envStorage.clear();
    for (char **e = environ; e && *e; ++e) {
        if (std::strncmp(*e, kEnvPrefix, sizeof kEnvPrefix - 1) != 0)
            envStorage.emplace_back(*e);
    }
    for (const std::string &add : opts.env) {
        const std::string key = add.substr(0, add.find('=') + 1);
        bool replaced = false;
        for (std::string &existing : envStorage) {
            if (existing.compare(0, key.size(), key) == 0) {
                existing = add;
                replaced = true;
            }
        }
        if (!replaced)
            envStorage.push_back(add);
    }
    searchPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
    envp.clear();
    for (std::string &e : envStorage) {
        if (e.compare(0, 5, "PATH=") == 0)
            searchPath = e.substr(5);
        envp.push_back(e.data());
    }
    envp.push_back(nullptr);
    argv.clear();
    for (std::string &a : options.command)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    lastCapability = Capabilities::lastCapability();
    // Only the WSL simulator asks for all: a distribution's root may mount, as the WSL backend does.
    keepCapabilities = opts.allCapabilities ? ~0ULL : Capabilities::containerDefault();
    terminalProgram.clear();
    if (const std::string error = TerminalFilter::compile(&terminalProgram); !error.empty())
        return "cannot build the seccomp filter that keeps containers from typing into the terminal: " + error;
    seccompProgram.clear();
    if (net == NetMode::None) {
        const std::string error = NetworkFilter::compile(&seccompProgram);
        if (!error.empty())
            return "--net none needs a seccomp filter, which failed: " + error;
    }
    return {};
}
