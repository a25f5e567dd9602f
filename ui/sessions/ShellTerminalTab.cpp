// SPDX-License-Identifier: GPL-3.0-or-later
#include "ShellTerminalTab.h"

#include "pty/UnixPty.h"
#include "terminal/TerminalScreen.h"
#include "terminal/TerminalWidget.h"

#include <QVBoxLayout>

ShellTerminalTab::ShellTerminalTab(QWidget *parent)
    : QWidget(parent)
    , m_terminal(new TerminalWidget(this))
    , m_pty(new UnixPty(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_terminal);
}

ShellTerminalTab::~ShellTerminalTab()
{
    m_terminal->detach();
    if (m_pty->isRunning())
        m_pty->hangUp();
}

Result<void> ShellTerminalTab::start(const LaunchCommand &command)
{
    PtyStartOptions options;
    options.program = command.program;
    options.arguments = command.arguments;
    if (!command.environment.isEmpty()) {
        options.environment = QProcessEnvironment();
        for (const QString &pair : command.environment) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            if (eq > 0)
                options.environment.insert(pair.left(eq), pair.mid(eq + 1));
        }
    }
    options.workingDirectory = command.workingDirectory;
    options.rows = m_terminal->screen()->rows();
    options.columns = m_terminal->screen()->columns();
    m_terminal->attach(m_pty);
    if (Result<void> started = m_pty->start(options); !started) {
        m_terminal->detach();
        return started;
    }
    m_terminal->setFocus();
    return {};
}
