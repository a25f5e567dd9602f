// SPDX-License-Identifier: GPL-3.0-or-later
#include "UnixSessionProcess.h"

#include "pty/Pty.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSocketNotifier>

#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <linux/close_range.h>
#include <unistd.h>

UnixSessionProcess::UnixSessionProcess(QObject *parent)
    : SessionProcess(parent)
{
}

UnixSessionProcess::~UnixSessionProcess()
{
    closeStatus();
}

Result<void> UnixSessionProcess::start(const LaunchCommand &command, const StartOptions &options)
{
    if (m_pty || m_process)
        return Error::busy(QStringLiteral("this session's launcher was started already"));
    int pipeFds[2] = {-1, -1};
    if (::pipe2(pipeFds, O_CLOEXEC | O_NONBLOCK) != 0)
        return Error::io(QStringLiteral("cannot create the status pipe: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    m_statusRead = pipeFds[0];
    m_statusNotifier = new QSocketNotifier(m_statusRead, QSocketNotifier::Read, this);
    connect(m_statusNotifier, &QSocketNotifier::activated, this, &UnixSessionProcess::readStatus);

    const Result<void> started =
        options.terminal ? startTerminal(command, options, pipeFds[1]) : startInherited(command, pipeFds[1]);
    // The child has its copy; ours would keep the pipe open after the launcher is gone.
    ::close(pipeFds[1]);
    if (!started)
        closeStatus();
    return started;
}

Result<void> UnixSessionProcess::startTerminal(const LaunchCommand &command, const StartOptions &options, int statusFd)
{
    Pty *pty = Pty::create(this);
    PtyStartOptions terminal = ptyOptions(command, options);
    terminal.statusFd = statusFd;
    if (Result<void> started = pty->start(terminal); !started) {
        pty->deleteLater();
        return started;
    }
    m_pty = pty;
    connect(pty, &Pty::dataReceived, this, &SessionProcess::output);
    connect(pty, &Pty::finished, this, &UnixSessionProcess::onEnded);
    return {};
}

Result<void> UnixSessionProcess::startInherited(const LaunchCommand &command, int statusFd)
{
    m_process = new QProcess(this);
    m_process->setProgram(command.program);
    m_process->setArguments(command.arguments);
    m_process->setProcessEnvironment(processEnvironment(command.environment));
    if (!command.workingDirectory.isEmpty())
        m_process->setWorkingDirectory(command.workingDirectory);
    m_process->setProcessChannelMode(QProcess::ForwardedChannels);
    m_process->setInputChannelMode(QProcess::ForwardedInputChannel);
    m_process->setChildProcessModifier([statusFd] {
        // Qt 6.4 does not close inherited descriptors: only 0-2 and the status pipe may pass.
        ::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
        if (statusFd == 3)
            ::fcntl(3, F_SETFD, 0);
        else
            ::dup2(statusFd, 3);
    });
    connect(m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        onEnded(status == QProcess::NormalExit ? code : 0, status == QProcess::CrashExit ? code : 0);
    });
    m_process->start();
    if (!m_process->waitForStarted(-1)) {
        const QString why = m_process->errorString();
        m_process->deleteLater();
        m_process = nullptr;
        return Error::notFound(QStringLiteral("cannot start %1: %2").arg(command.program, why));
    }
    return {};
}

qint64 UnixSessionProcess::processId() const
{
    if (m_pty)
        return m_pty->processId();
    return m_process ? m_process->processId() : 0;
}

bool UnixSessionProcess::isRunning() const
{
    if (m_pty)
        return m_pty->isRunning();
    return m_process && m_process->state() != QProcess::NotRunning;
}

void UnixSessionProcess::terminate(int signal)
{
    if (isRunning())
        ::kill(pid_t(processId()), signal);
}

void UnixSessionProcess::kill()
{
    terminate(SIGKILL);
}

void UnixSessionProcess::readStatus()
{
    if (m_statusRead < 0)
        return;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(m_statusRead, buffer, sizeof buffer);
        if (n <= 0) {
            if (n == 0 && m_statusNotifier)
                m_statusNotifier->setEnabled(false);
            break;
        }
        m_statusBuffer.append(buffer, n);
    }
    qsizetype newline;
    while ((newline = m_statusBuffer.indexOf('\n')) >= 0) {
        const QJsonObject status = QJsonDocument::fromJson(m_statusBuffer.left(newline)).object();
        m_statusBuffer.remove(0, newline + 1);
        if (status.contains(QLatin1String("pid")))
            Q_EMIT containerStarted(status.value(QLatin1String("pid")).toInteger());
        if (status.contains(QLatin1String("error")))
            Q_EMIT runtimeError(status.value(QLatin1String("error")).toString());
    }
}

void UnixSessionProcess::onEnded(int exitCode, int signal)
{
    // The launcher's last words (an error) may still sit in the pipe.
    readStatus();
    Q_EMIT finished(exitCode, signal);
}

void UnixSessionProcess::closeStatus()
{
    delete m_statusNotifier;
    m_statusNotifier = nullptr;
    if (m_statusRead >= 0)
        ::close(m_statusRead);
    m_statusRead = -1;
}
