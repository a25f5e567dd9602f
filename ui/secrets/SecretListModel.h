// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>
#include <QStringList>

class SecretStore;

/// The names of the stored secrets — never their values — for the Secrets page, and the
/// add/replace/remove operations on them. Every keychain call is a QtKeychain job and the names
/// file is read on a worker thread, so nothing here blocks the GUI thread.
class SecretListModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum class State { Checking, Ready, Busy, Unavailable };

    explicit SecretListModel(QString home, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    State state() const { return m_state; }
    /// Why the keychain cannot be used (the same words the CLI prints), empty while it can.
    QString unavailableReason() const { return m_unavailableReason; }
    QStringList names() const { return m_names; }

    /// Asks the keychain whether it answers and reads the names again.
    void refresh();
    /// Stores @p value under @p name (adding or replacing it). The value goes straight to the
    /// keychain job; the model keeps no copy.
    void store(const QString &name, const QString &value);
    void remove(const QString &name);

Q_SIGNALS:
    void stateChanged(SecretListModel::State state);
    /// An add/replace/remove ended; @p message says what happened or why it failed.
    void operationFinished(bool ok, const QString &message);

private:
    void setState(State state);
    void reloadNames(const QString &message = {});
    void setNames(const QStringList &names);

    QString m_home;
    SecretStore *m_store;
    QStringList m_names;
    QString m_unavailableReason;
    State m_state = State::Checking;
};
