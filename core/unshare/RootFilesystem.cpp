// SPDX-License-Identifier: GPL-3.0-or-later
#include "RootFilesystem.h"

#include "DeviceNodes.h"
#include "MountOps.h"

#include <cerrno>
#include <initializer_list>
#include <cstring>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/syscall.h>
#include <sys/vfs.h>
#include <unistd.h>

namespace RootFilesystem {

namespace {

using RootMode = ContainerPlan::RootMode;

constexpr long kFuseSuperMagic = 0x65735546;

// The launcher sets up fuse-overlayfs outside the container (FuseOverlay): ask it, with the
// kernel's reason, and wait for its answer. It answers only when the FUSE mount is there and
// otherwise reports the failure itself and kills this process.
bool mountWithFuse(const ContainerPlan &plan, const LauncherLink &launcher, SetupFailure *failure)
{
    SetupFailure request = *failure;
    request.stage = SetupFailure::FuseWanted;
    char answer = 0;
    if (write(launcher.statusFd, &request, sizeof request) != static_cast<ssize_t>(sizeof request)
        || read(launcher.syncFd, &answer, 1) != 1 || answer != '1') {
        failure->append("; fuse-overlayfs: the launcher did not mount it");
        return false;
    }
    // The first request waits until the daemon has answered FUSE's handshake, and fails if it died.
    struct statfs fs {};
    if (statfs(plan.rootTarget.c_str(), &fs) < 0 || fs.f_type != kFuseSuperMagic) {
        failure->append("; fuse-overlayfs failed too (its message is above)");
        return false;
    }
    return true;
}

int mountRoot(const ContainerPlan &plan, const LauncherLink &launcher, SetupFailure *failure)
{
    const int target = open(plan.rootTarget.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (target < 0) {
        failure->set(SetupFailure::Setup, errno, "cannot open ", plan.rootTarget.c_str());
        return -1;
    }
    int rootFd = -1;
    if (plan.rootMode == RootMode::ReadOnlyBind || plan.rootMode == RootMode::WritableBind) {
        // Read-only from the start (unless asked otherwise), so nothing below writes into the image.
        const unsigned attrs = plan.rootMode == RootMode::ReadOnlyBind ? MOUNT_ATTR_RDONLY : 0;
        rootFd = MountOps::cloneTree(plan.rootTarget.c_str(), attrs, "/", failure);
        if (rootFd >= 0 && !MountOps::attach(rootFd, target, nullptr, "/", failure)) {
            close(rootFd);
            rootFd = -1;
        }
        close(target);
        return rootFd;
    }

    if (!plan.forceFuse) {
        // volatile: the overlay is thrown away with the container. Without it, the overlay's
        // unmount when the namespace dies syncs the whole upper file system (the host's disk):
        // 50-250 ms per container exit measured while a neighbour wrote to the disk.
        // userxattr: overlayfs keeps opaque directories in user.overlay.* attributes, the only
        // ones an unprivileged mount may write. Without it the kernel cannot mark a directory
        // opaque, so `rm -rf` of a non-empty image directory fails with EIO; and a kept upper
        // directory (a package layer) is read back as a lower layer the same way.
        const char *const withUpper[] = {"lowerdir", plan.lowerDirs.c_str(), "upperdir",  plan.upperDir.c_str(),
                                         "workdir",  plan.workDir.c_str(),   "volatile",  nullptr,
                                         "userxattr", nullptr,               nullptr};
        const char *const lowerOnly[] = {"lowerdir", plan.lowerDirs.c_str(), "userxattr", nullptr, nullptr};
        const bool writable = plan.rootMode == RootMode::Overlay;
        rootFd = MountOps::newFilesystem("overlay", writable ? withUpper : lowerOnly,
                                         writable ? 0 : MOUNT_ATTR_RDONLY, "the root overlay (kernel overlayfs)",
                                         failure);
        if (rootFd >= 0 && !MountOps::attach(rootFd, target, nullptr, "/", failure)) {
            close(rootFd);
            rootFd = -1;
        }
        if (rootFd >= 0) {
            close(target);
            return rootFd;
        }
        // Keep the kernel's reason in the message; errno would otherwise describe fuse.
        failure->append(": ");
        failure->append(strerrordesc_np(failure->error));
        failure->error = 0;
    } else {
        failure->set(SetupFailure::Setup, 0, "cannot mount the root overlay: kernel overlayfs skipped "
                                             "(SCORPIOX_UNSHARE_OVERLAY=fuse)");
    }
    close(target);
    if (!mountWithFuse(plan, launcher, failure))
        return -1;
    rootFd = open(plan.rootTarget.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (rootFd < 0)
        failure->set(SetupFailure::Setup, errno, "cannot open the fuse-overlayfs root at ",
                     plan.rootTarget.c_str());
    return rootFd;
}

bool mountFresh(int rootFd, const char *path, const char *type, const char *const *options, unsigned attrs,
                SetupFailure *failure)
{
    const int target = MountOps::ensureDirInRoot(rootFd, path, failure);
    if (target < 0)
        return false;
    const int fs = MountOps::newFilesystem(type, options, attrs, path, failure);
    const bool ok = fs >= 0 && MountOps::attach(fs, target, nullptr, path, failure);
    if (fs >= 0)
        close(fs);
    close(target);
    return ok;
}

bool bind(int rootFd, const char *source, const char *target, unsigned attrs, bool directory,
          bool replaceDangling, SetupFailure *failure, bool exactSource = false)
{
    const int tree = MountOps::cloneTree(source, attrs, target, failure, exactSource);
    if (tree < 0)
        return false;
    const int at = directory ? MountOps::ensureDirInRoot(rootFd, target, failure)
                             : MountOps::ensureFileInRoot(rootFd, target, replaceDangling, failure);
    const bool ok = at >= 0 && MountOps::attach(tree, at, nullptr, target, failure);
    if (at >= 0)
        close(at);
    close(tree);
    return ok;
}

} // namespace

bool build(const ContainerPlan &plan, const LauncherLink &launcher, SetupFailure *failure)
{
    // Nothing we mount may propagate back to the host's mount namespace.
    if (mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) < 0) {
        failure->set(SetupFailure::Setup, errno, "cannot make the mount namespace private");
        return false;
    }
    const int rootFd = mountRoot(plan, launcher, failure);
    if (rootFd < 0)
        return false;
    // Only a throw-away overlay may lose the image's own (e.g. dangling) name service files; a
    // read-only root keeps them, and so does a writable rootfs, whose changes persist.
    const bool keepImageFiles = plan.rootMode != RootMode::Overlay;

    const char *const noOptions[] = {nullptr};
    bool ok = mountFresh(rootFd, "/proc", "proc", noOptions,
                         MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV | MOUNT_ATTR_NOEXEC, failure);
    if (!ok && failure->error == EPERM)
        failure->append(" (the kernel refuses a new /proc when the visible one has covered parts, as inside "
                        "another container: run scorpiox-unshare where /proc is not masked)");
    ok = ok && DeviceNodes::populate(rootFd, failure);
    const char *const tmpOptions[] = {"mode", "1777", nullptr};
    ok = ok && mountFresh(rootFd, "/tmp", "tmpfs", tmpOptions, MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV, failure);

    const unsigned networkFileAttrs = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV;
    for (const char *file : {"/etc/resolv.conf", "/etc/hosts"}) {
        const bool wanted = file[5] == 'r' ? plan.bindResolvConf : plan.bindHosts;
        if (!ok || !wanted)
            continue;
        SetupFailure ignored;
        // An image that cannot take the file (read-only, or a dangling link we must not remove) just
        // keeps its own name service configuration.
        if (!bind(rootFd, file, file, networkFileAttrs, false, !keepImageFiles, keepImageFiles ? &ignored : failure))
            ok = keepImageFiles;
    }
    for (const ContainerPlan::Bind &b : plan.binds) {
        // The source was resolved by the plan; a path the caller does not control alone (a project
        // directory a running container writes to) may have been swapped for a symlink since.
        if (ok && !bind(rootFd, b.source.c_str(), b.target.c_str(), b.attrs, b.directory, false, failure, true)) {
            ok = false;
            if (failure->error == EROFS)
                failure->append(" (the rootfs is read-only without --overlay: the mount point must exist in "
                                "the image)");
        }
    }
    if (ok) {
        const int workdir = MountOps::ensureDirInRoot(rootFd, plan.options.workdir.c_str(), failure);
        ok = workdir >= 0;
        if (ok)
            close(workdir);
    }

    // pivot_root(".", ".") stacks the old root on the new one; detaching it leaves no path back.
    if (ok && (fchdir(rootFd) < 0 || syscall(SYS_pivot_root, ".", ".") < 0 || umount2(".", MNT_DETACH) < 0
               || chdir("/") < 0)) {
        failure->set(SetupFailure::Setup, errno, "cannot pivot into the new root");
        ok = false;
    }
    if (ok && chdir(plan.options.workdir.c_str()) < 0) {
        failure->set(SetupFailure::Setup, errno, "cannot enter the working directory ",
                     plan.options.workdir.c_str());
        ok = false;
    }
    close(rootFd);
    return ok;
}

} // namespace RootFilesystem
