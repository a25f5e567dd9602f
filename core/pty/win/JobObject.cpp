// SPDX-License-Identifier: GPL-3.0-or-later
#include "JobObject.h"

#include <memory>
#include <type_traits>

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
    STARTUPINFOEXW startup {};
    startup.StartupInfo.cb = sizeof startup.StartupInfo;
    startup.StartupInfo.dwFlags = STARTF_USESTDHANDLES;
    startup.StartupInfo.hStdInput = launch.standardHandles[0];
    startup.StartupInfo.hStdOutput = launch.standardHandles[1];
    startup.StartupInfo.hStdError = launch.standardHandles[2];

    // An attribute list only when there are attributes: an empty one is not worth the doubt.
    DWORD flags = launch.flags | CREATE_UNICODE_ENVIRONMENT | CREATE_SUSPENDED;
    std::vector<unsigned char> attributeStorage;
    std::unique_ptr<std::remove_pointer_t<LPPROC_THREAD_ATTRIBUTE_LIST>, decltype(&DeleteProcThreadAttributeList)>
        attributeGuard(nullptr, &DeleteProcThreadAttributeList);
    if (!launch.attributes.empty()) {
        const DWORD count = DWORD(launch.attributes.size());
        SIZE_T attributeSize = 0;
        InitializeProcThreadAttributeList(nullptr, count, 0, &attributeSize);
        attributeStorage.resize(attributeSize);
        auto *attributes = reinterpret_cast<LPPROC_THREAD_ATTRIBUTE_LIST>(attributeStorage.data());
        if (!InitializeProcThreadAttributeList(attributes, count, 0, &attributeSize))
            return Win32Failure::lastError("cannot prepare the process attributes");
        attributeGuard.reset(attributes);
        for (const Attribute &attribute : launch.attributes) {
            if (!UpdateProcThreadAttribute(attributes, 0, attribute.key, attribute.value, attribute.size, nullptr,
                                           nullptr))
                return Win32Failure::lastError(attribute.failure);
        }
        startup.StartupInfo.cb = sizeof startup;
        startup.lpAttributeList = attributes;
        flags |= EXTENDED_STARTUPINFO_PRESENT;
    }

    std::wstring commandLine = launch.commandLine; // CreateProcessW may write into it
    std::wstring environment = launch.environment;
    PROCESS_INFORMATION info {};
    if (!CreateProcessW(nullptr, commandLine.data(), nullptr, nullptr, launch.inheritHandles, flags,
                        environment.empty() ? nullptr : environment.data(),
                        launch.workingDirectory.empty() ? nullptr : launch.workingDirectory.c_str(),
                        &startup.StartupInfo, &info))
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
