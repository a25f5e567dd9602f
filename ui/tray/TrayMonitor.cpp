// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrayMonitor.h"

#include "sessions/Session.h"

#include <QAbstractButton>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QSystemTrayIcon>

TrayMonitor::TrayMonitor(SessionManager *sessions, QObject *parent)
    : QObject(parent)
    , m_status(new TrayStatus(sessions, this))
    , m_menu(new QMenu)
    , m_icon(new QSystemTrayIcon(this))
{
    m_icon->setContextMenu(m_menu);
    connect(m_status, &TrayStatus::changed, this, &TrayMonitor::refresh);
    connect(m_status, &TrayStatus::notify, this, [this](const QString &title, const QString &message, bool failure) {
        m_icon->showMessage(title, message, failure ? QSystemTrayIcon::Warning : QSystemTrayIcon::Information);
    });
    connect(m_menu, &QMenu::aboutToShow, m_status, &TrayStatus::acknowledge);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger) {
            m_status->acknowledge();
            Q_EMIT showWindowRequested();
        }
    });
    refresh();
}

TrayMonitor::~TrayMonitor()
{
    delete m_menu;
}

bool TrayMonitor::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayMonitor::show()
{
    m_icon->show();
}

QIcon TrayMonitor::iconFor(TrayStatus::IconState state, int count)
{
    static const char *const files[] = {":/scorpiox/icons/tray-idle.svg", ":/scorpiox/icons/tray-running.svg",
                                        ":/scorpiox/icons/tray-attention.svg"};
    const QIcon base{QLatin1String(files[int(state)])};
    if (count <= 0)
        return base;
    QIcon badged;
    for (int size : {16, 22, 24, 32, 48, 64}) {
        QPixmap pixmap = base.pixmap(size, size);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const int d = size * 11 / 20;
        const QRect badge(size - d, size - d, d, d);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xd9, 0x3a, 0x2b));
        painter.drawEllipse(badge);
        QFont font = painter.font();
        font.setPixelSize(std::max(6, d * 3 / 4));
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(badge, Qt::AlignCenter, count > 9 ? QStringLiteral("9+") : QString::number(count));
        painter.end();
        badged.addPixmap(pixmap);
    }
    return badged;
}

void TrayMonitor::refresh()
{
    m_icon->setIcon(iconFor(m_status->iconState(), m_status->runningCount()));
    m_icon->setToolTip(m_status->toolTip());
    rebuildMenu();
}

void TrayMonitor::rebuildMenu()
{
    m_menu->clear();
    const QList<TrayStatus::Entry> entries = m_status->entries();
    if (entries.isEmpty()) {
        m_menu->addAction(tr("No sessions"))->setEnabled(false);
    }
    for (const TrayStatus::Entry &entry : entries) {
        QAction *open = m_menu->addAction(entry.text);
        connect(open, &QAction::triggered, this, [this, session = entry.session] {
            if (session)
                Q_EMIT openSessionRequested(session);
        });
    }
    m_menu->addSeparator();
    connect(m_menu->addAction(tr("New Session…")), &QAction::triggered, this, &TrayMonitor::newSessionRequested);
    connect(m_menu->addAction(tr("Cleanup…")), &QAction::triggered, this, &TrayMonitor::cleanupRequested);
    connect(m_menu->addAction(tr("Show Window")), &QAction::triggered, this, &TrayMonitor::showWindowRequested);
    m_menu->addSeparator();
    connect(m_menu->addAction(tr("Quit")), &QAction::triggered, this, &TrayMonitor::askToQuit);
}

void TrayMonitor::askToQuit()
{
    const int running = m_status->runningCount();
    if (running == 0) {
        Q_EMIT quitRequested();
        return;
    }
    if (m_quitQuestion)
        return;
    // Non-modal, so no nested event loop: the answer arrives as a signal.
    m_quitQuestion = new QMessageBox(QMessageBox::Question, tr("Quit Scorpiox Desktop"),
                                     tr("%n session(s) still running will be stopped.", nullptr, running),
                                     QMessageBox::Yes | QMessageBox::Cancel);
    m_quitQuestion->setAttribute(Qt::WA_DeleteOnClose);
    m_quitQuestion->button(QMessageBox::Yes)->setText(tr("Stop Sessions and Quit"));
    connect(m_quitQuestion, &QMessageBox::finished, this, [this](int answer) {
        m_quitQuestion = nullptr;
        if (answer == QMessageBox::Yes)
            Q_EMIT quitRequested();
    });
    m_quitQuestion->open();
}
