// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "TrayStatus.h"

#include <QIcon>
#include <QObject>

class QMenu;
class QMessageBox;
class QSystemTrayIcon;

/// The system-tray face: an icon whose tooltip and badge count the running sessions, a menu
/// listing them (click opens the terminal) with New Session, Cleanup, Show window and Quit, and
/// a notification when a session exits or fails. It decides nothing; it shows TrayStatus and
/// forwards choices as signals.
class TrayMonitor : public QObject
{
    Q_OBJECT

public:
    explicit TrayMonitor(SessionManager *sessions, QObject *parent = nullptr);
    ~TrayMonitor() override;

    static bool isAvailable();
    void show();
    QMenu *menu() const { return m_menu; }
    QSystemTrayIcon *icon() const { return m_icon; }
    TrayStatus *status() const { return m_status; }
    /// The icon for @p state with @p count drawn on it as a badge (no badge for 0).
    static QIcon iconFor(TrayStatus::IconState state, int count);

Q_SIGNALS:
    void showWindowRequested();
    void newSessionRequested();
    void cleanupRequested();
    void openSessionRequested(Session *session);
    /// Quit was chosen and, when sessions run, confirmed.
    void quitRequested();

private:
    void refresh();
    void rebuildMenu();
    void askToQuit();

    TrayStatus *m_status;
    QMenu *m_menu;
    QSystemTrayIcon *m_icon;
    QMessageBox *m_quitQuestion = nullptr;
};
