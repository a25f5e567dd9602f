// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecretCommand.h"

#include "CliArgs.h"
#include "ExitCode.h"
#include "Paths.h"
#include "secrets/SecretStore.h"

#include <QFile>

#include <cstdio>

QStringList SecretCommand::synopsis() const
{
    return {QStringLiteral("secret set NAME        (the value is read from standard input)"),
            QStringLiteral("secret list"), QStringLiteral("secret rm NAME")};
}

int SecretCommand::run(const QStringList &args, Console &console)
{
    const Result<QStringList> words = CliArgs(args).positionals();
    auto fail = [&console](const QString &message) {
        console.err << "scorpiox-desktop: " << message << '\n';
        return ExitCode::RuntimeFailed;
    };
    if (!words)
        return fail(words.error().message + QStringLiteral(" for 'secret'"));
    const QString sub = words->value(0);
    SecretStore store(Paths::scorpioxHome());

    if (sub == QLatin1String("list") && words->size() == 1) {
        for (const QString &name : store.names())
            console.out << name << '\n';
        return 0;
    }
    auto report = [&console](Result<void> result, const std::function<void(int)> &exit) {
        if (!result) {
            console.err << "scorpiox-desktop: " << result.error().message << '\n';
            console.err.flush();
            exit(ExitCode::RuntimeFailed);
            return;
        }
        exit(0);
    };
    if (sub == QLatin1String("set") && words->size() == 2) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot read the secret from standard input"));
        // The value arrives on stdin so it never shows on a command line or in shell history.
        QByteArray value = in.readAll();
        while (value.endsWith('\n') || value.endsWith('\r'))
            value.chop(1);
        if (value.isEmpty())
            return fail(QStringLiteral("no value on standard input; e.g. printf %s \"$KEY\" | scorpiox-desktop --cli secret set %1")
                            .arg(words->at(1)));
        return runEventLoop([&](std::function<void(int)> exit) {
            store.store(words->at(1), QString::fromUtf8(value), [&report, exit](Result<void> r) { report(r, exit); });
        });
    }
    if (sub == QLatin1String("rm") && words->size() == 2) {
        return runEventLoop([&](std::function<void(int)> exit) {
            store.remove(words->at(1), [&report, exit](Result<void> r) { report(r, exit); });
        });
    }
    return fail(QStringLiteral("usage: ") + synopsis().join(QStringLiteral(" | ")));
}
