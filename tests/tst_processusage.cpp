// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/ProcessUsage.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QScopeGuard>
#include <QTest>

#include <csignal>
#include <unistd.h>

class TestProcessUsage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sumsATreeOfRealProcesses()
    {
        // A parent with two children, one of them spinning on the CPU; in a process group of
        // its own so that all of it can be killed at the end. The spinner's share is only
        // bounded loosely: on a loaded machine (the suite may run beside builds) it gets little.
        QProcess tree;
        tree.setChildProcessModifier([] { ::setsid(); });
        tree.start(QStringLiteral("/bin/sh"),
                   {QStringLiteral("-c"), QStringLiteral("(while :; do :; done) & sleep 30 & wait")});
        QVERIFY(tree.waitForStarted());
        // Killed however the test ends: a spinner left behind by a failed check would load the
        // machine for every later test.
        const auto killTree = qScopeGuard([&tree] {
            ::kill(-pid_t(tree.processId()), SIGKILL);
            tree.waitForFinished();
        });
        std::optional<ProcessUsage> first;
        QTRY_VERIFY_WITH_TIMEOUT((first = ProcessUsage::ofTree(tree.processId())) && first->processes >= 3, 10000);
        QVERIFY(first->rssBytes > 0);
        QElapsedTimer clock;
        clock.start();
        QTest::qWait(1500);
        const std::optional<ProcessUsage> second = ProcessUsage::ofTree(tree.processId());
        QVERIFY(second);
        const double percent = ProcessUsage::cpuPercent(*first, *second, clock.elapsed());
        QVERIFY2(percent > 5.0, qPrintable(QString::number(percent)));
        QVERIFY2(percent < 250.0, qPrintable(QString::number(percent)));
        QCOMPARE(ProcessUsage::cpuPercent(*second, *first, 1000), 0.0);
    }

    void nothingForAProcessThatIsGone()
    {
        QVERIFY(!ProcessUsage::ofTree(0));
        QProcess done;
        done.start(QStringLiteral("true"));
        QVERIFY(done.waitForFinished());
        QVERIFY(!ProcessUsage::ofTree(done.processId()));
    }
};

QTEST_GUILESS_MAIN(TestProcessUsage)
#include "tst_processusage.moc"
