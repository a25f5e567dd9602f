// SPDX-License-Identifier: GPL-3.0-or-later
// Checks what the Windows session process relies on, with the real Win32 calls: a JobProcess's
// exit code, TerminateJobObject's code, KILL_ON_JOB_CLOSE ending a child *and* the grandchild it
// started when the job goes away (the manager dying), and console control events reaching
// ConsoleControl, and the manager's own job (JobObject::containCurrentProcess): a process in it
// that dies takes a plain child and a session's nested job with it, but not a child that broke
// away. Built with mingw-w64 and run under wine by tests/conpty/conpty-wine-smoke.sh;
// the program runs itself as the child (--parent FILE, --contained FILE, --sleep, --exit N).
#include "sessions/win/ConsoleControl.h"
#include "sessions/win/JobProcess.h"

#include <cstdio>
#include <cstdlib>
#include <cwchar>
#include <string>

namespace {

std::wstring self()
{
    wchar_t path[MAX_PATH];
    GetModuleFileNameW(nullptr, path, MAX_PATH);
    return path;
}

std::wstring command(const std::wstring &arguments)
{
    return L"\"" + self() + L"\" " + arguments;
}

bool startPlain(const std::wstring &arguments, DWORD flags, PROCESS_INFORMATION &info)
{
    std::wstring line = command(arguments);
    STARTUPINFOW startup {};
    startup.cb = sizeof startup;
    return CreateProcessW(nullptr, line.data(), nullptr, nullptr, FALSE, flags, nullptr, nullptr, &startup, &info);
}

std::wstring tempFile(const wchar_t *name)
{
    wchar_t dir[MAX_PATH];
    GetTempPathW(MAX_PATH, dir);
    return std::wstring(dir) + name + std::to_wstring(GetCurrentProcessId()) + L".txt";
}

// The child in the job: starts a grandchild (outside any job of its own), tells its PID, waits.
int parent(const wchar_t *pidFile)
{
    PROCESS_INFORMATION info {};
    if (!startPlain(L"--sleep", 0, info))
        return 3;
    FILE *file = _wfopen(pidFile, L"w");
    if (!file)
        return 4;
    std::fprintf(file, "%lu\n", static_cast<unsigned long>(info.dwProcessId));
    std::fclose(file);
    Sleep(60000);
    return 0;
}

bool startIn(JobProcess &process, const std::wstring &arguments)
{
    JobProcess::Options options;
    options.commandLine = command(arguments);
    if (const Win32Failure failed = process.start(options)) {
        std::fprintf(stderr, "start failed: %s\n", failed.message.c_str());
        return false;
    }
    return true;
}

int fail(const char *what)
{
    std::fprintf(stderr, "job smoke: %s\n", what);
    return 1;
}

int checkExitCodes()
{
    JobProcess exits;
    if (!startIn(exits, L"--exit 7"))
        return fail("cannot start --exit 7");
    if (WaitForSingleObject(exits.processHandle(), 20000) != WAIT_OBJECT_0 || exits.exitCode() != 7)
        return fail("a job process's own exit code (7) was not reported");
    JobProcess sleeper;
    if (!startIn(sleeper, L"--sleep"))
        return fail("cannot start --sleep");
    if (sleeper.exitCode() != STILL_ACTIVE)
        return fail("the sleeper is not running");
    sleeper.terminate(137);
    if (WaitForSingleObject(sleeper.processHandle(), 20000) != WAIT_OBJECT_0 || sleeper.exitCode() != 137)
        return fail("TerminateJobObject's exit code (137) was not reported");
    std::printf("job: exit code 7 and terminate(137) reported\n");
    return 0;
}

int checkKillOnClose()
{
    const std::wstring pidFile = tempFile(L"scorpiox-job-smoke-");
    DeleteFileW(pidFile.c_str());
    HANDLE child = nullptr;
    HANDLE grandchild = nullptr;
    {
        JobProcess job;
        if (!startIn(job, L"--parent \"" + pidFile + L"\""))
            return fail("cannot start --parent");
        DuplicateHandle(GetCurrentProcess(), job.processHandle(), GetCurrentProcess(), &child, SYNCHRONIZE, FALSE, 0);
        unsigned long pid = 0;
        for (int i = 0; i < 200 && pid == 0; ++i) {
            if (FILE *file = _wfopen(pidFile.c_str(), L"r")) {
                if (std::fscanf(file, "%lu", &pid) != 1)
                    pid = 0;
                std::fclose(file);
            }
            if (pid == 0)
                Sleep(50);
        }
        if (pid == 0)
            return fail("the child never reported its grandchild");
        grandchild = OpenProcess(SYNCHRONIZE | PROCESS_QUERY_LIMITED_INFORMATION, FALSE, DWORD(pid));
        if (!grandchild)
            return fail("cannot open the grandchild");
        if (WaitForSingleObject(grandchild, 0) != WAIT_TIMEOUT || WaitForSingleObject(child, 0) != WAIT_TIMEOUT)
            return fail("child or grandchild ended before the job was closed");
    } // the JobProcess goes, as when the manager dies: its job handle closes
    const HANDLE both[2] = {child, grandchild};
    const DWORD waited = WaitForMultipleObjects(2, both, TRUE, 10000);
    CloseHandle(child);
    CloseHandle(grandchild);
    DeleteFileW(pidFile.c_str());
    if (waited == WAIT_TIMEOUT)
        return fail("closing the job left the child or the grandchild running (KILL_ON_JOB_CLOSE)");
    std::printf("job: closing the job ended the child and the grandchild\n");
    return 0;
}

// A manager in its own job: a plain child (as QProcess starts wsl.exe --import), a session in a
// nested job, a child started to break away; then it dies without cleaning up.
int contained(const wchar_t *pidFile)
{
    if (const Win32Failure failed = JobObject::containCurrentProcess()) {
        std::fprintf(stderr, "%s\n", failed.message.c_str());
        return 5;
    }
    PROCESS_INFORMATION plain {};
    PROCESS_INFORMATION away {};
    JobProcess session;
    if (!startPlain(L"--sleep", 0, plain) || !startPlain(L"--sleep", CREATE_BREAKAWAY_FROM_JOB, away))
        return 6;
    if (!startIn(session, L"--sleep"))
        return 7; // the session's job could not nest inside the manager's
    FILE *file = _wfopen(pidFile, L"w");
    if (!file)
        return 4;
    std::fprintf(file, "%lu %lu %lu\n", static_cast<unsigned long>(plain.dwProcessId),
                 static_cast<unsigned long>(away.dwProcessId), static_cast<unsigned long>(session.processId()));
    std::fclose(file);
    TerminateProcess(GetCurrentProcess(), 9); // no destructor runs: only Windows closes the handles
    return 8;
}

int checkContainedManager()
{
    const std::wstring pidFile = tempFile(L"scorpiox-contained-");
    DeleteFileW(pidFile.c_str());
    PROCESS_INFORMATION manager {};
    if (!startPlain(L"--contained \"" + pidFile + L"\"", 0, manager))
        return fail("cannot start --contained");
    CloseHandle(manager.hThread);
    const DWORD waited = WaitForSingleObject(manager.hProcess, 20000);
    DWORD code = 0;
    GetExitCodeProcess(manager.hProcess, &code);
    CloseHandle(manager.hProcess);
    if (waited != WAIT_OBJECT_0 || code != 9) {
        std::fprintf(stderr, "job smoke: --contained ended with %lu\n", static_cast<unsigned long>(code));
        return fail("the manager could not join its own job, nest a session's job in it, or start its children");
    }
    unsigned long pids[3] = {};
    FILE *file = _wfopen(pidFile.c_str(), L"r");
    const bool read = file && std::fscanf(file, "%lu %lu %lu", &pids[0], &pids[1], &pids[2]) == 3;
    if (file)
        std::fclose(file);
    DeleteFileW(pidFile.c_str());
    if (!read)
        return fail("the contained manager did not report its children");
    HANDLE children[3] = {};
    for (int i = 0; i < 3; ++i)
        children[i] = OpenProcess(SYNCHRONIZE | PROCESS_TERMINATE, FALSE, DWORD(pids[i]));
    // A child already gone cannot be opened: that is the outcome wanted for these two.
    const bool ended = (!children[0] || WaitForSingleObject(children[0], 10000) == WAIT_OBJECT_0)
                       && (!children[2] || WaitForSingleObject(children[2], 10000) == WAIT_OBJECT_0);
    const bool awayRuns = children[1] && WaitForSingleObject(children[1], 0) == WAIT_TIMEOUT;
    if (children[1])
        TerminateProcess(children[1], 0);
    for (HANDLE child : children) {
        if (child)
            CloseHandle(child);
    }
    if (!ended)
        return fail("a child of the dead manager is still running (its own job did not end it)");
    if (!awayRuns)
        return fail("the child started with CREATE_BREAKAWAY_FROM_JOB died with the manager");
    std::printf("job: the manager's own job ended its plain and session children, not the one that broke away\n");
    return 0;
}

int checkConsoleControl()
{
    if (ConsoleControl::signalFor(CTRL_C_EVENT) != 2 || ConsoleControl::signalFor(CTRL_BREAK_EVENT) != 15
        || ConsoleControl::signalFor(CTRL_CLOSE_EVENT) != 1 || ConsoleControl::signalFor(CTRL_SHUTDOWN_EVENT) != 1)
        return fail("console control events map to the wrong signals");
    if (const Win32Failure failed = ConsoleControl::install(1000))
        return fail(failed.message.c_str());
    const bool underWine = GetProcAddress(GetModuleHandleA("ntdll.dll"), "wine_get_version") != nullptr;
    // Ctrl+Break to our own process group (0): the handler must turn it into SIGTERM. Wine 8
    // sends none (GenerateConsoleCtrlEvent fails there), so only Windows checks the delivery.
    const bool sent = GenerateConsoleCtrlEvent(CTRL_BREAK_EVENT, 0);
    const bool arrived = sent && WaitForSingleObject(ConsoleControl::requestedEvent(), 5000) == WAIT_OBJECT_0;
    const int signal = arrived ? ConsoleControl::takeSignal() : 0;
    ConsoleControl::uninstall();
    if (!arrived && underWine) {
        std::printf("wine: console control delivery not checked (%s)\n",
                    sent ? "no event arrived" : "GenerateConsoleCtrlEvent failed");
        return 0;
    }
    if (!arrived)
        return fail("Ctrl+Break did not reach the console control handler");
    if (signal != 15)
        return fail("Ctrl+Break was not reported as SIGTERM");
    std::printf("console: Ctrl+Break arrived as SIGTERM\n");
    return 0;
}

} // namespace

int wmain(int argc, wchar_t **argv)
{
    if (argc == 3 && std::wcscmp(argv[1], L"--parent") == 0)
        return parent(argv[2]);
    if (argc == 3 && std::wcscmp(argv[1], L"--contained") == 0)
        return contained(argv[2]);
    if (argc == 2 && std::wcscmp(argv[1], L"--sleep") == 0) {
        Sleep(60000);
        return 0;
    }
    if (argc == 3 && std::wcscmp(argv[1], L"--exit") == 0)
        return std::wcstol(argv[2], nullptr, 10);
    if (const int failed = checkExitCodes())
        return failed;
    if (const int failed = checkKillOnClose())
        return failed;
    if (const int failed = checkContainedManager())
        return failed;
    return checkConsoleControl();
}
