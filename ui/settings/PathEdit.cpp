// SPDX-License-Identifier: GPL-3.0-or-later
#include "PathEdit.h"

#include "Paths.h"

#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QToolButton>

PathEdit::PathEdit(bool list, QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_list(list)
{
    m_edit->setPlaceholderText(list ? tr("comma-separated absolute paths") : tr("a folder; ~ is your home"));
    auto *browse = new QToolButton(this);
    browse->setText(list ? tr("Add…") : tr("…"));
    browse->setToolTip(list ? tr("Add a folder to the list") : tr("Choose a folder"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit, 1);
    layout->addWidget(browse);
    setFocusProxy(m_edit);
    connect(m_edit, &QLineEdit::textEdited, this, &PathEdit::edited);
    connect(browse, &QToolButton::clicked, this, &PathEdit::choose);
}

QString PathEdit::text() const
{
    return m_edit->text();
}

void PathEdit::setText(const QString &text)
{
    if (m_edit->text() != text)
        m_edit->setText(text);
}

void PathEdit::choose()
{
    const QString current = m_list ? QString() : Paths::expandTilde(m_edit->text());
    auto *dialog = new QFileDialog(this, m_list ? tr("Folder to Add") : tr("Choose Folder"),
                                   current.isEmpty() ? QDir::homePath() : current);
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &dir) {
        const QString text = m_edit->text().trimmed();
        m_edit->setText(m_list && !text.isEmpty() ? text + QLatin1Char(',') + dir : dir);
        Q_EMIT edited();
    });
    dialog->open();
}
