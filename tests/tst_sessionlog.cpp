// SPDX-License-Identifier: GPL-3.0-or-later
#include "TempHome.h"
#include "sessions/SessionLog.h"
#include "sessions/SessionLogWriter.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

    void writerFinishesWithTheTailAfterEveryAppend()
    {
        TempHome tmp;
        SessionLogWriter writer(tmp.path(QStringLiteral("c.log")));
        QVERIFY(writer.open().ok());
        QByteArray all;
        for (int i = 0; i < 500; ++i) {
            const QByteArray line = QByteArray::number(i) + " line\r\n";
            all += line;
            writer.append(line);
        }
        QSignalSpy finished(&writer, &SessionLogWriter::finished);
        writer.finish();
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.at(0).at(0).toByteArray(), all);
    }

    // A terminal attached late shows the tail, then the output it held back meanwhile: the tail
    // must hold every append made before the request (queued or not) and none made after it.
    void tailHoldsExactlyWhatWasAppendedBeforeIt()
    {
        TempHome tmp;
        SessionLogWriter writer(tmp.path(QStringLiteral("t.log")));
        QVERIFY(writer.open().ok());
        QByteArray before;
        for (int i = 0; i < 300; ++i) {
            const QByteArray line = QByteArray::number(i) + " same line\r\n";
            before += line;
            writer.append(line);
        }
        QFuture<QByteArray> tail = writer.tail();
        for (int i = 0; i < 300; ++i)
            writer.append("later\r\n");
        tail.waitForFinished();
        QCOMPARE(tail.result(), before);
        QFuture<QByteArray> all = writer.tail();
        all.waitForFinished();
        QCOMPARE(all.result(), before + QByteArray("later\r\n").repeated(300));
    }

    void writerDrainsTheQueueWhenDestroyed()
    {
        TempHome tmp;
        const QString path = tmp.path(QStringLiteral("d.log"));
        QByteArray all;
        {
            SessionLogWriter writer(path);
            QVERIFY(writer.open().ok());
            for (int i = 0; i < 200; ++i) {
                all += QByteArray::number(i) + ' ';
                writer.append(QByteArray::number(i) + ' ');
            }
        }
        QCOMPARE(SessionLog::tail(path), all);
    }

    // The writer's whole point: a log that cannot take the bytes now (a pipe nobody drains, as a
    // stalled disk) must not hold up the caller. A synchronous append would block here for good.
    void appendDoesNotWaitForTheDisk()
    {
        TempHome tmp;
        const QString path = tmp.path(QStringLiteral("stalled.log"));
        QCOMPARE(::mkfifo(QFile::encodeName(path).constData(), 0600), 0);
        const int reader = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        QVERIFY(reader >= 0);
        QByteArray received;
        {
            SessionLogWriter writer(path);
            QVERIFY(writer.open().ok());
            const QByteArray chunk(256 * 1024, 'x'); // four times a pipe's buffer
            for (int i = 0; i < 4; ++i)
                writer.append(chunk);
            writer.append("end");
            // Only now is anything read: until here the writer's thread was stuck in write().
            char buffer[65536];
            while (!received.endsWith("end")) {
                const ssize_t n = ::read(reader, buffer, sizeof buffer);
                if (n > 0)
                    received.append(buffer, n);
                else if (n < 0 && errno != EAGAIN)
                    QFAIL(qPrintable(QStringLiteral("read: %1").arg(qt_error_string(errno))));
                else
                    QTest::qWait(1);
            }
        }
        ::close(reader);
        QCOMPARE(received.size(), 4 * 256 * 1024 + 3);
    }

    void missingLogIsEmpty()
    {
        QCOMPARE(SessionLog::tail(QStringLiteral("/nonexistent/x.log")), QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestSessionLog)
#include "tst_sessionlog.moc"
