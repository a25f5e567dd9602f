// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QStackedWidget;
class Settings;
class SettingsFileEditor;

/// The settings editor: the global and the project `scorpiox-env.txt`, one at a time.
class SettingsView : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsView(Settings *settings, QWidget *parent = nullptr);

    SettingsFileEditor *globalEditor() const { return m_global; }
    SettingsFileEditor *projectEditor() const { return m_project; }
    QComboBox *fileChooser() const { return m_chooser; }

private:
    QComboBox *m_chooser;
    QStackedWidget *m_stack;
    SettingsFileEditor *m_global;
    SettingsFileEditor *m_project;
};
