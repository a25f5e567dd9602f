// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QByteArray>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

/// What to start on a pseudo terminal.
struct PtyStartOptions
{
    QString program;
    QStringList arguments;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString workingDirectory; ///< empty: the caller's
    int rows = 24;
    int columns = 80;
    /// A descriptor the program gets as fd 3 (a launcher's status pipe); -1 for none.
    int statusFd = -1;
};

/// A program running on a pseudo terminal (openpty on Unix, a pseudo console on Windows).
/// Output arrives as dataReceived() on the thread the Pty lives in; reading happens elsewhere.
/// outputClosed() (every holder of the terminal closed it) and finished() (the program exited)
/// are separate events: a background child may keep the terminal open after its parent exits.
/// Every byte read before the program exited is delivered before finished().
class Pty : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    /// This platform's terminal: a UnixPty, or a ConPty on Windows.
    static Pty *create(QObject *parent = nullptr);

    virtual Result<void> start(const PtyStartOptions &options) = 0;
    virtual void write(const QByteArray &bytes) = 0;
    /// The new size reaches the program (TIOCSWINSZ / ResizePseudoConsole, which sends SIGWINCH).
    virtual void resize(int rows, int columns) = 0;
    /// Asks the program to end (SIGHUP to its process group, like closing a terminal window).
    virtual void hangUp() = 0;
    /// Ends the program now (SIGKILL; on Windows its job, with every process it started).
    virtual void kill() = 0;
    virtual qint64 processId() const = 0;
    virtual bool isRunning() const = 0;
    int rows() const { return m_rows; }
    int columns() const { return m_columns; }

Q_SIGNALS:
    void dataReceived(const QByteArray &bytes);
    void outputClosed();
    /// exitCode is the program's status when it exited, signal the number that killed it (or 0).
    void finished(int exitCode, int signal);
    void resized(int rows, int columns);

protected:
    void setSize(int rows, int columns)
    {
        m_rows = rows;
        m_columns = columns;
    }

private:
    int m_rows = 24;
    int m_columns = 80;
};
