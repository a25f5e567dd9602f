// SPDX-License-Identifier: GPL-3.0-or-later
#include "MessageBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

MessageBar::MessageBar(QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_buttons(new QHBoxLayout)
    , m_close(new QPushButton(this))
{
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_close->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    m_close->setFlat(true);
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAccessibleName(tr("Dismiss"));
    connect(m_close, &QPushButton::clicked, this, &MessageBar::clear);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 4, 4);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addLayout(m_buttons);
    layout->addWidget(m_close);
    QFrame::hide();
}

void MessageBar::show(Kind kind, const QString &text)
{
    clear();
    m_kind = kind;
    m_text->setText(text);
    QStyle::StandardPixmap icon = QStyle::SP_MessageBoxInformation;
    QColor background(0xdd, 0xe8, 0xf6);
    switch (kind) {
    case Kind::Information:
        break;
    case Kind::Success:
        background = QColor(0xdc, 0xf0, 0xdc);
        break;
    case Kind::Warning:
        icon = QStyle::SP_MessageBoxWarning;
        background = QColor(0xfb, 0xf0, 0xd0);
        break;
    case Kind::Error:
        icon = QStyle::SP_MessageBoxCritical;
        background = QColor(0xf6, 0xd8, 0xd8);
        break;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(icon).pixmap(size, size));
    QPalette palette = this->palette();
    palette.setColor(QPalette::Window, background);
    palette.setColor(QPalette::WindowText, Qt::black);
    setPalette(palette);
    QFrame::show();
}

QPushButton *MessageBar::addButton(const QString &text, std::function<void()> answer)
{
    auto *button = new QPushButton(text, this);
    m_buttons->addWidget(button);
    connect(button, &QPushButton::clicked, this, [this, answer = std::move(answer)] {
        clear();
        answer();
    });
    return button;
}

void MessageBar::clear()
{
    while (QLayoutItem *item = m_buttons->takeAt(0)) {
        item->widget()->deleteLater();
        delete item;
    }
    m_text->clear();
    QFrame::hide();
}

QString MessageBar::text() const
{
    return isHidden() ? QString() : m_text->text();
}
