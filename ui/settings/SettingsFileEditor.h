// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/EnvFile.h"
#include "config/Settings.h"

#include <QWidget>

#include <functional>
#include <optional>

class MessageBar;
class QFileSystemWatcher;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class SettingsDraft;
class SettingsKeyModel;

/// One `scorpiox-env.txt` (global or project) as a form and as raw text, both editing the same
/// SettingsDraft. Save is enabled only while everything is valid; the file on disk is watched,
/// and a change there reloads it — after asking, when there are unsaved edits.
class SettingsFileEditor : public QWidget
{
    Q_OBJECT

public:
    SettingsFileEditor(const QString &path, Settings *settings, QWidget *parent = nullptr);

    SettingsDraft *draft() const { return m_draft; }
    SettingsKeyModel *model() const { return m_model; }
    QTableView *form() const { return m_form; }
    QPlainTextEdit *rawText() const { return m_raw; }
    QTabWidget *tabs() const { return m_tabs; }
    QPushButton *saveButton() const { return m_save; }
    QPushButton *revertButton() const { return m_revert; }
    MessageBar *messageBar() const { return m_messages; }
    QLabel *problemLabel() const { return m_problem; }

    /// Writes the draft off the GUI thread; saved() tells the outcome.
    void save();
    void revert();

Q_SIGNALS:
    void saved(bool ok);
    /// The file changed on disk and the editor has reacted (reloaded, or asked).
    void externalChangeHandled();
    /// The file was read (off the GUI thread) into the editor: after construction, Revert, Reload.
    void loaded();

private:
    /// What a worker found on disk: the file, whether it and its folder exist, and (when asked
    /// for) both settings files, so that nothing here reads the disk on the GUI thread.
    struct Disk
    {
        QByteArray bytes;
        std::optional<EnvFile> document;
        QString error;
        std::optional<Settings::Files> settings;
        bool fileExists = false;
        bool folderExists = false;
    };
    static Disk readDisk(const QString &path, const QString &home, const QString &projectDir, bool withSettings);
    void readThen(std::function<void(const Disk &)> then);
    /// Reads the file and the effective settings again, then shows them.
    void load();
    void take(const Disk &disk);
    void onDraftChanged();
    void onFileChanged();
    void watch(const Disk &disk);

    QString m_path;
    Settings *m_settings;
    SettingsDraft *m_draft;
    SettingsKeyModel *m_model;
    MessageBar *m_messages;
    QTabWidget *m_tabs;
    QTableView *m_form;
    QPlainTextEdit *m_raw;
    QLabel *m_problem;
    QPushButton *m_save;
    QPushButton *m_revert;
    QFileSystemWatcher *m_watcher;
    bool m_saving = false;
    quint64 m_reads = 0;
    bool m_loadWanted = false;
};
