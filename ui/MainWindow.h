// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QStyle>

class CleanupView;
class HostCheckView;
class ImagesView;
class QListWidget;
class QStackedWidget;
class SecretsView;
class SessionManager;
class SessionsView;
class SettingsView;
class Settings;

/// The desktop window: a list of views on the left (Sessions, Images, Settings, Secrets,
/// Cleanup, System) and the chosen one on the right. It holds no logic of its own; the session manager
/// and settings come from outside so that other faces (the tray) share them.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    enum Page { SessionsPage, ImagesPage, SettingsPage, SecretsPage, CleanupPage, SystemPage };

    MainWindow(SessionManager *sessions, Settings *settings, QWidget *parent = nullptr);

    void showPage(Page page);
    Page currentPage() const;
    SessionsView *sessionsView() const { return m_sessions; }
    ImagesView *imagesView() const { return m_images; }
    SettingsView *settingsView() const { return m_settings; }
    SecretsView *secretsView() const { return m_secrets; }
    CleanupView *cleanupView() const { return m_cleanup; }
    HostCheckView *systemView() const { return m_system; }

private:
    void addPage(QWidget *page, const QString &iconName, QStyle::StandardPixmap fallback, const QString &title);

    QListWidget *m_pages;
    QStackedWidget *m_stack;
    SessionsView *m_sessions;
    ImagesView *m_images;
    SettingsView *m_settings;
    SecretsView *m_secrets;
    CleanupView *m_cleanup;
    HostCheckView *m_system;
};
