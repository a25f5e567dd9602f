// SPDX-License-Identifier: GPL-3.0-or-later
#include "StopCommand.h"

#include "CliArgs.h"
#include "CliSettings.h"
#include "ExitCode.h"
#include "sessions/SessionStopper.h"

int StopCommand::run(const QStringList &args, Console &console)
{
    const Result<QStringList> words = CliArgs(args).positionals();
    if (!words || words->size() != 1) {
        console.err << "scorpiox-desktop: usage: stop ID\n";
        return ExitCode::RuntimeFailed;
    }
    const std::unique_ptr<Settings> settings = loadCliSettings(console);
    if (!settings)
        return ExitCode::RuntimeFailed;
    const Result<SessionRecord> stopped =
        SessionStopper(settings->pathValue(QStringLiteral("container_cache_dir"))).stop(words->first());
    if (!stopped) {
        console.err << "scorpiox-desktop: " << stopped.error().message << '\n';
        return ExitCode::RuntimeFailed;
    }
    console.out << "stopped " << stopped->name() << '\n';
    return 0;
}
