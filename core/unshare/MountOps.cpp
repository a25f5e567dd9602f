// SPDX-License-Identifier: GPL-3.0-or-later
#include "MountOps.h"

#include <cerrno>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace MountOps {

namespace {

// Appends what the kernel logged on the fs context (e.g. "overlayfs: failed to ...").
void appendKernelLog(int fsFd, SetupFailure *failure)
{
    char log[256];
    const ssize_t n = read(fsFd, log, sizeof log - 1);
    if (n <= 2)
        return;
    log[n] = '\0';
    if (log[n - 1] == '\n')
        log[n - 1] = '\0';
    failure->append(" (kernel: ");
    failure->append(log + 2); // skip the "e " severity prefix
    failure->append(")");
}

} // namespace

int openInRoot(int rootFd, const char *path, int flags)
{
    open_how how {};
    how.flags = static_cast<unsigned long long>(flags) | O_CLOEXEC;
    how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS;
    while (*path == '/')
        ++path;
    if (*path == '\0')
        path = ".";
    return static_cast<int>(syscall(SYS_openat2, rootFd, path, &how, sizeof how));
}

int ensureDirInRoot(int rootFd, const char *path, SetupFailure *failure)
{
    char prefix[4096];
    unsigned long len = 0;
    int current = openInRoot(rootFd, "/", O_PATH | O_DIRECTORY);
    const char *p = path;
    while (current >= 0) {
        while (*p == '/')
            ++p;
        if (*p == '\0')
            return current;
        const char *start = p;
        while (*p != '\0' && *p != '/')
            ++p;
        const unsigned long partLen = static_cast<unsigned long>(p - start);
        if (len + partLen + 2 > sizeof prefix) {
            close(current);
            failure->set(SetupFailure::Setup, ENAMETOOLONG, "path too long in the container: ", path);
            return -1;
        }
        prefix[len++] = '/';
        char *name = prefix + len;
        for (unsigned long i = 0; i < partLen; ++i)
            prefix[len++] = start[i];
        prefix[len] = '\0';
        if (mkdirat(current, name, 0755) < 0 && errno != EEXIST) {
            failure->set(SetupFailure::Setup, errno, "cannot create ", prefix, " in the container root");
            close(current);
            return -1;
        }
        close(current);
        current = openInRoot(rootFd, prefix, O_PATH | O_DIRECTORY);
        if (current < 0) {
            failure->set(SetupFailure::Setup, errno, "cannot use ", prefix,
                         " in the container root (a symlink in the image that leads nowhere inside it, "
                         "or not a directory)");
            return -1;
        }
    }
    failure->set(SetupFailure::Setup, errno, "cannot open the container root");
    return -1;
}

int ensureFileInRoot(int rootFd, const char *path, bool replaceDangling, SetupFailure *failure)
{
    int fd = openInRoot(rootFd, path, O_PATH);
    if (fd >= 0)
        return fd;
    char parent[4096];
    unsigned long len = 0;
    unsigned long slash = 0;
    for (; path[len] != '\0' && len < sizeof parent - 1; ++len) {
        parent[len] = path[len];
        if (path[len] == '/')
            slash = len;
    }
    parent[slash] = '\0';
    const char *name = path + slash + 1;
    const int dirFd = ensureDirInRoot(rootFd, slash == 0 ? "/" : parent, failure);
    if (dirFd < 0)
        return -1;
    struct stat st {};
    if (replaceDangling && fstatat(dirFd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
        unlinkat(dirFd, name, 0);
    const int created = openat(dirFd, name, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0644);
    const int createError = errno;
    close(dirFd);
    if (created >= 0)
        close(created);
    fd = openInRoot(rootFd, path, O_PATH);
    if (fd < 0)
        failure->set(SetupFailure::Setup, created < 0 ? createError : errno, "cannot create ", path,
                     " in the container root");
    return fd;
}

int newFilesystem(const char *type, const char *const *options, unsigned attrs, const char *what,
                  SetupFailure *failure)
{
    const int fsFd = fsopen(type, FSOPEN_CLOEXEC);
    if (fsFd < 0) {
        failure->set(SetupFailure::Setup, errno, "cannot mount ", what, ": no ", type);
        failure->append(" file system in this kernel");
        return -1;
    }
    for (const char *const *o = options; o && *o; o += 2) {
        const bool flag = o[1] == nullptr;
        if (fsconfig(fsFd, flag ? FSCONFIG_SET_FLAG : FSCONFIG_SET_STRING, o[0], o[1], 0) < 0) {
            failure->set(SetupFailure::Setup, errno, "cannot mount ", what, ": option ", o[0]);
            appendKernelLog(fsFd, failure);
            close(fsFd);
            return -1;
        }
    }
    if (fsconfig(fsFd, FSCONFIG_CMD_CREATE, nullptr, nullptr, 0) < 0) {
        failure->set(SetupFailure::Setup, errno, "cannot mount ", what);
        appendKernelLog(fsFd, failure);
        close(fsFd);
        return -1;
    }
    const int mountFd = fsmount(fsFd, FSMOUNT_CLOEXEC, attrs);
    if (mountFd < 0)
        failure->set(SetupFailure::Setup, errno, "cannot mount ", what);
    close(fsFd);
    return mountFd;
}

int cloneTree(const char *source, unsigned attrs, const char *what, SetupFailure *failure, bool exactSource)
{
    int sourceFd = AT_FDCWD;
    if (exactSource) {
        open_how how {};
        how.flags = O_PATH | O_CLOEXEC;
        how.resolve = RESOLVE_NO_SYMLINKS;
        sourceFd = static_cast<int>(syscall(SYS_openat2, AT_FDCWD, source, &how, sizeof how));
        if (sourceFd < 0) {
            failure->set(SetupFailure::Setup, errno, "cannot bind ", source, " at ", what);
            if (errno == ELOOP)
                failure->append(": a part of it became a symlink after it was checked; refusing to follow it");
            return -1;
        }
    }
    const int treeFd = open_tree(sourceFd, exactSource ? "" : source,
                                 OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC | AT_RECURSIVE | (exactSource ? AT_EMPTY_PATH : 0));
    if (exactSource)
        close(sourceFd);
    if (treeFd < 0) {
        failure->set(SetupFailure::Setup, errno, "cannot bind ", source, " at ", what);
        return -1;
    }
    if (attrs != 0) {
        mount_attr attr {};
        attr.attr_set = attrs;
        if (mount_setattr(treeFd, "", AT_EMPTY_PATH | AT_RECURSIVE, &attr, sizeof attr) < 0) {
            failure->set(SetupFailure::Setup, errno, "cannot make the bind of ", source, " at ", what);
            failure->append(" read-only/nosuid");
            close(treeFd);
            return -1;
        }
    }
    return treeFd;
}

bool attach(int mountFd, int targetFd, const char *targetName, const char *what, SetupFailure *failure)
{
    const bool byName = targetName && *targetName;
    const unsigned flags = MOVE_MOUNT_F_EMPTY_PATH | (byName ? 0 : MOVE_MOUNT_T_EMPTY_PATH);
    if (move_mount(mountFd, "", targetFd, byName ? targetName : "", flags) < 0) {
        failure->set(SetupFailure::Setup, errno, "cannot attach the mount at ", what);
        return false;
    }
    return true;
}

} // namespace MountOps
