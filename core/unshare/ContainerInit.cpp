// SPDX-License-Identifier: GPL-3.0-or-later
#include "ContainerInit.h"

#include "../ExitCode.h"
#include "Capabilities.h"
#include "Loopback.h"
#include "RootFilesystem.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <linux/close_range.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace ContainerInit {

const int kForwardedSignals[7] = {SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGQUIT, SIGUSR1, SIGUSR2};

namespace {

[[noreturn]] void report(int statusFd, const SetupFailure &failure, int code)
{
    (void)!write(statusFd, &failure, sizeof failure);
    _exit(code);
}

void closeAllBut(int a, int b)
{
    if (a > b) {
        const int t = a;
        a = b;
        b = t;
    }
    if (a > 3)
        close_range(3, static_cast<unsigned>(a - 1), 0);
    if (b > a + 1)
        close_range(static_cast<unsigned>(a + 1), static_cast<unsigned>(b - 1), 0);
    close_range(static_cast<unsigned>(b + 1), ~0U, 0);
}

void ignoreSignal(int) { }

// execvp without its allocations, and telling "not found" (127) from "cannot run" (126).
[[noreturn]] void execCommand(const ContainerPlan &plan, int statusFd)
{
    SetupFailure failure;
    char *const *argv = plan.argv.data();
    char *const *envp = plan.envp.data();
    const char *file = argv[0];
    if (std::strchr(file, '/')) {
        execve(file, argv, envp);
        const int err = errno;
        const bool missing = err == ENOENT || err == ENOTDIR;
        failure.set(missing ? SetupFailure::NotFound : SetupFailure::CannotExec, err, "cannot execute ", file);
        report(statusFd, failure, missing ? ExitCode::NotFound : ExitCode::CannotExecute);
    }
    int found = 0; // errno of the first candidate that exists but would not run
    const char *p = plan.searchPath.c_str();
    char candidate[4096];
    for (;;) {
        const char *end = std::strchr(p, ':');
        const unsigned long dirLen = end ? static_cast<unsigned long>(end - p) : std::strlen(p);
        const unsigned long fileLen = std::strlen(file);
        if (dirLen + fileLen + 2 < sizeof candidate) {
            unsigned long len = 0;
            if (dirLen == 0)
                candidate[len++] = '.';
            std::memcpy(candidate + len, p, dirLen);
            len += dirLen;
            candidate[len++] = '/';
            std::memcpy(candidate + len, file, fileLen + 1);
            execve(candidate, argv, envp);
            if (errno != ENOENT && errno != ENOTDIR && found == 0)
                found = errno;
        }
        if (!end)
            break;
        p = end + 1;
    }
    if (found != 0) {
        failure.set(SetupFailure::CannotExec, found, "cannot execute ", file);
        report(statusFd, failure, ExitCode::CannotExecute);
    }
    failure.set(SetupFailure::NotFound, ENOENT, "command not found in the container: ", file);
    report(statusFd, failure, ExitCode::NotFound);
}

[[noreturn]] void startCommand(const ContainerPlan &plan, int statusFd)
{
    SetupFailure failure;
    struct sigaction dfl {};
    dfl.sa_handler = SIG_DFL;
    for (int sig : kForwardedSignals)
        sigaction(sig, &dfl, nullptr);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);

    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
        failure.set(SetupFailure::Setup, errno, "cannot set no_new_privs");
        report(statusFd, failure, ExitCode::RuntimeFailed);
    }
    if (!Capabilities::restrictTo(plan.keepCapabilities, plan.lastCapability, &failure))
        report(statusFd, failure, ExitCode::RuntimeFailed);
    for (const std::vector<sock_filter> *filter : {&plan.terminalProgram, &plan.seccompProgram}) {
        if (filter->empty())
            continue;
        sock_fprog program {};
        program.len = static_cast<unsigned short>(filter->size());
        program.filter = const_cast<sock_filter *>(filter->data());
        if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &program, 0, 0) < 0) {
            failure.set(SetupFailure::Setup, errno, "cannot install a seccomp filter "
                                                    "(a kernel without CONFIG_SECCOMP_FILTER?)");
            report(statusFd, failure, ExitCode::RuntimeFailed);
        }
    }
    execCommand(plan, statusFd);
}

int exitCodeOf(int status)
{
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    if (WIFSIGNALED(status))
        return ExitCode::SignalBase + WTERMSIG(status);
    return ExitCode::RuntimeFailed;
}

[[noreturn]] void superviseCommand(pid_t command)
{
    sigset_t waitFor;
    sigemptyset(&waitFor);
    sigaddset(&waitFor, SIGCHLD);
    for (int sig : kForwardedSignals)
        sigaddset(&waitFor, sig);
    for (;;) {
        siginfo_t info {};
        const int sig = sigwaitinfo(&waitFor, &info);
        if (sig < 0)
            continue;
        if (sig != SIGCHLD) {
            // Only what a process sent: the terminal's own SIGINT/SIGWINCH already reached the
            // command's process group, forwarding those would deliver them twice.
            if (info.si_code <= 0)
                kill(command, sig);
            continue;
        }
        int status = 0;
        pid_t pid;
        while ((pid = waitpid(-1, &status, WNOHANG)) > 0) {
            if (pid != command)
                continue;
            const int code = exitCodeOf(status);
            kill(-1, SIGKILL);
            while (waitpid(-1, nullptr, 0) > 0 || errno == EINTR) { }
            _exit(code);
        }
    }
}

} // namespace

void run(const ContainerPlan &plan, int syncFd, int statusFd)
{
    SetupFailure failure;
    // Before anything else, and the sync read below catches a launcher that died earlier.
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    closeAllBut(syncFd, statusFd);
    char go = 0;
    if (read(syncFd, &go, 1) != 1)
        _exit(ExitCode::RuntimeFailed); // the launcher gave up (and says why) or died

    const std::string &hostname = plan.options.hostname;
    if (!hostname.empty() && sethostname(hostname.c_str(), hostname.size()) < 0) {
        failure.set(SetupFailure::Setup, errno, "cannot set the hostname ", hostname.c_str());
        report(statusFd, failure, ExitCode::RuntimeFailed);
    }
    if (plan.options.net == NetMode::Isolated && !Loopback::bringUp(&failure))
        report(statusFd, failure, ExitCode::RuntimeFailed);
    if (!RootFilesystem::build(plan, {statusFd, syncFd}, &failure))
        report(statusFd, failure, ExitCode::RuntimeFailed);
    close(syncFd);

    // PID 1 ignores signals it has no handler for, even blocked ones once unblocked: give the
    // forwarded ones a handler; sigwaitinfo takes them while they stay blocked.
    struct sigaction noop {};
    noop.sa_handler = ignoreSignal;
    for (int sig : kForwardedSignals)
        sigaction(sig, &noop, nullptr);

    const pid_t command = fork();
    if (command < 0) {
        failure.set(SetupFailure::Setup, errno, "cannot fork the command");
        report(statusFd, failure, ExitCode::RuntimeFailed);
    }
    if (command == 0)
        startCommand(plan, statusFd);
    close(statusFd);
    superviseCommand(command);
}

void runEntered(const ContainerPlan &plan, int statusFd)
{
    SetupFailure failure;
    prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
    // The launcher lives outside the PID namespace (parent 0 here); 1 means it died already.
    if (getppid() != 0)
        _exit(ExitCode::RuntimeFailed);
    closeAllBut(statusFd, statusFd);
    if (chdir(plan.options.workdir.c_str()) < 0) {
        failure.set(SetupFailure::Setup, errno, "cannot enter the working directory ", plan.options.workdir.c_str(),
                    " in the container");
        report(statusFd, failure, ExitCode::RuntimeFailed);
    }
    startCommand(plan, statusFd);
}

} // namespace ContainerInit
