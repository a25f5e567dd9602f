// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;

/// The find bar under a terminal: a field, previous/next and close. It only asks; the
/// terminal searches.
class TerminalFindBar : public QWidget
{
    Q_OBJECT

public:
    explicit TerminalFindBar(QWidget *parent = nullptr);

    QString text() const;
    void activate();
    void setFound(bool found);

Q_SIGNALS:
    void findRequested(const QString &text, bool backwards);
    void closed();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QLineEdit *m_field;
    QLabel *m_status;
};
