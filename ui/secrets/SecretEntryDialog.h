// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

/// Asks for a secret's name and value. The value is typed into a password field and handed
/// over once with takeValue(), which empties the field; the dialog never shows it again.
class SecretEntryDialog : public QDialog
{
    Q_OBJECT

public:
    /// With a @p name, replaces that secret (the name cannot be changed); without, adds one.
    explicit SecretEntryDialog(const QString &name = {}, QWidget *parent = nullptr);

    QString name() const;
    /// The typed value; the field is cleared so the widget holds it no longer than needed.
    QString takeValue();
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *valueEdit() const { return m_value; }
    /// Why the entry cannot be stored as typed, or empty.
    QString problem() const;

private:
    void validate();

    QLineEdit *m_name;
    QLineEdit *m_value;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
};
