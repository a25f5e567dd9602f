// SPDX-License-Identifier: GPL-3.0-or-later
#include "pty/UnixPty.h"

#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace {

/// Runs `sh -c SCRIPT` on a UnixPty and records what it reports.
struct Run
{
    UnixPty pty;
    QByteArray output;
    QList<std::pair<int, int>> finished;
    int outputClosedCount = 0;
    int outputClosedBeforeFinish = -1;

    explicit Run(const QString &script, int rows = 24, int columns = 80, PtyStartOptions options = {})
    {
        QObject::connect(&pty, &Pty::dataReceived, &pty, [this](const QByteArray &bytes) { output += bytes; });
        QObject::connect(&pty, &Pty::outputClosed, &pty, [this] { ++outputClosedCount; });
        QObject::connect(&pty, &Pty::finished, &pty, [this](int code, int signal) {
            outputClosedBeforeFinish = outputClosedCount;
            finished.append({code, signal});
        });
        options.program = QStringLiteral("/bin/sh");
        options.arguments = {QStringLiteral("-c"), script};
        options.rows = rows;
        options.columns = columns;
        started = pty.start(options);
    }
    bool waitFinished(int ms = 10000)
    {
        return QTest::qWaitFor([this] { return !finished.isEmpty(); }, ms);
    }
    bool waitOutput(const QByteArray &needle, int ms = 10000)
    {
        if (QTest::qWaitFor([&] { return output.contains(needle); }, ms))
            return true;
        qWarning("waited for '%s'; got '%s'", needle.constData(), output.constData());
        return false;
    }
    Result<void> started;
};

} // namespace

class TestUnixPty : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outputGoesThroughATerminal()
    {
        Run run(QStringLiteral("echo hello; tty"));
        QVERIFY(run.started.ok());
        QVERIFY(run.waitFinished());
        QVERIFY2(run.output.startsWith("hello\r\n"), run.output.constData()); // ONLCR: a tty, not a pipe
        QVERIFY2(run.output.contains("/dev/pts/"), run.output.constData());
        QCOMPARE(run.finished.first(), std::make_pair(0, 0));
        QVERIFY(!run.pty.isRunning());
    }

    void exitCodeAndSignalAreDistinguished()
    {
        Run exited(QStringLiteral("exit 3"));
        Run killed(QStringLiteral("kill -TERM $$"));
        Run killed9(QStringLiteral("kill -KILL $$"));
        QVERIFY(exited.waitFinished() && killed.waitFinished() && killed9.waitFinished());
        QCOMPARE(exited.finished.first(), std::make_pair(3, 0));
        QCOMPARE(killed.finished.first(), std::make_pair(0, 15));
        QCOMPARE(killed9.finished.first(), std::make_pair(0, 9));
    }

    void childLeadsANewSessionOnItsTerminal()
    {
        // /proc/PID/stat fields after the command: state ppid pgrp session tty_nr tpgid
        Run run(QStringLiteral("cat /proc/$$/stat; echo; echo END"));
        QVERIFY(run.waitFinished());
        const QByteArray stat = run.output.left(run.output.indexOf("\r\n"));
        const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
        QVERIFY2(fields.size() > 5, stat.constData());
        const qint64 pid = stat.left(stat.indexOf(' ')).toLongLong();
        QCOMPARE(fields[2].toLongLong(), pid);    // process group leader
        QCOMPARE(fields[3].toLongLong(), pid);    // session leader (setsid)
        QVERIFY(fields[4].toLongLong() != 0);     // has a controlling terminal (TIOCSCTTY)
        QCOMPARE(fields[5].toLongLong(), pid);    // and is its foreground process group
    }

    void resizeReachesSttySize()
    {
        Run run(QStringLiteral("stty size; read line; stty size; read line"), 30, 100);
        QVERIFY(run.waitOutput("30 100\r\n"));
        QCOMPARE(run.pty.rows(), 30);
        QSignalSpy resized(&run.pty, &Pty::resized);
        run.pty.resize(50, 132);
        QCOMPARE(resized.size(), 1);
        run.pty.write("\n");
        QVERIFY(run.waitOutput("50 132\r\n"));
        run.pty.write("\n");
        QVERIFY(run.waitFinished());
    }

    void resizeSignalsTheProgram()
    {
        Run run(QStringLiteral("trap 'stty size; exit 0' WINCH; echo ready; while :; do sleep 0.05; done"));
        QVERIFY(run.waitOutput("ready"));
        run.pty.resize(33, 77);
        QVERIFY(run.waitOutput("33 77\r\n"));
        QVERIFY(run.waitFinished());
    }

    void noDescriptorLeaksIntoTheChild()
    {
        // A descriptor the test process opened without O_CLOEXEC must not reach the program.
        const int leaky = ::open("/dev/null", O_RDONLY);
        QVERIFY(leaky > 2);
        Run run(QStringLiteral("ls -l /proc/self/fd; echo END"));
        ::close(leaky);
        QVERIFY(run.waitFinished());
        QStringList descriptors;
        for (const QByteArray &line : run.output.split('\n')) {
            const int arrow = line.indexOf(" -> ");
            if (arrow < 0)
                continue;
            const QList<QByteArray> words = line.left(arrow).split(' ');
            descriptors << QString::fromLatin1(words.last()) + QStringLiteral("=") + QString::fromLatin1(line.mid(arrow + 4).trimmed());
        }
        // 0-2 are the terminal; 3 is the directory ls itself reads.
        QCOMPARE(descriptors.size(), 4);
        for (int fd = 0; fd < 3; ++fd)
            QVERIFY2(descriptors[fd].startsWith(QString::number(fd) + QStringLiteral("=/dev/pts/")), qPrintable(descriptors.join(QLatin1Char(' '))));
        QVERIFY2(descriptors[3].startsWith(QStringLiteral("3=/proc/")), qPrintable(descriptors.join(QLatin1Char(' '))));
    }

    void exitBeforeEof()
    {
        // For a PTY the kernel only sends SIGHUP when the session leader exits; a background
        // child that ignores it keeps the terminal open, so exit and EOF are separate events.
        Run run(QStringLiteral("(trap '' HUP; echo ready; sleep 1) & read line; exit 5"));
        QVERIFY(run.waitOutput("ready"));
        run.pty.write("\n");
        QVERIFY(run.waitFinished());
        QCOMPARE(run.finished.first(), std::make_pair(5, 0));
        QCOMPARE(run.outputClosedBeforeFinish, 0);
        QTRY_COMPARE_WITH_TIMEOUT(run.outputClosedCount, 1, 5000);
    }

    void eofBeforeExit()
    {
        Run run(QStringLiteral("exec </dev/null >/dev/null 2>&1; sleep 0.5; exit 4"));
        QTRY_COMPARE_WITH_TIMEOUT(run.outputClosedCount, 1, 5000);
        QVERIFY(run.finished.isEmpty());
        QVERIFY(run.waitFinished());
        QCOMPARE(run.finished.first(), std::make_pair(4, 0));
    }

    void everyByteArrivesBeforeFinished()
    {
        Run run(QStringLiteral("head -c 3000000 /dev/zero | tr '\\000' a; exit 0"));
        QVERIFY(run.waitFinished(20000));
        QCOMPARE(run.output.size(), 3000000);
        QCOMPARE(run.output.count('a'), 3000000);
    }

    void writesReachTheProgram()
    {
        Run run(QStringLiteral("read line; echo \"got:$line\""));
        run.pty.write("ping\n");
        QVERIFY(run.waitOutput("got:ping\r\n"));
        QVERIFY(run.waitFinished());
    }

    void environmentAndWorkingDirectory()
    {
        PtyStartOptions options;
        options.environment = QProcessEnvironment();
        options.environment.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        options.environment.insert(QStringLiteral("SCORPIOX_PROBE"), QStringLiteral("probe-value"));
        options.workingDirectory = QStringLiteral("/usr");
        Run run(QStringLiteral("pwd; echo $SCORPIOX_PROBE; echo ${HOME:-nohome}"), 24, 80, options);
        QVERIFY(run.waitFinished());
        QCOMPARE(run.output, QByteArray("/usr\r\nprobe-value\r\nnohome\r\n"));
    }

    void missingProgramIsAnError()
    {
        UnixPty pty;
        PtyStartOptions options;
        options.program = QStringLiteral("scorpiox-no-such-program");
        const Result<void> started = pty.start(options);
        QVERIFY(!started.ok());
        QVERIFY2(started.error().message.contains(QStringLiteral("scorpiox-no-such-program")), qPrintable(started.error().message));
        QCOMPARE(started.error().kind, Error::Kind::NotFound);
    }

    void destroyingARunningPtyEndsItsProgram()
    {
        qint64 pid = 0;
        {
            Run run(QStringLiteral("sleep 30"));
            QTRY_VERIFY(run.pty.processId() > 0);
            pid = run.pty.processId();
        }
        QVERIFY(::kill(pid_t(pid), 0) != 0);
    }
};

QTEST_GUILESS_MAIN(TestUnixPty)
#include "tst_unixpty.moc"
