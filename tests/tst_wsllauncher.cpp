// SPDX-License-Identifier: GPL-3.0-or-later
// WslLauncher driven directly against the WSL simulator, for what the CLI cannot reach quickly:
// a hanging import, a name already taken, network modes, entering a running session, and what
// cleanup's distro hook sees.
#include "BusyboxRootfs.h"
#include "TempHome.h"
#include "launch/WslLauncher.h"
#include "sessions/SessionRecord.h"
#include "wsl/WslSessionScript.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

QString qs(const char *text)
{
    return QString::fromUtf8(text);
}

const QString kSim = QStringLiteral(SCORPIOX_SOURCE_DIR "/tests/fixtures/wsl-sim/wsl.exe");

} // namespace

class TestWslLauncher : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempHome> m_home;
    QString m_tarball;
    int m_counter = 0;

    QString cacheDir() const { return m_home->home() + qs("/containers"); }
    QStringList distros() const
    {
        return QJsonDocument::fromJson(TempHome::readFile(m_home->path(qs("wsl-state/distros.json")))).object().keys();
    }
    WslLauncher::Options options() const { return {kSim, cacheDir(), {}, 0, 2, 50}; }
    SessionRecord record()
    {
        SessionRecord r;
        r.id = QStringLiteral("%1").arg(0xabc000 + ++m_counter, 6, 16);
        r.backend = qs("wsl");
        r.distro = r.name();
        return r;
    }
    LaunchSpec spec(const QStringList &command) const
    {
        LaunchSpec s;
        s.imageArchive = m_tarball;
        s.command = command;
        s.workingDir = qs("/");
        s.environment = {qs("PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"), qs("GREETING=hello world")};
        return s;
    }
    struct Ran
    {
        int code = -1;
        QByteArray out;
    };
    static Ran start(const LaunchCommand &command, QProcess *process)
    {
        QProcessEnvironment env;
        for (const QString &pair : command.environment)
            env.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
        process->setProcessEnvironment(env);
        process->start(command.program, command.arguments);
        return {};
    }
    static Ran runToEnd(const LaunchCommand &command)
    {
        QProcess process;
        start(command, &process);
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitCode(), process.readAllStandardOutput() + process.readAllStandardError()};
    }

    /// Imports the session's distribution and starts its command in @p session; empty on success.
    static QString startSession(WslLauncher &launcher, const LaunchSpec &s, const SessionRecord &r, QProcess *session)
    {
        if (const Result<void> prepared = launcher.prepare(s, r); !prepared)
            return prepared.error().message;
        const Result<LaunchCommand> command = launcher.command(s, r);
        if (!command)
            return command.error().message;
        start(*command, session);
        return session->waitForStarted() ? QString() : session->errorString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_home = std::make_unique<TempHome>();
        const QString rootfs = m_home->path(qs("rootfs"));
        const QString failure = BusyboxRootfs::create(rootfs);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        // A stand-in package manager, so CONTAINER_PACKAGES can be seen reaching the image's own.
        QVERIFY(TempHome::writeFile(rootfs + qs("/usr/local/bin/apk"), "#!/bin/sh\necho \"$@\" >/etc/apk-called\n"));
        QVERIFY(QFile::setPermissions(rootfs + qs("/usr/local/bin/apk"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                                                              | QFile::ReadOther | QFile::ExeOther));
        m_tarball = m_home->path(qs("image.tar"));
        QProcess tar;
        tar.start(qs("tar"), {qs("-C"), rootfs, qs("-cf"), m_tarball, qs(".")});
        QVERIFY(tar.waitForFinished(60000) && tar.exitCode() == 0);
        qputenv("SCORPIOX_WSL_EXE", kSim.toUtf8());
        qputenv("SCORPIOX_UNSHARE", SCORPIOX_UNSHARE_BIN);
        qputenv("SCORPIOX_WSL_SIM_STATE", m_home->path(qs("wsl-state")).toUtf8());
        qunsetenv("SCORPIOX_WSL_SIM_FAULTS");
    }

    void cleanup()
    {
        qunsetenv("SCORPIOX_WSL_SIM_FAULTS");
        QVERIFY2(distros().isEmpty(), qPrintable(distros().join(u' ')));
        QVERIFY(QDir(cacheDir() + qs("/wsl")).isEmpty());
    }

    void hangingImportIsBoundedAndCleanedUp()
    {
        qputenv("SCORPIOX_WSL_SIM_FAULTS", "import-hang");
        WslLauncher::Options bounded = options();
        bounded.importTimeoutMs = 1500;
        WslLauncher launcher(bounded);
        QElapsedTimer timer;
        timer.start();
        const Result<void> prepared = launcher.prepare(spec({qs("true")}), record());
        QVERIFY(!prepared);
        QVERIFY2(prepared.error().message.contains(qs("longer than 1 s")), qPrintable(prepared.error().message));
        QVERIFY(timer.elapsed() < 15000);
    }

    void takenNameMovesAside()
    {
        const SessionRecord r = record();
        QProcess squatter;
        squatter.start(kSim, {qs("--import"), r.distro, m_home->path(qs("squatter")), m_tarball});
        QVERIFY(squatter.waitForFinished(60000) && squatter.exitCode() == 0);
        WslLauncher launcher(options());
        const Result<void> prepared = launcher.prepare(spec({qs("true")}), r);
        QVERIFY2(prepared, prepared ? "" : qPrintable(prepared.error().message));
        QCOMPARE(launcher.distro(), r.distro + qs("-2"));

        // Cleanup counts the moved-aside distro as the live session's (the record names the
        // planned one); both are its while it lives.
        const OrphanCleaner::DistroControl control = WslLauncher::distroControl(cacheDir());
        const Result<QStringList> listed = control.list();
        QVERIFY(listed);
        QVERIFY(listed->contains(r.distro) && listed->contains(r.distro + qs("-2")));

        QVERIFY(launcher.release(r));
        QVERIFY(launcher.release(r)); // idempotent
        QVERIFY(control.remove(r.distro));
    }

    void networkModes_data()
    {
        QTest::addColumn<NetworkMode>("mode");
        QTest::addColumn<QByteArray>("interfaces");
        QTest::newRow("isolated") << NetworkMode::Isolated << QByteArray("lo\n1\n");
        // With none even netlink sockets are refused (the seccomp filter, as on Linux): ip cannot look.
        QTest::newRow("none") << NetworkMode::None << QByteArray("lo\n0\nip: socket: Permission denied\n");
    }
    void networkModes()
    {
        QFETCH(NetworkMode, mode);
        QFETCH(QByteArray, interfaces);
        WslLauncher launcher(options());
        const SessionRecord r = record();
        LaunchSpec s = spec({qs("sh"), qs("-c"),
                             qs("sed -n 's/^ *\\([a-z0-9]*\\):.*/\\1/p' /proc/net/dev; ip link show lo | grep -c ',UP'")});
        s.network = mode;
        QVERIFY(launcher.prepare(s, r));
        const Result<LaunchCommand> command = launcher.command(s, r);
        QVERIFY(command);
        const Ran ran = runToEnd(*command);
        QVERIFY(launcher.release(r));
        QVERIFY2(ran.code == 0 || ran.code == 1, ran.out.constData());
        // Only loopback (the host has more): up in an isolated session, unusable with none.
        QCOMPARE(ran.out, interfaces);
    }

    void enterJoinsTheRunningSession()
    {
        WslLauncher launcher(options());
        SessionRecord r = record();
        r.network = qs("host");
        const LaunchSpec s = spec({qs("sh"), qs("-c"), qs("echo inside > /made-by-session; sleep 5")});
        QProcess session;
        const QString failure = startSession(launcher, s, r, &session);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        const Result<LaunchCommand> shell = launcher.enter(r, {qs("cat"), qs("/made-by-session")});
        QVERIFY(shell);
        Ran entered;
        QVERIFY(QTest::qWaitFor([&] {
            entered = runToEnd(*shell);
            return entered.code == 0;
        }, 10000));
        QCOMPARE(entered.out, QByteArray("inside\n"));
        QVERIFY(session.waitForFinished(20000));
        QCOMPARE(session.exitCode(), 0);
        QVERIFY(launcher.release(r));
    }

    void enterKeepsTheNetworkFilterOfNone()
    {
        WslLauncher launcher(options());
        SessionRecord r = record();
        r.network = qs("none");
        LaunchSpec s = spec({qs("sh"), qs("-c"), qs("echo inside > /made-by-session; sleep 5")});
        s.network = NetworkMode::None;
        QProcess session;
        const QString failure = startSession(launcher, s, r, &session);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        // A shell opened later is as cut off as the command: even a netlink socket is refused.
        const Result<LaunchCommand> shell =
            launcher.enter(r, {qs("sh"), qs("-c"), qs("cat /made-by-session; ip link show lo 2>&1; true")});
        QVERIFY(shell);
        Ran entered;
        QVERIFY(QTest::qWaitFor([&] {
            entered = runToEnd(*shell);
            return entered.out.startsWith("inside\n");
        }, 10000));
        QCOMPARE(entered.out, QByteArray("inside\nip: socket: Permission denied\n"));
        QVERIFY(session.waitForFinished(20000));
        QVERIFY(launcher.release(r));
    }

    void releaseStopsARunningDistroFirst()
    {
        // wsl.exe refuses to unregister a distribution while a process runs in it, and on Windows
        // a stopped session's wsl.exe dies without ending what it started inside.
        qputenv("SCORPIOX_WSL_SIM_FAULTS", "unregister-running-fails");
        WslLauncher launcher(options());
        const SessionRecord r = record();
        const LaunchSpec s = spec({qs("sleep"), qs("30")});
        QProcess session;
        const QString failure = startSession(launcher, s, r, &session);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(QTest::qWaitFor([&] {
            const QJsonObject all = QJsonDocument::fromJson(TempHome::readFile(m_home->path(qs("wsl-state/distros.json")))).object();
            return !all.value(r.distro).toObject().value(qs("inits")).toObject().isEmpty();
        }, 20000));
        const Result<void> released = launcher.release(r);
        QVERIFY2(released, qPrintable(released ? QString() : released.error().message));
        QVERIFY(session.waitForFinished(10000));
    }

    void packagesAreInstalledOnFirstBoot()
    {
        WslLauncher::Options withPackages = options();
        withPackages.packages = {qs("git"), qs("cmake"), qs("bad;name")};
        WslLauncher launcher(withPackages);
        const SessionRecord r = record();
        const LaunchSpec s = spec({qs("cat"), qs("/etc/apk-called")});
        QVERIFY(launcher.prepare(s, r));
        const Result<LaunchCommand> command = launcher.command(s, r);
        QVERIFY(command);
        const Ran ran = runToEnd(*command);
        QVERIFY(launcher.release(r));
        QCOMPARE(ran.out, QByteArray("add --no-cache git cmake\n"));
    }

    void environmentTravelsInWslenv()
    {
        const QProcessEnvironment env =
            WslSessionScript::environment({qs("GREETING=hello world"), qs("ProgramFiles(x86)=C:\\x"), qs("Path=a"), qs("PATH=b")});
        QCOMPARE(env.value(qs("SCORPIOX_E_GREETING")), qs("hello world"));
        QCOMPARE(env.value(qs("SCORPIOX_E_PATH")), qs("b"));
        QVERIFY(!env.contains(qs("SCORPIOX_E_Path"))); // one per name ignoring case, as Windows keeps them
        QCOMPARE(env.value(qs("WSLENV")), qs("SCORPIOX_E_GREETING:SCORPIOX_E_PATH"));
        const Result<QStringList> script = WslSessionScript::session(spec({qs("true")}));
        QVERIFY(script);
        QVERIFY(!script->join(u' ').contains(qs("hello world")));
    }
};

QTEST_GUILESS_MAIN(TestWslLauncher)
#include "tst_wsllauncher.moc"
