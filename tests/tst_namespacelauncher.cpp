// SPDX-License-Identifier: GPL-3.0-or-later
// NamespaceLauncher: LaunchSpec → scorpiox-unshare command line, its checks, and the command run
// for real as an ordinary user.
#include "BusyboxRootfs.h"
#include "launch/NamespaceLauncher.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

QString qs(const char *text)
{
    return QString::fromUtf8(text);
}

} // namespace

class TestNamespaceLauncher : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_rootfs;
    QString m_project;

    LaunchSpec baseSpec() const
    {
        LaunchSpec spec;
        spec.rootfs = m_rootfs;
        spec.overlayDir = m_dir.filePath(qs("overlay"));
        spec.mounts = {{m_project, qs("/workspace"), false}};
        spec.hostname = qs("scorpiox-42");
        spec.command = {qs("/bin/sh"), qs("-c"), qs("echo hi")};
        return spec;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_rootfs = m_dir.filePath(qs("rootfs"));
        const QString error = BusyboxRootfs::create(m_rootfs);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_project = m_dir.filePath(qs("project"));
        QVERIFY(QDir().mkpath(m_project));
    }

    void defaultHelperIsTheInstalledOne()
    {
        qputenv("SCORPIOX_UNSHARE", "/opt/x/scorpiox-unshare");
        QCOMPARE(NamespaceLauncher().helperPath(), qs("/opt/x/scorpiox-unshare"));
        qunsetenv("SCORPIOX_UNSHARE");
        QCOMPARE(NamespaceLauncher(qs("/elsewhere/helper")).helperPath(), qs("/elsewhere/helper"));
    }

    void buildsTheCommandLine()
    {
        LaunchSpec spec = baseSpec();
        const QString layer = m_dir.filePath(qs("layer"));
        QVERIFY(QDir().mkpath(layer));
        spec.layers = {layer};
        spec.mounts << MountSpec {qs("/etc"), qs("/etc/host-etc/"), true};
        spec.network = NetworkMode::None;
        spec.workingDir = qs("/workspace");
        spec.environment = {qs("ANTHROPIC_API_KEY=sk-secret"), qs("TERM=xterm-256color")};
        spec.timeoutSec = 60;
        spec.memoryMb = 2048;
        spec.keepUpperDir = true;
        const Result<LaunchCommand> cmd = NamespaceLauncher(qs("/h/scorpiox-unshare")).command(spec);
        QVERIFY2(cmd.ok(), cmd.ok() ? "" : qPrintable(cmd.error().message));
        QCOMPARE(cmd->program, qs("/h/scorpiox-unshare"));
        const QStringList expected {qs("--rootfs"), m_rootfs,
                                    qs("--layer"), layer,
                                    qs("--overlay"), spec.overlayDir,
                                    qs("--keep-overlay"),
                                    qs("--bind"), m_project + qs(":/workspace"),
                                    qs("--bind"), qs("/etc:/etc/host-etc:ro"),
                                    qs("--net"), qs("none"),
                                    qs("--hostname"), qs("scorpiox-42"),
                                    qs("--workdir"), qs("/workspace"),
                                    qs("--timeout"), qs("60"),
                                    qs("--memory-mb"), qs("2048"),
                                    qs("--"), qs("/bin/sh"), qs("-c"), qs("echo hi")};
        QCOMPARE(cmd->arguments, expected);
        QCOMPARE(cmd->environment, spec.environment);
        for (const QString &arg : cmd->arguments)
            QVERIFY2(!arg.contains(qs("sk-secret")), "a secret reached the command line");
    }

    void optionalPartsAreLeftOut()
    {
        LaunchSpec spec = baseSpec();
        spec.overlayDir.clear();
        spec.mounts.clear();
        spec.hostname.clear();
        spec.workingDir.clear();
        spec.command = {qs("--rootfs")};
        const Result<LaunchCommand> cmd = NamespaceLauncher(qs("/h")).command(spec);
        QVERIFY(cmd.ok());
        QCOMPARE(cmd->arguments,
                 (QStringList {qs("--rootfs"), m_rootfs, qs("--net"), qs("host"), qs("--"), qs("--rootfs")}));
    }

    void rejectsBadSpecs_data()
    {
        QTest::addColumn<int>("field");
        QTest::addColumn<QString>("needle");
        QTest::newRow("no rootfs") << 0 << qs("no image rootfs");
        QTest::newRow("relative rootfs") << 1 << qs("must be an absolute path");
        QTest::newRow("missing rootfs") << 2 << qs("does not exist: pull or import the image first");
        QTest::newRow("missing layer") << 3 << qs("image layer");
        QTest::newRow("relative overlay") << 4 << qs("overlay directory");
        QTest::newRow("missing host path") << 5 << qs("at /workspace: no such file or directory on the host");
        QTest::newRow("relative host path") << 6 << qs("the host path must be absolute");
        QTest::newRow("relative target") << 7 << qs("container path must be absolute");
        QTest::newRow("dotdot target") << 8 << qs("free of '..'");
        QTest::newRow("root target") << 9 << qs("cannot replace the container's root");
        QTest::newRow("proc target") << 10 << qs("/proc belongs to the container");
        QTest::newRow("colon target") << 11 << qs("must not contain ':'");
        QTest::newRow("bad hostname") << 12 << qs("hostname");
        QTest::newRow("relative workdir") << 13 << qs("working directory");
        QTest::newRow("no command") << 14 << qs("no command");
        QTest::newRow("negative timeout") << 15 << qs("timeout -1");
        QTest::newRow("negative memory") << 16 << qs("memory limit");
        QTest::newRow("environment without =") << 17 << qs("environment entry 2 is not K=V");
        QTest::newRow("keep upper without overlay") << 18 << qs("keeping the upper directory needs an overlay");
    }

    void rejectsBadSpecs()
    {
        QFETCH(int, field);
        QFETCH(QString, needle);
        LaunchSpec spec = baseSpec();
        switch (field) {
        case 0: spec.rootfs.clear(); break;
        case 1: spec.rootfs = qs("images/default"); break;
        case 2: spec.rootfs = m_dir.filePath(qs("no-such-image")); break;
        case 3: spec.layers = {m_dir.filePath(qs("no-such-layer"))}; break;
        case 4: spec.overlayDir = qs("overlays/x"); break;
        case 5: spec.mounts = {{m_dir.filePath(qs("gone")), qs("/workspace"), false}}; break;
        case 6: spec.mounts = {{qs("project"), qs("/workspace"), false}}; break;
        case 7: spec.mounts = {{m_project, qs("workspace"), false}}; break;
        case 8: spec.mounts = {{m_project, qs("/workspace/../etc"), false}}; break;
        case 9: spec.mounts = {{m_project, qs("//"), false}}; break;
        case 10: spec.mounts = {{m_project, qs("/proc/sys"), false}}; break;
        case 11: spec.mounts = {{m_project, qs("/a:b"), false}}; break;
        case 12: spec.hostname = qs("has space"); break;
        case 13: spec.workingDir = qs("workspace"); break;
        case 14: spec.command.clear(); break;
        case 15: spec.timeoutSec = -1; break;
        case 16: spec.memoryMb = -5; break;
        case 17: spec.environment = {qs("A=1"), qs("TOKEN-WITHOUT-EQUALS")}; break;
        case 18: spec.overlayDir.clear(); spec.keepUpperDir = true; break;
        }
        const Result<LaunchCommand> cmd = NamespaceLauncher(qs("/h")).command(spec);
        QVERIFY(!cmd.ok());
        QVERIFY2(cmd.error().message.contains(needle), qPrintable(cmd.error().message));
        QVERIFY(!cmd.error().message.contains(qs("TOKEN-WITHOUT-EQUALS")));
        QVERIFY(!cmd.error().message.contains(QLatin1Char('\n')));
    }

    void runsTheCommandItBuilds()
    {
        QVERIFY2(getuid() != 0, "run as an ordinary user");
        LaunchSpec spec = baseSpec();
        spec.workingDir = qs("/workspace");
        spec.environment = {qs("PATH=/bin:/usr/bin"), qs("SCORPIOX_API_KEY=sk-test-123")};
        spec.command = {qs("/bin/sh"), qs("-c"),
                        qs("echo \"$SCORPIOX_API_KEY $(hostname) $(pwd) $(id -u)\" > /workspace/out; "
                           "tr '\\0' ' ' < /proc/2/cmdline; echo; env | cut -d= -f1 | sort | tr '\\n' ' '")};
        const Result<LaunchCommand> cmd = NamespaceLauncher(qs(SCORPIOX_UNSHARE_BIN)).command(spec);
        QVERIFY(cmd.ok());
        QProcess p;
        p.setProgram(cmd->program);
        p.setArguments(cmd->arguments);
        p.setEnvironment(cmd->environment);
        p.start();
        QVERIFY(p.waitForFinished(20000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray out = p.readAllStandardOutput();
        QVERIFY2(!out.contains("sk-test-123"), out.constData());
        // Only the spec's environment (and what the shell adds itself), nothing of the test's.
        QVERIFY2(out.endsWith("\nPATH PWD SCORPIOX_API_KEY SHLVL "), out.constData());
        QFile result(m_project + qs("/out"));
        QVERIFY(result.open(QIODevice::ReadOnly));
        QCOMPARE(result.readAll(), QByteArray("sk-test-123 scorpiox-42 /workspace 0\n"));
        QVERIFY(!QFileInfo::exists(spec.overlayDir));
    }
};

QTEST_GUILESS_MAIN(TestNamespaceLauncher)
#include "tst_namespacelauncher.moc"
