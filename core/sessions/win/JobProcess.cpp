// SPDX-License-Identifier: GPL-3.0-or-later
#include "JobProcess.h"

#include <memory>
#include <type_traits>
#include <vector>

JobProcess::~JobProcess()
{
    m_job.close();
    closeWin32Handle(m_process);
}

Win32Failure JobProcess::start(const Options &options)
{
    if (Win32Failure failed = m_job.create())
        return failed;

    // Only the three standard handles may pass: bInheritHandles alone would hand the child every
    // inheritable handle of the manager (other sessions' pipes among them).
    std::vector<HANDLE> inherited;
    const DWORD kinds[] = {STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE};
    HANDLE standard[3] = {};
    for (int i = 0; i < 3; ++i) {
        standard[i] = GetStdHandle(kinds[i]);
        if (!standard[i] || standard[i] == INVALID_HANDLE_VALUE)
            continue;
        SetHandleInformation(standard[i], HANDLE_FLAG_INHERIT, HANDLE_FLAG_INHERIT);
        bool seen = false;
        for (HANDLE h : inherited)
            seen = seen || h == standard[i];
        if (!seen)
            inherited.push_back(standard[i]);
    }

    SIZE_T attributeSize = 0;
    InitializeProcThreadAttributeList(nullptr, 1, 0, &attributeSize);
    std::vector<unsigned char> attributeStorage(attributeSize);
    auto *attributes = reinterpret_cast<LPPROC_THREAD_ATTRIBUTE_LIST>(attributeStorage.data());
    if (!InitializeProcThreadAttributeList(attributes, 1, 0, &attributeSize))
        return Win32Failure::lastError("cannot prepare the process attributes");
    std::unique_ptr<std::remove_pointer_t<LPPROC_THREAD_ATTRIBUTE_LIST>, decltype(&DeleteProcThreadAttributeList)>
        attributeGuard(attributes, &DeleteProcThreadAttributeList);
    if (!inherited.empty()
        && !UpdateProcThreadAttribute(attributes, 0, PROC_THREAD_ATTRIBUTE_HANDLE_LIST, inherited.data(),
                                      inherited.size() * sizeof(HANDLE), nullptr, nullptr))
        return Win32Failure::lastError("cannot limit the handles the program inherits");

    STARTUPINFOEXW startup {};
    startup.StartupInfo.cb = sizeof startup;
    startup.StartupInfo.dwFlags = STARTF_USESTDHANDLES;
    startup.StartupInfo.hStdInput = standard[0];
    startup.StartupInfo.hStdOutput = standard[1];
    startup.StartupInfo.hStdError = standard[2];
    startup.lpAttributeList = attributes;

    DWORD flags = EXTENDED_STARTUPINFO_PRESENT | CREATE_NEW_PROCESS_GROUP;
    if (options.noWindow)
        flags |= CREATE_NO_WINDOW;
    JobObject::Launch launch {options.commandLine, options.workingDirectory, options.environment, flags,
                              !inherited.empty(), &startup.StartupInfo};
    JobObject::Started started;
    if (Win32Failure failed = m_job.start(launch, started))
        return failed;
    m_process = started.process;
    m_processId = started.processId;
    return {};
}

bool JobProcess::interrupt()
{
    return m_processId != 0 && GenerateConsoleCtrlEvent(CTRL_BREAK_EVENT, m_processId);
}

void JobProcess::terminate(DWORD exitCode)
{
    m_job.terminate(exitCode);
}

DWORD JobProcess::exitCode() const
{
    DWORD code = STILL_ACTIVE;
    if (m_process)
        GetExitCodeProcess(m_process, &code);
    return code;
}
