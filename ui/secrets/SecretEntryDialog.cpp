// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretEntryDialog.h"

#include "secrets/SecretStore.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

SecretEntryDialog::SecretEntryDialog(const QString &name, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(name, this))
    , m_value(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    const bool replacing = !name.isEmpty();
    setWindowTitle(replacing ? tr("Replace Secret") : tr("Add Secret"));
    m_name->setReadOnly(replacing);
    m_name->setPlaceholderText(tr("e.g. ANTHROPIC_API_KEY"));
    m_value->setEchoMode(QLineEdit::Password);
    // No input method, completion or drag: the value must not leave this field except to the keychain.
    m_value->setAttribute(Qt::WA_InputMethodEnabled, false);
    m_value->setDragEnabled(false);
    m_value->setPlaceholderText(replacing ? tr("the new value") : tr("the value"));
    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Value:"), m_value);
    auto *note = new QLabel(tr("Stored in the system keychain and set as an environment variable of this name in "
                               "every new session. It is not shown again."),
                            this);
    note->setWordWrap(true);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_buttons->addButton(replacing ? tr("&Replace") : tr("&Add"), QDialogButtonBox::AcceptRole)->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A cancelled dialog forgets what was typed at once, not when it is deleted.
    connect(this, &QDialog::rejected, m_value, &QLineEdit::clear);
    connect(m_name, &QLineEdit::textChanged, this, &SecretEntryDialog::validate);
    connect(m_value, &QLineEdit::textChanged, this, &SecretEntryDialog::validate);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    (replacing ? m_value : m_name)->setFocus();
    validate();
    resize(460, 0);
}

QString SecretEntryDialog::name() const
{
    return m_name->text().trimmed();
}

QString SecretEntryDialog::takeValue()
{
    const QString value = m_value->text();
    m_value->clear();
    return value;
}

QString SecretEntryDialog::problem() const
{
    if (name().isEmpty())
        return tr("Enter the name of the environment variable the secret is set as.");
    if (!SecretStore::isValidName(name()))
        return tr("%1 is not a valid name: use letters, digits and _, not starting with a digit.").arg(name());
    if (m_value->text().isEmpty())
        return tr("Enter the value.");
    return {};
}

void SecretEntryDialog::validate()
{
    const QString problem = this->problem();
    m_problem->setText(problem);
    for (QAbstractButton *button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(problem.isEmpty());
    }
}
