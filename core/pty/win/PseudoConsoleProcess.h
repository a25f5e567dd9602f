// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A process on a Windows pseudo console (ConPTY). Plain Win32 and C++, no Qt, so it can be
// compile-checked with mingw-w64 on Linux; ConPty adapts it to the Pty interface.

#include "JobObject.h"

#include <cstddef>
#include <string>

class PseudoConsoleProcess
{
public:
    struct Options
    {
        std::wstring commandLine;      ///< program and quoted arguments, as CreateProcessW takes them
        std::wstring workingDirectory; ///< empty: the caller's
        std::wstring environment;      ///< NUL-separated K=V entries ending in an extra NUL; empty: inherit
        short rows = 24;
        short columns = 80;
    };

    using Failure = Win32Failure;

    PseudoConsoleProcess() = default;
    PseudoConsoleProcess(const PseudoConsoleProcess &) = delete;
    PseudoConsoleProcess &operator=(const PseudoConsoleProcess &) = delete;
    /// Closes the console and the job; KILL_ON_JOB_CLOSE ends every process of the session.
    ~PseudoConsoleProcess();

    Failure start(const Options &options);
    /// Blocks until output arrives; returns the byte count, 0 once the console is closed.
    std::size_t read(void *buffer, std::size_t size);
    bool write(const void *bytes, std::size_t size);
    bool resize(short rows, short columns);
    /// Closing the console ends the output stream; read() then returns 0.
    void closeConsole();
    void terminate(DWORD exitCode);

    HANDLE processHandle() const { return m_process; }
    DWORD processId() const { return m_processId; }
    /// The exit code once the process ended, STILL_ACTIVE before.
    DWORD exitCode() const;

private:
    HPCON m_console = nullptr;
    HANDLE m_input = nullptr;  // we write, the console reads
    HANDLE m_output = nullptr; // the console writes, we read
    HANDLE m_process = nullptr;
    JobObject m_job;
    DWORD m_processId = 0;
};
