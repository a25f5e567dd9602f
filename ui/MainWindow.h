// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>

class QTreeWidget;

/// The desktop window. For now it shows what `doctor` finds about this machine.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);

private:
    void showHostChecks();

    QTreeWidget *m_checks = nullptr;
};
