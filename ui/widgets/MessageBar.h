// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QPushButton;

/// A line at the top of a view that tells what happened — an error, a result, a question with
/// its answers as buttons — instead of a modal box. Hidden until there is something to say.
class MessageBar : public QFrame
{
    Q_OBJECT

public:
    enum class Kind { Information, Success, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    /// Shows @p text, replacing whatever was shown (and its buttons).
    void show(Kind kind, const QString &text);
    /// Adds an answer button to what is shown; it hides the bar after running @p answer.
    QPushButton *addButton(const QString &text, std::function<void()> answer);
    void clear();

    Kind kind() const { return m_kind; }
    QString text() const;

private:
    QLabel *m_icon;
    QLabel *m_text;
    QHBoxLayout *m_buttons;
    QPushButton *m_close;
    Kind m_kind = Kind::Information;
};
