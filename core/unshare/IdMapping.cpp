// SPDX-License-Identifier: GPL-3.0-or-later
#include "IdMapping.h"

#include <cerrno>
#include <initializer_list>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace {

bool findRange(const char *file, const std::string &name, unsigned long id, unsigned long *start,
               unsigned long *count)
{
    FILE *f = std::fopen(file, "re");
    if (!f)
        return false;
    char line[512];
    bool found = false;
    const std::string idText = std::to_string(id);
    while (!found && std::fgets(line, sizeof line, f)) {
        char *first = std::strchr(line, ':');
        if (!first)
            continue;
        *first = '\0';
        if (name != line && idText != line)
            continue;
        unsigned long s = 0, c = 0;
        if (std::sscanf(first + 1, "%lu:%lu", &s, &c) == 2 && c > 0) {
            *start = s;
            *count = c;
            found = true;
        }
    }
    std::fclose(f);
    return found;
}

std::string findProgram(const char *name)
{
    for (const char *dir : {"/usr/bin/", "/bin/", "/usr/sbin/", "/sbin/", "/usr/local/bin/"}) {
        std::string path = std::string(dir) + name;
        if (access(path.c_str(), X_OK) == 0)
            return path;
    }
    return {};
}

std::string writeFile(pid_t pid, const char *name, const std::string &text)
{
    const std::string path = "/proc/" + std::to_string(pid) + "/" + name;
    const int fd = open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0)
        return "cannot open " + path + ": " + std::strerror(errno);
    const ssize_t n = write(fd, text.data(), text.size());
    const int err = errno;
    close(fd);
    if (n != static_cast<ssize_t>(text.size()))
        return "cannot write " + path + ": " + std::strerror(err);
    return {};
}

pid_t spawnMapper(const std::string &program, pid_t pid, unsigned long id, unsigned long start,
                  unsigned long count, std::string *error)
{
    const std::string args[] = {program, std::to_string(pid), "0", std::to_string(id), "1", "1",
                                std::to_string(start), std::to_string(count)};
    char *argv[9];
    for (int i = 0; i < 8; ++i)
        argv[i] = const_cast<char *>(args[i].c_str());
    argv[8] = nullptr;
    // fork, not posix_spawn: posix_spawn's vfork holds the launcher until the setuid exec is
    // through, which would run the two helpers one after the other.
    const pid_t child = fork();
    if (child == 0) {
        execve(program.c_str(), argv, environ);
        _exit(127);
    }
    if (child < 0)
        *error = "cannot run " + program + ": " + std::strerror(errno);
    return child;
}

std::string waitMapper(pid_t child, const std::string &program, const char *file)
{
    int status = 0;
    while (waitpid(child, &status, 0) < 0) {
        if (errno != EINTR)
            return program + ": " + std::strerror(errno);
    }
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return {};
    return program + " failed (its message is above); check the caller's range in " + file
        + " or remove it to use a single-id mapping";
}

} // namespace

IdMapping IdMapping::forCaller(bool allowHelpers)
{
    IdMapping m;
    m.uid = getuid();
    m.gid = getgid();
    if (!allowHelpers || m.uid == 0)
        return m;
    std::string name;
    if (const passwd *pw = getpwuid(m.uid))
        name = pw->pw_name;
    if (!findRange("/etc/subuid", name, m.uid, &m.subuidStart, &m.subuidCount)
        || !findRange("/etc/subgid", name, m.gid, &m.subgidStart, &m.subgidCount))
        return m;
    m.newuidmap = findProgram("newuidmap");
    m.newgidmap = findProgram("newgidmap");
    m.fullRange = !m.newuidmap.empty() && !m.newgidmap.empty();
    return m;
}

std::string IdMapping::apply(pid_t pid, const std::function<std::string()> &meanwhile) const
{
    if (!fullRange) {
        // Without setgroups denied the kernel refuses an unprivileged gid_map.
        std::string error = writeFile(pid, "setgroups", "deny");
        if (error.empty())
            error = writeFile(pid, "uid_map", "0 " + std::to_string(uid) + " 1\n");
        if (error.empty())
            error = writeFile(pid, "gid_map", "0 " + std::to_string(gid) + " 1\n");
        const std::string other = meanwhile ? meanwhile() : std::string();
        return error.empty() ? other : error;
    }
    // Both helpers at once: each is a setuid program start, the slowest part of a launch.
    std::string error;
    const pid_t u = spawnMapper(newuidmap, pid, uid, subuidStart, subuidCount, &error);
    if (u < 0)
        return error;
    const pid_t g = spawnMapper(newgidmap, pid, gid, subgidStart, subgidCount, &error);
    const std::string other = meanwhile ? meanwhile() : std::string();
    const std::string uidError = waitMapper(u, newuidmap, "/etc/subuid");
    if (g < 0)
        return error;
    const std::string gidError = waitMapper(g, newgidmap, "/etc/subgid");
    return !uidError.empty() ? uidError : !gidError.empty() ? gidError : other;
}
