// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QListWidget;
class QCheckBox;
class QLineEdit;
class QToolButton;

/// A package list (`CONTAINER_PACKAGES`): one package per row, added from a field and removed
/// by selection, or `none` to install nothing. Its text is the comma-separated form the file
/// holds.
class PackageListEdit : public QWidget
{
    Q_OBJECT

public:
    explicit PackageListEdit(QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    /// Adds the packages in @p names (blank- or comma-separated) as a person typing them would.
    void addPackages(const QString &names);
    void removeSelected();

Q_SIGNALS:
    void edited();

private:
    void updateEnabled();

    QListWidget *m_list;
    QLineEdit *m_add;
    QToolButton *m_remove;
    QCheckBox *m_none;
};
