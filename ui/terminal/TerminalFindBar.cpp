// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerminalFindBar.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

TerminalFindBar::TerminalFindBar(QWidget *parent) : QWidget(parent), m_field(new QLineEdit(this)), m_status(new QLabel(this))
{
    m_field->setPlaceholderText(tr("Find in terminal"));
    m_field->setClearButtonEnabled(true);
    auto *previous = new QToolButton(this);
    previous->setText(tr("Previous"));
    previous->setToolTip(tr("Find the previous match (Shift+Enter)"));
    auto *next = new QToolButton(this);
    next->setText(tr("Next"));
    next->setToolTip(tr("Find the next match (Enter)"));
    auto *close = new QToolButton(this);
    close->setText(tr("Close"));
    close->setToolTip(tr("Close the find bar (Escape)"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_field, 1);
    layout->addWidget(m_status);
    layout->addWidget(previous);
    layout->addWidget(next);
    layout->addWidget(close);

    connect(m_field, &QLineEdit::textEdited, this, [this](const QString &text) { Q_EMIT findRequested(text, true); });
    connect(previous, &QToolButton::clicked, this, [this] { Q_EMIT findRequested(text(), true); });
    connect(next, &QToolButton::clicked, this, [this] { Q_EMIT findRequested(text(), false); });
    connect(close, &QToolButton::clicked, this, [this] {
        hide();
        Q_EMIT closed();
    });
}

QString TerminalFindBar::text() const
{
    return m_field->text();
}

void TerminalFindBar::activate()
{
    show();
    m_field->setFocus();
    m_field->selectAll();
}

void TerminalFindBar::setFound(bool found)
{
    m_status->setText(found || m_field->text().isEmpty() ? QString() : tr("Not found"));
}

void TerminalFindBar::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        hide();
        Q_EMIT closed();
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        // Searching starts from the bottom, so "next" by default walks up into history.
        Q_EMIT findRequested(text(), !(event->modifiers() & Qt::ShiftModifier));
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}
