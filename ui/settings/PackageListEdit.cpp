// SPDX-License-Identifier: GPL-3.0-or-later
#include "PackageListEdit.h"

#include "config/SettingsSchema.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QRegularExpression>
#include <QToolButton>

PackageListEdit::PackageListEdit(QWidget *parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_add(new QLineEdit(this))
    , m_remove(new QToolButton(this))
    , m_none(new QCheckBox(tr("none"), this))
{
    m_list->setFlow(QListView::LeftToRight);
    m_list->setWrapping(true);
    m_list->setSpacing(2);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setFixedHeight(m_list->fontMetrics().height() * 3 + 8);
    m_add->setPlaceholderText(tr("add a package, Enter"));
    m_remove->setText(tr("Remove"));
    m_none->setToolTip(tr("Install no packages on an image's first boot"));
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_list, 0, 0, 1, 3);
    layout->addWidget(m_add, 1, 0);
    layout->addWidget(m_remove, 1, 1);
    layout->addWidget(m_none, 1, 2);
    setFocusProxy(m_add);
    connect(m_add, &QLineEdit::returnPressed, this, [this] {
        addPackages(m_add->text());
        m_add->clear();
    });
    connect(m_remove, &QToolButton::clicked, this, &PackageListEdit::removeSelected);
    connect(m_none, &QCheckBox::toggled, this, [this] {
        updateEnabled();
        Q_EMIT edited();
    });
    updateEnabled();
}

QString PackageListEdit::text() const
{
    if (m_none->isChecked())
        return QStringLiteral("none");
    QStringList names;
    for (int i = 0; i < m_list->count(); ++i)
        names.append(m_list->item(i)->text());
    return names.join(QLatin1Char(','));
}

void PackageListEdit::setText(const QString &text)
{
    if (text == this->text())
        return;
    const QSignalBlocker blocker(m_none);
    m_list->clear();
    m_none->setChecked(text.trimmed() == QLatin1String("none"));
    if (!m_none->isChecked())
        m_list->addItems(SettingsSchema::splitList(text));
    updateEnabled();
}

void PackageListEdit::addPackages(const QString &names)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    bool added = false;
    for (const QString &name : names.split(separators, Qt::SkipEmptyParts)) {
        if (m_list->findItems(name, Qt::MatchExactly).isEmpty()) {
            m_list->addItem(name);
            added = true;
        }
    }
    if (added)
        Q_EMIT edited();
}

void PackageListEdit::removeSelected()
{
    const QList<QListWidgetItem *> selected = m_list->selectedItems();
    if (selected.isEmpty())
        return;
    qDeleteAll(selected);
    Q_EMIT edited();
}

void PackageListEdit::updateEnabled()
{
    m_list->setEnabled(!m_none->isChecked());
    m_add->setEnabled(!m_none->isChecked());
    m_remove->setEnabled(!m_none->isChecked());
}
