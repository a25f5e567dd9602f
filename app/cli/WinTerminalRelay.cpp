// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerminalRelay.h"

#include "ConsoleStreams.h"
#include "pty/Pty.h"

#include <QString>
#include <QWinEventNotifier>

#include <iterator>

#include <windows.h>

struct TerminalRelay::Console
{
    HANDLE input = GetStdHandle(STD_INPUT_HANDLE);
    HANDLE output = GetStdHandle(STD_OUTPUT_HANDLE);
    DWORD savedInputMode = 0;
    DWORD savedOutputMode = 0;
    bool restoreInput = false;
    bool restoreOutput = false;
    QWinEventNotifier *notifier = nullptr;
};

TerminalRelay::TerminalRelay(Pty *pty, QObject *parent)
    : QObject(parent)
    , m_pty(pty)
    , m_console(std::make_unique<Console>())
{
    // Raw input as VT sequences (no line editing, echo or Ctrl+C processing: the program gets the
    // keys, as with cfmakeraw), plus the console's resize events; the program's VT output drawn.
    if (GetConsoleMode(m_console->input, &m_console->savedInputMode))
        m_console->restoreInput =
            SetConsoleMode(m_console->input, ENABLE_VIRTUAL_TERMINAL_INPUT | ENABLE_WINDOW_INPUT) != 0;
    if (GetConsoleMode(m_console->output, &m_console->savedOutputMode))
        m_console->restoreOutput = SetConsoleMode(m_console->output,
                                                  m_console->savedOutputMode | ENABLE_PROCESSED_OUTPUT
                                                      | ENABLE_VIRTUAL_TERMINAL_PROCESSING
                                                      | DISABLE_NEWLINE_AUTO_RETURN)
                                   != 0;
    // A console input handle is signalled while input records are waiting.
    m_console->notifier = new QWinEventNotifier(m_console->input, this);
    connect(m_console->notifier, &QWinEventNotifier::activated, this, &TerminalRelay::readInput);
    connect(pty, &Pty::dataReceived, this, &TerminalRelay::writeOutput);
}

TerminalRelay::~TerminalRelay()
{
    if (m_console->restoreInput)
        SetConsoleMode(m_console->input, m_console->savedInputMode);
    if (m_console->restoreOutput)
        SetConsoleMode(m_console->output, m_console->savedOutputMode);
}

void TerminalRelay::updateSize()
{
    const auto [rows, columns] = ConsoleStreams::terminalSize();
    m_pty->resize(rows, columns);
}

void TerminalRelay::readInput()
{
    DWORD pending = 0;
    if (!GetNumberOfConsoleInputEvents(m_console->input, &pending)) {
        m_console->notifier->setEnabled(false);
        return;
    }
    if (pending == 0)
        return;
    INPUT_RECORD records[128];
    DWORD count = 0;
    if (!ReadConsoleInputW(m_console->input, records, DWORD(std::size(records)), &count)) {
        m_console->notifier->setEnabled(false);
        return;
    }
    // UTF-16 units, a surrogate pair in two records: collected first, converted once.
    QString typed;
    bool resized = false;
    for (DWORD i = 0; i < count; ++i) {
        const INPUT_RECORD &record = records[i];
        if (record.EventType == WINDOW_BUFFER_SIZE_EVENT) {
            resized = true;
        } else if (record.EventType == KEY_EVENT && record.Event.KeyEvent.bKeyDown
                   && record.Event.KeyEvent.uChar.UnicodeChar != 0) {
            const QChar unit(char16_t(record.Event.KeyEvent.uChar.UnicodeChar));
            typed += QString(qMax<int>(1, record.Event.KeyEvent.wRepeatCount), unit);
        }
    }
    if (!typed.isEmpty())
        m_pty->write(typed.toUtf8());
    if (resized)
        updateSize();
}

void TerminalRelay::writeOutput(const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        DWORD written = 0;
        if (!WriteFile(m_console->output, bytes.constData() + done, DWORD(bytes.size() - done), &written, nullptr)
            || written == 0)
            return;
        done += written;
    }
}
