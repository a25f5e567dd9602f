// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretStore.h"

#include "Logging.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>

#include <qt6keychain/keychain.h>

namespace {

const QString kService = QStringLiteral("scorpiox-desktop");

Error keychainError(const QKeychain::Job &job, const QString &what)
{
    if (job.error() == QKeychain::NoBackendAvailable || job.error() == QKeychain::NotImplemented
        || (job.error() == QKeychain::OtherError && job.errorString().contains(QLatin1String("D-Bus"), Qt::CaseInsensitive)))
        return Error::unsupported(QStringLiteral("cannot %1: no keychain service is available (%2); start GNOME Keyring "
                                                 "or KWallet in your session — secrets are never stored in plain text")
                                      .arg(what, job.errorString()));
    if (job.error() == QKeychain::AccessDenied || job.error() == QKeychain::AccessDeniedByUser)
        return Error::permission(QStringLiteral("cannot %1: the keychain refused access (%2); unlock it and try again")
                                     .arg(what, job.errorString()));
    return Error::io(QStringLiteral("cannot %1: %2").arg(what, job.errorString()));
}

} // namespace

SecretStore::SecretStore(QString home, QObject *parent)
    : QObject(parent)
    , m_home(std::move(home))
{
}

bool SecretStore::isValidName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,127}$"));
    return pattern.match(name).hasMatch();
}

QString SecretStore::listPath() const
{
    return m_home + QStringLiteral("/secrets.list");
}

QStringList SecretStore::names() const
{
    return namesIn(m_home);
}

QStringList SecretStore::namesIn(const QString &home)
{
    QFile file(home + QStringLiteral("/secrets.list"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList result;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QString name = QString::fromUtf8(line).trimmed();
        if (isValidName(name) && !result.contains(name))
            result.append(name);
    }
    result.sort();
    return result;
}

Result<void> SecretStore::writeNames(const QStringList &names) const
{
    QDir().mkpath(m_home);
    QSaveFile file(listPath());
    if (!file.open(QIODevice::WriteOnly))
        return Error::io(QStringLiteral("cannot write %1: %2").arg(listPath(), file.errorString()));
    file.write(names.join(QLatin1Char('\n')).toUtf8() + '\n');
    if (!file.commit())
        return Error::io(QStringLiteral("cannot write %1: %2").arg(listPath(), file.errorString()));
    return {};
}

void SecretStore::store(const QString &name, const QString &value, std::function<void(Result<void>)> done)
{
    if (!isValidName(name)) {
        done(Error::invalid(QStringLiteral("'%1' is not a secret name; use an environment variable name like ANTHROPIC_API_KEY")
                                .arg(name)));
        return;
    }
    auto *job = new QKeychain::WritePasswordJob(kService, this);
    job->setKey(name);
    job->setTextData(value);
    connect(job, &QKeychain::Job::finished, this, [this, job, name, done = std::move(done)] {
        if (job->error() != QKeychain::NoError) {
            done(keychainError(*job, QStringLiteral("store secret %1").arg(name)));
            return;
        }
        QStringList all = names();
        if (!all.contains(name))
            all.append(name);
        all.sort();
        done(writeNames(all));
    });
    job->start();
}

void SecretStore::remove(const QString &name, std::function<void(Result<void>)> done)
{
    if (!names().contains(name)) {
        done(Error::notFound(QStringLiteral("no secret named %1; 'secret list' shows the stored names").arg(name)));
        return;
    }
    auto *job = new QKeychain::DeletePasswordJob(kService, this);
    job->setKey(name);
    connect(job, &QKeychain::Job::finished, this, [this, job, name, done = std::move(done)] {
        if (job->error() != QKeychain::NoError && job->error() != QKeychain::EntryNotFound) {
            done(keychainError(*job, QStringLiteral("remove secret %1").arg(name)));
            return;
        }
        QStringList all = names();
        all.removeAll(name);
        done(writeNames(all));
    });
    job->start();
}

void SecretStore::probe(std::function<void(Result<void>)> done)
{
    // A key no one stores: "not found" proves the service answers without touching a secret.
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setKey(QStringLiteral("scorpiox-probe"));
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        if (job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound)
            done(Result<void>());
        else
            done(keychainError(*job, QStringLiteral("use the keychain")));
    });
    job->start();
}

void SecretStore::readAll(std::function<void(Result<QHash<QString, QString>>)> done)
{
    readNext(names(), {}, std::move(done));
}

void SecretStore::readNext(QStringList pending, QHash<QString, QString> values,
                           std::function<void(Result<QHash<QString, QString>>)> done)
{
    if (pending.isEmpty()) {
        done(values);
        return;
    }
    const QString name = pending.takeFirst();
    auto *job = new QKeychain::ReadPasswordJob(kService, this);
    job->setKey(name);
    connect(job, &QKeychain::Job::finished, this,
            [this, job, name, pending = std::move(pending), values = std::move(values), done = std::move(done)]() mutable {
                if (job->error() == QKeychain::EntryNotFound) {
                    qCWarning(lcSecrets) << "secret" << name << "is listed but not in the keychain; skipped";
                } else if (job->error() != QKeychain::NoError) {
                    done(keychainError(*job, QStringLiteral("read secret %1").arg(name)));
                    return;
                } else {
                    values.insert(name, job->textData());
                }
                readNext(std::move(pending), std::move(values), std::move(done));
            });
    job->start();
}
