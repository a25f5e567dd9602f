// SPDX-License-Identifier: GPL-3.0-or-later
#include "WinSessionProcess.h"

#include "pty/Pty.h"
#include "pty/WinCommandLine.h"
#include "win/JobProcess.h"

#include <QWinEventNotifier>

WinSessionProcess::WinSessionProcess(QObject *parent)
    : SessionProcess(parent)
{
}

WinSessionProcess::~WinSessionProcess() = default;

Result<void> WinSessionProcess::start(const LaunchCommand &command, const StartOptions &options)
{
    if (m_pty || m_job)
        return Error::busy(QStringLiteral("this session's launcher was started already"));
    if (options.terminal) {
        Pty *pty = Pty::create(this);
        if (Result<void> started = pty->start(ptyOptions(command, options)); !started) {
            pty->deleteLater();
            return started;
        }
        m_pty = pty;
        connect(pty, &Pty::dataReceived, this, &SessionProcess::output);
        connect(pty, &Pty::finished, this, &SessionProcess::finished);
        return {};
    }

    JobProcess::Options win;
    win.commandLine = WinCommandLine::join(command.program, command.arguments);
    win.workingDirectory = command.workingDirectory.toStdWString();
    win.environment = WinCommandLine::environmentBlock(processEnvironment(command.environment));
    // A GUI manager has no console: wsl.exe would open a window of its own.
    win.noWindow = GetConsoleWindow() == nullptr;
    auto job = std::make_unique<JobProcess>();
    if (const Win32Failure failed = job->start(win))
        return Error::notFound(QStringLiteral("cannot start %1: %2").arg(command.program, QString::fromStdString(failed.message)));
    m_job = std::move(job);
    m_running = true;
    m_exitNotifier = new QWinEventNotifier(m_job->processHandle(), this);
    connect(m_exitNotifier, &QWinEventNotifier::activated, this, &WinSessionProcess::onJobProcessExited);
    return {};
}

void WinSessionProcess::onJobProcessExited()
{
    m_exitNotifier->setEnabled(false);
    m_running = false;
    Q_EMIT finished(int(m_job->exitCode()), 0);
}

qint64 WinSessionProcess::processId() const
{
    if (m_pty)
        return m_pty->processId();
    return m_job ? qint64(m_job->processId()) : 0;
}

bool WinSessionProcess::isRunning() const
{
    if (m_pty)
        return m_pty->isRunning();
    return m_running;
}

void WinSessionProcess::terminate(int signal)
{
    if (!isRunning())
        return;
    if (m_pty)
        m_pty->hangUp();
    else if (!m_job->interrupt())
        m_job->terminate(DWORD(128 + signal));
}

void WinSessionProcess::kill()
{
    if (!isRunning())
        return;
    if (m_pty)
        m_pty->kill();
    else
        m_job->terminate(128 + 9); // reported as killed by SIGKILL, as on Linux
}
