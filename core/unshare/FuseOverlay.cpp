// SPDX-License-Identifier: GPL-3.0-or-later
#include "FuseOverlay.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <linux/close_range.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

struct DaemonSetup
{
    const ContainerPlan *plan;
    pid_t launcher;
    int userNs, mountNs, hostRoot, errorFd;
};

// What failed goes to the launcher as one int (the step) and an errno; a successful exec closes
// errorFd instead.
enum Step : int { JoinNamespaces = 1, OpenFuse, Mount, TakeHostRoot, Exec };

[[noreturn]] void failStep(int errorFd, Step step)
{
    const int record[2] = {step, errno};
    (void)!write(errorFd, record, sizeof record);
    _exit(1);
}

[[noreturn]] void runDaemon(const DaemonSetup &s)
{
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    if (getppid() != s.launcher)
        _exit(1); // the launcher died before the line above
    // fd 3 is the daemon's FUSE descriptor below; the error pipe must not sit there.
    const int errorFd = s.errorFd == 3 ? fcntl(3, F_DUPFD_CLOEXEC, 4) : s.errorFd;
    // The launcher blocks the signals it reads from a signalfd; a mask survives exec.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    if (setns(s.userNs, CLONE_NEWUSER) < 0 || setns(s.mountNs, CLONE_NEWNS) < 0)
        failStep(errorFd, JoinNamespaces);
    // Opened here: the kernel takes a FUSE mount only on a descriptor opened in its user namespace.
    const int fuse = open("/dev/fuse", O_RDWR | O_CLOEXEC);
    if (fuse < 0)
        failStep(errorFd, OpenFuse);
    // user_id and group_id count in this user namespace: the container's root.
    char options[128];
    std::snprintf(options, sizeof options,
                  "fd=%d,rootmode=40000,user_id=0,group_id=0,default_permissions,allow_other", fuse);
    if (mount("fuse-overlayfs", s.plan->rootTarget.c_str(), "fuse.fuse-overlayfs", MS_NODEV | MS_NOATIME, options) < 0)
        failStep(errorFd, Mount);
    // The host's root, not the namespace's: the init's pivot_root moves every process whose root is
    // the old one, and the daemon's paths (layers, /proc/self) must keep meaning the host's.
    if (fchdir(s.hostRoot) < 0 || chroot(".") < 0)
        failStep(errorFd, TakeHostRoot);
    if (fuse == 3 ? fcntl(3, F_SETFD, 0) < 0 : dup2(fuse, 3) < 0)
        failStep(errorFd, Exec);
    // Whatever the launcher's caller left open is none of the daemon's business.
    close_range(4, ~0U, CLOSE_RANGE_CLOEXEC);
    char *const noEnv[] = {nullptr};
    execve(s.plan->fuseOverlayfs.c_str(), const_cast<char *const *>(s.plan->fuseArgv.data()), noEnv);
    failStep(errorFd, Exec);
}

std::string describe(int step, int err)
{
    const char *what = step == JoinNamespaces ? "cannot join the container's namespaces"
        : step == OpenFuse                    ? "cannot open /dev/fuse in the container's user namespace"
        : step == Mount                       ? "cannot mount a FUSE file system in the container"
        : step == TakeHostRoot                ? "cannot return to the host's root directory"
                                              : "cannot execute it";
    return std::string("; fuse-overlayfs: ") + what + ": " + std::strerror(err);
}

} // namespace

std::string FuseOverlay::start(const ContainerPlan &plan, pid_t pid)
{
    if (plan.fuseOverlayfs.empty())
        return "; fuse-overlayfs: not installed (apt-get install fuse-overlayfs)";
    if (access("/dev/fuse", R_OK | W_OK) != 0)
        return "; fuse-overlayfs: /dev/fuse is not readable and writable for you "
               "(chmod 0666 /dev/fuse, as most distributions ship it)";
    const std::string proc = "/proc/" + std::to_string(pid);
    DaemonSetup setup {&plan, getpid(), open((proc + "/ns/user").c_str(), O_RDONLY | O_CLOEXEC),
                       open((proc + "/ns/mnt").c_str(), O_RDONLY | O_CLOEXEC),
                       open("/", O_PATH | O_DIRECTORY | O_CLOEXEC), -1};
    int errors[2] = {-1, -1};
    std::string error;
    if (setup.userNs < 0 || setup.mountNs < 0 || setup.hostRoot < 0 || pipe2(errors, O_CLOEXEC) < 0)
        error = std::string("; fuse-overlayfs: cannot open the container's namespaces: ") + std::strerror(errno);
    if (error.empty()) {
        setup.errorFd = errors[1];
        m_pid = fork();
        if (m_pid == 0)
            runDaemon(setup);
        if (m_pid < 0)
            error = std::string("; fuse-overlayfs: cannot fork: ") + std::strerror(errno);
    }
    for (int fd : {setup.userNs, setup.mountNs, setup.hostRoot, errors[1]}) {
        if (fd >= 0)
            close(fd);
    }
    if (error.empty()) {
        int record[2] = {0, 0};
        ssize_t n;
        while ((n = read(errors[0], record, sizeof record)) < 0 && errno == EINTR) { }
        if (n == static_cast<ssize_t>(sizeof record)) {
            error = describe(record[0], record[1]);
            stop();
        }
    }
    if (errors[0] >= 0)
        close(errors[0]);
    return error;
}

void FuseOverlay::stop()
{
    if (m_pid <= 0)
        return;
    kill(m_pid, SIGKILL);
    while (waitpid(m_pid, nullptr, 0) < 0 && errno == EINTR) { }
    m_pid = -1;
}
