// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Win32.h"

/// A Windows job object with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE: when its last handle closes
/// (this object is destroyed, or the manager dies and Windows closes its handles) every process
/// in it ends, children and grandchildren included, as a process group does not on Windows.
class JobObject
{
public:
    JobObject() = default;
    JobObject(const JobObject &) = delete;
    JobObject &operator=(const JobObject &) = delete;
    ~JobObject();

    Win32Failure create();
    /// Put @p process in before it runs (started with CREATE_SUSPENDED), so nothing escapes.
    Win32Failure assign(HANDLE process);
    /// Ends every process in the job with @p exitCode.
    void terminate(DWORD exitCode);
    /// Closes the job now: with KILL_ON_JOB_CLOSE, every process in it ends.
    void close();

    HANDLE handle() const { return m_job; }

private:
    HANDLE m_job = nullptr;
};
