// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class MainWindow;
class SessionManager;
class Settings;
class TrayMonitor;

/// The desktop faces of one process put together: the main window and, where a tray host
/// exists, the tray monitor. Closing the window keeps the program in the tray; without a tray it
/// quits as usual. Quitting stops the running sessions first.
class Desktop : public QObject
{
    Q_OBJECT

public:
    Desktop(SessionManager *sessions, Settings *settings, QObject *parent = nullptr);
    ~Desktop() override;

    /// Shows the window, or with @p startInTray only the tray icon (when there is a tray).
    void start(bool startInTray);

    MainWindow *window() const { return m_window; }
    /// nullptr when this desktop has no system tray.
    TrayMonitor *tray() const { return m_tray; }

    /// Stops every running session, then quits the application once they have ended.
    void quit();

Q_SIGNALS:
    /// Emitted just before the application is asked to quit.
    void quitting();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showWindow();

    SessionManager *m_sessions;
    MainWindow *m_window;
    TrayMonitor *m_tray = nullptr;
    bool m_quitting = false;
    bool m_toldAboutTray = false;
};
