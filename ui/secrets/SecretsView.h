// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class MessageBar;
class QLabel;
class QListView;
class QPushButton;
class SecretEntryDialog;
class SecretListModel;

/// The Secrets page: the names of the secrets in the keychain with Add…, Replace… and Remove.
/// Without a keychain service it says so and offers nothing — there is no plain-text fallback.
class SecretsView : public QWidget
{
    Q_OBJECT

public:
    explicit SecretsView(const QString &home, QWidget *parent = nullptr);

    SecretListModel *model() const { return m_model; }
    QListView *list() const { return m_list; }
    MessageBar *messageBar() const { return m_messages; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *replaceButton() const { return m_replace; }
    QPushButton *removeButton() const { return m_remove; }

    /// The entry dialog (non-modal) for a new secret, or for replacing @p name.
    SecretEntryDialog *showEntryDialog(const QString &name = {});

protected:
    void showEvent(QShowEvent *event) override;

private:
    QString currentName() const;
    void updateButtons();
    void confirmRemove();

    SecretListModel *m_model;
    MessageBar *m_messages;
    QListView *m_list;
    QLabel *m_status;
    QPushButton *m_add;
    QPushButton *m_replace;
    QPushButton *m_remove;
    bool m_checked = false;
};
