// SPDX-License-Identifier: GPL-3.0-or-later
#include "NamespaceEntry.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <linux/nsfs.h>
#include <net/if.h>
#include <sched.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

struct NamespaceKind
{
    const char *file;
    int flag;
};

// The order of joining: the user namespace first, for the capabilities the others need.
const NamespaceKind kKinds[] = {{"ns/user", CLONE_NEWUSER}, {"ns/mnt", CLONE_NEWNS}, {"ns/pid", CLONE_NEWPID},
                                {"ns/uts", CLONE_NEWUTS},   {"ns/ipc", CLONE_NEWIPC}, {"ns/net", CLONE_NEWNET}};

bool sameFile(int a, int b)
{
    struct stat sa {}, sb {};
    return fstat(a, &sa) == 0 && fstat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

bool sameAsOwn(int fd, const char *ownFile)
{
    const int own = ::open(ownFile, O_RDONLY | O_CLOEXEC);
    const bool same = own >= 0 && sameFile(fd, own);
    if (own >= 0)
        close(own);
    return same;
}

// The last NSpid field of /proc/PID/status: the process's PID in its own PID namespace.
long innermostPid(int procFd)
{
    const int fd = openat(procFd, "status", O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    FILE *f = fdopen(fd, "re");
    if (!f) {
        close(fd);
        return -1;
    }
    char line[256];
    long pid = -1;
    while (std::fgets(line, sizeof line, f)) {
        if (std::strncmp(line, "NSpid:", 6) != 0)
            continue;
        for (char *field = std::strtok(line + 6, " \t\n"); field; field = std::strtok(nullptr, " \t\n"))
            pid = std::strtol(field, nullptr, 10);
    }
    std::fclose(f);
    return pid;
}

} // namespace

NamespaceEntry::~NamespaceEntry()
{
    for (int fd : m_fds) {
        if (fd >= 0)
            close(fd);
    }
}

std::string NamespaceEntry::open(pid_t pid)
{
    const std::string what = "--enter " + std::to_string(pid) + ": ";
    // Every file below is opened through this directory, which stays bound to the process it was
    // opened for: a PID recycled meanwhile makes the openat calls fail instead of lying.
    const std::string procPath = "/proc/" + std::to_string(pid);
    const int procFd = ::open(procPath.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (procFd < 0)
        return what + "no such process (the container has ended?)";
    std::string error;
    for (int k = 0; k < KindCount && error.empty(); ++k) {
        m_fds[k] = openat(procFd, kKinds[k].file, O_RDONLY | O_CLOEXEC);
        if (m_fds[k] < 0)
            error = what + "cannot open " + procPath + "/" + kKinds[k].file + ": " + std::strerror(errno)
                + " (not a container of yours?)";
    }
    if (error.empty() && innermostPid(procFd) != 1)
        error = what + "not a container's init (give the PID its launcher reported as {\"pid\":N})";
    close(procFd);
    if (error.empty())
        error = check(pid);
    return error;
}

std::string NamespaceEntry::check(pid_t pid) const
{
    const std::string what = "--enter " + std::to_string(pid) + ": not a container of yours: ";
    if (sameAsOwn(m_fds[User], "/proc/self/ns/user"))
        return what + "it runs in your own user namespace";
    uid_t owner = 0;
    if (ioctl(m_fds[User], NS_GET_OWNER_UID, &owner) < 0)
        return what + "cannot read its user namespace's owner: " + std::strerror(errno);
    if (owner != getuid())
        return what + "its user namespace belongs to uid " + std::to_string(owner);
    const int parent = ioctl(m_fds[User], NS_GET_PARENT);
    const bool childOfOurs = parent >= 0 && sameAsOwn(parent, "/proc/self/ns/user");
    if (parent >= 0)
        close(parent);
    if (!childOfOurs)
        return what + "its user namespace is not a direct child of yours (a namespace nested inside a container?)";
    for (int k = Mount; k < KindCount; ++k) {
        if (k == Net && sameAsOwn(m_fds[Net], "/proc/self/ns/net"))
            continue; // --net host
        const int ownerNs = ioctl(m_fds[k], NS_GET_USERNS);
        const bool owned = ownerNs >= 0 && sameFile(ownerNs, m_fds[User]);
        if (ownerNs >= 0)
            close(ownerNs);
        if (!owned)
            return what + "its " + (kKinds[k].file + 3) + " namespace belongs to another user namespace";
    }
    return {};
}

std::string NamespaceEntry::join()
{
    m_hostNet = sameAsOwn(m_fds[Net], "/proc/self/ns/net");
    for (int k = 0; k < KindCount; ++k) {
        if (k == Net && m_hostNet)
            continue;
        if (setns(m_fds[k], kKinds[k].flag) < 0)
            return std::string("--enter: cannot join the container's ") + (kKinds[k].file + 3) + " namespace: "
                + std::strerror(errno);
    }
    m_net = NetMode::Host;
    if (!m_hostNet) {
        // The container's command cannot change loopback (no CAP_NET_ADMIN): its state tells
        // isolated (up) from none (down).
        const int sock = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        ifreq ifr {};
        std::strcpy(ifr.ifr_name, "lo");
        if (sock < 0 || ioctl(sock, SIOCGIFFLAGS, &ifr) < 0) {
            const std::string error = std::string("--enter: cannot read the container's loopback state: ")
                + std::strerror(errno);
            if (sock >= 0)
                close(sock);
            return error;
        }
        close(sock);
        m_net = (ifr.ifr_flags & IFF_UP) ? NetMode::Isolated : NetMode::None;
    }
    return {};
}
