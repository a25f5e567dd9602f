// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeviceNodes.h"

#include "MountOps.h"

#include <cerrno>
#include <initializer_list>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

namespace DeviceNodes {

namespace {

bool bindDevice(int devFd, const char *name, SetupFailure *failure)
{
    char host[32] = "/dev/";
    unsigned long len = 5;
    for (const char *c = name; *c != '\0' && len < sizeof host - 1; ++c)
        host[len++] = *c;
    host[len] = '\0';
    const int placeholder = openat(devFd, name, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0666);
    if (placeholder < 0) {
        failure->set(SetupFailure::Setup, errno, "cannot create ", host, " in the container");
        return false;
    }
    close(placeholder);
    const int tree = MountOps::cloneTree(host, 0, host, failure);
    if (tree < 0)
        return false;
    const bool ok = MountOps::attach(tree, devFd, name, host, failure);
    close(tree);
    return ok;
}

} // namespace

bool populate(int rootFd, SetupFailure *failure)
{
    const int target = MountOps::ensureDirInRoot(rootFd, "/dev", failure);
    if (target < 0)
        return false;
    const char *const devOptions[] = {"mode", "0755", "size", "512k", nullptr};
    const int devFd = MountOps::newFilesystem("tmpfs", devOptions, MOUNT_ATTR_NOSUID | MOUNT_ATTR_NOEXEC, "/dev",
                                              failure);
    bool ok = devFd >= 0 && MountOps::attach(devFd, target, nullptr, "/dev", failure);
    close(target);
    for (const char *name : {"null", "zero", "full", "random", "urandom", "tty"})
        ok = ok && bindDevice(devFd, name, failure);

    if (ok && (mkdirat(devFd, "pts", 0755) < 0 || mkdirat(devFd, "shm", 01777) < 0)) {
        failure->set(SetupFailure::Setup, errno, "cannot create /dev/pts or /dev/shm in the container");
        ok = false;
    }
    if (ok) {
        const char *const ptsOptions[] = {"newinstance", nullptr, "ptmxmode", "0666", "mode", "0620", nullptr};
        const int pts = MountOps::newFilesystem("devpts", ptsOptions, MOUNT_ATTR_NOSUID | MOUNT_ATTR_NOEXEC,
                                                "/dev/pts", failure);
        ok = pts >= 0 && MountOps::attach(pts, devFd, "pts", "/dev/pts", failure);
        if (pts >= 0)
            close(pts);
    }
    if (ok) {
        const char *const shmOptions[] = {"mode", "1777", nullptr};
        const int shm = MountOps::newFilesystem("tmpfs", shmOptions, MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV,
                                                "/dev/shm", failure);
        ok = shm >= 0 && MountOps::attach(shm, devFd, "shm", "/dev/shm", failure);
        if (shm >= 0)
            close(shm);
    }
    const char *const links[][2] = {{"pts/ptmx", "ptmx"},
                                    {"/proc/self/fd", "fd"},
                                    {"/proc/self/fd/0", "stdin"},
                                    {"/proc/self/fd/1", "stdout"},
                                    {"/proc/self/fd/2", "stderr"}};
    for (const auto &link : links) {
        if (ok && symlinkat(link[0], devFd, link[1]) < 0) {
            failure->set(SetupFailure::Setup, errno, "cannot create the /dev/", link[1], " link");
            ok = false;
        }
    }
    if (devFd >= 0)
        close(devFd);
    return ok;
}

} // namespace DeviceNodes
