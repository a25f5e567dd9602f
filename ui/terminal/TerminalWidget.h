// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pty/Pty.h"

#include <QPointer>
#include <QWidget>

class QAction;
class QLabel;
class QScrollBar;
class TerminalFindBar;
class TerminalScreen;
class TerminalView;

/// A terminal a person can watch and drive: attach it to a Pty (several widgets may view one;
/// detaching never stops the program), or feed it earlier output to replay. Output cannot reach
/// the clipboard, type into the program (beyond numeric status replies) or change anything
/// outside the widget; a title it sets is only reported through titleChanged(), sanitised.
class TerminalWidget : public QWidget
{
    Q_OBJECT

public:
    explicit TerminalWidget(QWidget *parent = nullptr);
    ~TerminalWidget() override;

    void attach(Pty *pty);
    void detach();
    Pty *pty() const { return m_pty; }
    /// Replays output written before this widget attached (e.g. from a session log); queries in
    /// it are not answered.
    void feed(const QByteArray &bytes);
    /// Off for every view but one when several show the same program.
    void setAnswersQueries(bool answers);

    TerminalScreen *screen() const { return m_screen; }
    TerminalView *view() const { return m_view; }
    TerminalFindBar *findBar() const { return m_findBar; }
    QString title() const;
    QString statusText() const;

    void copy();
    void paste();
    void showFindBar();
    /// Selects the next match of @p text (backwards: towards older output); false when none.
    bool find(const QString &text, bool backwards);

Q_SIGNALS:
    void titleChanged(const QString &title);
    void finished(int exitCode, int signal);

private:
    void onFinished(int exitCode, int signal);
    void syncScrollBar();
    QAction *addShortcut(const QString &text, const QKeySequence &keys, void (TerminalWidget::*slot)());

    TerminalScreen *m_screen;
    TerminalView *m_view;
    QScrollBar *m_scrollBar;
    TerminalFindBar *m_findBar;
    QLabel *m_status;
    QPointer<Pty> m_pty;
    QList<QMetaObject::Connection> m_ptyConnections;
};
