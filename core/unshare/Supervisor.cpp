// SPDX-License-Identifier: GPL-3.0-or-later
#include "Supervisor.h"

#include "../ExitCode.h"
#include "ContainerInit.h"
#include "SetupFailure.h"
#include "TreeRemoval.h"

#include <cerrno>
#include <initializer_list>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

long long nowMs()
{
    timespec ts {};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return static_cast<long long>(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

std::string readFirstLine(const char *file)
{
    char buf[64] = {};
    FILE *f = std::fopen(file, "re");
    if (!f)
        return {};
    if (!std::fgets(buf, sizeof buf, f))
        buf[0] = '\0';
    std::fclose(f);
    std::string s = buf;
    while (!s.empty() && (s.back() == '\n' || s.back() == ' '))
        s.pop_back();
    return s;
}

std::string describe(const SetupFailure &failure)
{
    std::string text = failure.message;
    if (failure.error != 0)
        text += std::string(": ") + std::strerror(failure.error);
    return text;
}

} // namespace

std::string Supervisor::explainCloneFailure(int err) const
{
    const std::string base = std::string("cannot create the container's namespaces: ") + std::strerror(err);
    if (readFirstLine("/proc/sys/user/max_user_namespaces") == "0")
        return "user namespaces are disabled: sysctl user.max_user_namespaces is 0 (set it to e.g. 15000)";
    if (readFirstLine("/proc/sys/kernel/unprivileged_userns_clone") == "0")
        return "unprivileged user namespaces are disabled: sysctl kernel.unprivileged_userns_clone is 0 "
               "(set it to 1)";
    if (readFirstLine("/proc/sys/kernel/apparmor_restrict_unprivileged_userns") == "1")
        return "AppArmor restricts unprivileged user namespaces "
               "(kernel.apparmor_restrict_unprivileged_userns=1): install an AppArmor profile that allows "
               "userns for scorpiox-unshare, or set the sysctl to 0";
    if (err == ENOSPC)
        return base + " (the user namespace limit is reached: raise sysctl user.max_user_namespaces)";
    return base;
}

std::string Supervisor::prepareOverlay()
{
    if (m_plan.rootMode != ContainerPlan::RootMode::Overlay)
        return {};
    const std::string &dir = m_plan.options.overlay;
    if (mkdir(dir.c_str(), 0700) < 0 && errno != EEXIST)
        return "cannot create the overlay directory " + dir + ": " + std::strerror(errno);
    m_overlayPrepared = true;
    for (const std::string *sub : {&m_plan.upperDir, &m_plan.workDir}) {
        if (mkdir(sub->c_str(), 0755) < 0)
            return "cannot create " + *sub + ": " + std::strerror(errno);
    }
    return {};
}

void Supervisor::cleanUp()
{
    m_cgroup.remove();
    // The daemon keeps the container's mount namespace, and with it the overlay, alive.
    m_fuse.stop();
    if (!m_overlayPrepared)
        return;
    m_overlayPrepared = false;
    if (!m_plan.options.keepOverlay) {
        const std::string error = TreeRemoval::removeAll(m_plan.options.overlay, m_plan.ids);
        if (!error.empty())
            m_report.warn("cannot remove the overlay directory: " + error);
        return;
    }
    // The upper directory outlives the container (it becomes a package layer), but the overlay was
    // mounted volatile, so nothing synced it at unmount: a crash would leave it half-written.
    const int upper = open(m_plan.upperDir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (upper < 0 || syncfs(upper) < 0)
        m_report.warn("cannot sync the kept upper directory " + m_plan.upperDir + ": " + std::strerror(errno));
    if (upper >= 0)
        close(upper);
    const std::string error = TreeRemoval::removeAll(m_plan.workDir, m_plan.ids);
    if (!error.empty())
        m_report.warn("cannot remove the overlay work directory: " + error);
}

int Supervisor::fail(const std::string &reason)
{
    cleanUp();
    m_report.failed(reason, ExitCode::RuntimeFailed);
    return ExitCode::RuntimeFailed;
}

int Supervisor::run()
{
    if (m_plan.options.memoryMb > 0) {
        const std::string warning = m_cgroup.prepare(m_plan.options.memoryMb);
        if (!warning.empty())
            m_report.warn(warning);
    }

    const int signalFd = watchSignals();
    int sync[2] = {-1, -1}, status[2] = {-1, -1};
    if (signalFd < 0 || pipe2(sync, O_CLOEXEC) < 0 || pipe2(status, O_CLOEXEC) < 0)
        return fail(std::string("cannot create the launcher's pipes: ") + std::strerror(errno));

    const pid_t pid = static_cast<pid_t>(
        syscall(SYS_clone, static_cast<unsigned long>(m_plan.cloneFlags) | SIGCHLD, nullptr, nullptr, nullptr, nullptr));
    if (pid < 0)
        return fail(explainCloneFailure(errno));
    if (pid == 0)
        ContainerInit::run(m_plan, sync[0], status[1]);
    close(sync[0]);
    close(status[1]);

    // The overlay directories are made while newuidmap runs; the child waits for both.
    std::string error = m_plan.ids.apply(pid, [this] { return prepareOverlay(); });
    if (error.empty()) {
        const std::string warning = m_cgroup.attach(pid);
        if (!warning.empty())
            m_report.warn(warning);
        if (write(sync[1], "1", 1) != 1)
            error = std::string("cannot start the container: ") + std::strerror(errno);
    }
    if (!error.empty()) {
        close(sync[1]);
        kill(pid, SIGKILL);
        while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) { }
        close(status[0]);
        return fail("cannot prepare the container: " + error);
    }
    m_syncFd = sync[1];
    const int code = superviseContainer(pid, status[0], signalFd);
    close(m_syncFd);
    m_syncFd = -1;
    close(status[0]);
    close(signalFd);
    return code;
}

int Supervisor::enter()
{
    const int signalFd = watchSignals();
    int status[2] = {-1, -1};
    if (signalFd < 0 || pipe2(status, O_CLOEXEC) < 0)
        return fail(std::string("cannot create the launcher's pipes: ") + std::strerror(errno));
    const pid_t pid = fork();
    if (pid < 0)
        return fail(std::string("cannot fork the command: ") + std::strerror(errno));
    if (pid == 0)
        ContainerInit::runEntered(m_plan, status[1]);
    close(status[1]);
    const int code = superviseContainer(pid, status[0], signalFd);
    close(status[0]);
    close(signalFd);
    return code;
}

int Supervisor::watchSignals()
{
    sigset_t watched;
    sigemptyset(&watched);
    sigaddset(&watched, SIGCHLD);
    for (int sig : ContainerInit::kForwardedSignals)
        sigaddset(&watched, sig);
    sigset_t blocked = watched;
    // Blocked rather than ignored: a dead --info-fd reader gives EPIPE, and the command still
    // starts with SIGPIPE at its default.
    sigaddset(&blocked, SIGPIPE);
    sigprocmask(SIG_BLOCK, &blocked, nullptr);
    return signalfd(-1, &watched, SFD_CLOEXEC);
}

int Supervisor::superviseContainer(pid_t pid, int statusFd, int signalFd)
{
    SetupFailure failure;
    bool haveFailure = false;
    bool statusOpen = true;
    bool timedOut = false;
    bool exited = false;
    int exitStatus = 0;
    const long long timeoutAt = m_plan.options.timeoutSec > 0 ? nowMs() + m_plan.options.timeoutSec * 1000 : -1;
    long long killAt = -1;

    const auto readStatus = [&] {
        const ssize_t n = read(statusFd, &failure, sizeof failure);
        if (n < 0 && errno == EINTR)
            return;
        if (n == static_cast<ssize_t>(sizeof failure) && failure.stage == SetupFailure::FuseWanted) {
            failure.message[sizeof failure.message - 1] = '\0';
            const std::string fuseError = m_fuse.start(m_plan, pid);
            if (fuseError.empty() && write(m_syncFd, "1", 1) == 1)
                return; // the init goes on, and reports again
            failure.stage = SetupFailure::Setup;
            failure.append(fuseError.empty() ? "; cannot answer the container's init" : fuseError.c_str());
            haveFailure = true;
            statusOpen = false;
            kill(pid, SIGKILL);
            return;
        }
        statusOpen = false;
        if (n == static_cast<ssize_t>(sizeof failure)) {
            haveFailure = true;
            failure.message[sizeof failure.message - 1] = '\0';
        } else {
            m_report.started(pid); // the status pipe closed on a successful exec
        }
    };

    while (!exited) {
        long long wait = -1;
        const long long now = nowMs();
        if (timeoutAt >= 0 && !timedOut)
            wait = timeoutAt - now;
        if (killAt >= 0)
            wait = wait < 0 ? killAt - now : std::min(wait, killAt - now);
        pollfd fds[2] = {{signalFd, POLLIN, 0}, {statusFd, POLLIN, 0}};
        const int ready = poll(fds, statusOpen ? 2 : 1, wait < 0 ? -1 : static_cast<int>(std::max(0LL, wait)));
        if (ready < 0 && errno != EINTR)
            break;
        if (statusOpen && (fds[1].revents & (POLLIN | POLLHUP)))
            readStatus();
        if (fds[0].revents & POLLIN) {
            signalfd_siginfo info {};
            if (read(signalFd, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
                const int sig = static_cast<int>(info.ssi_signo);
                if (sig == SIGCHLD) {
                    if (waitpid(pid, &exitStatus, WNOHANG) == pid)
                        exited = true;
                } else {
                    const bool fromProcess = static_cast<int>(info.ssi_code) <= 0;
                    const bool ending = sig == SIGTERM || sig == SIGHUP;
                    if (fromProcess || ending)
                        kill(pid, sig);
                    if (ending && killAt < 0)
                        killAt = nowMs() + kGraceSeconds * 1000;
                }
            }
        }
        const long long after = nowMs();
        if (!exited && !timedOut && timeoutAt >= 0 && after >= timeoutAt) {
            timedOut = true;
            kill(pid, SIGTERM);
            killAt = after + kGraceSeconds * 1000;
        }
        if (!exited && killAt >= 0 && after >= killAt) {
            kill(pid, SIGKILL);
            killAt = -1;
        }
    }
    if (statusOpen)
        readStatus(); // every writer is gone: a record or EOF, without blocking

    int code;
    if (haveFailure) {
        code = failure.stage == SetupFailure::NotFound ? ExitCode::NotFound
            : failure.stage == SetupFailure::CannotExec ? ExitCode::CannotExecute
                                                        : ExitCode::RuntimeFailed;
        cleanUp();
        m_report.failed(describe(failure), code);
        return code;
    }
    if (timedOut)
        code = ExitCode::TimedOut;
    else if (WIFEXITED(exitStatus))
        code = WEXITSTATUS(exitStatus);
    else
        code = ExitCode::SignalBase + WTERMSIG(exitStatus);
    cleanUp();
    m_report.exited(code);
    return code;
}
