// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerminalWidget.h"

#include "TerminalFindBar.h"
#include "TerminalScreen.h"
#include "TerminalView.h"
#include "pty/Pty.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QGridLayout>
#include <QLabel>
#include <QScrollBar>

namespace {

QString signalName(int signal)
{
    // Numbers as on Linux; the name helps more than the number in a status line.
    static const QHash<int, QString> names = {
        {1, QStringLiteral("SIGHUP")},   {2, QStringLiteral("SIGINT")},   {3, QStringLiteral("SIGQUIT")},
        {4, QStringLiteral("SIGILL")},   {6, QStringLiteral("SIGABRT")},  {8, QStringLiteral("SIGFPE")},
        {9, QStringLiteral("SIGKILL")},  {11, QStringLiteral("SIGSEGV")}, {13, QStringLiteral("SIGPIPE")},
        {14, QStringLiteral("SIGALRM")}, {15, QStringLiteral("SIGTERM")},
    };
    return names.value(signal, QStringLiteral("signal %1").arg(signal));
}

} // namespace

TerminalWidget::TerminalWidget(QWidget *parent)
    : QWidget(parent),
      m_screen(new TerminalScreen(24, 80, TerminalScreen::kDefaultScrollback, this)),
      m_view(new TerminalView(m_screen, this)),
      m_scrollBar(new QScrollBar(Qt::Vertical, this)),
      m_findBar(new TerminalFindBar(this)),
      m_status(new QLabel(this))
{
    m_findBar->hide();
    m_status->hide();
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setContentsMargins(6, 3, 6, 3);
    m_status->setAutoFillBackground(true);
    m_status->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_findBar->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    m_view->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);

    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_view, 0, 0);
    layout->addWidget(m_scrollBar, 0, 1);
    layout->addWidget(m_status, 1, 0, 1, 2);
    layout->addWidget(m_findBar, 2, 0, 1, 2);
    layout->setRowStretch(0, 1);
    setFocusProxy(m_view);

    QAction *copy = addShortcut(tr("Copy"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), &TerminalWidget::copy);
    addShortcut(tr("Paste"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V), &TerminalWidget::paste);
    addShortcut(tr("Find…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F), &TerminalWidget::showFindBar);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addActions(actions());
    copy->setEnabled(false);
    connect(m_view, &TerminalView::selectionChanged, copy, [this, copy] { copy->setEnabled(m_view->hasSelection()); });

    connect(m_screen, &TerminalScreen::titleChanged, this, &TerminalWidget::titleChanged);
    connect(m_screen, &TerminalScreen::inputReady, this, [this](const QByteArray &bytes) {
        if (m_pty && m_pty->isRunning())
            m_pty->write(bytes);
    });
    connect(m_screen, &TerminalScreen::contentChanged, this, &TerminalWidget::syncScrollBar);
    connect(m_view, &TerminalView::scrollOffsetChanged, this, &TerminalWidget::syncScrollBar);
    connect(m_scrollBar, &QScrollBar::valueChanged, this,
            [this](int value) { m_view->setScrollOffset(m_scrollBar->maximum() - value); });
    connect(m_view, &TerminalView::gridSizeChanged, this, [this](int rows, int columns) {
        if (m_pty)
            m_pty->resize(rows, columns);
    });
    connect(m_findBar, &TerminalFindBar::findRequested, this, &TerminalWidget::find);
    connect(m_findBar, &TerminalFindBar::closed, m_view, [this] { m_view->setFocus(); });
}

TerminalWidget::~TerminalWidget()
{
    detach();
}

QAction *TerminalWidget::addShortcut(const QString &text, const QKeySequence &keys, void (TerminalWidget::*slot)())
{
    auto *action = new QAction(text, this);
    action->setShortcut(keys);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(action, &QAction::triggered, this, slot);
    addAction(action);
    return action;
}

void TerminalWidget::attach(Pty *pty)
{
    detach();
    if (!pty)
        return;
    m_pty = pty;
    m_status->hide();
    m_ptyConnections = {
        connect(pty, &Pty::dataReceived, m_screen, &TerminalScreen::feed),
        connect(pty, &Pty::finished, this, &TerminalWidget::onFinished),
        connect(pty, &QObject::destroyed, this, [this] { m_ptyConnections.clear(); }),
    };
    if (pty->isRunning())
        pty->resize(m_screen->rows(), m_screen->columns());
}

void TerminalWidget::detach()
{
    for (const QMetaObject::Connection &connection : std::as_const(m_ptyConnections))
        disconnect(connection);
    m_ptyConnections.clear();
    m_pty = nullptr;
}

void TerminalWidget::feed(const QByteArray &bytes)
{
    m_screen->replay(bytes);
}

void TerminalWidget::setAnswersQueries(bool answers)
{
    m_screen->setAnswersQueries(answers);
}

QString TerminalWidget::title() const
{
    return m_screen->title();
}

QString TerminalWidget::statusText() const
{
    return m_status->isVisible() || !m_status->text().isEmpty() ? m_status->text() : QString();
}

void TerminalWidget::onFinished(int exitCode, int signal)
{
    m_status->setText(signal != 0 ? tr("The program was killed by %1.").arg(signalName(signal))
                                  : tr("The program exited with code %1.").arg(exitCode));
    QPalette palette = m_status->palette();
    palette.setColor(QPalette::Window, signal != 0 || exitCode != 0 ? QColor(0x5c, 0x1f, 0x1f) : QColor(0x2a, 0x3b, 0x2a));
    palette.setColor(QPalette::WindowText, Qt::white);
    m_status->setPalette(palette);
    m_status->show();
    Q_EMIT finished(exitCode, signal);
}

void TerminalWidget::syncScrollBar()
{
    const QSignalBlocker blocker(m_scrollBar);
    const int history = m_screen->scrollbackSize();
    m_scrollBar->setRange(0, history);
    m_scrollBar->setPageStep(m_screen->rows());
    m_scrollBar->setValue(history - m_view->scrollOffset());
}

void TerminalWidget::copy()
{
    const QString text = m_view->selectedText();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void TerminalWidget::paste()
{
    const QString text = QApplication::clipboard()->text();
    if (text.isEmpty())
        return;
    m_view->scrollToBottom();
    m_screen->paste(text);
}

void TerminalWidget::showFindBar()
{
    m_findBar->activate();
}

bool TerminalWidget::find(const QString &text, bool backwards)
{
    QPoint from = m_view->selectionStart();
    if (!m_view->hasSelection() && backwards)
        from = QPoint(m_screen->columns(), m_screen->rows() - 1); // from the bottom
    const std::optional<TerminalScreen::Match> match = m_screen->find(text, from, backwards);
    m_findBar->setFound(match.has_value());
    if (!match) {
        m_view->clearSelection();
        return false;
    }
    m_view->select(match->start, match->end);
    return true;
}
