// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConPty.h"

#include "WinCommandLine.h"
#include "win/PseudoConsoleProcess.h"

#include <QThread>
#include <QWinEventNotifier>

void ConPty::ThreadStopper::operator()(QThread *thread) const
{
    thread->wait();
    delete thread;
}

ConPty::ConPty(QObject *parent) : Pty(parent)
{
}

ConPty::~ConPty()
{
    if (m_process) {
        m_process->terminate(1);
        m_process->closeConsole(); // unblocks the reader
    }
    m_reader.reset();
}

Result<void> ConPty::start(const PtyStartOptions &options)
{
    if (m_process)
        return Error::busy(QStringLiteral("this terminal already runs a program; start another terminal"));
    PseudoConsoleProcess::Options win;
    win.commandLine = WinCommandLine::join(options.program, options.arguments);
    win.workingDirectory = options.workingDirectory.toStdWString();
    win.environment = WinCommandLine::environmentBlock(options.environment);
    win.rows = short(qBound(1, options.rows, 0x7fff));
    win.columns = short(qBound(1, options.columns, 0x7fff));
    m_process = std::make_unique<PseudoConsoleProcess>();
    if (const auto failed = m_process->start(win)) {
        m_process.reset();
        return Error::io(QStringLiteral("cannot start %1: %2").arg(options.program, QString::fromStdString(failed.message)));
    }
    setSize(win.rows, win.columns);
    m_running = true;

    PseudoConsoleProcess *process = m_process.get();
    m_reader.reset(QThread::create([this, process] {
        QByteArray buffer(64 * 1024, Qt::Uninitialized);
        while (const std::size_t n = process->read(buffer.data(), std::size_t(buffer.size())))
            QMetaObject::invokeMethod(this, [this, bytes = QByteArray(buffer.constData(), qsizetype(n))] {
                Q_EMIT dataReceived(bytes);
            });
        QMetaObject::invokeMethod(this, [this] {
            Q_EMIT outputClosed();
            Q_EMIT finished(m_exitCode, 0);
        });
    }));
    m_reader->setObjectName(QStringLiteral("conpty-reader"));
    m_reader->start();

    m_exitNotifier = new QWinEventNotifier(process->processHandle(), this);
    connect(m_exitNotifier, &QWinEventNotifier::activated, this, &ConPty::onProcessExited);
    return {};
}

void ConPty::onProcessExited()
{
    m_exitNotifier->setEnabled(false);
    m_running = false;
    m_exitCode = int(m_process->exitCode());
    // Closing the console flushes its last output and ends the reader, which then emits finished().
    m_process->closeConsole();
}

void ConPty::write(const QByteArray &bytes)
{
    if (m_process)
        m_process->write(bytes.constData(), std::size_t(bytes.size()));
}

void ConPty::resize(int rows, int columns)
{
    if (rows < 1 || columns < 1 || (rows == this->rows() && columns == this->columns()))
        return;
    setSize(rows, columns);
    if (m_process)
        m_process->resize(short(qMin(rows, 0x7fff)), short(qMin(columns, 0x7fff)));
    Q_EMIT resized(rows, columns);
}

void ConPty::kill()
{
    if (m_process && m_running)
        m_process->terminate(128 + 9); // reported as killed by SIGKILL, as on Linux
}

void ConPty::hangUp()
{
    if (m_process)
        m_process->closeConsole(); // console clients receive CTRL_CLOSE_EVENT
}

qint64 ConPty::processId() const
{
    return m_process ? qint64(m_process->processId()) : 0;
}

bool ConPty::isRunning() const
{
    return m_running;
}
