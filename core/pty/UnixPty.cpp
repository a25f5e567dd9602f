// SPDX-License-Identifier: GPL-3.0-or-later
#include "UnixPty.h"

#include "ExitCode.h"
#include "Logging.h"
#include "PtyReader.h"

#include <QDir>
#include <QFileInfo>
#include <QSocketNotifier>
#include <QStandardPaths>
#include <QThread>
#include <QTimer>

#include <array>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <linux/close_range.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

namespace {

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

winsize windowSize(int rows, int columns)
{
    winsize size {};
    size.ws_row = static_cast<unsigned short>(qBound(1, rows, 0xffff));
    size.ws_col = static_cast<unsigned short>(qBound(1, columns, 0xffff));
    return size;
}

struct TerminalPair
{
    int master = -1;
    int slave = -1;
};

// posix_openpt rather than openpty(3): it takes O_CLOEXEC, so no other thread's fork can
// inherit the descriptors in the window before FD_CLOEXEC could be set.
Result<TerminalPair> openTerminal(int rows, int columns)
{
    TerminalPair pair;
    pair.master = ::posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC | O_NONBLOCK);
    if (pair.master < 0)
        return Error::unsupported(QStringLiteral("cannot open a pseudo terminal (/dev/ptmx): %1; is devpts mounted?")
                                      .arg(errnoText()));
    std::array<char, 128> name {};
    if (::grantpt(pair.master) != 0 || ::unlockpt(pair.master) != 0
        || ::ptsname_r(pair.master, name.data(), name.size()) != 0) {
        const QString reason = errnoText();
        ::close(pair.master);
        return Error::io(QStringLiteral("cannot unlock the pseudo terminal: %1").arg(reason));
    }
    pair.slave = ::open(name.data(), O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (pair.slave < 0) {
        const QString reason = errnoText();
        ::close(pair.master);
        return Error::io(QStringLiteral("cannot open %1: %2").arg(QString::fromLocal8Bit(name.data()), reason));
    }
    termios attributes {};
    if (::tcgetattr(pair.slave, &attributes) == 0) {
        attributes.c_iflag |= IUTF8; // line editing erases whole UTF-8 characters
        ::tcsetattr(pair.slave, TCSANOW, &attributes);
    }
    const winsize size = windowSize(rows, columns);
    ::ioctl(pair.master, TIOCSWINSZ, &size);
    return pair;
}

QString findProgram(const PtyStartOptions &options)
{
    if (options.program.contains(QLatin1Char('/'))) {
        const QFileInfo info(QDir(options.workingDirectory).absoluteFilePath(options.program));
        return info.isFile() && info.isExecutable() ? info.absoluteFilePath() : QString();
    }
    const QStringList path =
        options.environment.value(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin")).split(QLatin1Char(':'));
    return QStandardPaths::findExecutable(options.program, path);
}

} // namespace

void UnixPty::ThreadStopper::operator()(QThread *thread) const
{
    thread->quit();
    thread->wait();
    delete thread;
}

UnixPty::UnixPty(QObject *parent) : Pty(parent)
{
}

UnixPty::~UnixPty()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        disconnect(m_process, nullptr, this, nullptr);
        hangUp();
        m_process->kill();
        m_process->waitForFinished(1000);
    }
    m_thread.reset(); // the reader is deleted on its own thread before the descriptor closes
    if (m_master >= 0)
        ::close(m_master);
}

Result<void> UnixPty::start(const PtyStartOptions &options)
{
    if (m_process)
        return Error::busy(QStringLiteral("this terminal already runs a program; start another terminal"));
    const QString program = findProgram(options);
    if (program.isEmpty())
        return Error::notFound(QStringLiteral("cannot start %1: no such program (searched PATH of its environment)")
                                   .arg(options.program));

    Result<TerminalPair> pair = openTerminal(options.rows, options.columns);
    if (!pair)
        return pair.error();
    m_master = pair->master;
    const int slave = pair->slave;
    setSize(qMax(1, options.rows), qMax(1, options.columns));

    m_process = new QProcess(this);
    m_process->setProgram(program);
    m_process->setArguments(options.arguments);
    m_process->setProcessEnvironment(options.environment);
    if (!options.workingDirectory.isEmpty())
        m_process->setWorkingDirectory(options.workingDirectory);
    // No pipes: the child's stdio become the terminal in the modifier below.
    m_process->setProcessChannelMode(QProcess::ForwardedChannels);
    m_process->setInputChannelMode(QProcess::ForwardedInputChannel);
    // Runs in the forked child before exec: async-signal-safe calls on values captured here only.
    const int statusFd = options.statusFd;
    m_process->setChildProcessModifier([slave, statusFd] {
        static constexpr char kFailed[] = "scorpiox: cannot make the pseudo terminal the controlling terminal\n";
        if (::setsid() < 0 || ::ioctl(slave, TIOCSCTTY, 0) < 0 || ::dup2(slave, STDIN_FILENO) < 0
            || ::dup2(slave, STDOUT_FILENO) < 0 || ::dup2(slave, STDERR_FILENO) < 0) {
            [[maybe_unused]] const ssize_t ignored = ::write(slave, kFailed, sizeof kFailed - 1);
            ::_exit(ExitCode::RuntimeFailed);
        }
        // Qt 6.4 does not close inherited descriptors; mark every one close-on-exec so none leaks
        // (QProcess still needs its own status pipe until exec).
        ::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
        // The one descriptor meant to pass: dup2 clears close-on-exec on the copy.
        if (statusFd == 3)
            ::fcntl(3, F_SETFD, 0);
        else if (statusFd >= 0)
            ::dup2(statusFd, 3);
        struct sigaction defaultAction {};
        defaultAction.sa_handler = SIG_DFL;
        for (int signal = 1; signal < NSIG; ++signal)
            ::sigaction(signal, &defaultAction, nullptr);
        sigset_t none;
        ::sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
    });
    connect(m_process, &QProcess::finished, this, &UnixPty::onProcessFinished);
    connect(m_process, &QProcess::errorOccurred, this, &UnixPty::onProcessError);

    m_thread.reset(new QThread);
    m_thread->setObjectName(QStringLiteral("pty-reader"));
    m_reader = new PtyReader(m_master);
    m_reader->moveToThread(m_thread.get());
    connect(m_thread.get(), &QThread::finished, m_reader, &QObject::deleteLater);
    m_deliveryTimer = new QTimer(this);
    m_deliveryTimer->setSingleShot(true);
    m_deliveryTimer->setInterval(0);
    connect(m_deliveryTimer, &QTimer::timeout, this, &UnixPty::deliverOutput);
    connect(m_reader, &PtyReader::readyRead, this, &UnixPty::deliverOutput);
    connect(m_reader, &PtyReader::closed, this, &Pty::outputClosed);
    connect(m_reader, &PtyReader::drained, this, [this] {
        m_drained = true;
        finishWhenDelivered();
    });
    m_thread->start();
    QMetaObject::invokeMethod(m_reader, &PtyReader::startReading);

    m_running = true;
    m_process->start();
    // The child holds its own copy now; keeping ours would hide EOF from the reader.
    ::close(slave);
    return {};
}

void UnixPty::write(const QByteArray &bytes)
{
    if (m_master < 0 || bytes.isEmpty())
        return;
    m_pendingWrites += bytes;
    flushPendingWrites();
}

void UnixPty::flushPendingWrites()
{
    while (!m_pendingWrites.isEmpty()) {
        const ssize_t n = ::write(m_master, m_pendingWrites.constData(), size_t(m_pendingWrites.size()));
        if (n > 0) {
            m_pendingWrites.remove(0, n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            // The program is not reading: wait for room instead of blocking the caller's thread.
            if (!m_writeNotifier) {
                m_writeNotifier = new QSocketNotifier(m_master, QSocketNotifier::Write, this);
                connect(m_writeNotifier, &QSocketNotifier::activated, this, &UnixPty::flushPendingWrites);
            }
            m_writeNotifier->setEnabled(true);
            return;
        }
        qCWarning(lcPty, "writing to the terminal failed: %s", std::strerror(errno));
        m_pendingWrites.clear();
        break;
    }
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(false);
}

void UnixPty::resize(int rows, int columns)
{
    if (rows < 1 || columns < 1 || (rows == this->rows() && columns == this->columns()))
        return;
    setSize(rows, columns);
    if (m_master >= 0) {
        const winsize size = windowSize(rows, columns);
        if (::ioctl(m_master, TIOCSWINSZ, &size) != 0)
            qCWarning(lcPty, "cannot resize the terminal: %s", std::strerror(errno));
    }
    Q_EMIT resized(rows, columns);
}

void UnixPty::hangUp()
{
    const qint64 pid = processId();
    if (pid > 0)
        ::kill(-pid_t(pid), SIGHUP); // the program leads its own session and process group
}

void UnixPty::kill()
{
    const qint64 pid = processId();
    if (pid > 0 && m_running)
        ::kill(pid_t(pid), SIGKILL);
}

qint64 UnixPty::processId() const
{
    return m_process ? m_process->processId() : 0;
}

bool UnixPty::isRunning() const
{
    return m_running;
}

void UnixPty::deliverOutput()
{
    // A 0 ms timer between slices rather than a loop: the event loop handles input, timers and
    // paints in between, and a reader thread posting faster than we parse cannot starve it.
    const QByteArray slice = m_reader->take(PtyReader::kChunk);
    if (!slice.isEmpty())
        Q_EMIT dataReceived(slice);
    if (m_reader->hasBuffered())
        m_deliveryTimer->start();
    else
        finishWhenDelivered();
}

void UnixPty::finishWhenDelivered()
{
    if (!m_drained || m_finishedEmitted || m_reader->hasBuffered())
        return;
    m_finishedEmitted = true;
    Q_EMIT finished(m_exitCode, m_exitSignal);
}

void UnixPty::onProcessFinished(int exitCode, QProcess::ExitStatus status)
{
    m_running = false;
    // For a crash QProcess reports the terminating signal's number as the exit code.
    m_exitCode = status == QProcess::NormalExit ? exitCode : 0;
    m_exitSignal = status == QProcess::CrashExit ? exitCode : 0;
    QMetaObject::invokeMethod(m_reader, &PtyReader::drain);
}

void UnixPty::onProcessError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return;
    const QByteArray message = "scorpiox: cannot execute " + m_process->program().toLocal8Bit() + ": "
                               + m_process->errorString().toLocal8Bit() + "\r\n";
    qCWarning(lcPty, "%s", message.trimmed().constData());
    m_running = false;
    Q_EMIT dataReceived(message);
    m_exitCode = ExitCode::CannotExecute;
    m_exitSignal = 0;
    QMetaObject::invokeMethod(m_reader, &PtyReader::drain);
}
