// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLineEdit;

/// A path typed or picked with a folder chooser; in list mode a picked folder is appended to
/// the comma-separated list instead of replacing it.
class PathEdit : public QWidget
{
    Q_OBJECT

public:
    explicit PathEdit(bool list, QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    QLineEdit *lineEdit() const { return m_edit; }

Q_SIGNALS:
    void edited();

private:
    void choose();

    QLineEdit *m_edit;
    bool m_list;
};
