// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Result.h"

#include <QHash>
#include <QObject>
#include <QStringList>

#include <functional>

/// Named secrets (API keys, registry credentials) kept in the OS keychain through QtKeychain.
///
/// A keychain cannot be enumerated, so the names — never the values — are listed in
/// `<home>/secrets.list`. Without a keychain service every call fails with a message saying
/// so; there is no plain-text fallback. Calls are asynchronous: the callback runs in this
/// object's thread, which needs a running event loop.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    explicit SecretStore(QString home, QObject *parent = nullptr);

    /// The names of the stored secrets, sorted.
    QStringList names() const;
    /// The same list read from `<home>/secrets.list` without a store object, for a worker thread.
    static QStringList namesIn(const QString &home);
    static bool isValidName(const QString &name);

    void store(const QString &name, const QString &value, std::function<void(Result<void>)> done);
    void remove(const QString &name, std::function<void(Result<void>)> done);
    /// Asks the keychain service whether it answers, without reading any secret; fails with the
    /// same message a store would when no service runs.
    void probe(std::function<void(Result<void>)> done);
    /// Reads every listed secret; the first failure ends the read with its error.
    void readAll(std::function<void(Result<QHash<QString, QString>>)> done);

private:
    QString listPath() const;
    Result<void> writeNames(const QStringList &names) const;
    void readNext(QStringList pending, QHash<QString, QString> values,
                  std::function<void(Result<QHash<QString, QString>>)> done);

    QString m_home;
};
