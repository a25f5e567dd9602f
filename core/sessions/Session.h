// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "SessionConfig.h"
#include "SessionRecord.h"
#include "launch/Launcher.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

class ImagePuller;
class Pty;
class SessionLogWriter;
class SessionProcess;
struct ImageMetadata;

/// One agent session, from preparation to its end.
///
/// It goes through Resolving → PreparingImage → [Provisioning] → CreatingOverlay → Starting → Running
/// (Provisioning only on an image's first boot with CONTAINER_PACKAGES) and ends
/// Exited (with an exit code and reason, Docker's table) or Failed (with an error). Every step is
/// a signal. Blocking work runs on worker threads; the object itself only receives results. The
/// launcher's process (descriptors, signals, job objects) is a SessionProcess; this is the state machine.
class Session : public QObject
{
    Q_OBJECT

public:
    enum class State { Resolving, PreparingImage, Provisioning, CreatingOverlay, Starting, Running, Stopping, Exited, Failed };
    Q_ENUM(State)

    Session(SessionRequest request, SessionConfig config, std::unique_ptr<Launcher> launcher,
            QObject *parent = nullptr);
    ~Session() override;

    /// Starts preparing; the outcome arrives as signals.
    void start();
    /// Sends @p signal (SIGTERM by default) and, after a grace period, SIGKILL; before Running it
    /// abandons preparation.
    void stop(int signal = 15);
    void write(const QByteArray &bytes);
    void resize(int rows, int columns);

    QString id() const { return m_record.id; }
    QString name() const { return m_record.name(); }
    QString backend() const { return m_launcher->backend(); }
    QString image() const { return m_config.image; }
    NetworkMode network() const { return m_config.network; }
    /// The cache its record and log live in (the session's own settings may differ from the window's).
    QString cacheDir() const { return m_config.cacheDir; }
    State state() const { return m_state; }
    SessionRecord record() const { return m_record; }
    /// The terminal while the session runs with one; nullptr otherwise.
    Pty *pty() const;
    /// The most recent output (for a terminal attached late, or a saved log): while the session
    /// runs, read from its log after every output() emitted so far and before any later one;
    /// after the end, what was last written before it (a finished future). Never blocks.
    QFuture<QByteArray> history() const;
    int exitCode() const { return m_exitCode; }
    QString reason() const { return m_reason; }
    qint64 startedAtMs() const { return m_startedAtMs; }
    /// The process that runs @p command (a login shell when empty) inside this running session,
    /// to be started on a terminal of its own; an error while the session is not running.
    Result<LaunchCommand> enterCommand(const QStringList &command = {}) const;

    static QString stateName(State state);
    /// Docker's table: "exited with code 3", "timed out after 5 s", "killed by signal 9 (SIGKILL)" ...
    static QString describeExit(int code, int timeoutSec);

    static constexpr int kStopGraceMs = 10000;

Q_SIGNALS:
    void stateChanged(Session::State state);
    void statusMessage(const QString &message);
    void progress(qint64 done, qint64 total, double bytesPerSecond, int etaSeconds);
    void output(const QByteArray &bytes);
    /// A line the first-boot package install printed (also kept in the session log).
    void provisionOutput(const QString &line);
    void finished(int exitCode, const QString &reason);
    void failed(const Error &error);

private:
    void setState(State state);
    void readSecrets();
    void ensureImage(const QHash<QString, QString> &secrets);
    void onImageReady(const ImageMetadata &image);
    void provisionPackages(const ImageMetadata &image);
    void onProvisionLine(const QString &line);
    void createOverlay();
    void prepareLauncher();
    void launch();
    void onContainerStarted(qint64 pid);
    void onProcessEnded(int exitCode, int signal);
    void fail(const Error &error);
    void releaseAndFinish(std::function<void()> announce);
    void release(std::function<void()> announce);
    void cleanUpFiles();

    SessionRequest m_request;
    SessionConfig m_config;
    std::shared_ptr<Launcher> m_launcher;
    SessionRecord m_record;
    State m_state = State::Resolving;
    QHash<QString, QString> m_secrets;
    QString m_rootfs;
    QString m_archive;
    QStringList m_layers; ///< package layers over m_rootfs
    /// Shared with the provisioning worker: set when the session ends, so an install stops too.
    std::shared_ptr<std::atomic<bool>> m_provisionCancelled = std::make_shared<std::atomic<bool>>(false);
    QString m_overlayDir;
    std::optional<LaunchSpec> m_spec;
    std::unique_ptr<SessionLogWriter> m_log;
    QByteArray m_endHistory; ///< the log's tail, kept when the log file is removed at the end
    QPointer<ImagePuller> m_puller;
    SessionProcess *m_process = nullptr;
    QString m_runtimeError;
    QTimer m_killTimer;
    QTimer m_hostTimeout;
    bool m_stopRequested = false;
    bool m_ending = false; ///< cleanup has begun; late results of earlier steps are ignored
    bool m_timedOut = false;
    int m_exitCode = -1;
    QString m_reason;
    qint64 m_startedAtMs = 0;
};
