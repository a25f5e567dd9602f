// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A session's program on Windows without a pseudo console (a script's `--cli run`). Plain Win32
// and C++, no Qt, so it can be compile-checked with mingw-w64 on Linux and run under wine.

#include "pty/win/JobObject.h"

#include <string>

/// A program that writes to this process's standard handles, in a JobObject of its own: started
/// suspended, put in the job, then resumed, so nothing it starts can outlive the manager.
class JobProcess
{
public:
    struct Options
    {
        std::wstring commandLine;      ///< program and quoted arguments, as CreateProcessW takes them
        std::wstring workingDirectory; ///< empty: the caller's
        std::wstring environment;      ///< NUL-separated K=V entries ending in an extra NUL; empty: inherit
        /// CREATE_NO_WINDOW: no console window flashes up when the manager has no console.
        bool noWindow = false;
    };

    JobProcess() = default;
    JobProcess(const JobProcess &) = delete;
    JobProcess &operator=(const JobProcess &) = delete;
    /// Closes the job: KILL_ON_JOB_CLOSE ends the program and everything it started.
    ~JobProcess();

    Win32Failure start(const Options &options);
    /// Ctrl+Break to the program's process group (it has one of its own, so the user's Ctrl+C
    /// reaches only the manager, which decides); false when it could not be sent.
    bool interrupt();
    /// Ends the program and everything it started with @p exitCode.
    void terminate(DWORD exitCode);

    HANDLE processHandle() const { return m_process; }
    DWORD processId() const { return m_processId; }
    /// The exit code once the program ended, STILL_ACTIVE before.
    DWORD exitCode() const;

private:
    JobObject m_job;
    HANDLE m_process = nullptr;
    DWORD m_processId = 0;
};
