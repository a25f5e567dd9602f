// SPDX-License-Identifier: GPL-3.0-or-later
#include "JobObject.h"

JobObject::~JobObject()
{
    close();
}

Win32Failure JobObject::create()
{
    return create(JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE);
}

Win32Failure JobObject::create(DWORD limits)
{
    close();
    m_job = CreateJobObjectW(nullptr, nullptr);
    if (!m_job)
        return Win32Failure::lastError("cannot create a job object");
    JOBOBJECT_EXTENDED_LIMIT_INFORMATION information {};
    information.BasicLimitInformation.LimitFlags = limits;
    if (!SetInformationJobObject(m_job, JobObjectExtendedLimitInformation, &information, sizeof information)) {
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

Win32Failure JobObject::start(const Launch &launch, Started &started)
{
    std::wstring commandLine = launch.commandLine; // CreateProcessW may write into it
    std::wstring environment = launch.environment;
    STARTUPINFOW plain {};
    plain.cb = sizeof plain;
    PROCESS_INFORMATION info {};
    if (!CreateProcessW(nullptr, commandLine.data(), nullptr, nullptr, launch.inheritHandles,
                        launch.flags | CREATE_UNICODE_ENVIRONMENT | CREATE_SUSPENDED,
                        environment.empty() ? nullptr : environment.data(),
                        launch.workingDirectory.empty() ? nullptr : launch.workingDirectory.c_str(),
                        launch.startup ? launch.startup : &plain, &info))
        return Win32Failure::lastError("cannot start the program");
    if (Win32Failure failed = assign(info.hProcess)) {
        TerminateProcess(info.hProcess, 1);
        CloseHandle(info.hProcess);
        CloseHandle(info.hThread);
        return failed;
    }
    ResumeThread(info.hThread);
    CloseHandle(info.hThread);
    started = {info.hProcess, info.dwProcessId};
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

Win32Failure JobObject::containCurrentProcess()
{
    JobObject job;
    if (Win32Failure failed = job.create(JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE | JOB_OBJECT_LIMIT_BREAKAWAY_OK))
        return failed;
    if (!AssignProcessToJobObject(job.m_job, GetCurrentProcess()))
        return Win32Failure::lastError("cannot put the manager into a job object of its own");
    // Never closed: closing it would end this very process. Windows closes it when we end.
    job.m_job = nullptr;
    return {};
}
