// SPDX-License-Identifier: GPL-3.0-or-later
// `--cli run --backend wsl` end to end: the real binary drives the WSL simulator
// (tests/fixtures/wsl-sim/wsl.exe), whose distributions run through scorpiox-unshare, as an
// ordinary user. Drive C: of the simulated Windows is a temporary folder.
#include "CliRunner.h"
#include "TempHome.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTest>

#include <csignal>

namespace {

QString qs(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestCliWsl : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempHome> m_home;
    QString m_drive; ///< the folder behind drive C: of the simulated Windows

    QString cacheDir() const { return m_home->home() + qs("/containers"); }
    QString stateDir() const { return m_home->path(qs("wsl-state")); }

    /// Distributions the simulator has registered.
    QStringList distros() const
    {
        return QJsonDocument::fromJson(TempHome::readFile(stateDir() + qs("/distros.json"))).object().keys();
    }
    QStringList installDirs() const
    {
        return QDir(cacheDir() + qs("/wsl")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    }
    void verifyNothingLeft()
    {
        QVERIFY2(distros().isEmpty(), qPrintable(distros().join(u' ')));
        QVERIFY2(installDirs().isEmpty(), qPrintable(installDirs().join(u' ')));
        const QStringList records = QDir(cacheDir() + qs("/sessions")).entryList(QDir::Files);
        QVERIFY2(records.isEmpty(), qPrintable(records.join(u' ')));
    }
    QStringList runArgs(const QStringList &extra) const
    {
        return QStringList{qs("run"), qs("--backend"), qs("wsl"), qs("--project"), qs("C:\\proj")} + extra;
    }
    CliResult run(const QStringList &extra, int timeoutMs = 60000)
    {
        return CliRunner::cli(runArgs(extra), m_home->project(), {}, timeoutMs);
    }
    std::unique_ptr<QProcess> startRun(const QStringList &extra)
    {
        auto process = std::make_unique<QProcess>();
        process->setWorkingDirectory(m_home->project());
        process->start(qs(SCORPIOX_DESKTOP_BIN), QStringList{qs("--cli")} + runArgs(extra));
        return process;
    }
    /// Waits until a session's distribution runs a command (its rootfs is in place).
    QString waitForRunningDistro()
    {
        QString found;
        (void)QTest::qWaitFor(
            [&] {
                const QJsonObject all = QJsonDocument::fromJson(TempHome::readFile(stateDir() + qs("/distros.json"))).object();
                for (auto it = all.begin(); it != all.end(); ++it) {
                    if (!it.value().toObject().value(qs("inits")).toObject().isEmpty() && it.value().toObject().contains(qs("boot"))) {
                        found = it.key();
                        return true;
                    }
                }
                return false;
            },
            20000);
        return found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_home = std::make_unique<TempHome>();
        m_drive = m_home->path(qs("drive-c"));
        QVERIFY(QDir().mkpath(m_drive + qs("/proj")));
        QVERIFY(TempHome::writeFile(m_drive + qs("/secret-of-windows.txt"), "automounted\n"));
        QVERIFY(TempHome::writeFile(m_home->home() + qs("/scorpiox-env.txt"),
                                    "container_memory_mb=0\nIMAGE_BASE_URL=http://127.0.0.1:9/\nCONTAINER_PACKAGES=none\n"));
        qputenv("SCORPIOX_WSL_EXE", SCORPIOX_SOURCE_DIR "/tests/fixtures/wsl-sim/wsl.exe");
        qputenv("SCORPIOX_UNSHARE", SCORPIOX_UNSHARE_BIN);
        qputenv("SCORPIOX_WSL_SIM_STATE", stateDir().toUtf8());
        qputenv("SCORPIOX_WSL_SIM_DRIVES", (qs("C=") + m_drive).toUtf8());
        qunsetenv("SCORPIOX_WSL_SIM_FAULTS");
        // A static program that reports what socket() says, reachable in sessions as C:\probe.
        QVERIFY(QDir().mkpath(m_drive + qs("/probe")));
        QVERIFY(QFile::copy(qs(UNSHARE_PROBE_BIN), m_drive + qs("/probe/unshare-probe")));
    }

    void init()
    {
        qunsetenv("SCORPIOX_WSL_SIM_FAULTS");
    }

    void echoHi()
    {
        const CliResult r = run({qs("--"), qs("echo"), qs("hi")});
        QVERIFY2(r.finished, r.err.constData());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("hi\n"));
        verifyNothingLeft();
        // It really went through an import: the simulator has seen one distribution come and go.
        QVERIFY(QFileInfo::exists(stateDir() + qs("/distros.json")));
    }

    void tmuxKeysApplyWhenStartedFromTmux()
    {
        QVERIFY(QDir().mkpath(m_drive + qs("/tmux share")));
        QVERIFY(TempHome::writeFile(m_drive + qs("/tmux share/seen.txt"), "from tmux mount\n"));
        // The project is a Windows folder here, so the keys go into the global file.
        const QString global = m_home->home() + qs("/scorpiox-env.txt");
        const QByteArray before = TempHome::readFile(global);
        QVERIFY(TempHome::writeFile(global, before + "TMUX_WSL_VOLUME_MOUNT=C:\\tmux share:/shared:ro\n"
                                                     "TMUX_WSL_EXTRA_ARGS=-e FROM_TMUX=yes --net isolated\n"));
        const QStringList command = {qs("--"), qs("sh"), qs("-c"),
                                     qs("cat /shared/seen.txt; echo env=$FROM_TMUX; ls /sys/class/net | tr '\\n' ' '")};
        qputenv("TMUX", "/tmp/tmux-1000/default,1234,0");
        const CliResult inTmux = run(command);
        qunsetenv("TMUX");
        const CliResult outside = run(command);
        QVERIFY(TempHome::writeFile(global, before));
        QCOMPARE(inTmux.exitCode, 0);
        QVERIFY2(inTmux.out.contains("from tmux mount\n"), inTmux.out.constData());
        QVERIFY(inTmux.out.contains("env=yes\n"));
        QVERIFY2(!inTmux.out.contains("eth"), inTmux.out.constData()); // --net isolated from the extra arguments
        QVERIFY(!outside.out.contains("from tmux mount"));
        QVERIFY(outside.out.contains("env=\n"));
        verifyNothingLeft();
    }

    void exitCodes_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::addColumn<int>("code");
        QTest::newRow("own code") << QStringList{qs("sh"), qs("-c"), qs("exit 3")} << 3;
        QTest::newRow("not found") << QStringList{qs("no-such-program")} << 127;
        QTest::newRow("not executable") << QStringList{qs("/etc/passwd")} << 126;
        QTest::newRow("signal") << QStringList{qs("sh"), qs("-c"), qs("kill -TERM $$")} << 143;
        // Words reach the command as they are: no shell parses them again.
        QTest::newRow("arguments verbatim") << QStringList{qs("sh"), qs("-c"), qs("[ \"$1\" = 'a b;$(x)' ] && exit 7"), qs("sh"),
                                                           qs("a b;$(x)")}
                                            << 7;
    }
    void exitCodes()
    {
        QFETCH(QStringList, command);
        QFETCH(int, code);
        const CliResult r = run(QStringList{qs("--")} + command);
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == code, r.err.constData());
        verifyNothingLeft();
    }

    void timeoutEndsTheDistro()
    {
        const CliResult r = run({qs("--timeout"), qs("1"), qs("--"), qs("sleep"), qs("30")});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 124);
        QVERIFY2(r.err.contains("timed out after 1 s"), r.err.constData());
        verifyNothingLeft();
    }

    void volumesReadOnlyAndReadWrite()
    {
        QVERIFY(TempHome::writeFile(m_drive + qs("/src/in.txt"), "from windows\n"));
        QVERIFY(QDir().mkpath(m_drive + qs("/my data")));
        const CliResult r = run({qs("-v"), qs("C:\\src:/data:ro"), qs("-v"), qs("C:\\my data:/rw"), qs("--"), qs("sh"), qs("-c"),
                                 qs("cat /data/in.txt; touch /data/x 2>/dev/null && echo data-writable || echo data-readonly; "
                                    "echo written > '/rw/new file' && ls /workspace >/dev/null && pwd")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("from windows\ndata-readonly\n/workspace\n"));
        QVERIFY(!QFileInfo::exists(m_drive + qs("/src/x")));
        QCOMPARE(TempHome::readFile(m_drive + qs("/my data/new file")), QByteArray("written\n"));
        verifyNothingLeft();
    }

    void badMountsAreRefusedBeforeImport_data()
    {
        QTest::addColumn<QString>("volume");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("unc") << qs("\\\\server\\share:/x") << QByteArray("network (UNC) path");
        QTest::newRow("linux path") << qs("/tmp:/x") << QByteArray("sees only Windows drives");
        QTest::newRow("missing on windows") << qs("C:\\no such dir:/x") << QByteArray("cannot mount C:\\no such dir at /x (drvfs)");
    }
    void badMountsAreRefusedBeforeImport()
    {
        QFETCH(QString, volume);
        QFETCH(QByteArray, message);
        const CliResult r = run({qs("-v"), volume, qs("--"), qs("true")});
        QCOMPARE(r.exitCode, 125);
        QVERIFY2(r.err.contains(message), r.err.constData());
        verifyNothingLeft();
    }

    void wslConfDisablesAutomountAndInterop()
    {
        const CliResult r = run({qs("--"), qs("sh"), qs("-c"), qs("ls -A /mnt/c 2>/dev/null; cat /etc/wsl.conf")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(!r.out.contains("secret-of-windows.txt"), r.out.constData());
        QVERIFY(r.out.contains("[automount]\nenabled=false\n"));
        QVERIFY(r.out.contains("[interop]\nenabled=false\nappendWindowsPath=false\n"));
        // The simulator does automount C: for a distribution booted without that wsl.conf.
        const QString wsl = qs(SCORPIOX_SOURCE_DIR "/tests/fixtures/wsl-sim/wsl.exe");
        const QString tar = m_home->path(qs("plain.tar"));
        QVERIFY(QFile::copy(cacheDir() + qs("/archives/") + QDir(cacheDir() + qs("/archives")).entryList(QDir::Files).value(0), tar));
        QProcess sim;
        sim.start(wsl, {qs("--import"), qs("plain"), m_home->path(qs("plain")), tar});
        QVERIFY(sim.waitForFinished(60000) && sim.exitCode() == 0);
        sim.start(wsl, {qs("-d"), qs("plain"), qs("--exec"), qs("ls"), qs("/mnt/c")});
        QVERIFY(sim.waitForFinished(60000));
        QVERIFY2(sim.readAllStandardOutput().contains("secret-of-windows.txt"), sim.readAllStandardError().constData());
        sim.start(wsl, {qs("--unregister"), qs("plain")});
        QVERIFY(sim.waitForFinished(60000) && sim.exitCode() == 0);
    }

    void baseStaysUnchangedAndSecretsStayOffCommandLines()
    {
        const QByteArray secret = "s3cr3t-" + QByteArray::number(QDateTime::currentMSecsSinceEpoch());
        // `-e NAME` copies the value from this environment, so no command line ever holds it.
        qputenv("API_TOKEN", secret);
        auto process = startRun({qs("-e"), qs("API_TOKEN"), qs("--"), qs("sh"), qs("-c"),
                                 qs("echo changed > /etc/hostname-probe && echo \"$API_TOKEN\" && "
                                    "test -z \"${WSLENV-}\" && test -z \"${SCORPIOX_E_API_TOKEN-}\" && sleep 3")});
        qunsetenv("API_TOKEN");
        const QString name = waitForRunningDistro();
        QVERIFY(!name.isEmpty());
        const QString base = cacheDir() + qs("/wsl/") + name + qs("/rootfs");
        QVERIFY(QTest::qWaitFor([&] { return QFileInfo::exists(base + qs("/etc/passwd")); }, 5000));
        QTest::qWait(1000); // the command has written its file by now
        QVERIFY(!QFileInfo::exists(base + qs("/etc/hostname-probe")));
        int scanned = 0;
        for (const QString &pid : QDir(qs("/proc")).entryList(QDir::Dirs)) {
            QFile cmdline(qs("/proc/") + pid + qs("/cmdline"));
            if (pid.toInt() > 0 && cmdline.open(QIODevice::ReadOnly)) {
                QVERIFY2(!cmdline.readAll().contains(secret), qPrintable(pid));
                ++scanned;
            }
        }
        QVERIFY(scanned > 5);
        QVERIFY(process->waitForFinished(30000));
        QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
        QCOMPARE(process->readAllStandardOutput(), secret + '\n');
        verifyNothingLeft();
    }

    void fiveParallelSessionsGetFiveDistros()
    {
        std::vector<std::unique_ptr<QProcess>> runs;
        for (int i = 0; i < 5; ++i)
            runs.push_back(startRun({qs("--"), qs("sh"), qs("-c"), qs("hostname; sleep 1")}));
        QSet<QByteArray> names;
        for (auto &process : runs) {
            QVERIFY(process->waitForFinished(60000));
            QVERIFY2(process->exitCode() == 0, process->readAllStandardError().constData());
            const QByteArray name = process->readAllStandardOutput().trimmed();
            QVERIFY2(name.startsWith("scorpiox-"), name.constData());
            names.insert(name);
        }
        QCOMPARE(names.size(), 5);
        verifyNothingLeft();
    }

    void unregisterFailingOnceIsRetried()
    {
        qputenv("SCORPIOX_WSL_SIM_FAULTS", "unregister-fail-once");
        QFile::remove(stateDir() + qs("/fault-unregister-fail-once"));
        const CliResult r = run({qs("--"), qs("true")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(QFileInfo::exists(stateDir() + qs("/fault-unregister-fail-once"))); // it did fail once
        verifyNothingLeft();
    }

    void unregisterFailingAlwaysIsReportedAndCleanupRemovesIt()
    {
        qputenv("SCORPIOX_WSL_SIM_FAULTS", "unregister-fail-always");
        const CliResult r = run({qs("--"), qs("true")});
        QCOMPARE(r.exitCode, 0); // the command itself succeeded
        QVERIFY2(r.err.contains("Wsl/Service/UnregisterDistro/E_ACCESSDENIED") && r.err.contains("attempts"), r.err.constData());
        QCOMPARE(distros().size(), 1);
        qunsetenv("SCORPIOX_WSL_SIM_FAULTS");
        const CliResult cleaned = CliRunner::cli({qs("cleanup")}, m_home->project());
        QVERIFY2(cleaned.exitCode == 0, cleaned.err.constData());
        QVERIFY2(cleaned.out.contains("distro"), cleaned.out.constData());
        verifyNothingLeft();
    }

    void killedManagerLeavesADistroThatCleanupRemoves()
    {
        auto process = startRun({qs("--"), qs("sleep"), qs("30")});
        const QString name = waitForRunningDistro();
        QVERIFY(!name.isEmpty());
        ::kill(pid_t(process->processId()), SIGKILL);
        QVERIFY(process->waitForFinished(10000));
        QCOMPARE(distros(), QStringList{name});

        const CliResult dry = CliRunner::cli({qs("cleanup"), qs("--dry-run")}, m_home->project());
        QVERIFY2(dry.out.contains(name.toUtf8()), dry.out.constData());
        QCOMPARE(distros(), QStringList{name});
        const CliResult cleaned = CliRunner::cli({qs("cleanup")}, m_home->project());
        QVERIFY2(cleaned.exitCode == 0, cleaned.err.constData());
        verifyNothingLeft();
    }

    void networkModesMatchLinux_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QByteArray>("expected");
        // none: AF_INET refused by the seccomp filter as on Linux, AF_UNIX still works; isolated:
        // sockets work, but only loopback exists. Neither sees the host's interfaces.
        QTest::newRow("none") << qs("none") << QByteArray("inet errno=EACCES\nunix ok\nlo \n");
        QTest::newRow("isolated") << qs("isolated") << QByteArray("inet ok\nunix ok\nlo \n");
    }
    void networkModesMatchLinux()
    {
        QFETCH(QString, mode);
        QFETCH(QByteArray, expected);
        const CliResult r = run({qs("--net"), mode, qs("-v"), qs("C:\\probe:/probe:ro"), qs("--"), qs("sh"), qs("-c"),
                                 qs("printf 'inet '; /probe/unshare-probe socket-inet; printf 'unix '; /probe/unshare-probe socket-unix; "
                                    "sed -n 's/^ *\\([a-z0-9]*\\):.*/\\1/p' /proc/net/dev | tr '\\n' ' '; echo")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, expected);
        verifyNothingLeft();
    }

    void networkNoneWithoutItsFilterIsRefusedBeforeImport()
    {
        qputenv("SCORPIOX_WSL_NO_NETWORK", m_home->path(qs("no-such-helper")).toUtf8());
        const CliResult r = run({qs("--net"), qs("none"), qs("--"), qs("true")});
        qunsetenv("SCORPIOX_WSL_NO_NETWORK");
        QCOMPARE(r.exitCode, 125);
        QVERIFY2(r.err.contains("no-such-helper") && r.err.contains("SCORPIOX_WSL_NO_NETWORK") && r.err.count('\n') == 1,
                 r.err.constData());
        verifyNothingLeft();
    }

    void doctorTellsWhetherWsl2Works_data()
    {
        QTest::addColumn<QByteArray>("faults");
        QTest::addColumn<bool>("exists");
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QByteArray>("fix");
        QTest::newRow("usable") << QByteArray() << true << QByteArray("ok    wsl.exe: " SCORPIOX_SOURCE_DIR) << QByteArray();
        QTest::newRow("no wsl.exe") << QByteArray() << false << QByteArray("FAIL  wsl.exe: SCORPIOX_WSL_EXE=")
                                    << QByteArray("fix: run 'wsl --install'");
        QTest::newRow("wsl1 only") << QByteArray("wsl1-only") << true << QByteArray("(Wsl/Service/CreateInstance/CreateVm/WSL_E_WSL2_NEEDS_KERNEL)")
                                   << QByteArray("fix: WSL 2 is needed: run 'wsl --update'");
        QTest::newRow("virtualization off") << QByteArray("no-virtualization") << true << QByteArray("HCS_E_HYPERV_NOT_INSTALLED")
                                            << QByteArray("fix: enable virtualization in the firmware");
    }
    void doctorTellsWhetherWsl2Works()
    {
        QFETCH(QByteArray, faults);
        QFETCH(bool, exists);
        QFETCH(QByteArray, line);
        QFETCH(QByteArray, fix);
        qputenv("SCORPIOX_WSL_SIM_FAULTS", faults);
        if (!exists)
            qputenv("SCORPIOX_WSL_EXE", m_home->path(qs("no-wsl.exe")).toUtf8());
        const CliResult r = CliRunner::cli({qs("doctor")}, m_home->project());
        qputenv("SCORPIOX_WSL_EXE", SCORPIOX_SOURCE_DIR "/tests/fixtures/wsl-sim/wsl.exe");
        QVERIFY(r.finished);
        QByteArray report;
        const QList<QByteArray> lines = r.out.split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines[i].contains("wsl.exe:"))
                report = lines[i] + '\n' + (lines.value(i + 1).startsWith("      fix:") ? lines.value(i + 1) : QByteArray());
        }
        QVERIFY2(report.contains(line), r.out.constData());
        if (fix.isEmpty())
            QVERIFY2(!report.contains("fix:"), report.constData());
        else
            QVERIFY2(report.contains(fix), report.constData());
        // The trial import leaves nothing behind.
        verifyNothingLeft();
        QVERIFY2(QDir(cacheDir() + qs("/wsl")).entryList(QDir::Files).isEmpty(), qPrintable(QDir(cacheDir() + qs("/wsl")).entryList().join(u' ')));
    }

    void missingWslIsAClearError()
    {
        qputenv("SCORPIOX_WSL_EXE", m_home->path(qs("no-wsl.exe")).toUtf8());
        const CliResult r = run({qs("--"), qs("true")});
        qputenv("SCORPIOX_WSL_EXE", SCORPIOX_SOURCE_DIR "/tests/fixtures/wsl-sim/wsl.exe");
        QCOMPARE(r.exitCode, 125);
        QVERIFY2(r.err.contains("SCORPIOX_WSL_EXE") && r.err.count('\n') == 1, r.err.constData());
    }

    void importFailureIsAClearError()
    {
        qputenv("SCORPIOX_WSL_SIM_FAULTS", "import-fail");
        const CliResult r = run({qs("--"), qs("true")});
        QCOMPARE(r.exitCode, 125);
        QVERIFY2(r.err.contains("HCS_E_HYPERV_NOT_INSTALLED") && r.err.contains("enable virtualization"), r.err.constData());
        verifyNothingLeft();
    }
};

QTEST_GUILESS_MAIN(TestCliWsl)
#include "tst_cli_wsl.moc"
