// SPDX-License-Identifier: GPL-3.0-or-later
#include "PseudoConsoleProcess.h"

PseudoConsoleProcess::~PseudoConsoleProcess()
{
    closeConsole();
    closeWin32Handle(m_input);
    closeWin32Handle(m_output);
    closeWin32Handle(m_process);
}

PseudoConsoleProcess::Failure PseudoConsoleProcess::start(const Options &options)
{
    HANDLE consoleInput = nullptr;
    HANDLE consoleOutput = nullptr;
    if (!CreatePipe(&consoleInput, &m_input, nullptr, 0))
        return Failure::lastError("cannot create the console input pipe");
    if (!CreatePipe(&m_output, &consoleOutput, nullptr, 0)) {
        closeWin32Handle(consoleInput);
        return Failure::lastError("cannot create the console output pipe");
    }
    const HRESULT created =
        CreatePseudoConsole(COORD {options.columns, options.rows}, consoleInput, consoleOutput, 0, &m_console);
    // The console duplicated both ends; ours would keep the output pipe open after it closes.
    closeWin32Handle(consoleInput);
    closeWin32Handle(consoleOutput);
    if (FAILED(created)) {
        SetLastError(DWORD(HRESULT_CODE(created)));
        return Failure::lastError("cannot create a pseudo console (Windows 10 1809 or later is needed)");
    }

    if (Failure failed = m_job.create())
        return failed;

    // The handles stay null: the program's standard streams are the pseudo console, not ours.
    JobObject::Launch launch;
    launch.commandLine = options.commandLine;
    launch.workingDirectory = options.workingDirectory;
    launch.environment = options.environment;
    launch.attributes.push_back({PROC_THREAD_ATTRIBUTE_PSEUDOCONSOLE, m_console, sizeof m_console,
                                 "cannot attach the pseudo console to the process"});
    JobObject::Started started;
    if (Failure failed = m_job.start(launch, started))
        return failed;
    m_process = started.process;
    m_processId = started.processId;
    return {};
}

std::size_t PseudoConsoleProcess::read(void *buffer, std::size_t size)
{
    DWORD count = 0;
    if (!m_output || !ReadFile(m_output, buffer, DWORD(size), &count, nullptr))
        return 0;
    return count;
}

bool PseudoConsoleProcess::write(const void *bytes, std::size_t size)
{
    const auto *cursor = static_cast<const char *>(bytes);
    while (size > 0) {
        DWORD written = 0;
        if (!m_input || !WriteFile(m_input, cursor, DWORD(size), &written, nullptr))
            return false;
        cursor += written;
        size -= written;
    }
    return true;
}

bool PseudoConsoleProcess::resize(short rows, short columns)
{
    return m_console && SUCCEEDED(ResizePseudoConsole(m_console, COORD {columns, rows}));
}

void PseudoConsoleProcess::closeConsole()
{
    if (m_console) {
        ClosePseudoConsole(m_console);
        m_console = nullptr;
    }
}

void PseudoConsoleProcess::terminate(DWORD exitCode)
{
    m_job.terminate(exitCode);
}

DWORD PseudoConsoleProcess::exitCode() const
{
    return processExitCode(m_process);
}
