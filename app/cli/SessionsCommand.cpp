// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionsCommand.h"

#include "CliArgs.h"
#include "CliSettings.h"
#include "ExitCode.h"
#include "sessions/SessionStore.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace {

QString uptime(const QDateTime &created)
{
    const qint64 seconds = std::max<qint64>(0, created.secsTo(QDateTime::currentDateTimeUtc()));
    if (seconds < 120)
        return QStringLiteral("%1s").arg(seconds);
    if (seconds < 7200)
        return QStringLiteral("%1m").arg(seconds / 60);
    return QStringLiteral("%1h%2m").arg(seconds / 3600).arg(seconds % 3600 / 60, 2, 10, QLatin1Char('0'));
}

// One line per record that could not be read: its path, what is wrong, and that 'cleanup' removes it.
void reportUnreadable(const SessionStore::Listing &listing, Console &console)
{
    for (const Error &error : listing.unreadable)
        console.err << "scorpiox-desktop: skipped " << error.message << '\n';
}

} // namespace

int SessionsCommand::run(const QStringList &args, Console &console)
{
    CliArgs cli(args);
    const bool json = cli.takeFlag(QStringLiteral("--json"));
    const Result<QStringList> rest = cli.positionals();
    if (!rest || !rest->isEmpty()) {
        console.err << "scorpiox-desktop: usage: sessions [--json]\n";
        return ExitCode::RuntimeFailed;
    }
    const std::unique_ptr<Settings> settings = loadCliSettings(console);
    if (!settings)
        return ExitCode::RuntimeFailed;
    const SessionStore store(settings->pathValue(QStringLiteral("container_cache_dir")));
    const SessionStore::Listing listing = store.list();
    QList<SessionRecord> live;
    for (const SessionRecord &record : listing.records) {
        if (record.isOwnerAlive())
            live.append(record);
    }
    if (json) {
        QJsonArray array;
        for (const SessionRecord &record : live) {
            QJsonObject object = record.toJson();
            object.insert(QStringLiteral("state"), QStringLiteral("running"));
            array.append(object);
        }
        console.out << QJsonDocument(array).toJson(QJsonDocument::Indented);
        reportUnreadable(listing, console);
        return 0;
    }
    console.out << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                       .arg(QStringLiteral("ID"), -6)
                       .arg(QStringLiteral("IMAGE"), -12)
                       .arg(QStringLiteral("BACKEND"), -9)
                       .arg(QStringLiteral("NETWORK"), -8)
                       .arg(QStringLiteral("UPTIME"), -7)
                       .arg(QStringLiteral("COMMAND"));
    for (const SessionRecord &record : live) {
        console.out << QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                           .arg(record.id, -6)
                           .arg(record.image.isEmpty() ? QStringLiteral("-") : record.image, -12)
                           .arg(record.backend, -9)
                           .arg(record.network, -8)
                           .arg(uptime(record.created), -7)
                           .arg(record.command.isEmpty() ? QStringLiteral("(agent)") : record.command.join(QLatin1Char(' ')));
    }
    reportUnreadable(listing, console);
    return 0;
}
