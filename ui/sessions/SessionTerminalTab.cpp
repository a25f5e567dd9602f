// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionTerminalTab.h"

#include "SessionHistoryLoader.h"
#include "SessionListModel.h"
#include "pty/Pty.h"
#include "sessions/Session.h"
#include "terminal/TerminalWidget.h"
#include "widgets/FormatText.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

SessionTerminalTab::SessionTerminalTab(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_preparation(new QWidget(this))
    , m_step(new QLabel(m_preparation))
    , m_progress(new QProgressBar(m_preparation))
    , m_detail(new QLabel(m_preparation))
    , m_terminal(new TerminalWidget(this))
{
    m_step->setWordWrap(true);
    m_step->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, 0);
    auto *preparation = new QVBoxLayout(m_preparation);
    preparation->addWidget(m_step);
    preparation->addWidget(m_progress);
    preparation->addWidget(m_detail);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_preparation);
    layout->addWidget(m_terminal, 1);

    connect(session, &Session::stateChanged, this, &SessionTerminalTab::onStateChanged);
    connect(session, &Session::statusMessage, this, [this](const QString &message) {
        m_step->setText(message);
        m_detail->clear();
    });
    connect(session, &Session::progress, this, &SessionTerminalTab::onProgress);
    connect(session, &Session::provisionOutput, m_detail, &QLabel::setText);
    connect(session, &Session::failed, this, [this](const Error &error) {
        m_preparation->show();
        m_progress->hide();
        m_detail->clear();
        m_step->setText(tr("The session failed: %1").arg(error.message));
        m_step->setStyleSheet(QStringLiteral("color: #b00020;"));
    });
    connect(session, &Session::finished, this, [this](int, const QString &reason) {
        m_preparation->show();
        m_progress->hide();
        m_detail->clear();
        m_step->setText(tr("The session ended: %1.").arg(reason));
    });
    onStateChanged();
}

QString SessionTerminalTab::stepText() const
{
    return m_step->text();
}

QString SessionTerminalTab::detailText() const
{
    return m_detail->text();
}

void SessionTerminalTab::onStateChanged()
{
    if (!m_session)
        return;
    switch (m_session->state()) {
    case Session::State::Resolving:
    case Session::State::PreparingImage:
    case Session::State::Provisioning:
    case Session::State::CreatingOverlay:
    case Session::State::Starting:
        m_preparation->show();
        m_progress->show();
        m_progress->setRange(0, 0);
        m_step->setText(tr("%1…").arg(SessionListModel::statusText(m_session)));
        m_detail->clear();
        break;
    case Session::State::Running:
    case Session::State::Stopping:
        m_preparation->hide();
        attachTerminal();
        break;
    case Session::State::Exited:
    case Session::State::Failed:
        if (!m_attached)
            SessionHistoryLoader::fetch(m_session, this, [this](const QByteArray &history) { m_terminal->feed(history); });
        break;
    }
}

void SessionTerminalTab::onProgress(qint64 done, qint64 total, double bytesPerSecond, int etaSeconds)
{
    if (total > 0) {
        // Progress bars hold ints: count in KiB so images beyond 2 GiB fit.
        m_progress->setRange(0, int(total / 1024));
        m_progress->setValue(int(done / 1024));
        QString detail = tr("%1 of %2").arg(FormatText::bytes(done), FormatText::bytes(total));
        if (bytesPerSecond > 0)
            detail += tr(", %1").arg(FormatText::rate(bytesPerSecond));
        if (etaSeconds >= 0)
            detail += tr(", %1 left").arg(FormatText::duration(etaSeconds));
        m_detail->setText(detail);
    } else {
        m_progress->setRange(0, 0);
        m_detail->setText(FormatText::bytes(done));
    }
}

void SessionTerminalTab::attachTerminal()
{
    if (m_attached || !m_session || !m_session->pty())
        return;
    m_attached = true;
    // The log is read off this thread; output arriving meanwhile is held back so that it lands
    // after what came before it (the read holds exactly what came before this request).
    const QPointer<Pty> pty = m_session->pty();
    auto pending = std::make_shared<QByteArray>();
    const QMetaObject::Connection holding =
        connect(pty, &Pty::dataReceived, this, [pending](const QByteArray &bytes) { pending->append(bytes); });
    SessionHistoryLoader::fetch(m_session, this, [this, pty, pending, holding](const QByteArray &history) {
        disconnect(holding);
        m_terminal->feed(history + *pending);
        if (pty)
            m_terminal->attach(pty);
        m_terminal->setFocus();
    });
}
