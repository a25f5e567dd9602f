// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QTreeWidget;

/// What `doctor` finds about this machine and the settings, checked off the GUI thread.
class HostCheckView : public QWidget
{
    Q_OBJECT

public:
    HostCheckView(QString home, QString projectDir, QWidget *parent = nullptr);

    QTreeWidget *tree() const { return m_checks; }
    /// Runs the checks again; checksDone() when they are shown.
    void refresh();

Q_SIGNALS:
    void checksDone();

private:
    QString m_home;
    QString m_projectDir;
    QTreeWidget *m_checks;
    bool m_running = false;
};
