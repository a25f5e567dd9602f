// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExecCommand.h"

#include "CliArgs.h"
#include "CliSettings.h"
#include "ConsoleStreams.h"
#include "ExitCode.h"
#include "InterruptSource.h"
#include "TerminalRelay.h"
#include "pty/Pty.h"
#include "sessions/SessionEnvironment.h"
#include "sessions/SessionManager.h"
#include "sessions/SessionStore.h"

#include <QProcess>

int ExecCommand::run(const QStringList &args, Console &console)
{
    auto fail = [&console](const QString &message) {
        console.err << "scorpiox-desktop: " << message << '\n';
        console.err.flush();
        return ExitCode::RuntimeFailed;
    };
    CliArgs cli(args);
    const Result<QStringList> words = cli.positionals();
    if (!words || words->size() != 1)
        return fail(QStringLiteral("usage: exec ID [-- CMD [ARG...]]"));
    const std::unique_ptr<Settings> settings = loadCliSettings(console);
    if (!settings)
        return ExitCode::RuntimeFailed;
    const SessionConfig config = SessionConfig::fromSettings(*settings);
    const Result<SessionRecord> record = SessionStore(config.cacheDir).find(words->first());
    if (!record)
        return fail(record.error().message);
    if (!record->isOwnerAlive())
        return fail(QStringLiteral("session %1 is not running; 'cleanup' removes what it left").arg(record->id));
    const Result<std::unique_ptr<Launcher>> launcher = SessionManager::makeLauncher(record->backend, config);
    if (!launcher)
        return fail(launcher.error().message);
    const Result<LaunchCommand> command = (*launcher)->enter(*record, cli.command());
    if (!command)
        return fail(command.error().message);
    const Result<QStringList> environment =
        SessionEnvironment::build(QProcessEnvironment::systemEnvironment(), {}, command->environment);
    if (!environment)
        return fail(environment.error().message);
    const QProcessEnvironment env = processEnvironment(*environment);

    if (ConsoleStreams::isTerminal(ConsoleStreams::Stream::Input)
        && ConsoleStreams::isTerminal(ConsoleStreams::Stream::Output)) {
        std::unique_ptr<Pty> ptyOwner(Pty::create());
        Pty &pty = *ptyOwner;
        PtyStartOptions options;
        options.program = command->program;
        options.arguments = command->arguments;
        options.environment = env;
        options.workingDirectory = command->workingDirectory;
        std::tie(options.rows, options.columns) = ConsoleStreams::terminalSize();
        if (Result<void> started = pty.start(options); !started)
            return fail(started.error().message);
        auto relay = std::make_unique<TerminalRelay>(&pty);
        InterruptSource interrupts;
        return runEventLoop([&](std::function<void(int)> exit) {
            QObject::connect(&pty, &Pty::finished, &pty, [&relay, exit](int code, int signal) {
                relay.reset();
                exit(signal ? ExitCode::SignalBase + signal : code);
            });
            QObject::connect(&interrupts, &InterruptSource::terminalResized, &pty, [&relay] {
                if (relay)
                    relay->updateSize();
            });
            QObject::connect(&interrupts, &InterruptSource::interrupted, &pty,
                             [&pty](int signal) { InterruptSource::passOn(pty, signal); });
        });
    }
    QProcess process;
    process.setProgram(command->program);
    process.setArguments(command->arguments);
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::ForwardedChannels);
    process.setInputChannelMode(QProcess::ForwardedInputChannel);
    process.start();
    if (!process.waitForStarted(-1))
        return fail(QStringLiteral("cannot start %1: %2").arg(command->program, process.errorString()));
    process.waitForFinished(-1);
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : ExitCode::SignalBase + process.exitCode();
}
