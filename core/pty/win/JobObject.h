// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Win32.h"

#include <string>
#include <vector>

/// A Windows job object with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE: when its last handle closes
/// (this object is destroyed, or the manager dies and Windows closes its handles) every process
/// in it ends, children and grandchildren included, as a process group does not on Windows.
class JobObject
{
public:
    /// One PROC_THREAD_ATTRIBUTE_* entry (the pseudo console, the list of inheritable handles).
    struct Attribute
    {
        DWORD_PTR key = 0;
        void *value = nullptr;
        SIZE_T size = 0;
        const char *failure = ""; ///< what could not be done when Windows refuses it
    };
    /// What to start in the job, as CreateProcessW takes it.
    struct Launch
    {
        std::wstring commandLine;      ///< program and quoted arguments
        std::wstring workingDirectory; ///< empty: the caller's
        std::wstring environment;      ///< NUL-separated K=V entries ending in an extra NUL; empty: inherit
        DWORD flags = 0;               ///< more creation flags (suspended and the Unicode environment are added)
        /// Standard input, output, error; null ones are not inherited (a pseudo console's program
        /// gets its own). Always passed, so the program never inherits the manager's by accident.
        HANDLE standardHandles[3] = {};
        bool inheritHandles = false;
        std::vector<Attribute> attributes;
    };
    struct Started
    {
        HANDLE process = nullptr; ///< the caller's to close
        DWORD processId = 0;
    };

    JobObject() = default;
    JobObject(const JobObject &) = delete;
    JobObject &operator=(const JobObject &) = delete;
    ~JobObject();

    Win32Failure create();
    /// Put @p process in before it runs (started with CREATE_SUSPENDED), so nothing escapes.
    Win32Failure assign(HANDLE process);
    /// Starts @p launch suspended, puts it in the job, then lets it run: nothing it spawns can
    /// escape KILL_ON_JOB_CLOSE. When it cannot join the job it is ended and the failure returned.
    Win32Failure start(const Launch &launch, Started &started);
    /// Ends every process in the job with @p exitCode.
    void terminate(DWORD exitCode);
    /// Closes the job now: with KILL_ON_JOB_CLOSE, every process in it ends.
    void close();

    HANDLE handle() const { return m_job; }

    /// Puts the calling process into a new kill-on-close job whose handle it keeps to its end.
    /// Every process it starts from then on is born in the job (jobs nest from Windows 8 on, so
    /// a session's own job still works inside it); when the process ends, however it ends,
    /// Windows closes that last handle and ends them all. A child meant to outlive the process
    /// must be started with CREATE_BREAKAWAY_FROM_JOB, which the job allows. Fails when an outer
    /// job refuses nesting; the process then runs as before.
    static Win32Failure containCurrentProcess();

private:
    Win32Failure create(DWORD limits);

    HANDLE m_job = nullptr;
};
