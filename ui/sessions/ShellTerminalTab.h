// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"
#include "launch/LaunchSpec.h"

#include <QWidget>

class TerminalWidget;
class UnixPty;

/// A second terminal inside a running session: a shell started through the backend's enter
/// command on a terminal this tab owns. Closing the tab hangs the shell up; the session goes on.
class ShellTerminalTab : public QWidget
{
    Q_OBJECT

public:
    explicit ShellTerminalTab(QWidget *parent = nullptr);
    ~ShellTerminalTab() override;

    Result<void> start(const LaunchCommand &command);
    TerminalWidget *terminal() const { return m_terminal; }

private:
    TerminalWidget *m_terminal;
    UnixPty *m_pty;
};
