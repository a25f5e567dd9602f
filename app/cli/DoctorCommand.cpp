// SPDX-License-Identifier: GPL-3.0-or-later
#include "DoctorCommand.h"

#include "CliArgs.h"
#include "ExitCode.h"
#include "Paths.h"
#include "config/Settings.h"
#include "doctor/HostCheck.h"

#include <QDir>

int DoctorCommand::run(const QStringList &args, Console &console)
{
    CliArgs cli(args);
    const Result<std::optional<QString>> project = cli.takeValue(QStringLiteral("--project"));
    const Result<QStringList> rest = project ? cli.positionals() : Result<QStringList>(project.error());
    if (!rest || !rest->isEmpty()) {
        console.err << "scorpiox-desktop: " << (rest ? QStringLiteral("usage: doctor [--project DIR]") : rest.error().message)
                    << '\n';
        return ExitCode::RuntimeFailed;
    }
    Settings settings(Paths::scorpioxHome(), project->has_value() ? QDir(**project).absolutePath() : QDir::currentPath());
    const QList<Diagnostic> diagnostics = settings.load();

    int failures = 0;
    auto print = [&](const HostCheck &check) {
        static const char *const marks[] = {"ok  ", "warn", "FAIL"};
        console.out << marks[int(check.status)] << "  " << check.subject << ": " << check.detail << '\n';
        if (!check.fix.isEmpty())
            console.out << "      fix: " << check.fix << '\n';
        if (check.status == HostCheck::Status::Failed)
            ++failures;
    };
    if (diagnostics.isEmpty()) {
        print({HostCheck::Status::Ok, QStringLiteral("settings"), settings.globalFile() + QStringLiteral(", ")
                                                                       + settings.projectFile(), {}});
    }
    for (const Diagnostic &d : diagnostics) {
        print({d.isError() ? HostCheck::Status::Failed : HostCheck::Status::Warning, QStringLiteral("settings"),
               d.toString(), d.isError() ? QStringLiteral("edit the file, then run 'config validate'") : QString()});
    }
    for (const HostCheck &check : HostCheck::runAll(settings))
        print(check);
    console.out.flush();
    QObject context;
    runEventLoop([&](std::function<void(int)> exit) {
        HostCheck::checkRegistry(settings, &context, [&print, exit](const HostCheck &check) {
            print(check);
            exit(0);
        });
    });
    return failures == 0 ? 0 : 1;
}
