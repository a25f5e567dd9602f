// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessions/SessionConfig.h"

#include <QDialog>

class MountTableModel;
class PathChecker;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableView;
class Settings;

/// Asks what a new session should run: image, project folder, network, mounts, command, timeout
/// and memory, pre-filled from the effective settings. It only gathers; the caller starts it.
class NewSessionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NewSessionDialog(const Settings &settings, QWidget *parent = nullptr);

    /// Offers @p names (the cached images) in the image list, keeping what was typed.
    void setImageNames(const QStringList &names);

    void setImage(const QString &name);
    void setProjectDir(const QString &dir);
    void setCommand(const QString &command);
    void setNetwork(NetworkMode mode);
    void setTimeoutSeconds(int seconds);
    void setMemoryMb(int megabytes);
    MountTableModel *mounts() const { return m_mounts; }

    /// What to run; the project folder, mounts and command as entered.
    SessionRequest request() const;
    /// The image, network, timeout and memory chosen, to lay over the chosen project's settings
    /// once they are read (the dialog may be gone by then).
    struct Choice
    {
        QString image;
        NetworkMode network = NetworkMode::Host;
        int timeoutSec = 0;
        int memoryMb = 0;

        SessionConfig applyTo(SessionConfig base) const;
    };
    Choice choice() const;
    /// @p base (the settings of the chosen project) with this dialog's choice.
    SessionConfig config(SessionConfig base) const { return choice().applyTo(std::move(base)); }
    QString projectDir() const;
    /// Why the session cannot start as entered, or empty when it can.
    QString problem() const;

private:
    void validate();
    void chooseProjectDir();
    void chooseMountFolder();

    QComboBox *m_image;
    QLineEdit *m_project;
    QComboBox *m_network;
    MountTableModel *m_mounts;
    QTableView *m_mountView;
    QLineEdit *m_command;
    QSpinBox *m_timeout;
    QSpinBox *m_memory;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    PathChecker *m_paths;
};
