// SPDX-License-Identifier: GPL-3.0-or-later
// scorpiox-unshare --enter PID, as an ordinary user: joining a running container (user namespace
// first), landing in its PID namespace, and running under the same restrictions as its command.
#include "ProcessWait.h"
#include "ScratchDir.h"

#include <QDebug>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <csignal>
#include <memory>
#include <unistd.h>

namespace {

QString qs(const char *text)
{
    return QString::fromUtf8(text);
}

// "sleep\0<digit><tag>" as it appears in /proc/<pid>/cmdline.
QByteArray sleeper(const char *digit, const QByteArray &tag)
{
    return QByteArray("sleep", 6) + digit + tag;
}

// A running container: the launcher, and the host PID of its init from the info fd.
struct Container
{
    std::unique_ptr<QProcess> launcher;
    qint64 pid = 0;
    QString hostname;
};

} // namespace

class TestUnshareEnter : public QObject
{
    Q_OBJECT

private:
    ScratchDir m_scratch;
    QString m_readOnly;

    QString probe() const { return qs(UNSHARE_PROBE_BIN) + qs(":/probe:ro"); }

    // Starts a container whose command writes /marker into its overlay and then sleeps with @p tag
    // in its command line, and waits until it runs.
    Container startContainer(const QString &net, const QByteArray &tag)
    {
        Container c;
        c.hostname = m_scratch.uniqueName("box-");
        const QString info = m_scratch.fresh("info");
        c.launcher = std::make_unique<QProcess>();
        c.launcher->setProgram(qs("/bin/sh"));
        c.launcher->setArguments(
            {qs("-c"), qs("exec 3>\"$1\"; shift; exec \"$@\""), qs("sh"), info, qs(SCORPIOX_UNSHARE_BIN),
             qs("--info-fd"), qs("3"), qs("--rootfs"), m_scratch.rootfs(), qs("--overlay"), m_scratch.fresh("ov"),
             qs("--bind"), m_scratch.project() + qs(":/workspace"), qs("--bind"), m_readOnly + qs(":/covered:ro"),
             qs("--bind"), probe(), qs("--net"), net, qs("--hostname"), c.hostname, qs("--"), qs("/bin/sh"),
             qs("-c"), qs("echo inside > /marker; exec sleep 9") + QString::fromLatin1(tag)});
        c.launcher->start();
        c.pid = ProcessWait::reportedPid(info, 10000);
        if (c.pid == 0)
            qWarning() << "the container did not start:" << c.launcher->readAllStandardError();
        return c;
    }

    ProcessOutcome enter(qint64 pid, const QStringList &args, const QStringList &command,
                         const QProcessEnvironment &env = {})
    {
        QProcess p;
        p.setProgram(qs(SCORPIOX_UNSHARE_BIN));
        p.setArguments(QStringList {qs("--enter"), QString::number(pid)} + args + QStringList {qs("--")} + command);
        p.setProcessEnvironment(env.isEmpty() ? QProcessEnvironment::systemEnvironment() : env);
        p.start();
        return ProcessWait::finish(p, 20000);
    }

    ProcessOutcome enterSh(qint64 pid, const QString &script, const QStringList &args = {})
    {
        return enter(pid, args, {qs("/bin/sh"), qs("-c"), script});
    }

    static QByteArray newTag()
    {
        return QByteArray::number(QRandomGenerator::global()->bounded(1000000, 9999999));
    }

    void stop(Container &c)
    {
        ::kill(static_cast<pid_t>(c.launcher->processId()), SIGTERM);
        QCOMPARE(ProcessWait::finish(*c.launcher, 10000).code, 143);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_scratch.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
        m_readOnly = m_scratch.makeDir("shared");
        QFile keep(m_readOnly + qs("/keep"));
        QVERIFY(keep.open(QIODevice::WriteOnly) && keep.write("kept\n") > 0);
    }

    void seesTheContainersFilesHostnameAndProcesses()
    {
        const QByteArray tag = newTag();
        Container c = startContainer(qs("isolated"), tag);
        QVERIFY(c.pid > 0);
        QVERIFY(ProcessWait::until([&] { return ProcessWait::countWithCmdline(sleeper("9", tag)) == 1; }, 5000));
        const ProcessOutcome r = enterSh(c.pid,
                                         qs("cat /marker; hostname; pwd; echo self=$$; id -u; "
                                            "for p in /proc/[0-9]*; do echo \"${p#/proc/} $(tr '\\0' ' ' < $p/cmdline)\"; done"),
                                         {qs("--workdir"), qs("/workspace")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QList<QByteArray> lines = r.out.split('\n');
        QCOMPARE(lines.mid(0, 3), (QList<QByteArray> {"inside", c.hostname.toUtf8(), "/workspace"}));
        QVERIFY2(lines[3].startsWith("self=") && lines[3].mid(5).toInt() > 2 && lines[3].mid(5).toInt() < 10,
                 r.out.constData());
        QCOMPARE(lines[4], QByteArray("0"));
        // The container's init and command are there, with their in-namespace PIDs, and nothing
        // from the host: the PID namespace is the container's.
        QVERIFY2(r.out.contains("\n1 ") && r.out.contains(QByteArray("\n2 sleep 9" + tag)), r.out.constData());
        for (const QByteArray &line : lines.mid(5)) {
            if (!line.isEmpty())
                QVERIFY2(line.split(' ').first().toInt() < 10, r.out.constData());
        }
        stop(c);
    }

    void runsUnderTheCommandsRestrictions_data()
    {
        QTest::addColumn<QString>("net");
        // Every container has the terminal filter (no TIOCSTI); --net none adds the network one.
        QTest::addColumn<QByteArray>("seccompFilters");
        QTest::newRow("host") << qs("host") << QByteArray("1");
        QTest::newRow("isolated") << qs("isolated") << QByteArray("1");
        QTest::newRow("none") << qs("none") << QByteArray("2");
    }

    void runsUnderTheCommandsRestrictions()
    {
        QFETCH(QString, net);
        QFETCH(QByteArray, seccompFilters);
        Container c = startContainer(net, newTag());
        QVERIFY(c.pid > 0);
        const QString fields = qs("grep -E '^(Cap(Inh|Prm|Eff|Bnd|Amb)|NoNewPrivs|Seccomp|Seccomp_filters):' ");
        const ProcessOutcome r = enterSh(c.pid, fields + qs("/proc/self/status; echo --; ") + fields
                                             + qs("/proc/2/status; echo --; ls /proc/self/fd | tr '\\n' ' '; "
                                                  "echo; /probe socket-inet; /probe socket-unix"));
        QVERIFY2(r.code == 0, r.err.constData());
        const QList<QByteArray> parts = r.out.split('-');
        QCOMPARE(parts.size(), 5);
        // Field by field the same as the container's own command, PID 2 inside.
        QCOMPARE(parts[0], parts[2].mid(1));
        QVERIFY2(parts[0].contains("NoNewPrivs:\t1\n") && parts[0].contains("Seccomp:\t2\n")
                     && parts[0].contains(QByteArray("Seccomp_filters:\t" + seccompFilters + "\n")),
                 r.out.constData());
        const qulonglong effective = parts[0].mid(parts[0].indexOf("CapEff:\t") + 8, 16).toULongLong(nullptr, 16);
        QVERIFY(effective != 0);
        QVERIFY((effective & (1ULL << 21)) == 0); // CAP_SYS_ADMIN
        QVERIFY((effective & (1ULL << 19)) == 0); // CAP_SYS_PTRACE
        QVERIFY2(parts[4].startsWith("\n0 1 2 3 \n"), r.out.constData()); // 3: ls's own directory
        QVERIFY2(parts[4].endsWith(net == qs("none") ? "\nerrno=EACCES\nok\n" : "\nok\nok\n"), r.out.constData());
        stop(c);
    }

    void cannotUndoAReadOnlyBind()
    {
        Container c = startContainer(qs("host"), newTag());
        QVERIFY(c.pid > 0);
        const ProcessOutcome r = enterSh(
            c.pid, qs("touch /covered/new 2>/dev/null && echo WROTE; "
                      "mount -o remount,rw /covered 2>/dev/null && echo REMOUNTED; "
                      "mount -o remount,rw,bind /covered 2>/dev/null && echo REMOUNTED; "
                      "umount -l /covered 2>/dev/null && echo UNMOUNTED; "
                      "unshare -r -m sh -c 'mount -o remount,rw,bind /covered && echo NESTED-REMOUNTED; "
                      "umount -l /covered && echo NESTED-UNMOUNTED' 2>/dev/null; "
                      "grep ' /covered ' /proc/self/mountinfo | cut -d' ' -f6; cat /covered/keep"));
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY2(!r.out.contains("WROTE") && !r.out.contains("REMOUNTED") && !r.out.contains("UNMOUNTED"),
                 r.out.constData());
        QVERIFY2(r.out.startsWith("ro,") && r.out.endsWith("\nkept\n"), r.out.constData());
        QVERIFY(!QFileInfo::exists(m_readOnly + qs("/new")));
        stop(c);
    }

    void exitCodesEnvironmentAndWorkdir()
    {
        Container c = startContainer(qs("isolated"), newTag());
        QVERIFY(c.pid > 0);
        QCOMPARE(enterSh(c.pid, qs("exit 5")).code, 5);
        QCOMPARE(enterSh(c.pid, qs("kill -TERM $$")).code, 143);
        ProcessOutcome r = enter(c.pid, {}, {qs("no-such-command")});
        QCOMPARE(r.code, 127);
        QVERIFY2(r.err.contains("command not found in the container: no-such-command"), r.err.constData());
        r = enter(c.pid, {}, {qs("/etc/passwd")});
        QCOMPARE(r.code, 126);
        r = enter(c.pid, {qs("--workdir"), qs("/no/such/dir")}, {qs("true")});
        QCOMPARE(r.code, 125);
        QVERIFY2(r.err.contains("cannot enter the working directory /no/such/dir"), r.err.constData());

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(qs("FROM_CALLER"), qs("inherited"));
        env.insert(qs("SCORPIOX_UNSHARE_SINGLE_ID"), qs("1"));
        r = enter(c.pid, {qs("--env"), qs("ADDED=a=b"), qs("--workdir"), qs("/tmp")},
                  {qs("/bin/sh"), qs("-c"), qs("echo $FROM_CALLER $ADDED; pwd; env | grep -c SCORPIOX_UNSHARE_")}, env);
        QCOMPARE(r.code, 1); // grep -c found nothing: the launcher's own switches are not passed on
        QCOMPARE(r.out, QByteArray("inherited a=b\n/tmp\n0\n"));
        stop(c);
    }

    void signalsReachTheEnteredCommand()
    {
        const QByteArray tag = newTag();
        Container c = startContainer(qs("isolated"), newTag());
        QVERIFY(c.pid > 0);
        QProcess p;
        p.setProgram(qs(SCORPIOX_UNSHARE_BIN));
        // Through sh, so that only the sleep itself has "sleep\08<tag>" in its command line.
        p.setArguments({qs("--enter"), QString::number(c.pid), qs("--"), qs("/bin/sh"), qs("-c"),
                        qs("exec sleep 8") + QString::fromLatin1(tag)});
        p.start();
        QVERIFY(ProcessWait::until([&] { return ProcessWait::countWithCmdline(sleeper("8", tag)) == 1; }, 5000));
        ::kill(static_cast<pid_t>(p.processId()), SIGTERM);
        QCOMPARE(ProcessWait::finish(p, 10000).code, 143);
        QCOMPARE(ProcessWait::countWithCmdline(sleeper("8", tag)), 0);

        // kill -9 of the entering launcher takes its command along (parent-death signal).
        p.start();
        QVERIFY(ProcessWait::until([&] { return ProcessWait::countWithCmdline(sleeper("8", tag)) == 1; }, 5000));
        ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
        p.waitForFinished(5000);
        QVERIFY(ProcessWait::until([&] { return ProcessWait::countWithCmdline(sleeper("8", tag)) == 0; }, 5000));

        // And the container's end ends what was entered into it.
        p.start();
        QVERIFY(ProcessWait::until([&] { return ProcessWait::countWithCmdline(sleeper("8", tag)) == 1; }, 5000));
        stop(c);
        QCOMPARE(ProcessWait::finish(p, 10000).code, 137);
        QCOMPARE(ProcessWait::countWithCmdline(sleeper("8", tag)), 0);
    }

    void refusesWhatIsNotAContainerOfTheCaller()
    {
        ProcessOutcome r = enter(getpid(), {}, {qs("true")});
        QCOMPARE(r.code, 125);
        QVERIFY2(r.err.contains("not a container's init"), r.err.constData());
        r = enter(1, {}, {qs("true")}); // the host's init, root's
        QCOMPARE(r.code, 125);
        QVERIFY2(r.err.contains("--enter 1: "), r.err.constData());

        const QByteArray tag = newTag();
        Container c = startContainer(qs("isolated"), tag);
        QVERIFY(c.pid > 0);
        r = enter(c.pid, {qs("--net"), qs("none")}, {qs("true")});
        QCOMPARE(r.code, 125);
        QVERIFY2(r.err.contains("the container runs with --net isolated, not none"), r.err.constData());

        // A PID namespace the container made inside itself (a nested user namespace) is not one
        // of the caller's containers.
        QProcess nested;
        nested.setProgram(qs(SCORPIOX_UNSHARE_BIN));
        nested.setArguments({qs("--enter"), QString::number(c.pid), qs("--"), qs("unshare"), qs("-r"), qs("-p"),
                             qs("-f"), qs("sleep"), qs("7") + QString::fromLatin1(tag)});
        nested.start();
        qint64 nestedPid = 0;
        const auto findNested = [&] {
            for (const QString &pid : QDir(qs("/proc")).entryList(QDir::Dirs)) {
                QFile cmdline(qs("/proc/") + pid + qs("/cmdline"));
                if (pid.toLongLong() > 0 && cmdline.open(QIODevice::ReadOnly)
                    && cmdline.readAll() == sleeper("7", tag) + '\0')
                    nestedPid = pid.toLongLong();
            }
            return nestedPid > 0;
        };
        QVERIFY(ProcessWait::until(findNested, 5000));
        r = enter(nestedPid, {}, {qs("true")});
        QCOMPARE(r.code, 125);
        QVERIFY2(r.err.contains("not a direct child of yours"), r.err.constData());
        stop(c);
        ProcessWait::finish(nested, 10000);

        r = enter(c.pid, {}, {qs("true")});
        QCOMPARE(r.code, 125);
        QVERIFY2(r.err.contains("no such process"), r.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestUnshareEnter)
#include "tst_unshare_enter.moc"
