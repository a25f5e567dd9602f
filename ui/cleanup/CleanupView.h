// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class MessageBar;
class OrphanListModel;
class QLabel;
class QPushButton;
class QTableView;
class Settings;

/// What crashed or killed sessions left behind (as `cleanup --dry-run` lists it) with sizes,
/// and one button that removes it all and tells what was freed. OrphanCleaner decides what is
/// an orphan and checks each again before removing it; this view runs it off the GUI thread.
class CleanupView : public QWidget
{
    Q_OBJECT

public:
    explicit CleanupView(Settings *settings, QWidget *parent = nullptr);

    OrphanListModel *model() const { return m_model; }
    QPushButton *scanButton() const { return m_scan; }
    QPushButton *removeButton() const { return m_remove; }
    QLabel *summary() const { return m_summary; }
    MessageBar *messageBar() const { return m_messages; }

    void scan();
    void removeAll();

Q_SIGNALS:
    void scanned();
    void removed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void setBusy(bool busy);

    Settings *m_settings;
    OrphanListModel *m_model;
    MessageBar *m_messages;
    QTableView *m_table;
    QLabel *m_summary;
    QPushButton *m_scan;
    QPushButton *m_remove;
    bool m_busy = false;
};
