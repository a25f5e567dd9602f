// SPDX-License-Identifier: GPL-3.0-or-later
#include "Desktop.h"

#include "MainWindow.h"
#include "sessions/SessionManager.h"
#include "sessions/SessionsView.h"
#include "tray/TrayMonitor.h"

#include <QApplication>
#include <QCloseEvent>
#include <QSystemTrayIcon>
#include <QTimer>

Desktop::Desktop(SessionManager *sessions, Settings *settings, QObject *parent)
    : QObject(parent)
    , m_sessions(sessions)
    , m_window(new MainWindow(sessions, settings))
{
    m_window->installEventFilter(this);
    if (TrayMonitor::isAvailable()) {
        m_tray = new TrayMonitor(sessions, this);
        connect(m_tray, &TrayMonitor::showWindowRequested, this, &Desktop::showWindow);
        connect(m_tray, &TrayMonitor::newSessionRequested, this, [this] {
            showWindow();
            m_window->showPage(MainWindow::SessionsPage);
            m_window->sessionsView()->showNewSessionDialog();
        });
        connect(m_tray, &TrayMonitor::cleanupRequested, this, [this] {
            showWindow();
            m_window->showPage(MainWindow::CleanupPage);
        });
        connect(m_tray, &TrayMonitor::openSessionRequested, this, [this](Session *session) {
            showWindow();
            m_window->showPage(MainWindow::SessionsPage);
            m_window->sessionsView()->openTerminal(session);
        });
        connect(m_tray, &TrayMonitor::quitRequested, this, &Desktop::quit);
    }
}

Desktop::~Desktop()
{
    delete m_window;
}

void Desktop::start(bool startInTray)
{
    if (m_tray)
        m_tray->show();
    if (!startInTray || !m_tray)
        showWindow();
}

void Desktop::showWindow()
{
    m_window->show();
    m_window->raise();
    m_window->activateWindow();
}

bool Desktop::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window || event->type() != QEvent::Close || m_quitting)
        return QObject::eventFilter(watched, event);
    if (m_tray) {
        // The window goes; the program keeps watching its sessions from the tray.
        event->ignore();
        m_window->hide();
        if (!m_toldAboutTray) {
            m_toldAboutTray = true;
            m_tray->icon()->showMessage(tr("Scorpiox Desktop is still running"),
                                        tr("Sessions keep running; the tray icon brings the window back."));
        }
        return true;
    }
    quit();
    return false;
}

void Desktop::quit()
{
    m_quitting = true;
    QList<Session *> running;
    for (Session *session : m_sessions->sessions()) {
        if (session->state() != Session::State::Exited && session->state() != Session::State::Failed) {
            running.append(session);
            session->stop();
        }
    }
    if (running.isEmpty()) {
        Q_EMIT quitting();
        QCoreApplication::quit();
        return;
    }
    // Quit once every stopped session has cleaned up (or after the stop grace, whatever comes first).
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [this, poll] {
        for (Session *session : m_sessions->sessions()) {
            if (session->state() != Session::State::Exited && session->state() != Session::State::Failed)
                return;
        }
        poll->stop();
        Q_EMIT quitting();
        QCoreApplication::quit();
    });
    poll->start(100);
    QTimer::singleShot(Session::kStopGraceMs + 3000, this, [this] {
        Q_EMIT quitting();
        QCoreApplication::quit();
    });
}
