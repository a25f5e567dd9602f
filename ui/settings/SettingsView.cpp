// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsView.h"

#include "SettingsFileEditor.h"
#include "config/Settings.h"

#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

SettingsView::SettingsView(Settings *settings, QWidget *parent)
    : QWidget(parent)
    , m_chooser(new QComboBox(this))
    , m_stack(new QStackedWidget(this))
    , m_global(new SettingsFileEditor(settings->globalFile(), settings, m_stack))
    , m_project(new SettingsFileEditor(settings->projectFile(), settings, m_stack))
{
    m_chooser->addItem(tr("Global — every project"));
    m_chooser->addItem(tr("Project — %1").arg(QDir::toNativeSeparators(settings->projectDir())));
    m_stack->addWidget(m_global);
    m_stack->addWidget(m_project);
    connect(m_chooser, &QComboBox::currentIndexChanged, m_stack, &QStackedWidget::setCurrentIndex);

    auto *label = new QLabel(tr("Settings &file:"), this);
    label->setBuddy(m_chooser);
    auto *top = new QHBoxLayout;
    top->addWidget(label);
    top->addWidget(m_chooser, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_stack, 1);
}
