// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerminalFlood.h"
#include "pty/UnixPty.h"
#include "terminal/TerminalScreen.h"
#include "terminal/TerminalView.h"
#include "terminal/TerminalWidget.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

class TestTerminalFlood : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void floodKeepsTheGuiThreadResponsive()
    {
        const qint64 size = qEnvironmentVariableIntValue("SCORPIOX_FLOOD_MB") > 0
                                ? qEnvironmentVariableIntValue("SCORPIOX_FLOOD_MB") * qint64(1000000)
                                : 50 * qint64(1000000);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("flood.txt"));
        QVERIFY(TerminalFlood::writeFile(file, size));

        TerminalWidget widget;
        widget.resize(900, 600);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        UnixPty pty;
        widget.attach(&pty);
        qint64 received = 0;
        connect(&pty, &Pty::dataReceived, this, [&received](const QByteArray &bytes) { received += bytes.size(); });
        bool done = false;
        connect(&pty, &Pty::finished, this, [&done] { done = true; });

        // A timer on the GUI thread: the longest gap between its ticks is the longest stall.
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        int ticks = 0;
        QTimer heartbeat;
        heartbeat.setInterval(10);
        connect(&heartbeat, &QTimer::timeout, this, [&] {
            if (sinceTick.isValid())
                longestGap = qMax(longestGap, sinceTick.elapsed());
            sinceTick.restart();
            ++ticks;
        });

        PtyStartOptions options;
        options.program = QStringLiteral("cat");
        options.arguments = {file};
        options.rows = widget.screen()->rows();
        options.columns = widget.screen()->columns();
        QElapsedTimer clock;
        clock.start();
        heartbeat.start();
        QVERIFY(pty.start(options).ok());
        QVERIFY(QTest::qWaitFor([&] { return done; }, 240000));
        const qint64 elapsed = clock.elapsed();
        heartbeat.stop();

        // ONLCR turns each "\r\n" into "\r\r\n": the terminal receives a little more than the file.
        QVERIFY2(received >= size, qPrintable(QStringLiteral("received %1 of %2 bytes").arg(received).arg(size)));
        QTRY_VERIFY(widget.view()->paintCount() > 0);
        const int lastRow = widget.screen()->cursor().y() - 1;
        QCOMPARE(widget.screen()->lineText(lastRow), QString::fromLatin1(TerminalFlood::lastLine()));
        QCOMPARE(widget.screen()->scrollbackSize(), TerminalScreen::kDefaultScrollback);
        qInfo("%.1f MB in %lld ms (%.1f MB/s); %d heartbeats, longest GUI stall %lld ms; %d paints",
              double(size) / 1e6, elapsed, double(size) / 1e6 / (double(elapsed) / 1000.0), ticks, longestGap,
              widget.view()->paintCount());
        // A sanitizer build sets a scale: its instrumented code runs several times slower.
        const qint64 bound = 100 * qMax(1, qEnvironmentVariableIntValue("SCORPIOX_TEST_TIMING_SCALE"));
        QVERIFY2(longestGap < bound, qPrintable(QStringLiteral("the GUI thread stalled for %1 ms (bound %2 ms)")
                                                    .arg(longestGap)
                                                    .arg(bound)));
    }
};

QTEST_MAIN(TestTerminalFlood)
#include "tst_terminalflood.moc"
