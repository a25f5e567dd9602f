// SPDX-License-Identifier: GPL-3.0-or-later
#include "TreeRemoval.h"

#include "EvictionPool.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace TreeRemoval {

namespace {

std::string removeEntries(int dirFd, const std::string &where, EvictionPool &pool);

// Holds @p name's inode open across its unlink when it has blocks to free, so that @p pool frees
// them; an inode without blocks (an empty file, a whiteout, anything on tmpfs) costs nothing to drop.
int holdBlocks(int parentFd, const char *name)
{
    const int fd = openat(parentFd, name, O_PATH | O_NOFOLLOW | O_CLOEXEC);
    struct stat st {};
    if (fd >= 0 && (fstat(fd, &st) < 0 || st.st_blocks == 0)) {
        close(fd);
        return -1;
    }
    return fd;
}

std::string removeHeld(int parentFd, const char *name, const std::string &where, EvictionPool &pool)
{
    if (unlinkat(parentFd, name, 0) == 0 || errno == ENOENT)
        return {};
    if (errno != EISDIR && errno != EPERM)
        return where + "/" + name + ": " + std::strerror(errno);
    // Most directories of an overlay are empty (work/work always is, with mode 000): no need to
    // open and read them.
    if (unlinkat(parentFd, name, AT_REMOVEDIR) == 0 || errno == ENOENT)
        return {};
    int fd = openat(parentFd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0 && errno == EACCES) {
        // overlayfs leaves work/work with mode 000.
        fchmodat(parentFd, name, 0700, 0);
        fd = openat(parentFd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    }
    if (fd < 0)
        return where + "/" + name + ": " + std::strerror(errno);
    std::string error = removeEntries(fd, where + "/" + name, pool);
    if (error.empty() && unlinkat(parentFd, name, AT_REMOVEDIR) < 0 && errno != ENOENT)
        error = where + "/" + name + ": " + std::strerror(errno);
    return error;
}

std::string removeEntry(int parentFd, const char *name, const std::string &where, EvictionPool &pool)
{
    const int held = holdBlocks(parentFd, name);
    std::string error = removeHeld(parentFd, name, where, pool);
    pool.release(held);
    return error;
}

std::string removeEntries(int dirFd, const std::string &where, EvictionPool &pool)
{
    DIR *dir = fdopendir(dirFd);
    if (!dir) {
        close(dirFd);
        return where + ": " + std::strerror(errno);
    }
    std::string error;
    while (const dirent *entry = readdir(dir)) {
        if (std::strcmp(entry->d_name, ".") == 0 || std::strcmp(entry->d_name, "..") == 0)
            continue;
        const std::string e = removeEntry(dirfd(dir), entry->d_name, where, pool);
        if (error.empty())
            error = e;
    }
    closedir(dir);
    return error;
}

// As uid 0 of a new user namespace that maps the same ranges, with CAP_DAC_OVERRIDE over them.
std::string removeInNamespace(const std::string &path, const IdMapping &ids)
{
    int sync[2];
    if (pipe2(sync, O_CLOEXEC) < 0)
        return std::strerror(errno);
    const pid_t pid = static_cast<pid_t>(syscall(SYS_clone, CLONE_NEWUSER | SIGCHLD, nullptr, nullptr, nullptr,
                                                 nullptr));
    if (pid == 0) {
        close(sync[1]);
        char go = 0;
        if (read(sync[0], &go, 1) != 1)
            _exit(1);
        _exit(removeAsCaller(path).empty() ? 0 : 1);
    }
    close(sync[0]);
    std::string error = pid < 0 ? std::string("clone: ") + std::strerror(errno) : ids.apply(pid);
    if (error.empty())
        (void)!write(sync[1], "1", 1);
    close(sync[1]);
    int status = 0;
    while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
    if (error.empty() && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
        error = "removal inside a user namespace failed";
    return error;
}

} // namespace

std::string removeAsCaller(const std::string &path)
{
    const size_t slash = path.rfind('/');
    const std::string parent = slash == 0 ? "/" : path.substr(0, slash);
    const int parentFd = open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (parentFd < 0)
        return errno == ENOENT ? std::string() : parent + ": " + std::strerror(errno);
    std::string error;
    {
        EvictionPool pool;
        error = removeEntry(parentFd, path.c_str() + slash + 1, parent, pool);
    }
    close(parentFd);
    return error;
}

std::string removeAll(const std::string &path, const IdMapping &ids)
{
    std::string error = removeAsCaller(path);
    if (error.empty() || !ids.fullRange)
        return error;
    const std::string second = removeInNamespace(path, ids);
    return second.empty() ? std::string() : error + " (" + second + ")";
}

std::string removeCallersTree(const std::string &path, const IdMapping &ids)
{
    struct stat st {};
    if (lstat(path.c_str(), &st) < 0)
        return errno == ENOENT ? std::string() : "--remove-tree " + path + ": " + std::strerror(errno);
    if (!S_ISDIR(st.st_mode))
        return "--remove-tree " + path + ": refused, not a directory (a symbolic link is never followed)";
    if (st.st_uid != getuid())
        return "--remove-tree " + path + ": refused, it belongs to uid " + std::to_string(st.st_uid)
            + ", not to you (uid " + std::to_string(getuid()) + ")";
    const std::string error = removeAll(path, ids);
    return error.empty() ? std::string() : "--remove-tree " + path + ": cannot remove " + error;
}

} // namespace TreeRemoval
