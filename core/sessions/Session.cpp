// SPDX-License-Identifier: GPL-3.0-or-later
#include "Session.h"

#include "ExitCode.h"
#include "Logging.h"
#include "SessionEnvironment.h"
#include "SessionLogWriter.h"
#include "SessionProcess.h"
#include "SessionSpec.h"
#include "SessionStore.h"
#include "images/ImageCache.h"
#include "images/ImagePuller.h"
#include "images/PackageProvisioner.h"
#include "pty/Pty.h"
#include "secrets/SecretStore.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QStandardPaths>
#include <QDir>
#include <QFutureWatcher>
#include <QtConcurrent>

namespace {

// Linux's numbers on every platform: exit codes follow Docker's 128+N, and Windows has no SIGHUP or SIGKILL.
QString signalName(int signal)
{
    switch (signal) {
    case 1:
        return QStringLiteral("SIGHUP");
    case 2:
        return QStringLiteral("SIGINT");
    case 6:
        return QStringLiteral("SIGABRT");
    case 9:
        return QStringLiteral("SIGKILL");
    case 11:
        return QStringLiteral("SIGSEGV");
    case 15:
        return QStringLiteral("SIGTERM");
    default:
        return QStringLiteral("signal %1").arg(signal);
    }
}

/// Runs @p work on the thread pool and hands its result to @p done on @p context's thread.
template<typename T>
void runInBackground(QObject *context, std::function<T()> work, std::function<void(T)> done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done = std::move(done)] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace

Session::Session(SessionRequest request, SessionConfig config, std::unique_ptr<Launcher> launcher, QObject *parent)
    : QObject(parent)
    , m_request(std::move(request))
    , m_config(std::move(config))
    , m_launcher(std::move(launcher))
{
    m_killTimer.setSingleShot(true);
    connect(&m_killTimer, &QTimer::timeout, this, [this] {
        if (m_process)
            m_process->kill();
    });
    m_hostTimeout.setSingleShot(true);
    connect(&m_hostTimeout, &QTimer::timeout, this, [this] {
        m_timedOut = true;
        stop();
    });
}

Session::~Session()
{
    m_provisionCancelled->store(true);
    // Before the files go: what the log still has queued could otherwise make it again.
    m_log.reset();
    // The application is going away with the session still running: end it and leave nothing.
    if ((m_state == State::Running || m_state == State::Stopping) && m_process)
        m_process->kill();
    if (m_state != State::Exited && m_state != State::Failed)
        cleanUpFiles();
}

QString Session::stateName(State state)
{
    switch (state) {
    case State::Resolving:
        return tr("resolving");
    case State::PreparingImage:
        return tr("preparing image");
    case State::Provisioning:
        return tr("installing packages");
    case State::CreatingOverlay:
        return tr("creating overlay");
    case State::Starting:
        return tr("starting");
    case State::Running:
        return tr("running");
    case State::Stopping:
        return tr("stopping");
    case State::Exited:
        return tr("exited");
    case State::Failed:
        return tr("failed");
    }
    return {};
}

QString Session::describeExit(int code, int timeoutSec)
{
    if (code == ExitCode::TimedOut)
        return tr("timed out after %1 s (container_timeout)").arg(timeoutSec);
    if (code == ExitCode::RuntimeFailed)
        return tr("the runtime failed");
    if (code == ExitCode::CannotExecute)
        return tr("the command could not be executed");
    if (code == ExitCode::NotFound)
        return tr("the command was not found");
    if (code > ExitCode::SignalBase && code < ExitCode::SignalBase + 65)
        return tr("killed by %1").arg(signalName(code - ExitCode::SignalBase));
    return tr("exited with code %1").arg(code);
}

Pty *Session::pty() const
{
    return m_process ? m_process->pty() : nullptr;
}

QFuture<QByteArray> Session::history() const
{
    return m_log ? m_log->tail() : QtFuture::makeReadyFuture(m_endHistory);
}

void Session::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    qCDebug(lcSessions) << name() << "is" << stateName(state);
    Q_EMIT stateChanged(state);
}

void Session::start()
{
    if (m_ending)
        return; // stopped before it began
    SessionStore store(m_config.cacheDir);
    SessionRecord proto;
    proto.backend = m_launcher->backend();
    proto.image = proto.backend == QLatin1String("host") ? QString() : m_config.image;
    proto.network = networkModeName(m_config.network);
    proto.projectDir = m_request.projectDir;
    proto.command = m_request.command;
    Result<SessionRecord> created = store.create(proto);
    if (!created)
        return fail(created.error());
    m_record = *created;
    if (proto.backend == QLatin1String("wsl")) {
        m_record.distro = m_record.name();
        if (Result<void> saved = store.update(m_record); !saved)
            return fail(saved.error());
    }
    m_log = std::make_unique<SessionLogWriter>(store.logPath(m_record.id));
    if (Result<void> opened = m_log->open(); !opened)
        return fail(opened.error());
    connect(m_log.get(), &SessionLogWriter::failed, this,
            [](const QString &message) { qCWarning(lcSessions).noquote() << message; });
    Q_EMIT stateChanged(m_state);
    readSecrets();
}

void Session::readSecrets()
{
    auto *secrets = new SecretStore(m_config.home, this);
    secrets->readAll([this, secrets](Result<QHash<QString, QString>> values) {
        secrets->deleteLater();
        if (m_ending)
            return;
        if (!values)
            return fail(values.error());
        ensureImage(*values);
    });
}

void Session::ensureImage(const QHash<QString, QString> &secrets)
{
    m_secrets = secrets;
    if (m_launcher->backend() == QLatin1String("host"))
        return prepareLauncher();
    setState(State::PreparingImage);
    m_puller = new ImagePuller(ImageCache(m_config.cacheDir), m_config.registry, this);
    m_puller->setTimeout(m_config.registryTimeoutSec);
    connect(m_puller, &ImagePuller::status, this, &Session::statusMessage);
    connect(m_puller, &ImagePuller::progress, this, &Session::progress);
    connect(m_puller, &ImagePuller::succeeded, this, &Session::onImageReady);
    connect(m_puller, &ImagePuller::failed, this, [this](const Error &error) {
        fail({error.kind, QStringLiteral("image %1: %2").arg(m_config.image, error.message)});
    });
    m_puller->ensure(m_config.image);
}

void Session::onImageReady(const ImageMetadata &image)
{
    if (m_puller)
        m_puller->deleteLater();
    if (m_ending)
        return;
    const ImageCache cache(m_config.cacheDir);
    m_rootfs = cache.rootfsPath(image.name);
    if (!image.archive.isEmpty())
        m_archive = cache.archivesDir() + QLatin1Char('/') + image.archive;
    provisionPackages(image);
}

void Session::provisionPackages(const ImageMetadata &image)
{
    if (m_config.packages.isEmpty())
        return createOverlay();
    using Outcome = PackageProvisioner::Outcome;
    // The worker may outlive this session: its lines go through the application object and
    // reach the session only while it exists.
    const QPointer<Session> self(this);
    ProvisionRunner runner = m_launcher->provisionRunner(m_provisionCancelled, [self](const QString &line) {
        QMetaObject::invokeMethod(
            QCoreApplication::instance(), [self, line] { if (self) self->onProvisionLine(line); }, Qt::QueuedConnection);
    });
    // Without one the backend has no package layers (a WSL distro installs inside itself).
    if (!runner)
        return createOverlay();
    PackageProvisioner provisioner(ImageCache(m_config.cacheDir), std::move(runner), m_provisionCancelled);
    provisioner.setTimeout(m_config.packagesTimeoutSec);
    const QStringList packages = m_config.packages;
    runInBackground<Result<Outcome>>(
        this, [provisioner, image, packages] { return provisioner.lookUp(image, packages); },
        [this, provisioner, image, packages](Result<Outcome> found) {
            if (m_ending)
                return;
            if (!found)
                return fail(found.error());
            if (!found->notice.isEmpty())
                Q_EMIT statusMessage(found->notice);
            if (!found->needsInstall) {
                m_layers = found->layers;
                return createOverlay();
            }
            setState(State::Provisioning);
            Q_EMIT statusMessage(QStringLiteral("installing packages: ") + packages.join(QStringLiteral(", ")));
            runInBackground<Result<Outcome>>(
                this, [provisioner, image, packages] { return provisioner.provision(image, packages); },
                [this](Result<Outcome> installed) {
                    if (m_ending)
                        return;
                    if (!installed)
                        return fail(installed.error());
                    m_layers = installed->layers;
                    createOverlay();
                });
        });
}

void Session::onProvisionLine(const QString &line)
{
    if (m_ending)
        return;
    if (m_log)
        m_log->append(line.toUtf8() + "\r\n");
    Q_EMIT provisionOutput(line);
}

void Session::createOverlay()
{
    if (m_launcher->backend() == QLatin1String("namespace")) {
        setState(State::CreatingOverlay);
        SessionStore store(m_config.cacheDir);
        m_overlayDir = store.overlayDir(m_record.id);
        if (!QDir().mkpath(m_overlayDir))
            return fail(Error::io(QStringLiteral("cannot create %1: check container_cache_dir is writable").arg(m_overlayDir)));
        m_record.overlayDir = m_overlayDir;
        if (Result<void> saved = store.update(m_record); !saved)
            return fail(saved.error());
    }
    prepareLauncher();
}

void Session::prepareLauncher()
{
    setState(State::Starting);
    Result<QStringList> environment =
        SessionEnvironment::build(QProcessEnvironment::systemEnvironment(), m_secrets, m_request.environment);
    m_secrets.clear();
    if (!environment)
        return fail(environment.error());
    SessionSpec::Inputs inputs{m_request, m_config, m_record, m_launcher->backend(), m_rootfs, m_layers, m_archive,
                               m_overlayDir, *environment};
    QStringList notes;
    Result<LaunchSpec> spec = SessionSpec::build(inputs, &notes);
    if (!spec)
        return fail(spec.error());
    for (const QString &note : notes)
        Q_EMIT statusMessage(note);
    m_spec = *spec;

    std::shared_ptr<Launcher> launcher = m_launcher;
    const LaunchSpec prepared = *m_spec;
    const SessionRecord record = m_record;
    runInBackground<Result<void>>(
        this, [launcher, prepared, record] { return launcher->prepare(prepared, record); },
        [this](Result<void> ready) {
            if (m_ending)
                return;
            if (!ready)
                return fail(ready.error());
            launch();
        });
}

void Session::launch()
{
    m_process = SessionProcess::create(this);
    m_spec->statusFd = m_process->statusFd();
    Result<LaunchCommand> command = m_launcher->command(*m_spec, m_record);
    if (!command)
        return fail(command.error());
    connect(m_process, &SessionProcess::output, this, [this](const QByteArray &bytes) {
        if (m_log && !m_ending)
            m_log->append(bytes);
        Q_EMIT output(bytes);
    });
    connect(m_process, &SessionProcess::containerStarted, this, &Session::onContainerStarted);
    connect(m_process, &SessionProcess::runtimeError, this, [this](const QString &message) { m_runtimeError = message; });
    connect(m_process, &SessionProcess::finished, this, &Session::onProcessEnded);

    const Result<void> started = m_process->start(*command, {m_request.terminal, m_request.rows, m_request.columns});
    if (!started) {
        // The host backend execs the command itself: a missing or unusable program is the
        // command's failure (127/126, as a shell reports it), not the runtime's.
        if (m_launcher->backend() == QLatin1String("host")) {
            const QFileInfo program(command->program.contains(QLatin1Char('/'))
                                        ? command->program
                                        : QStandardPaths::findExecutable(command->program));
            m_runtimeError.clear();
            m_reason = started.error().message;
            return onProcessEnded(program.exists() ? ExitCode::CannotExecute : ExitCode::NotFound, 0);
        }
        return fail(started.error());
    }

    const qint64 pid = m_process->processId();
    m_record.launcher = ProcessIdentity::of(pid).value_or(ProcessIdentity{pid, 0});
    if (Result<void> saved = SessionStore(m_config.cacheDir).update(m_record); !saved)
        qCWarning(lcSessions) << saved.error().message;
    m_startedAtMs = QDateTime::currentMSecsSinceEpoch();
    // scorpiox-unshare times its container out itself; on the other backends the session does.
    if (m_launcher->backend() != QLatin1String("namespace") && m_config.timeoutSec > 0)
        m_hostTimeout.start(m_config.timeoutSec * 1000);
    setState(State::Running);
    if (m_stopRequested)
        stop();
}

void Session::onContainerStarted(qint64 pid)
{
    m_record.containerPid = pid;
    if (Result<void> saved = SessionStore(m_config.cacheDir).update(m_record); !saved)
        qCWarning(lcSessions) << saved.error().message;
}

void Session::onProcessEnded(int exitCode, int signal)
{
    if (m_ending)
        return;
    m_killTimer.stop();
    m_hostTimeout.stop();
    int code = signal ? ExitCode::SignalBase + signal : exitCode;
    if (m_timedOut)
        code = ExitCode::TimedOut;
    m_exitCode = code;
    if (code == ExitCode::RuntimeFailed && !m_runtimeError.isEmpty())
        m_reason = QStringLiteral("the runtime failed: ") + m_runtimeError;
    else if (m_stopRequested && !m_timedOut)
        m_reason = QStringLiteral("stopped (%1)").arg(describeExit(code, m_config.timeoutSec));
    else
        m_reason = describeExit(code, m_config.timeoutSec);
    releaseAndFinish([this] {
        setState(State::Exited);
        Q_EMIT finished(m_exitCode, m_reason);
    });
}

void Session::fail(const Error &error)
{
    if (m_ending)
        return;
    m_provisionCancelled->store(true);
    if (m_puller)
        m_puller->cancel();
    if (m_process)
        m_process->kill();
    m_exitCode = ExitCode::RuntimeFailed;
    m_reason = error.message;
    qCDebug(lcSessions).noquote() << (m_record.id.isEmpty() ? QStringLiteral("session") : name()) << "failed:"
                                  << error.message;
    const Error copy = error;
    releaseAndFinish([this, copy] {
        setState(State::Failed);
        Q_EMIT failed(copy);
    });
}

void Session::releaseAndFinish(std::function<void()> announce)
{
    m_ending = true;
    if (!m_log)
        return release(std::move(announce));
    // The log's tail outlives the log file, which the release removes: read it first, after the
    // last queued output is written.
    connect(m_log.get(), &SessionLogWriter::finished, this,
            [this, announce = std::move(announce)](const QByteArray &history) mutable {
                m_endHistory = history;
                m_log.reset();
                release(std::move(announce));
            });
    m_log->finish();
}

void Session::release(std::function<void()> announce)
{
    // Cleaning up can take a while (WSL unregisters, overlays may be large): off this thread.
    std::shared_ptr<Launcher> launcher = m_launcher;
    const SessionRecord record = m_record;
    const QString overlay = m_overlayDir;
    const QString cacheDir = m_config.cacheDir;
    const bool prepared = m_spec.has_value();
    runInBackground<Result<void>>(
        this,
        [launcher, record, overlay, cacheDir, prepared]() -> Result<void> {
            Result<void> released = prepared ? launcher->release(record) : Result<void>();
            if (!overlay.isEmpty()) {
                if (Result<void> removed = SessionStore::removeTree(overlay); !removed && released)
                    released = removed;
            }
            if (!record.id.isEmpty())
                SessionStore(cacheDir).remove(record.id);
            return released;
        },
        [announce = std::move(announce)](Result<void> released) {
            if (!released)
                qCWarning(lcSessions).noquote() << released.error().message;
            announce();
        });
}

void Session::cleanUpFiles()
{
    if (!m_overlayDir.isEmpty())
        (void)SessionStore::removeTree(m_overlayDir);
    if (!m_record.id.isEmpty())
        SessionStore(m_config.cacheDir).remove(m_record.id);
}

void Session::stop(int signal)
{
    m_stopRequested = true;
    if (m_ending)
        return;
    if (m_state == State::Starting)
        return; // launch() checks the flag, so a stop that races with the start still ends it
    if (m_state != State::Running && m_state != State::Stopping) {
        fail(Error::busy(QStringLiteral("stopped before the session started")));
        return;
    }
    setState(State::Stopping);
    if (m_process && m_process->isRunning()) {
        m_process->terminate(signal);
        if (!m_killTimer.isActive())
            m_killTimer.start(kStopGraceMs);
    }
}

Result<LaunchCommand> Session::enterCommand(const QStringList &command) const
{
    if (m_state != State::Running)
        return Error::busy(QStringLiteral("session %1 is %2, not running; a shell can only be opened in a running session")
                               .arg(m_record.id, stateName(m_state)));
    return m_launcher->enter(m_record, command);
}

void Session::write(const QByteArray &bytes)
{
    if (Pty *terminal = pty(); terminal && m_state == State::Running)
        terminal->write(bytes);
}

void Session::resize(int rows, int columns)
{
    m_request.rows = rows;
    m_request.columns = columns;
    if (Pty *terminal = pty())
        terminal->resize(rows, columns);
}
