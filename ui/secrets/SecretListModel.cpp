// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretListModel.h"

#include "secrets/SecretStore.h"

#include <QFutureWatcher>
#include <QtConcurrent>

SecretListModel::SecretListModel(QString home, QObject *parent)
    : QAbstractListModel(parent)
    , m_home(std::move(home))
    , m_store(new SecretStore(m_home, this))
{
}

int SecretListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_names.size());
}

QVariant SecretListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::DisplayRole || role == Qt::EditRole)
        return m_names.at(index.row());
    if (role == Qt::ToolTipRole)
        return tr("Set in every new session as $%1").arg(m_names.at(index.row()));
    return {};
}

void SecretListModel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void SecretListModel::refresh()
{
    if (m_state == State::Busy)
        return;
    setState(State::Checking);
    m_store->probe([this](Result<void> answered) {
        if (!answered) {
            m_unavailableReason = answered.error().message;
            setNames({});
            setState(State::Unavailable);
            return;
        }
        m_unavailableReason.clear();
        reloadNames();
    });
}

void SecretListModel::reloadNames(const QString &message)
{
    auto *watcher = new QFutureWatcher<QStringList>(this);
    connect(watcher, &QFutureWatcher<QStringList>::finished, this, [this, watcher, message] {
        setNames(watcher->result());
        watcher->deleteLater();
        const bool finishing = m_state == State::Busy;
        setState(State::Ready);
        if (finishing)
            Q_EMIT operationFinished(true, message);
    });
    watcher->setFuture(QtConcurrent::run([home = m_home] { return SecretStore::namesIn(home); }));
}

void SecretListModel::setNames(const QStringList &names)
{
    if (names == m_names)
        return;
    beginResetModel();
    m_names = names;
    endResetModel();
}

void SecretListModel::store(const QString &name, const QString &value)
{
    if (m_state != State::Ready)
        return;
    setState(State::Busy);
    const bool replacing = m_names.contains(name);
    m_store->store(name, value, [this, name, replacing](Result<void> stored) {
        if (!stored) {
            setState(State::Ready);
            Q_EMIT operationFinished(false, stored.error().message);
            return;
        }
        reloadNames(replacing ? tr("Secret %1 replaced.").arg(name) : tr("Secret %1 added.").arg(name));
    });
}

void SecretListModel::remove(const QString &name)
{
    if (m_state != State::Ready)
        return;
    setState(State::Busy);
    m_store->remove(name, [this, name](Result<void> removed) {
        if (!removed) {
            setState(State::Ready);
            Q_EMIT operationFinished(false, removed.error().message);
            return;
        }
        reloadNames(tr("Secret %1 removed.").arg(name));
    });
}
