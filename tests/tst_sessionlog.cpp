// SPDX-License-Identifier: GPL-3.0-or-later
#include "TempHome.h"
#include "sessions/SessionLog.h"

#include <QFileInfo>
#include <QTest>

class TestSessionLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsEverythingBelowTheLimit()
    {
        TempHome tmp;
        SessionLog log(tmp.path(QStringLiteral("a.log")), 1000);
        QVERIFY(log.open().ok());
        QVERIFY(log.append("hello ").ok());
        QVERIFY(log.append("world").ok());
        QCOMPARE(SessionLog::tail(log.path(), 1000), QByteArray("hello world"));
    }

    void boundedRingKeepsTheMostRecentBytes()
    {
        TempHome tmp;
        constexpr qint64 limit = 4096;
        SessionLog log(tmp.path(QStringLiteral("b.log")), limit);
        QVERIFY(log.open().ok());
        QByteArray all;
        for (int i = 0; i < 2000; ++i) {
            const QByteArray line = QByteArray::number(i) + " some output\r\n";
            all += line;
            QVERIFY(log.append(line).ok());
            QVERIFY(QFileInfo(log.path()).size() < 2 * limit);
        }
        QCOMPARE(SessionLog::tail(log.path(), limit), all.right(limit));
        QVERIFY(SessionLog::tail(log.path(), limit).endsWith("1999 some output\r\n"));
    }

    void missingLogIsEmpty()
    {
        QCOMPARE(SessionLog::tail(QStringLiteral("/nonexistent/x.log")), QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestSessionLog)
#include "tst_sessionlog.moc"
