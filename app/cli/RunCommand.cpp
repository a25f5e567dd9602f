// SPDX-License-Identifier: GPL-3.0-or-later
#include "RunCommand.h"

#include "CliArgs.h"
#include "CliSettings.h"
#include "ConsoleStreams.h"
#include "ExitCode.h"
#include "Paths.h"
#include "ProgressBar.h"
#include "InterruptSource.h"
#include "TerminalRelay.h"
#include "config/Settings.h"
#include "launch/VolumeSpec.h"
#include "sessions/SessionManager.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

#include <memory>

namespace {

struct RunOptions
{
    SessionRequest request;
    QList<std::pair<QString, QString>> overrides; ///< settings keys given as flags
};

Result<RunOptions> parse(const QStringList &args)
{
    CliArgs cli(args);
    RunOptions options;
    SessionRequest &request = options.request;
    const std::pair<const char *, const char *> settingFlags[] = {
        {"--image", "container_image"},
        {"--net", "container_network"},
        {"--timeout", "container_timeout"},
        {"--memory", "container_memory_mb"},
    };
    for (const auto &[flag, key] : settingFlags) {
        const Result<std::optional<QString>> value = cli.takeValue(QLatin1String(flag));
        if (!value)
            return value.error();
        if (value->has_value())
            options.overrides.append({QLatin1String(key), **value});
    }
    auto directory = [&cli](const QString &flag, QString *target) -> Result<void> {
        const Result<std::optional<QString>> value = cli.takeValue(flag);
        if (!value)
            return value.error();
        if (!value->has_value())
            return {};
#ifndef Q_OS_WIN
        // Only a WSL session can use a Windows path here; it checks the path inside the distribution.
        if (VolumeSpec::isWindowsAbsolute(**value) || VolumeSpec::isUnc(**value)) {
            *target = **value;
            return {};
        }
#endif
        const QFileInfo info(Paths::expandTilde(**value));
        if (!info.isDir())
            return Error::notFound(QStringLiteral("%1 %2: no such directory").arg(flag, **value));
        *target = info.absoluteFilePath();
        return {};
    };
    QString project;
    for (const auto &[flag, target] : {std::pair{QStringLiteral("--bind"), &request.bindDir},
                                       std::pair{QStringLiteral("--persist"), &request.persistDir},
                                       std::pair{QStringLiteral("--project"), &project}}) {
        if (Result<void> ok = directory(flag, target); !ok)
            return ok.error();
    }
    request.projectDir = project.isEmpty() ? QDir::currentPath() : project;

    const Result<QStringList> volumes = cli.takeValues(QStringLiteral("-v"));
    if (!volumes)
        return volumes.error();
    for (const QString &spec : *volumes) {
        const Result<MountSpec> mount = VolumeSpec::parse(spec);
        if (!mount)
            return mount.error();
        request.volumes.append(*mount);
    }
    const Result<QStringList> env = cli.takeValues(QStringLiteral("-e"));
    if (!env)
        return env.error();
    request.environment = *env;
    const Result<std::optional<QString>> backend = cli.takeValue(QStringLiteral("--backend"));
    if (!backend)
        return backend.error();
    if (backend->has_value())
        request.backend = **backend;

    const Result<QStringList> rest = cli.positionals();
    if (!rest)
        return rest.error();
    if (!rest->isEmpty())
        return Error::invalid(QStringLiteral("unexpected '%1'; put the command after --, e.g. run -- %1").arg(rest->first()));
    request.command = cli.command();
    return options;
}

} // namespace

QStringList RunCommand::synopsis() const
{
    return {QStringLiteral("run [--image NAME] [-v HOST:CONT[:ro]]... [--bind DIR] [--persist DIR] [--net MODE]"),
            QStringLiteral("    [-e K=V]... [--timeout SEC] [--memory MB] [--backend auto|namespace|wsl|host]"),
            QStringLiteral("    [--project DIR] [-- CMD [ARG...]]")};
}

int RunCommand::run(const QStringList &args, Console &console)
{
    auto fail = [&console](const QString &message) {
        console.err << "scorpiox-desktop: " << message << '\n';
        console.err.flush();
        return ExitCode::RuntimeFailed;
    };
    Result<RunOptions> options = parse(args);
    if (!options)
        return fail(options.error().message);

    const std::unique_ptr<Settings> settings = loadCliSettings(console, options->request.projectDir);
    if (!settings)
        return ExitCode::RuntimeFailed;
    // Started from tmux, a WSL session also takes the seed's TMUX_WSL_* keys: the extra
    // arguments go first so the command line's own flags still win.
    const Result<QString> backend =
        SessionManager::resolveBackend(options->request.backend, SessionConfig::fromSettings(*settings));
    if (qEnvironmentVariableIsSet("TMUX") && backend && *backend == QLatin1String("wsl")) {
        QStringList extra = QProcess::splitCommand(settings->value(QStringLiteral("TMUX_WSL_EXTRA_ARGS")));
        const QString volume = settings->value(QStringLiteral("TMUX_WSL_VOLUME_MOUNT"));
        if (!volume.isEmpty())
            extra << QStringLiteral("-v") << volume;
        options = parse(extra + args);
        if (!options)
            return fail(QStringLiteral("TMUX_WSL_EXTRA_ARGS/TMUX_WSL_VOLUME_MOUNT: ") + options.error().message);
    }
    for (const auto &[key, value] : options->overrides) {
        if (Result<void> set = settings->setOverride(key, value); !set)
            return fail(set.error().message);
    }

    SessionRequest request = options->request;
    request.terminal = ConsoleStreams::isTerminal(ConsoleStreams::Stream::Input)
                       && ConsoleStreams::isTerminal(ConsoleStreams::Stream::Output);
    if (request.terminal)
        std::tie(request.rows, request.columns) = ConsoleStreams::terminalSize();
    const SessionConfig config = SessionConfig::fromSettings(*settings);

    // Outlives the manager: on Windows a closing console ends the process once this is gone, and
    // by then every session has released its distribution.
    InterruptSource interrupts;
    SessionManager manager;
    const Result<Session *> started = manager.start(request, config);
    if (!started)
        return fail(started.error().message);
    Session *session = *started;
    if (session->backend() == QLatin1String("host"))
        console.err << "scorpiox-desktop: note: running on the host without isolation (container_enabled=false "
                       "or --backend host)\n";
    console.err.flush();

    ProgressBar bar(console.err);
    std::unique_ptr<TerminalRelay> relay;
    return runEventLoop([&](std::function<void(int)> exit) {
        // Progress is for a person watching; scripts get only the outcome (one line on failure).
        QObject::connect(session, &Session::statusMessage, session, [&bar](const QString &text) {
            if (bar.isTerminal())
                bar.message(QStringLiteral("scorpiox: ") + text);
        });
        QObject::connect(session, &Session::provisionOutput, session,
                         [&bar](const QString &line) { bar.outputLine(line); });
        QObject::connect(session, &Session::progress, session,
                         [&bar](qint64 done, qint64 total, double rate, int eta) { bar.draw(done, total, rate, eta); });
        QObject::connect(session, &Session::stateChanged, session, [&](Session::State state) {
            if (state != Session::State::Running)
                return;
            bar.finish();
            if (request.terminal && session->pty())
                relay = std::make_unique<TerminalRelay>(session->pty());
        });
        QObject::connect(session, &Session::finished, session, [&, exit](int code, const QString &reason) {
            relay.reset();
            if (code == ExitCode::RuntimeFailed || code == ExitCode::TimedOut)
                console.err << "scorpiox-desktop: " << reason << '\n';
            console.err.flush();
            exit(code);
        });
        QObject::connect(session, &Session::failed, session, [&, exit](const Error &error) {
            relay.reset();
            bar.finish();
            console.err << "scorpiox-desktop: " << error.message << '\n';
            console.err.flush();
            exit(ExitCode::RuntimeFailed);
        });
        QObject::connect(&interrupts, &InterruptSource::terminalResized, session, [&relay] {
            if (relay)
                relay->updateSize();
        });
        QObject::connect(&interrupts, &InterruptSource::interrupted, session,
                         [session](int signal) { session->stop(signal); });
    });
}
