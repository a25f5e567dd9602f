// SPDX-License-Identifier: GPL-3.0-or-later
#include "JobObject.h"

JobObject::~JobObject()
{
    close();
}

Win32Failure JobObject::create()
{
    close();
    m_job = CreateJobObjectW(nullptr, nullptr);
    if (!m_job)
        return Win32Failure::lastError("cannot create a job object");
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION limits {};
    limits.BasicLimitInformation.LimitFlags = JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE;
    if (!SetInformationJobObject(m_job, JobObjectExtendedLimitInformation, &limits, sizeof limits)) {
        Win32Failure result = Win32Failure::lastError("cannot configure the job object");
        close();
        return result;
    }
    return {};
}

Win32Failure JobObject::assign(HANDLE process)
{
    if (!m_job || !AssignProcessToJobObject(m_job, process))
        return Win32Failure::lastError("cannot put the program into its job object");
    return {};
}

void JobObject::terminate(DWORD exitCode)
{
    if (m_job)
        TerminateJobObject(m_job, exitCode);
}

void JobObject::close()
{
    closeWin32Handle(m_job);
}
