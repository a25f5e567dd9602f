// SPDX-License-Identifier: GPL-3.0-or-later
#include "MemoryCgroup.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>

namespace {

std::string cgroup2Mount()
{
    std::ifstream mounts("/proc/self/mountinfo");
    std::string line;
    while (std::getline(mounts, line)) {
        const size_t dash = line.find(" - ");
        if (dash == std::string::npos || line.compare(dash + 3, 8, "cgroup2 ") != 0)
            continue;
        std::istringstream fields(line);
        std::string id, parent, dev, root, mountPoint;
        fields >> id >> parent >> dev >> root >> mountPoint;
        if (root == "/")
            return mountPoint;
    }
    return {};
}

std::string ownCgroup()
{
    std::ifstream self("/proc/self/cgroup");
    std::string line;
    while (std::getline(self, line)) {
        if (line.rfind("0::", 0) == 0)
            return line.substr(3);
    }
    return {};
}

bool hasWord(const std::string &file, const char *word)
{
    std::ifstream in(file);
    std::string w;
    while (in >> w) {
        if (w == word)
            return true;
    }
    return false;
}

bool writeText(const std::string &file, const std::string &text)
{
    const int fd = open(file.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
    close(fd);
    return ok;
}

} // namespace

std::string MemoryCgroup::prepare(long megabytes)
{
    const char *skipped = "--memory-mb ignored: ";
    const std::string mount = cgroup2Mount();
    if (mount.empty())
        return std::string(skipped) + "no cgroup v2 hierarchy is mounted";
    // A hybrid set-up mounts cgroup2 beside cgroup v1 hierarchies, which keep the memory controller.
    if (!hasWord(mount + "/cgroup.controllers", "memory"))
        return std::string(skipped) + "the cgroup v2 hierarchy at " + mount
            + " has no memory controller (a hybrid set-up binds it to cgroup v1: boot with "
              "systemd.unified_cgroup_hierarchy=1)";
    const std::string own = mount + ownCgroup();
    if (!hasWord(own + "/cgroup.subtree_control", "memory"))
        return std::string(skipped) + "the memory controller is not delegated to " + own
            + " (run under a systemd scope with Delegate=yes)";
    const std::string path = own + "/scorpiox-" + std::to_string(getpid());
    if (mkdir(path.c_str(), 0755) < 0)
        return std::string(skipped) + "cannot create " + path + ": " + std::strerror(errno);
    if (!writeText(path + "/memory.max", std::to_string(megabytes * 1024 * 1024))) {
        const int err = errno;
        rmdir(path.c_str());
        return std::string(skipped) + "cannot write " + path + "/memory.max: " + std::strerror(err);
    }
    m_path = path;
    return {};
}

std::string MemoryCgroup::attach(pid_t pid) const
{
    if (m_path.empty() || writeText(m_path + "/cgroup.procs", std::to_string(pid)))
        return {};
    return "--memory-mb ignored: cannot move the container into " + m_path + ": " + std::strerror(errno);
}

void MemoryCgroup::remove()
{
    if (!m_path.empty())
        rmdir(m_path.c_str());
    m_path.clear();
}
