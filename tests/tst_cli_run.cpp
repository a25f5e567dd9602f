// SPDX-License-Identifier: GPL-3.0-or-later
// `--cli run` and the session commands end to end: the real binary, the built-in default image,
// rootless containers, run as an ordinary user.
#include "CliRunner.h"
#include "TempHome.h"
#include "pty/UnixPty.h"
#include "sessions/SessionStore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <csignal>

class TestCliRun : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempHome> m_home;

    QString cacheDir() const { return m_home->home() + QStringLiteral("/containers"); }
    QStringList entries(const QString &sub) const
    {
        return QDir(cacheDir() + QLatin1Char('/') + sub).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    }
    CliResult run(const QStringList &args, const QByteArray &stdinData = {}, int timeoutMs = 60000)
    {
        return CliRunner::cli(QStringList{QStringLiteral("run")} + args, m_home->project(), stdinData, timeoutMs);
    }
    void verifyNothingLeft()
    {
        QVERIFY2(entries(QStringLiteral("sessions")).isEmpty(), qPrintable(entries(QStringLiteral("sessions")).join(u' ')));
        QVERIFY2(entries(QStringLiteral("overlays")).isEmpty(), qPrintable(entries(QStringLiteral("overlays")).join(u' ')));
    }
    /// Starts `run -- CMD` in the background and waits until `sessions --json` lists it.
    std::unique_ptr<QProcess> startBackground(const QStringList &command, QString *id)
    {
        const QStringList before = listedIds();
        auto process = std::make_unique<QProcess>();
        process->setWorkingDirectory(m_home->project());
        process->start(QStringLiteral(SCORPIOX_DESKTOP_BIN),
                       QStringList{QStringLiteral("--cli"), QStringLiteral("run"), QStringLiteral("--")} + command);
        (void)QTest::qWaitFor(
            [&] {
                const QStringList now = listedIds();
                for (const QString &candidate : now) {
                    if (!before.contains(candidate)) {
                        *id = candidate;
                        return true;
                    }
                }
                return false;
            },
            20000);
        return process;
    }
    QStringList listedIds()
    {
        const CliResult listed = CliRunner::cli({QStringLiteral("sessions"), QStringLiteral("--json")}, m_home->project());
        QStringList ids;
        for (const QJsonValue &value : QJsonDocument::fromJson(listed.out).array()) {
            if (value.toObject().value(QStringLiteral("container_pid")).toInteger() > 0)
                ids.append(value.toObject().value(QStringLiteral("id")).toString());
        }
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_home = std::make_unique<TempHome>();
        // Quiet runs independent of this machine's cgroup set-up; a registry that refuses at once,
        // so an unknown image fails fast (and a cached one never asks it).
        QVERIFY(TempHome::writeFile(m_home->home() + QStringLiteral("/scorpiox-env.txt"),
                                    "container_memory_mb=0\nIMAGE_BASE_URL=http://127.0.0.1:9/\n"));
    }

    void echoHi()
    {
        const CliResult r = run({QStringLiteral("--"), QStringLiteral("echo"), QStringLiteral("hi")});
        QVERIFY2(r.finished, r.err.constData());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("hi\n"));
        verifyNothingLeft();
        // The first run imported the built-in default image without any network.
        QVERIFY(QFileInfo(cacheDir() + QStringLiteral("/images/default/bin/busybox")).exists());
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("stderrFragment");
        QTest::newRow("own code") << QStringList{QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("exit 3")}
                                  << 3 << QByteArray();
        QTest::newRow("timeout") << QStringList{QStringLiteral("--timeout"), QStringLiteral("1"), QStringLiteral("--"),
                                                QStringLiteral("sleep"), QStringLiteral("30")}
                                 << 124 << QByteArray("timed out after 1 s");
        QTest::newRow("not found") << QStringList{QStringLiteral("--"), QStringLiteral("no-such-program")} << 127
                                   << QByteArray("no-such-program");
        QTest::newRow("not executable") << QStringList{QStringLiteral("--"), QStringLiteral("/etc/passwd")} << 126 << QByteArray();
        QTest::newRow("signal") << QStringList{QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                                               QStringLiteral("kill -TERM $$")}
                                << 143 << QByteArray();
        QTest::newRow("bad flag") << QStringList{QStringLiteral("--frobnicate")} << 125 << QByteArray("unknown option --frobnicate");
        QTest::newRow("bad network") << QStringList{QStringLiteral("--net"), QStringLiteral("bridge"), QStringLiteral("--"),
                                                    QStringLiteral("true")}
                                     << 125 << QByteArray("accepted: host, isolated, none");
        QTest::newRow("bad mount spec") << QStringList{QStringLiteral("-v"), QStringLiteral("relative:/x"), QStringLiteral("--"),
                                                       QStringLiteral("true")}
                                        << 125 << QByteArray("host path 'relative' is not absolute");
        QTest::newRow("missing host path") << QStringList{QStringLiteral("-v"), QStringLiteral("/no/such/dir:/x"),
                                                          QStringLiteral("--"), QStringLiteral("true")}
                                           << 125 << QByteArray("/no/such/dir");
        QTest::newRow("unknown image") << QStringList{QStringLiteral("--image"), QStringLiteral("no-such-image"),
                                                      QStringLiteral("--"), QStringLiteral("true")}
                                       << 125 << QByteArray("no-such-image");
        QTest::newRow("unknown backend") << QStringList{QStringLiteral("--backend"), QStringLiteral("docker"), QStringLiteral("--"),
                                                        QStringLiteral("true")}
                                         << 125 << QByteArray("unknown backend 'docker'");
    }
    void exitCodes()
    {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QByteArray, stderrFragment);
        const CliResult r = CliRunner::cli(QStringList{QStringLiteral("run")} + args, m_home->project(), {}, 60000);
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, code);
        QVERIFY2(r.err.contains(stderrFragment), r.err.constData());
        if (code == 125)
            QCOMPARE(r.err.count('\n'), 1);
        verifyNothingLeft();
    }

    void stdinIsPiped()
    {
        const CliResult r = run({QStringLiteral("--"), QStringLiteral("cat")}, "hi\nthere\n");
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("hi\nthere\n"));
    }

    void volumesReadWriteAndReadOnly()
    {
        QTemporaryDir rw, ro;
        QVERIFY(TempHome::writeFile(ro.filePath(QStringLiteral("keep.txt")), "original\n"));
        const CliResult r = run({QStringLiteral("-v"), rw.path() + QStringLiteral(":/data"), QStringLiteral("-v"),
                                 ro.path() + QStringLiteral(":/config:ro"), QStringLiteral("--"), QStringLiteral("sh"),
                                 QStringLiteral("-c"),
                                 QStringLiteral("echo written > /data/new.txt && cat /config/keep.txt && "
                                                "if echo x > /config/keep.txt; then echo WROTE; fi; "
                                                "touch /workspace/from-container")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("original"));
        QVERIFY(!r.out.contains("WROTE"));
        QCOMPARE(TempHome::readFile(rw.filePath(QStringLiteral("new.txt"))), QByteArray("written\n"));
        QCOMPARE(TempHome::readFile(ro.filePath(QStringLiteral("keep.txt"))), QByteArray("original\n"));
        // The project directory is /workspace, read-write, owned by the caller.
        QVERIFY(QFileInfo(m_home->project() + QStringLiteral("/from-container")).isFile());
        QCOMPARE(QFileInfo(m_home->project() + QStringLiteral("/from-container")).ownerId(), ::getuid());
    }

    void projectGuardKeepsGitHooksReadOnly()
    {
        QVERIFY(QDir().mkpath(m_home->project() + QStringLiteral("/.git/hooks")));
        QVERIFY(TempHome::writeFile(m_home->project() + QStringLiteral("/.git/config"), "[core]\n"));
        const CliResult r = run({QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                                 QStringLiteral("echo evil > /workspace/.git/hooks/pre-commit; "
                                                "echo '[alias]' >> /workspace/.git/config; "
                                                "echo fine > /workspace/.git/other; echo done")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!QFile::exists(m_home->project() + QStringLiteral("/.git/hooks/pre-commit")));
        QCOMPARE(TempHome::readFile(m_home->project() + QStringLiteral("/.git/config")), QByteArray("[core]\n"));
        QCOMPARE(TempHome::readFile(m_home->project() + QStringLiteral("/.git/other")), QByteArray("fine\n"));
        QDir(m_home->project() + QStringLiteral("/.git")).removeRecursively();
    }

    void environmentIsFilteredAndExtended()
    {
        qputenv("DISPLAY", ":99");
        qputenv("SSH_AUTH_SOCK", "/tmp/agent.sock");
        qputenv("SCORPIOX_TEST_HOST_VAR", "from-host");
        const CliResult r = run({QStringLiteral("-e"), QStringLiteral("ADDED=yes"), QStringLiteral("--"), QStringLiteral("env")});
        qunsetenv("DISPLAY");
        qunsetenv("SSH_AUTH_SOCK");
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("ADDED=yes\n"));
        QVERIFY(r.out.contains("SCORPIOX_TEST_HOST_VAR=from-host\n"));
        QVERIFY(r.out.contains("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n"));
        QVERIFY(!r.out.contains("DISPLAY="));
        QVERIFY(!r.out.contains("SSH_AUTH_SOCK="));
    }

    void hostBackendIsUnisolatedAndSaysSo()
    {
        QVERIFY(TempHome::writeFile(m_home->project() + QStringLiteral("/scorpiox-env.txt"), "container_enabled=false\n"));
        const CliResult r = run({QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("pwd; exit 4")});
        QFile::remove(m_home->project() + QStringLiteral("/scorpiox-env.txt"));
        QCOMPARE(r.exitCode, 4);
        QCOMPARE(r.out, (m_home->project() + QStringLiteral("\n")).toUtf8());
        QVERIFY(r.err.contains("without isolation"));
        verifyNothingLeft();
    }

    void unwritableCacheFailsCleanly()
    {
        QVERIFY(TempHome::writeFile(m_home->project() + QStringLiteral("/scorpiox-env.txt"), "container_cache_dir=/proc/nope\n"));
        const CliResult r = run({QStringLiteral("--"), QStringLiteral("true")});
        QFile::remove(m_home->project() + QStringLiteral("/scorpiox-env.txt"));
        QCOMPARE(r.exitCode, 125);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.contains("/proc/nope"), r.err.constData());
    }

    void sessionsListsOtherProcessesAndStopEndsThem()
    {
        QString id;
        auto background = startBackground({QStringLiteral("sleep"), QStringLiteral("60")}, &id);
        QVERIFY2(!id.isEmpty(), "the background session never appeared in 'sessions --json'");
        const CliResult table = CliRunner::cli({QStringLiteral("sessions")}, m_home->project());
        QVERIFY(table.out.contains(id.toUtf8()));
        QVERIFY(table.out.contains("sleep 60"));
        // Its image cannot be deleted from under it.
        const CliResult rm = CliRunner::cli({QStringLiteral("rm"), QStringLiteral("default")}, m_home->project());
        QCOMPARE(rm.exitCode, 125);
        QVERIFY2(rm.err.contains("used by a running session"), rm.err.constData());
        QVERIFY(QFileInfo(cacheDir() + QStringLiteral("/images/default/bin/busybox")).exists());

        const CliResult stopped = CliRunner::cli({QStringLiteral("stop"), id}, m_home->project());
        QCOMPARE(stopped.exitCode, 0);
        QVERIFY(background->waitForFinished(20000));
        QCOMPARE(background->exitCode(), 143);
        QVERIFY(!listedIds().contains(id));
        verifyNothingLeft();
    }

    void execEntersARunningSession()
    {
        QString id;
        auto background = startBackground({QStringLiteral("sh"), QStringLiteral("-c"),
                                           QStringLiteral("echo marker > /tmp/inside; sleep 60")},
                                          &id);
        QVERIFY(!id.isEmpty());
        const CliResult entered = CliRunner::cli({QStringLiteral("exec"), id, QStringLiteral("--"), QStringLiteral("sh"),
                                                  QStringLiteral("-c"), QStringLiteral("hostname; cat /tmp/inside; pwd; exit 7")},
                                                 m_home->project());
        QCOMPARE(entered.exitCode, 7);
        QCOMPARE(entered.out, QStringLiteral("scorpiox-%1\nmarker\n/workspace\n").arg(id).toUtf8());
        const CliResult bad = CliRunner::cli({QStringLiteral("exec"), QStringLiteral("000000")}, m_home->project());
        QCOMPARE(bad.exitCode, 125);
        QVERIFY(bad.err.contains("no session 000000"));
        QCOMPARE(CliRunner::cli({QStringLiteral("stop"), id}, m_home->project()).exitCode, 0);
        QVERIFY(background->waitForFinished(20000));
        verifyNothingLeft();
    }

    void killedCliLeavesAnOrphanThatCleanupRemoves()
    {
        QString liveId, doomedId;
        auto live = startBackground({QStringLiteral("sleep"), QStringLiteral("60")}, &liveId);
        // Files owned by a mapped id (not the caller) in its overlay: only a user namespace with
        // the full mapping can delete them.
        auto doomed = startBackground({QStringLiteral("sh"), QStringLiteral("-c"),
                                       QStringLiteral("mkdir -p /var/agent && echo data > /var/agent/x && "
                                                      "chown -R 1234:1234 /var/agent && chmod 700 /var/agent; sleep 60")},
                                      &doomedId);
        QVERIFY(!liveId.isEmpty() && !doomedId.isEmpty());
        ::kill(pid_t(doomed->processId()), SIGKILL);
        QVERIFY(doomed->waitForFinished(10000));
        // The launcher follows its parent (parent-death signal); what it leaves is the orphan.
        QTest::qWait(500);
        QVERIFY(QFileInfo::exists(SessionStore(cacheDir()).recordPath(doomedId)));

        const CliResult dry = CliRunner::cli({QStringLiteral("cleanup"), QStringLiteral("--dry-run")}, m_home->project());
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.contains(doomedId.toUtf8()), dry.out.constData());
        QVERIFY(!dry.out.contains(liveId.toUtf8()));
        QVERIFY(QFileInfo::exists(SessionStore(cacheDir()).recordPath(doomedId)));

        const CliResult clean = CliRunner::cli({QStringLiteral("cleanup")}, m_home->project());
        QCOMPARE(clean.exitCode, 0);
        QVERIFY(!QFileInfo::exists(SessionStore(cacheDir()).recordPath(doomedId)));
        QVERIFY(!QFileInfo::exists(SessionStore(cacheDir()).overlayDir(doomedId)));
        // The concurrent session was left alone and still runs.
        QVERIFY(listedIds().contains(liveId));
        QVERIFY(QFileInfo::exists(SessionStore(cacheDir()).overlayDir(liveId)));
        QCOMPARE(live->state(), QProcess::Running);
        QCOMPARE(CliRunner::cli({QStringLiteral("stop"), liveId}, m_home->project()).exitCode, 0);
        QVERIFY(live->waitForFinished(20000));
        verifyNothingLeft();
    }

    void twentyInParallel()
    {
        std::vector<std::unique_ptr<QProcess>> runs;
        for (int i = 0; i < 20; ++i) {
            auto p = std::make_unique<QProcess>();
            p->setWorkingDirectory(m_home->project());
            p->start(QStringLiteral(SCORPIOX_DESKTOP_BIN),
                     {QStringLiteral("--cli"), QStringLiteral("run"), QStringLiteral("--"), QStringLiteral("sh"),
                      QStringLiteral("-c"), QStringLiteral("echo run-%1; exit %2").arg(i).arg(i % 5)});
            runs.push_back(std::move(p));
        }
        for (int i = 0; i < 20; ++i) {
            QVERIFY(runs[i]->waitForFinished(60000));
            QCOMPARE(runs[i]->exitCode(), i % 5);
            QCOMPARE(runs[i]->readAllStandardOutput(), QStringLiteral("run-%1\n").arg(i).toUtf8());
        }
        verifyNothingLeft();
    }

    void interactiveRelayUnderARealTerminal()
    {
        // The CLI runs on a pseudo terminal as a person's shell would start it; `stty -a`
        // afterwards shows whether it put the terminal back.
        UnixPty outer;
        QByteArray screen;
        connect(&outer, &Pty::dataReceived, this, [&screen](const QByteArray &bytes) { screen += bytes; });
        QSignalSpy finished(&outer, &Pty::finished);
        PtyStartOptions options;
        options.program = QStringLiteral("/bin/sh");
        options.arguments = {QStringLiteral("-c"),
                             QStringLiteral("cd '%1' && '%2' --cli run -- sh -c 'stty size; read line; echo got:$line; stty size'; "
                                            "echo rc=$?; stty -a")
                                 .arg(m_home->project(), QStringLiteral(SCORPIOX_DESKTOP_BIN))};
        options.rows = 24;
        options.columns = 80;
        QVERIFY(outer.start(options).ok());
        QVERIFY2(QTest::qWaitFor([&] { return screen.contains("24 80"); }, 20000), screen.constData());
        outer.resize(40, 100);
        QTest::qWait(300);
        outer.write("typed\r");
        QVERIFY2(finished.wait(20000), screen.constData());
        QVERIFY2(screen.contains("got:typed"), screen.constData());
        QVERIFY2(screen.contains("40 100"), screen.constData());
        QVERIFY(screen.contains("rc=0"));
        // Canonical mode and echo are back after the relay's raw mode.
        const QByteArray settings = screen.mid(screen.indexOf("rc=0"));
        QVERIFY2(settings.contains(" icanon") && settings.contains(" echo"), settings.constData());
        QVERIFY(!settings.contains("-icanon"));
        verifyNothingLeft();
    }

    void terminalRestoredWhenTheCliIsTerminated()
    {
        UnixPty outer;
        QByteArray screen;
        connect(&outer, &Pty::dataReceived, this, [&screen](const QByteArray &bytes) { screen += bytes; });
        QSignalSpy finished(&outer, &Pty::finished);
        PtyStartOptions options;
        options.program = QStringLiteral("/bin/sh");
        options.arguments = {QStringLiteral("-c"),
                             QStringLiteral("cd '%1' && '%2' --cli run -- sh -c 'echo ready; sleep 60'; echo rc=$?; stty -a")
                                 .arg(m_home->project(), QStringLiteral(SCORPIOX_DESKTOP_BIN))};
        QVERIFY(outer.start(options).ok());
        QVERIFY2(QTest::qWaitFor([&] { return screen.contains("ready"); }, 20000), screen.constData());
        // The CLI is the shell's child: find it and end it as a user's `kill` would.
        qint64 cli = 0;
        for (const QFileInfo &proc : QDir(QStringLiteral("/proc")).entryInfoList(QDir::Dirs)) {
            const QByteArray stat = TempHome::readFile(proc.filePath() + QStringLiteral("/stat"));
            const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
            if (fields.value(1).toLongLong() == outer.processId() && stat.contains("(scorpiox-deskto"))
                cli = proc.fileName().toLongLong();
        }
        QVERIFY(cli > 0);
        ::kill(pid_t(cli), SIGTERM);
        QVERIFY2(finished.wait(20000), screen.constData());
        QVERIFY2(screen.contains("rc=143"), screen.constData());
        const QByteArray settings = screen.mid(screen.indexOf("rc=143"));
        QVERIFY2(settings.contains(" icanon") && settings.contains(" echo") && !settings.contains("-icanon"), settings.constData());
        verifyNothingLeft();
    }

    void mountReadOnlySetting()
    {
        QTemporaryDir docs;
        QVERIFY(TempHome::writeFile(docs.filePath(QStringLiteral("doc.txt")), "docs\n"));
        QVERIFY(TempHome::writeFile(m_home->project() + QStringLiteral("/scorpiox-env.txt"),
                                    "container_mount_ro=" + docs.path().toUtf8() + "\n"));
        const CliResult r = run({QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                                 QStringLiteral("cat %1/doc.txt; if touch %1/new 2>/dev/null; then echo WROTE; fi").arg(docs.path())});
        QFile::remove(m_home->project() + QStringLiteral("/scorpiox-env.txt"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("docs\n"));
        QVERIFY(!QFile::exists(docs.filePath(QStringLiteral("new"))));
    }
};

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_cli_run.moc"
