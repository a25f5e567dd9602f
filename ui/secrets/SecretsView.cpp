// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretsView.h"

#include "SecretEntryDialog.h"
#include "SecretListModel.h"
#include "widgets/MessageBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

SecretsView::SecretsView(const QString &home, QWidget *parent)
    : QWidget(parent)
    , m_model(new SecretListModel(home, this))
    , m_messages(new MessageBar(this))
    , m_list(new QListView(this))
    , m_status(new QLabel(this))
    , m_add(new QPushButton(QIcon::fromTheme(QStringLiteral("list-add")), tr("&Add…"), this))
    , m_replace(new QPushButton(QIcon::fromTheme(QStringLiteral("document-edit")), tr("Re&place…"), this))
    , m_remove(new QPushButton(QIcon::fromTheme(QStringLiteral("list-remove")), tr("&Remove"), this))
{
    auto *intro = new QLabel(tr("API keys and registry credentials kept in the system keychain. Each one is set as an "
                                "environment variable of its name in every new session, unless the session sets "
                                "that variable itself. Values are never shown and never written to settings files."),
                             this);
    intro->setWordWrap(true);
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setAlternatingRowColors(true);
    m_status->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_status, 1);
    buttons->addWidget(m_add);
    buttons->addWidget(m_replace);
    buttons->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_add, &QPushButton::clicked, this, [this] { showEntryDialog(); });
    connect(m_replace, &QPushButton::clicked, this, [this] {
        if (!currentName().isEmpty())
            showEntryDialog(currentName());
    });
    connect(m_remove, &QPushButton::clicked, this, &SecretsView::confirmRemove);
    connect(m_list, &QListView::doubleClicked, this, [this] { m_replace->click(); });
    connect(m_model, &SecretListModel::stateChanged, this, [this](SecretListModel::State state) {
        if (state == SecretListModel::State::Unavailable)
            m_messages->show(MessageBar::Kind::Error, m_model->unavailableReason());
        else if (state == SecretListModel::State::Ready && m_messages->kind() == MessageBar::Kind::Error
                 && m_messages->text() == m_model->unavailableReason())
            m_messages->clear();
        updateButtons();
    });
    connect(m_model, &SecretListModel::operationFinished, this, [this](bool ok, const QString &message) {
        m_messages->show(ok ? MessageBar::Kind::Success : MessageBar::Kind::Error, message);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &SecretsView::updateButtons);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this, &SecretsView::updateButtons);
    updateButtons();
}

void SecretsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // The keychain is asked only once the page is looked at: opening the window does not wake it.
    if (!m_checked) {
        m_checked = true;
        m_model->refresh();
    }
}

QString SecretsView::currentName() const
{
    return m_list->currentIndex().data().toString();
}

void SecretsView::updateButtons()
{
    const SecretListModel::State state = m_model->state();
    const bool ready = state == SecretListModel::State::Ready;
    m_add->setEnabled(ready);
    m_replace->setEnabled(ready && !currentName().isEmpty());
    m_remove->setEnabled(ready && !currentName().isEmpty());
    switch (state) {
    case SecretListModel::State::Checking:
        m_status->setText(tr("Asking the keychain…"));
        break;
    case SecretListModel::State::Busy:
        m_status->setText(tr("Waiting for the keychain…"));
        break;
    case SecretListModel::State::Unavailable:
        m_status->setText(tr("No keychain: secrets cannot be stored."));
        break;
    case SecretListModel::State::Ready:
        m_status->setText(tr("%n secret(s) stored.", nullptr, m_model->rowCount()));
        break;
    }
}

SecretEntryDialog *SecretsView::showEntryDialog(const QString &name)
{
    auto *dialog = new SecretEntryDialog(name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { m_model->store(dialog->name(), dialog->takeValue()); });
    dialog->open();
    return dialog;
}

void SecretsView::confirmRemove()
{
    const QString name = currentName();
    if (name.isEmpty())
        return;
    m_messages->show(MessageBar::Kind::Warning,
                     tr("Remove secret %1 from the keychain? New sessions will no longer get it.").arg(name));
    m_messages->addButton(tr("Remove"), [this, name] { m_model->remove(name); });
    m_messages->addButton(tr("Keep"), [] {});
}
