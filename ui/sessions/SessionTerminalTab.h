// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessions/Session.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QProgressBar;
class TerminalWidget;

/// A session's terminal in a tab: while the session prepares, each step with a progress bar
/// (bytes, rate and time left of a download); once it runs, its terminal with the output so far.
class SessionTerminalTab : public QWidget
{
    Q_OBJECT

public:
    explicit SessionTerminalTab(Session *session, QWidget *parent = nullptr);

    Session *session() const { return m_session; }
    TerminalWidget *terminal() const { return m_terminal; }
    QString stepText() const;
    /// The line under the step: transfer figures, or the package install's latest output line.
    QString detailText() const;
    QProgressBar *progressBar() const { return m_progress; }

private:
    void onStateChanged();
    void onProgress(qint64 done, qint64 total, double bytesPerSecond, int etaSeconds);
    void attachTerminal();

    QPointer<Session> m_session;
    QWidget *m_preparation;
    QLabel *m_step;
    QProgressBar *m_progress;
    QLabel *m_detail;
    TerminalWidget *m_terminal;
    bool m_attached = false;
};
