// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "cleanup/CleanupView.h"
#include "config/Settings.h"
#include "doctor/HostCheckView.h"
#include "images/ImagesView.h"
#include "secrets/SecretsView.h"
#include "sessions/SessionsView.h"
#include "settings/SettingsView.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QStackedWidget>
#include <QStyle>

MainWindow::MainWindow(SessionManager *sessions, Settings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_pages(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_sessions(new SessionsView(sessions, settings, m_stack))
    , m_images(new ImagesView(settings, m_stack))
    , m_settings(new SettingsView(settings, m_stack))
    , m_secrets(new SecretsView(settings->home(), m_stack))
    , m_cleanup(new CleanupView(settings, m_stack))
    , m_system(new HostCheckView(settings->home(), settings->projectDir(), m_stack))
{
    setWindowTitle(tr("Scorpiox Desktop"));
    setWindowIcon(QIcon(QStringLiteral(":/scorpiox/icons/scorpiox-desktop.svg")));

    m_pages->setViewMode(QListView::ListMode);
    m_pages->setIconSize(QSize(22, 22));
    m_pages->setFixedWidth(150);
    m_pages->setFrameShape(QFrame::NoFrame);
    QFont font = m_pages->font();
    font.setPointSizeF(font.pointSizeF() * 1.1);
    m_pages->setFont(font);
    addPage(m_sessions, QStringLiteral("utilities-terminal"), QStyle::SP_MediaPlay, tr("Sessions"));
    addPage(m_images, QStringLiteral("drive-harddisk"), QStyle::SP_DriveHDIcon, tr("Images"));
    addPage(m_settings, QStringLiteral("preferences-system"), QStyle::SP_FileDialogDetailedView, tr("Settings"));
    addPage(m_secrets, QStringLiteral("dialog-password"), QStyle::SP_DialogOkButton, tr("Secrets"));
    addPage(m_cleanup, QStringLiteral("edit-clear"), QStyle::SP_TrashIcon, tr("Cleanup"));
    addPage(m_system, QStringLiteral("computer"), QStyle::SP_ComputerIcon, tr("System"));
    connect(m_pages, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);
    m_pages->setCurrentRow(SessionsPage);

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_pages);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);
    resize(1100, 720);
}

void MainWindow::addPage(QWidget *page, const QString &iconName, QStyle::StandardPixmap fallback, const QString &title)
{
    m_stack->addWidget(page);
    auto *item = new QListWidgetItem(QIcon::fromTheme(iconName, style()->standardIcon(fallback)), title, m_pages);
    item->setSizeHint(QSize(0, 40));
}

void MainWindow::showPage(Page page)
{
    m_pages->setCurrentRow(page);
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_stack->currentIndex());
}
