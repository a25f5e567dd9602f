// SPDX-License-Identifier: GPL-3.0-or-later
#include "JobProcess.h"

#include <algorithm>
#include <iterator>
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

    JobObject::Launch launch;
    launch.commandLine = options.commandLine;
    launch.workingDirectory = options.workingDirectory;
    launch.environment = options.environment;
    launch.flags = CREATE_NEW_PROCESS_GROUP | (options.noWindow ? CREATE_NO_WINDOW : 0);
    std::copy(std::begin(standard), std::end(standard), launch.standardHandles);
    launch.inheritHandles = !inherited.empty();
    if (!inherited.empty())
        launch.attributes.push_back({PROC_THREAD_ATTRIBUTE_HANDLE_LIST, inherited.data(),
                                     inherited.size() * sizeof(HANDLE), "cannot limit the handles the program inherits"});
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
    return processExitCode(m_process);
}
