// SPDX-License-Identifier: GPL-3.0-or-later
// scorpiox-unshare end to end, as an ordinary user, over a busybox rootfs: real user, PID, mount
// and network namespaces, real overlayfs, real signals.
#include "HostFacts.h"
#include "ProcessWait.h"
#include "ScratchDir.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <csignal>
#include <functional>
#include <memory>
#include <unistd.h>

namespace {

QString qs(const char *text)
{
    return QString::fromUtf8(text);
}

using Run = ProcessOutcome;

QByteArray treeChecksum(const QString &root)
{
    QStringList entries;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        QString line = info.filePath().mid(root.size()) + QLatin1Char(' ')
            + QString::number(static_cast<int>(info.permissions()), 16);
        if (info.isSymLink()) {
            line += qs(" -> ") + info.symLinkTarget();
        } else if (info.isFile()) {
            QFile f(info.filePath());
            if (f.open(QIODevice::ReadOnly))
                line += QLatin1Char(' ') + QString::fromLatin1(QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256).toHex());
        }
        entries << line;
    }
    entries.sort();
    return QCryptographicHash::hash(entries.join(QLatin1Char('\n')).toUtf8(), QCryptographicHash::Sha256).toHex();
}

// "sleep\0<digit><tag>" as it appears in /proc/<pid>/cmdline.
QByteArray sleeper(const char *digit, const QByteArray &tag)
{
    return QByteArray("sleep", 6) + digit + tag;
}


} // namespace

class TestUnshare : public QObject
{
    Q_OBJECT

private:
    ScratchDir m_scratch;
    QByteArray m_rootfsSum;



    QStringList withOverlay(const QString &overlay) const
    {
        return {qs("--rootfs"), m_scratch.rootfs(), qs("--overlay"), overlay,
                qs("--bind"), m_scratch.project() + qs(":/workspace")};
    }

    std::unique_ptr<QProcess> start(const QStringList &args, const QProcessEnvironment &env = {})
    {
        auto p = std::make_unique<QProcess>();
        p->setProgram(qs(SCORPIOX_UNSHARE_BIN));
        p->setArguments(args);
        p->setProcessEnvironment(env.isEmpty() ? QProcessEnvironment::systemEnvironment() : env);
        p->start();
        return p;
    }

    Run run(const QStringList &args, const QProcessEnvironment &env = {}, int timeoutMs = 20000)
    {
        auto p = start(args, env);
        return ProcessWait::finish(*p, timeoutMs);
    }

    Run sh(const QString &script, const QStringList &extra = {})
    {
        return run(withOverlay(m_scratch.fresh("ov")) + extra
                   + QStringList {qs("--"), qs("/bin/sh"), qs("-c"), script});
    }

    QString probe() const { return qs(UNSHARE_PROBE_BIN) + qs(":/probe:ro"); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_scratch.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(QDir().mkpath(m_scratch.rootfs() + qs("/covered")));
        QFile secret(m_scratch.rootfs() + qs("/covered/secret"));
        QVERIFY(secret.open(QIODevice::WriteOnly) && secret.write("beneath\n") > 0);
        secret.close();
        m_rootfsSum = treeChecksum(m_scratch.rootfs());
    }

    void cleanupTestCase() { QCOMPARE(treeChecksum(m_scratch.rootfs()), m_rootfsSum); }

    void commandSeesOnlyItsOwnProcesses()
    {
        const Run r = sh(qs("echo self=$$; for p in /proc/[0-9]*; do echo ${p#/proc/}; done"));
        QCOMPARE(r.code, 0);
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.first(), QByteArray("self=2"));
        QVERIFY2(lines.contains("1"), r.out.constData());
        for (const QByteArray &pid : lines.mid(1))
            QVERIFY2(pid.toInt() >= 1 && pid.toInt() <= 4, r.out.constData());
    }

    void callerIsRootInsideAndOwnsItsFiles()
    {
        const Run r = sh(qs("id -u && id -g && touch /workspace/made-inside"));
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("0\n0\n"));
        const QFileInfo made(m_scratch.project() + qs("/made-inside"));
        QVERIFY(made.exists());
        QCOMPARE(made.ownerId(), getuid());
        QCOMPARE(made.groupId(), getgid());
    }

    void overlayTakesWritesAndVanishes()
    {
        const QString overlay = m_scratch.fresh("ov");
        const Run r = run(withOverlay(overlay)
                          + QStringList {qs("--"), qs("/bin/sh"), qs("-c"),
                                         qs("echo changed > /etc/hostname && rm /etc/os-release && mkdir -p /opt/n "
                                            "&& echo data > /opt/n/f && cat /etc/hostname /opt/n/f "
                                            "&& test ! -e /etc/os-release && ls /covered")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("changed\ndata\nsecret\n"));
        QVERIFY(!QFileInfo::exists(overlay));
        QCOMPARE(treeChecksum(m_scratch.rootfs()), m_rootfsSum);
        // And the next container sees the pristine image.
        QCOMPARE(sh(qs("cat /etc/hostname")).out, QByteArray("scorpiox\n"));
    }

    void withoutOverlayTheRootIsReadOnly()
    {
        const Run r = run({qs("--rootfs"), m_scratch.rootfs(), qs("--"), qs("/bin/sh"), qs("-c"),
                           qs("touch /x 2>&1; echo x > /etc/hostname 2>&1; cat /etc/os-release | head -1; "
                              "echo tmp > /tmp/t && cat /tmp/t")});
        QCOMPARE(r.code, 0);
        const QByteArray both = r.out + r.err;
        QVERIFY2(both.count("Read-only file system") == 2, both.constData());
        QVERIFY(r.out.contains("NAME=") && r.out.endsWith("tmp\n"));
        QCOMPARE(treeChecksum(m_scratch.rootfs()), m_rootfsSum);
    }

    void workspaceIsReadWrite()
    {
        QFile seed(m_scratch.project() + qs("/from-host"));
        QVERIFY(seed.open(QIODevice::WriteOnly) && seed.write("host\n") > 0);
        seed.close();
        const Run r = sh(qs("cat /workspace/from-host && echo container > /workspace/from-container"),
                         {qs("--workdir"), qs("/workspace")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("host\n"));
        QFile back(m_scratch.project() + qs("/from-container"));
        QVERIFY(back.open(QIODevice::ReadOnly));
        QCOMPARE(back.readAll(), QByteArray("container\n"));
    }

    void readOnlyBindCannotBeUndone()
    {
        const QString shared = m_scratch.makeDir("shared");
        QFile(shared + qs("/keep")).open(QIODevice::WriteOnly);
        const QString script = qs(
            "touch /covered/new 2>/dev/null && echo WROTE; "
            "rm /covered/keep 2>/dev/null && echo REMOVED; "
            "mount -o remount,rw /covered 2>/dev/null && echo REMOUNTED; "
            "mount -o remount,rw,bind /covered 2>/dev/null && echo REMOUNTED; "
            "umount /covered 2>/dev/null && echo UNMOUNTED; "
            "umount -l /covered 2>/dev/null && echo UNMOUNTED; "
            "cat /covered/secret 2>/dev/null && echo REVEALED; "
            "unshare -r -m sh -c 'mount -o remount,rw,bind /covered && echo NESTED-REMOUNTED; "
            "umount -l /covered && echo NESTED-UNMOUNTED; cat /covered/secret && echo NESTED-REVEALED' 2>/dev/null; "
            "grep ' /covered ' /proc/self/mountinfo | cut -d' ' -f6; ls /covered");
        const Run r = sh(script, {qs("--bind"), shared + qs(":/covered:ro")});
        QCOMPARE(r.code, 0);
        QVERIFY2(!r.out.contains("WROTE") && !r.out.contains("REMOVED") && !r.out.contains("REMOUNTED")
                     && !r.out.contains("UNMOUNTED") && !r.out.contains("REVEALED") && !r.out.contains("beneath"),
                 r.out.constData());
        QVERIFY2(r.out.contains("ro,") && r.out.contains("keep"), r.out.constData());
        QVERIFY(QFileInfo::exists(shared + qs("/keep")));
        QVERIFY(!QFileInfo::exists(shared + qs("/new")));
    }

    void manyBinds()
    {
        QStringList args;
        QString script;
        for (int i = 0; i < 20; ++i) {
            const QString dir = m_scratch.makeDir("bind");
            QFile f(dir + qs("/id"));
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(QByteArray::number(i)) > 0);
            args << qs("--bind") << dir + qs(":/mnt/b") + QString::number(i) + (i % 2 ? qs(":ro") : QString());
            script += qs("cat /mnt/b%1/id; echo;").arg(i);
        }
        const Run r = sh(script, args);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.split('\n').size(), 21);
        QVERIFY(r.out.startsWith("0\n1\n2\n") && r.out.endsWith("19\n"));
    }

    void missingBindSourceIsAClearError()
    {
        const Run r = sh(qs("true"), {qs("--bind"), m_scratch.filePath(qs("absent")) + qs(":/x")});
        QCOMPARE(r.code, 125);
        QVERIFY2(r.err.contains("absent") && r.err.contains("No such file or directory"), r.err.constData());
    }

    void netNoneRefusesSockets()
    {
        const Run r = sh(qs("for t in socket-inet socket-inet6 socket-netlink socket-unix socketpair-unix io-uring; "
                            "do echo $t $(/probe $t); done; echo routes=$(grep -c 127.0.0.1 /proc/net/fib_trie)"),
                         {qs("--net"), qs("none"), qs("--bind"), probe()});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("socket-inet errno=EACCES\n"), r.out.constData());
        QVERIFY2(r.out.contains("socket-inet6 errno=EACCES\n"), r.out.constData());
        QVERIFY2(r.out.contains("socket-netlink errno=EACCES\n"), r.out.constData());
        QVERIFY2(r.out.contains("socket-unix ok\n"), r.out.constData());
        QVERIFY2(r.out.contains("socketpair-unix ok\n"), r.out.constData());
        QVERIFY2(r.out.contains("io-uring errno=EPERM\n"), r.out.constData());
        QVERIFY2(r.out.endsWith("\nroutes=0\n"), r.out.constData()); // loopback stays down: no 127.0.0.1 route
    }

    void netNoneRefusesForeignAbis()
    {
        const Run isolated = sh(qs("/probe i386"), {qs("--net"), qs("isolated"), qs("--bind"), probe()});
        if (isolated.code != 0)
            QSKIP("this kernel runs no i386 syscalls at all (no IA32 emulation)");
        const int sigsys = 128 + SIGSYS;
        QCOMPARE(sh(qs("/probe i386"), {qs("--net"), qs("none"), qs("--bind"), probe()}).code, sigsys);
        QCOMPARE(sh(qs("/probe x32"), {qs("--net"), qs("none"), qs("--bind"), probe()}).code, sigsys);
    }

    void netIsolatedHasOnlyLoopback()
    {
        const Run r = sh(qs("tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' '; ip link show lo; "
                            "grep -q 127.0.0.1 /proc/net/fib_trie && /probe socket-inet"),
                         {qs("--net"), qs("isolated"), qs("--bind"), probe()});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith("lo\n"), r.out.constData());
        QVERIFY2(r.out.contains(",UP"), r.out.constData());
        QVERIFY2(r.out.endsWith("ok\n"), r.out.constData());
    }

    void netHostBindsTheHostsNameService()
    {
        QFile resolv(qs("/etc/resolv.conf"));
        if (!resolv.open(QIODevice::ReadOnly))
            QSKIP("the host has no readable /etc/resolv.conf");
        const Run r = sh(qs("cat /etc/resolv.conf; (echo x > /etc/resolv.conf) 2>/dev/null && echo WROTE; true"),
                         {qs("--net"), qs("host"), qs("--bind"), probe()});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, resolv.readAll());
        QCOMPARE(sh(qs("/probe socket-inet"), {qs("--bind"), probe()}).out, QByteArray("ok\n"));
    }

    void hostRootIsNotReachable()
    {
        const QString marker = m_scratch.makeDir("host-marker");
        const QString script = qs("cd / && cd ../../.. && ls; test -e '%1' && echo ESCAPED; "
                                  "ls /proc/1/root/ >/dev/null 2>&1 && echo PROC-ROOT; "
                                  "cut -d' ' -f5 /proc/self/mountinfo")
                                   .arg(marker);
        const Run r = sh(script, {qs("--net"), qs("isolated")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains("workspace\n") && r.out.contains("covered\n"), r.out.constData());
        QVERIFY2(!r.out.contains("ESCAPED") && !r.out.contains("PROC-ROOT"), r.out.constData());
        const QStringList allowed {qs("/"), qs("/proc"), qs("/dev"), qs("/tmp"), qs("/workspace")};
        const QList<QByteArray> lines = r.out.split('\n');
        const qsizetype first = lines.indexOf("/");
        QVERIFY2(first > 0, r.out.constData());
        for (const QByteArray &mountPoint : lines.mid(first)) {
            if (mountPoint.isEmpty())
                continue;
            const QString m = QString::fromUtf8(mountPoint);
            const bool ok = allowed.contains(m) || m.startsWith(qs("/dev/"));
            QVERIFY2(ok, qPrintable(qs("unexpected mount point inside: ") + m));
        }
    }

    void noInheritedDescriptors()
    {
        QProcess p;
        p.setProgram(qs("/bin/sh"));
        p.setArguments({qs("-c"), qs("exec 7</dev/null 8>/dev/null 9>/dev/null; exec \"$0\" \"$@\""),
                        qs(SCORPIOX_UNSHARE_BIN), qs("--info-fd"), qs("8")});
        p.setArguments(p.arguments() + withOverlay(m_scratch.fresh("ov"))
                       + QStringList {qs("--"), qs("/bin/ls"), qs("/proc/self/fd")});
        p.start();
        const Run r = ProcessWait::finish(p, 20000);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("0\n1\n2\n3\n")); // 3 is ls's own directory handle
    }

    void setuidBinariesGainNothing()
    {
        if (!HostFacts::hasSubordinateRange())
            QSKIP("needs a subordinate uid range (/etc/subuid) and newuidmap for a second id inside");
        const Run r = sh(qs("cp /probe /suid-probe && chmod 4755 /suid-probe && ls -ln /suid-probe | cut -c1-10; "
                            "grep NoNewPrivs /proc/self/status; su -s /bin/sh nobody -c '/suid-probe euid'"),
                         {qs("--bind"), probe()});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith("-rwsr-xr-x\n"), r.out.constData());
        QVERIFY2(r.out.contains("NoNewPrivs:\t1"), r.out.constData());
        QVERIFY2(r.out.endsWith("\n65534\n"), r.out.constData());
    }

    void exitCodes()
    {
        QCOMPARE(sh(qs("exit 0")).code, 0);
        QCOMPARE(sh(qs("exit 3")).code, 3);
        QCOMPARE(sh(qs("kill -TERM $$")).code, 143);
        QCOMPARE(sh(qs("kill -KILL $$")).code, 137);

        Run r = run({qs("--rootfs"), m_scratch.rootfs(), qs("--bogus"), qs("--"), qs("true")});
        QCOMPARE(r.code, 125);
        QVERIFY2(r.err.startsWith("scorpiox-unshare: unknown option --bogus\n"), r.err.constData());
        r = run({qs("--rootfs"), m_scratch.filePath(qs("no-image")), qs("--"), qs("true")});
        QCOMPARE(r.code, 125);
        QVERIFY2(r.err.contains("no-image: No such file or directory"), r.err.constData());

        r = run(withOverlay(m_scratch.fresh("ov")) + QStringList {qs("--"), qs("/etc/passwd")});
        QCOMPARE(r.code, 126);
        QVERIFY2(r.err.contains("cannot execute /etc/passwd: Permission denied"), r.err.constData());
        r = run(withOverlay(m_scratch.fresh("ov")) + QStringList {qs("--"), qs("/no/such/program")});
        QCOMPARE(r.code, 127);
        r = run(withOverlay(m_scratch.fresh("ov")) + QStringList {qs("--"), qs("no-such-command")});
        QCOMPARE(r.code, 127);
        QVERIFY2(r.err.contains("command not found in the container: no-such-command"), r.err.constData());
    }

    void timeoutEndsEvenADaemon()
    {
        const QByteArray tag = QByteArray::number(QRandomGenerator::global()->bounded(1000000, 9999999));
        const QString started = m_scratch.project() + qs("/daemon-") + QString::fromLatin1(tag);
        const QString script = qs("setsid sh -c '(touch /workspace/daemon-%1; exec sleep 1%1) &'; "
                                  "sleep 2%1 & exec sleep 3%1")
                                   .arg(QString::fromLatin1(tag));
        QElapsedTimer timer;
        timer.start();
        const Run r = sh(script, {qs("--timeout"), qs("1")});
        QCOMPARE(r.code, 124);
        QVERIFY(timer.elapsed() < 4000);
        QVERIFY(QFileInfo::exists(started));
        QCOMPARE(ProcessWait::countWithCmdline(sleeper("1", tag)), 0);
        QCOMPARE(ProcessWait::countWithCmdline(sleeper("2", tag)), 0);
        QCOMPARE(ProcessWait::countWithCmdline(sleeper("3", tag)), 0);
    }

    void signalsToTheLauncher_data()
    {
        QTest::addColumn<int>("signal");
        QTest::addColumn<int>("code");
        QTest::newRow("SIGTERM") << int(SIGTERM) << 143;
        QTest::newRow("SIGINT") << int(SIGINT) << 130;
        QTest::newRow("SIGHUP") << int(SIGHUP) << 129;
    }

    void signalsToTheLauncher()
    {
        QFETCH(int, signal);
        QFETCH(int, code);
        const QString overlay = m_scratch.fresh("ov");
        const QString ready = m_scratch.uniqueName("ready-");
        auto p = start(withOverlay(overlay)
                       + QStringList {qs("--"), qs("/bin/sh"), qs("-c"),
                                      qs("touch /workspace/%1; exec sleep 100").arg(ready)});
        const QString readyFile = m_scratch.project() + QLatin1Char('/') + ready;
        QVERIFY(ProcessWait::until([&] { return QFileInfo::exists(readyFile); }, 10000));
        QVERIFY(QFileInfo::exists(overlay + qs("/upper")));
        ::kill(static_cast<pid_t>(p->processId()), signal);
        const Run r = ProcessWait::finish(*p, 10000);
        QCOMPARE(r.code, code);
        QVERIFY(!QFileInfo::exists(overlay));
    }

    void killingTheLauncherEndsEverythingInside()
    {
        const QByteArray tag = QByteArray::number(QRandomGenerator::global()->bounded(1000000, 9999999));
        const QString ready = qs("ready-") + QString::fromLatin1(tag);
        auto p = start(withOverlay(m_scratch.fresh("ov"))
                       + QStringList {qs("--"), qs("/bin/sh"), qs("-c"),
                                      qs("sleep 4%1 & setsid sleep 5%1 & touch /workspace/%2; exec sleep 6%1")
                                          .arg(QString::fromLatin1(tag), ready)});
        const QString readyFile = m_scratch.project() + QLatin1Char('/') + ready;
        QVERIFY(ProcessWait::until([&] { return QFileInfo::exists(readyFile); }, 10000));
        QVERIFY(ProcessWait::until([&] { return ProcessWait::countWithCmdline(sleeper("6", tag)) == 1; }, 5000));
        QCOMPARE(ProcessWait::countWithCmdline(sleeper("4", tag)) + ProcessWait::countWithCmdline(sleeper("5", tag)), 2);
        ::kill(static_cast<pid_t>(p->processId()), SIGKILL);
        p->waitForFinished(5000);
        QVERIFY(ProcessWait::until([&] {
            return ProcessWait::countWithCmdline(sleeper("4", tag)) + ProcessWait::countWithCmdline(sleeper("5", tag))
                + ProcessWait::countWithCmdline(sleeper("6", tag)) == 0;
        }, 5000));
    }

    void hostileImageSymlinksStayInside()
    {
        const QString victim = m_scratch.makeDir("victim");
        const QString layer = m_scratch.makeDir("hostile-layer");
        QVERIFY(QDir().mkpath(layer + qs("/etc")));
        QString up;
        for (int i = 0; i < 12; ++i)
            up += qs("../");
        QVERIFY(QFile::link(up + victim.mid(1), layer + qs("/dev")));
        QVERIFY(QFile::link(victim + qs("/resolv.conf"), layer + qs("/etc/resolv.conf")));
        const QString overlay = m_scratch.fresh("ov");
        Run r = run({qs("--rootfs"), m_scratch.rootfs(), qs("--layer"), layer, qs("--overlay"), overlay,
                     qs("--net"), qs("host"), qs("--"), qs("true")});
        QCOMPARE(r.code, 125);
        QVERIFY2(r.err.contains("/dev"), r.err.constData());
        QVERIFY(QDir(victim).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot));
        QVERIFY(!QFileInfo::exists(overlay));

        QVERIFY(QFile::remove(layer + qs("/dev")));
        r = run({qs("--rootfs"), m_scratch.rootfs(), qs("--layer"), layer, qs("--overlay"), m_scratch.fresh("ov"),
                 qs("--net"), qs("host"), qs("--"), qs("/bin/sh"), qs("-c"), qs("cat /etc/resolv.conf; ls /dev")});
        QCOMPARE(r.code, 0);
        QFile hostResolv(qs("/etc/resolv.conf"));
        if (hostResolv.open(QIODevice::ReadOnly))
            QVERIFY2(r.out.startsWith(hostResolv.readAll()), r.out.constData());
        QVERIFY(r.out.contains("urandom"));
        QVERIFY(QDir(victim).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot));
    }

    void dashDashRootfsIsACommand()
    {
        const QString layer = m_scratch.makeDir("cmd-layer");
        QVERIFY(QDir().mkpath(layer + qs("/usr/local/bin")));
        QFile script(layer + qs("/usr/local/bin/--rootfs"));
        QVERIFY(script.open(QIODevice::WriteOnly) && script.write("#!/bin/sh\necho ran \"$@\"\n") > 0);
        script.close();
        QVERIFY(script.setPermissions(script.permissions() | QFile::ExeOwner | QFile::ExeGroup | QFile::ExeOther));
        const Run r = run({qs("--rootfs"), m_scratch.rootfs(), qs("--layer"), layer, qs("--env"),
                           qs("PATH=/usr/local/bin:/bin"), qs("--"), qs("--rootfs"), qs("--net"), qs("none")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("ran --net none\n"));
    }

    void twentyContainersAtOnce()
    {
        std::vector<std::unique_ptr<QProcess>> running;
        QStringList overlays;
        for (int i = 0; i < 20; ++i) {
            overlays << m_scratch.fresh("ov");
            running.push_back(start(withOverlay(overlays.last())
                                    + QStringList {qs("--hostname"), qs("c%1").arg(i), qs("--"), qs("/bin/sh"),
                                                   qs("-c"), qs("echo $(hostname) > /workspace/many-$(hostname); "
                                                                "echo x > /scratch; sleep 0.3; cat /scratch")}));
        }
        for (int i = 0; i < 20; ++i) {
            const Run r = ProcessWait::finish(*running[static_cast<size_t>(i)], 30000);
            QVERIFY2(r.code == 0, r.err.constData());
            QCOMPARE(r.out, QByteArray("x\n"));
            QFile made(m_scratch.project() + qs("/many-c%1").arg(i));
            QVERIFY(made.open(QIODevice::ReadOnly));
            QCOMPARE(made.readAll(), qs("c%1\n").arg(i).toUtf8());
        }
        for (const QString &overlay : overlays)
            QVERIFY2(!QFileInfo::exists(overlay), qPrintable(overlay));
    }

    void procExeNeverReachesTheLauncherBinary()
    {
        const QString own = m_scratch.makeDir("own-launcher");
        const QString copy = own + qs("/scorpiox-unshare");
        QVERIFY(QFile::copy(qs(SCORPIOX_UNSHARE_BIN), copy));
        QVERIFY(QFileInfo(copy).ownerId() == getuid() && QFileInfo(copy).isWritable());
        QFile before(copy);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray sum = QCryptographicHash::hash(before.readAll(), QCryptographicHash::Sha256);
        before.close();
        QProcess p;
        p.setProgram(copy);
        p.setArguments(withOverlay(m_scratch.fresh("ov"))
                       + QStringList {qs("--"), qs("/bin/sh"), qs("-c"),
                                      qs("for p in /proc/[0-9]*; do readlink $p/exe; done; "
                                         "cat /proc/1/exe > /dev/null 2>&1 && echo READ; "
                                         "echo x >> /proc/1/exe 2>/dev/null && echo WROTE; "
                                         "ls /proc/1/map_files/ 2>/dev/null | grep -q . && echo MAPS; "
                                         "readlink /proc/1/fd/0 > /dev/null 2>&1 && echo FD; "
                                         "cat /proc/1/maps > /dev/null 2>&1 && echo MAPS; "
                                         "cat /proc/1/environ > /dev/null 2>&1 && echo ENVIRON; true")});
        p.start();
        const Run r = ProcessWait::finish(p, 20000);
        QCOMPARE(r.code, 0);
        QVERIFY2(!r.out.contains("scorpiox-unshare") && !r.out.contains("READ") && !r.out.contains("WROTE")
                     && !r.out.contains("MAPS") && !r.out.contains("FD") && !r.out.contains("ENVIRON"),
                 r.out.constData());
        QVERIFY2(r.out.contains("/bin/busybox"), r.out.constData());
        QFile after(copy);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(QCryptographicHash::hash(after.readAll(), QCryptographicHash::Sha256), sum);
    }

    void fullRangeMappingAndCleanupOfForeignOwnedFiles()
    {
        if (!HostFacts::hasSubordinateRange())
            QSKIP("needs a subordinate uid range (/etc/subuid) and newuidmap");
        const QString overlay = m_scratch.fresh("ov");
        const Run r = run(withOverlay(overlay)
                          + QStringList {qs("--"), qs("/bin/sh"), qs("-c"),
                                         qs("cat /proc/self/uid_map | wc -l; touch /owned && chown 1000:1000 /owned "
                                            "&& mkdir -p /d/e && touch /d/e/f && chown -R 1000:1000 /d "
                                            "&& chmod 700 /d /d/e && stat -c '%u %g' /owned")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith("2\n"), r.out.constData());
        QVERIFY2(r.out.contains("1000 1000"), r.out.constData());
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        QVERIFY(!QFileInfo::exists(overlay));
    }

    void singleIdMapping()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(qs("SCORPIOX_UNSHARE_SINGLE_ID"), qs("1"));
        const Run r = run(withOverlay(m_scratch.fresh("ov"))
                              + QStringList {qs("--"), qs("/bin/sh"), qs("-c"),
                                             qs("cat /proc/self/uid_map | tr -s ' '; id -u; touch /workspace/single; "
                                                "env | grep -c SCORPIOX_UNSHARE_")},
                          env);
        QCOMPARE(r.code, 1); // grep -c found nothing: the launcher's own switches are not passed on
        QCOMPARE(r.out, qs(" 0 %1 1\n0\n0\n").arg(getuid()).toUtf8());
        QCOMPARE(QFileInfo(m_scratch.project() + qs("/single")).ownerId(), getuid());
    }

    void environmentHostnameAndWorkdir()
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(qs("SCORPIOX_TEST_SECRET"), qs("from-environment"));
        env.insert(qs("OVERRIDDEN"), qs("old"));
        const Run r = run(withOverlay(m_scratch.fresh("ov"))
                              + QStringList {qs("--hostname"), qs("scorpiox-abc"), qs("--workdir"), qs("/work/dir"),
                                             qs("--env"), qs("OVERRIDDEN=new"), qs("--env"), qs("ADDED=a=b"), qs("--"),
                                             qs("/bin/sh"), qs("-c"),
                                             qs("echo $SCORPIOX_TEST_SECRET $OVERRIDDEN $ADDED; hostname; pwd")},
                          env);
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("from-environment new a=b\nscorpiox-abc\n/work/dir\n"));
    }

    void devicesAndScratchSpace()
    {
        const Run r = sh(qs("ls /dev | tr '\\n' ' '; echo; echo x > /dev/null && head -c 8 /dev/urandom | wc -c "
                            "&& head -c 4 /dev/zero | wc -c; echo x > /dev/full 2>/dev/null || echo full; "
                            "ls /dev/pts; echo s > /dev/shm/s && cat /dev/shm/s; echo t > /tmp/t && cat /tmp/t; "
                            "readlink /dev/fd; readlink /dev/ptmx; grep -c devpts /proc/self/mountinfo"));
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("fd full null ptmx pts random shm stderr stdin stdout tty urandom zero \n"
                                   "8\n4\nfull\nptmx\ns\nt\n/proc/self/fd\npts/ptmx\n1\n"));
    }

    void infoFdReportsJsonLines()
    {
        const QString info = m_scratch.fresh("info");
        QProcess p;
        p.setProgram(qs("/bin/sh"));
        p.setArguments(QStringList {qs("-c"), qs("exec 3>\"$INFO\"; exec \"$0\" \"$@\""), qs(SCORPIOX_UNSHARE_BIN),
                                    qs("--info-fd"), qs("3")}
                       + withOverlay(m_scratch.fresh("ov"))
                       + QStringList {qs("--"), qs("/bin/sh"), qs("-c"), qs("exit 3")});
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(qs("INFO"), info);
        p.setProcessEnvironment(env);
        p.start();
        QCOMPARE(ProcessWait::finish(p, 20000).code, 3);
        QFile lines(info);
        QVERIFY(lines.open(QIODevice::ReadOnly));
        const QList<QByteArray> got = lines.readAll().split('\n');
        QCOMPARE(got.size(), 3);
        QVERIFY2(got[0].startsWith("{\"pid\":") && got[0].mid(7).chopped(1).toInt() > 1, got[0].constData());
        QCOMPARE(got[1], QByteArray("{\"exit\":3}"));

        p.setArguments({qs("-c"), qs("exec 3>\"$INFO\"; exec \"$0\" \"$@\""), qs(SCORPIOX_UNSHARE_BIN), qs("--info-fd"),
                        qs("3"), qs("--rootfs"), m_scratch.filePath(qs("gone")), qs("--"), qs("true")});
        p.start();
        QCOMPARE(ProcessWait::finish(p, 20000).code, 125);
        QVERIFY(lines.seek(0));
        lines.close();
        QVERIFY(lines.open(QIODevice::ReadOnly));
        const QByteArray error = lines.readAll();
        QVERIFY2(error.startsWith("{\"error\":\"--rootfs ") && error.endsWith("No such file or directory\",\"exit\":125}\n"),
                 error.constData());
    }

    void memoryLimitWithoutDelegationWarnsOnce()
    {
        QFile mountinfo(qs("/proc/self/mountinfo"));
        QVERIFY(mountinfo.open(QIODevice::ReadOnly));
        const bool cgroup2 = mountinfo.readAll().contains(" - cgroup2 ");
        const Run r = sh(qs("echo ran"), {qs("--memory-mb"), qs("64")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out, QByteArray("ran\n"));
        QFile hybrid(qs("/sys/fs/cgroup/unified/cgroup.controllers"));
        if (!cgroup2) {
            QCOMPARE(r.err, QByteArray("scorpiox-unshare: warning: --memory-mb ignored: no cgroup v2 hierarchy is "
                                       "mounted\n"));
        } else if (hybrid.open(QIODevice::ReadOnly) && !hybrid.readAll().contains("memory")) {
            QCOMPARE(r.err, QByteArray("scorpiox-unshare: warning: --memory-mb ignored: the cgroup v2 hierarchy at "
                                       "/sys/fs/cgroup/unified has no memory controller (a hybrid set-up binds it "
                                       "to cgroup v1: boot with systemd.unified_cgroup_hierarchy=1)\n"));
        } else {
            QVERIFY2(r.err.count('\n') <= 1, r.err.constData());
        }
    }

    void fuseOverlayfsFallback()
    {
        if (access("/usr/bin/fuse-overlayfs", X_OK) != 0)
            QSKIP("fuse-overlayfs is not installed");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(qs("SCORPIOX_UNSHARE_OVERLAY"), qs("fuse"));
        const QString overlay = m_scratch.fresh("ov");
        const Run r = run(withOverlay(overlay)
                              + QStringList {qs("--"), qs("/bin/sh"), qs("-c"),
                                             qs("echo fused > /etc/hostname && cat /etc/hostname")},
                          env);
        if (access("/dev/fuse", R_OK | W_OK) == 0) {
            QVERIFY2(r.code == 0, r.err.constData());
            QCOMPARE(r.out, QByteArray("fused\n"));
        } else {
            // Neither way works for this user: a clear error, not a weaker container.
            QCOMPARE(r.code, 125);
            QVERIFY2(r.err.contains("kernel overlayfs skipped") && r.err.contains("/dev/fuse is not readable"),
                     r.err.constData());
        }
        QVERIFY(!QFileInfo::exists(overlay));
        QCOMPARE(treeChecksum(m_scratch.rootfs()), m_rootfsSum);
    }
};

QTEST_GUILESS_MAIN(TestUnshare)
#include "tst_unshare.moc"
