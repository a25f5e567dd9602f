// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "launch/LaunchSpec.h"

#include <QWidget>

class MessageBar;
class NewSessionDialog;
class QAction;
class QTabWidget;
class QTableView;
class Session;
class SessionListModel;
class SessionManager;
class SessionTerminalTab;
class Settings;
class ShellTerminalTab;
struct SessionRecord;

/// The sessions of this process and of others: a table with New, Stop, Open terminal, Open shell
/// and Save log, and this process's terminals as tabs below it. It only forwards: SessionManager,
/// Session and SessionListModel decide.
class SessionsView : public QWidget
{
    Q_OBJECT

public:
    SessionsView(SessionManager *manager, Settings *settings, QWidget *parent = nullptr);

    SessionListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QTabWidget *tabs() const { return m_tabs; }
    MessageBar *messageBar() const { return m_messages; }
    QAction *newAction() const { return m_new; }
    QAction *stopAction() const { return m_stop; }
    QAction *openTerminalAction() const { return m_openTerminal; }
    QAction *openShellAction() const { return m_openShell; }
    QAction *saveLogAction() const { return m_saveLog; }

    /// The New Session dialog (non-modal); its Start starts the session.
    NewSessionDialog *showNewSessionDialog();
    /// The terminal tab of @p session, opened (and made current) if it was not.
    SessionTerminalTab *openTerminal(Session *session);
    /// A shell inside the running @p session in a new tab, or nullptr with the reason shown.
    ShellTerminalTab *openShell(Session *session);
    /// Writes what @p session has written so far to @p path off the GUI thread; the outcome is
    /// shown in the message bar.
    void saveLog(Session *session, const QString &path);
    /// The same for the session @p id another process runs, from its log file.
    void saveForeignLog(const QString &id, const QString &path);
    /// A shell inside another process's running session, in a new tab once the backend has
    /// been found (off the GUI thread); shellOpened() tells when.
    void openForeignShell(const SessionRecord &record);

Q_SIGNALS:
    /// A log was written (or failed to be), for whoever waits on it.
    void logSaved(const QString &path, bool ok);
    /// openForeignShell() opened its tab (nullptr when the shell could not start).
    void shellOpened(ShellTerminalTab *tab);

private:
    Session *currentSession() const;
    void startFromDialog(NewSessionDialog *dialog);
    void updateActions();
    void chooseLogFile();
    void closeTab(int index);
    ShellTerminalTab *addShellTab(const LaunchCommand &command, const QString &id);
    void writeLog(const QByteArray &log, const QString &path);

    SessionManager *m_manager;
    Settings *m_settings;
    SessionListModel *m_model;
    MessageBar *m_messages;
    QTableView *m_table;
    QTabWidget *m_tabs;
    QAction *m_new;
    QAction *m_stop;
    QAction *m_openTerminal;
    QAction *m_openShell;
    QAction *m_saveLog;
};
