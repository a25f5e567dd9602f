// SPDX-License-Identifier: GPL-3.0-or-later
#include "pty/UnixPty.h"
#include "terminal/TerminalFindBar.h"
#include "terminal/TerminalScreen.h"
#include "terminal/TerminalView.h"
#include "terminal/TerminalWidget.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

namespace {

/// Everything the terminal would send to its program.
struct Sent
{
    explicit Sent(TerminalWidget &widget)
    {
        QObject::connect(widget.screen(), &TerminalScreen::inputReady, widget.screen(),
                         [this](const QByteArray &b) { bytes += b; });
    }
    QByteArray take() { return std::exchange(bytes, {}); }
    QByteArray bytes;
};

QPoint cellCentre(TerminalWidget &widget, int column, int row)
{
    const QSize cell = widget.view()->cellSize();
    return QPoint(column * cell.width() + cell.width() / 2, row * cell.height() + cell.height() / 2);
}

Result<void> startShell(UnixPty &pty, const QString &script)
{
    PtyStartOptions options;
    options.program = QStringLiteral("/bin/sh");
    options.arguments = {QStringLiteral("-c"), script};
    return pty.start(options);
}

} // namespace

class TestTerminalWidget : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyEventsBecomeBytes()
    {
        TerminalWidget widget;
        widget.resize(640, 400);
        widget.show();
        Sent sent(widget);
        QWidget *view = widget.view();
        QTest::keyClick(view, Qt::Key_Up);
        QCOMPARE(sent.take(), QByteArray("\x1b[A"));
        widget.screen()->feed("\x1b[?1h"); // application cursor keys
        QTest::keyClick(view, Qt::Key_Up);
        QTest::keyClick(view, Qt::Key_Right);
        QCOMPARE(sent.take(), QByteArray("\x1bOA\x1bOC"));
        QTest::keyClick(view, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(sent.take(), QByteArray("\x03"));
        QTest::keyClick(view, Qt::Key_X, Qt::AltModifier);
        QCOMPARE(sent.take(), QByteArray("\x1bx"));
        QTest::keyClick(view, Qt::Key_BracketLeft, Qt::ControlModifier);
        QCOMPARE(sent.take(), QByteArray("\x1b"));
        QTest::keyClick(view, Qt::Key_F1);
        QTest::keyClick(view, Qt::Key_F12);
        QCOMPARE(sent.take(), QByteArray("\x1bOP\x1b[24~"));
        QTest::keyClick(view, Qt::Key_Tab); // stays in the terminal, no focus change
        QCOMPARE(sent.take(), QByteArray("\t"));
        QTest::keyClicks(view, QStringLiteral("ls "));
        QKeyEvent accented(QEvent::KeyPress, Qt::Key_Eacute, Qt::NoModifier, QStringLiteral("é"));
        QApplication::sendEvent(view, &accented);
        QCOMPARE(sent.take(), QByteArray("ls \xc3\xa9"));
        QTest::keyClick(view, Qt::Key_Return);
        QCOMPARE(sent.take(), QByteArray("\r"));
    }

    void copyAndPasteShortcuts()
    {
        TerminalWidget widget;
        widget.resize(640, 400);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        widget.view()->setFocus();
        widget.screen()->feed("alpha beta gamma\r\n\x1b[?2004h");
        Sent sent(widget);
        QTest::mouseDClick(widget.view(), Qt::LeftButton, {}, cellCentre(widget, 7, 0));
        QCOMPARE(widget.view()->selectedText(), QStringLiteral("beta"));
        QTest::keyClick(widget.view(), Qt::Key_C, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("beta"));
        QCOMPARE(sent.take(), QByteArray()); // Ctrl+Shift+C is not Ctrl+C

        QApplication::clipboard()->setText(QStringLiteral("echo hi\x1b[201~; rm -rf ~\n"));
        QTest::keyClick(widget.view(), Qt::Key_V, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(sent.take(), QByteArray("\x1b[200~echo hi[201~; rm -rf ~\r\x1b[201~"));

        const QList<QAction *> menu = widget.view()->actions();
        QVERIFY(menu.size() >= 3);
        QCOMPARE(menu[0]->text(), QStringLiteral("Copy"));
        QCOMPARE(menu[1]->text(), QStringLiteral("Paste"));
    }

    void outputCannotTouchTheClipboardOrTheWindow()
    {
        TerminalWidget widget;
        widget.setWindowTitle(QStringLiteral("host window"));
        widget.show();
        QApplication::clipboard()->setText(QStringLiteral("secret"));
        Sent sent(widget);
        QSignalSpy titles(&widget, &TerminalWidget::titleChanged);
        widget.screen()->feed("\x1b]52;c;cHduZWQ=\x07\x1b]52;c;?\x07\x1b]0;new\x01 title\x07\x1b[8;5;5t\x1b[2t\x1b[21t");
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("secret"));
        QCOMPARE(sent.bytes, QByteArray());
        QCOMPARE(titles.size(), 1);
        QCOMPARE(widget.title(), QStringLiteral("new title"));
        QCOMPARE(widget.windowTitle(), QStringLiteral("host window"));
        QVERIFY(widget.isVisible() && !widget.isMinimized());
    }

    void wordAndLineSelection()
    {
        TerminalWidget widget;
        widget.resize(640, 400);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        widget.screen()->feed("cd /usr/share/doc && ls\r\nnext line");
        QTest::mouseDClick(widget.view(), Qt::LeftButton, {}, cellCentre(widget, 6, 0));
        QCOMPARE(widget.view()->selectedText(), QStringLiteral("/usr/share/doc"));
        QTest::mousePress(widget.view(), Qt::LeftButton, {}, cellCentre(widget, 6, 0));
        QTest::mouseRelease(widget.view(), Qt::LeftButton, {}, cellCentre(widget, 6, 0));
        QCOMPARE(widget.view()->selectedText(), QStringLiteral("cd /usr/share/doc && ls"));
        // A drag selects across lines.
        QTest::mousePress(widget.view(), Qt::LeftButton, {}, cellCentre(widget, 21, 0), 1000);
        QMouseEvent move(QEvent::MouseMove, cellCentre(widget, 3, 1), widget.view()->mapToGlobal(cellCentre(widget, 3, 1)),
                         Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(widget.view(), &move);
        QTest::mouseRelease(widget.view(), Qt::LeftButton, {}, cellCentre(widget, 3, 1));
        QCOMPARE(widget.view()->selectedText(), QStringLiteral("ls\nnext"));
    }

    void mouseIsReportedWhenTheProgramAsks()
    {
        TerminalWidget widget;
        widget.resize(640, 400);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        widget.screen()->feed("some text\x1b[?1000h\x1b[?1006h");
        Sent sent(widget);
        QTest::mouseClick(widget.view(), Qt::LeftButton, {}, cellCentre(widget, 4, 2));
        QCOMPARE(sent.take(), QByteArray("\x1b[<0;5;3M\x1b[<0;5;3m"));
        QVERIFY(!widget.view()->hasSelection());
        // Shift forces a local selection.
        QTest::mouseDClick(widget.view(), Qt::LeftButton, Qt::ShiftModifier, cellCentre(widget, 1, 0));
        QCOMPARE(sent.take(), QByteArray());
        QCOMPARE(widget.view()->selectedText(), QStringLiteral("some"));
    }

    void scrollbackWithWheelAndKeys()
    {
        TerminalWidget widget;
        widget.resize(640, 400);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        const int rows = widget.screen()->rows();
        for (int i = 0; i < 200; ++i)
            widget.screen()->feed("line " + QByteArray::number(i) + "\r\n");
        TerminalView *view = widget.view();
        QCOMPARE(view->scrollOffset(), 0);
        QWheelEvent wheel(QPointF(10, 10), view->mapToGlobal(QPointF(10, 10)), {}, QPoint(0, 120), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view, &wheel);
        QCOMPARE(view->scrollOffset(), 3);
        QTest::keyClick(view, Qt::Key_PageUp, Qt::ShiftModifier);
        QCOMPARE(view->scrollOffset(), 3 + rows - 1);
        // New output keeps the reader's place.
        widget.screen()->feed("more\r\n");
        QCOMPARE(view->scrollOffset(), 3 + rows);
        QTest::keyClick(view, Qt::Key_PageDown, Qt::ShiftModifier);
        QCOMPARE(view->scrollOffset(), 4);
        Sent sent(widget);
        QTest::keyClick(view, Qt::Key_A); // typing returns to the live screen
        QCOMPARE(view->scrollOffset(), 0);
        QCOMPARE(sent.take(), QByteArray("a"));
        // In a full-screen program the wheel scrolls the program instead.
        widget.screen()->feed("\x1b[?1049h");
        QApplication::sendEvent(view, &wheel);
        QCOMPARE(view->scrollOffset(), 0);
        QCOMPARE(sent.take(), QByteArray("\x1b[A\x1b[A\x1b[A"));
    }

    void findBar()
    {
        TerminalWidget widget;
        widget.resize(640, 400);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        widget.view()->setFocus();
        widget.screen()->feed("the NEEDLE is old\r\n");
        for (int i = 0; i < 300; ++i)
            widget.screen()->feed("filler " + QByteArray::number(i) + "\r\n");
        widget.screen()->feed("a needle again\r\n");
        QTest::keyClick(widget.view(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QVERIFY(widget.findBar()->isVisible());
        QVERIFY(widget.find(QStringLiteral("needle"), true));
        QCOMPARE(widget.view()->selectedText(), QStringLiteral("needle"));
        QCOMPARE(widget.view()->scrollOffset(), 0);
        QVERIFY(widget.find(QStringLiteral("needle"), true));
        QCOMPARE(widget.view()->selectedText(), QStringLiteral("NEEDLE"));
        QVERIFY(widget.view()->scrollOffset() > 250); // scrolled back to it
        QVERIFY(!widget.find(QStringLiteral("haystack"), true));
        QVERIFY(!widget.view()->hasSelection());
    }

    void repaintsAreCoalesced()
    {
        TerminalWidget widget;
        widget.resize(640, 400);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        QTest::qWait(50);
        const int before = widget.view()->paintCount();
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 2000; ++i) {
            widget.screen()->feed("x\x1b[31my\x1b[0m\r\n");
            if (i % 20 == 0)
                QCoreApplication::processEvents();
        }
        QTest::qWait(100);
        const int paints = widget.view()->paintCount() - before;
        const int frames = int(clock.elapsed() / TerminalView::kFrameMs) + 2;
        QVERIFY2(paints >= 1 && paints <= frames, qPrintable(QStringLiteral("%1 paints in %2 frames").arg(paints).arg(frames)));
        QVERIFY(paints < 200);
    }

    void exitStatusLineAndReadableContents()
    {
        UnixPty pty;
        TerminalWidget widget;
        widget.attach(&pty);
        QVERIFY(startShell(pty, QStringLiteral("echo goodbye; exit 3")).ok());
        QSignalSpy finished(&widget, &TerminalWidget::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(widget.statusText(), QStringLiteral("The program exited with code 3."));
        QCOMPARE(widget.screen()->lineText(0), QStringLiteral("goodbye"));

        UnixPty killed;
        TerminalWidget other;
        other.attach(&killed);
        QVERIFY(startShell(killed, QStringLiteral("kill -KILL $$")).ok());
        QSignalSpy otherFinished(&other, &TerminalWidget::finished);
        QVERIFY(otherFinished.wait(10000));
        QCOMPARE(other.statusText(), QStringLiteral("The program was killed by SIGKILL."));
    }

    void severalViewsAndDetachingNeverKills()
    {
        UnixPty pty;
        auto *first = new TerminalWidget;
        TerminalWidget second;
        first->attach(&pty);
        second.attach(&pty);
        second.setAnswersQueries(false);
        QVERIFY(startShell(pty, QStringLiteral("while read line; do echo \"got $line\"; done")).ok());
        pty.write("one\n");
        QTRY_VERIFY(first->screen()->lineText(1).contains(QStringLiteral("got one")));
        QTRY_VERIFY(second.screen()->lineText(1).contains(QStringLiteral("got one")));
        first->detach();
        delete first;
        QTest::qWait(100);
        QVERIFY(pty.isRunning());
        pty.write("two\n");
        QTRY_VERIFY(second.screen()->lineText(3).contains(QStringLiteral("got two")));
        // A widget attached later can replay what came before and then follow live output.
        TerminalWidget late;
        late.feed("earlier output\r\n");
        late.attach(&pty);
        pty.write("three\n");
        QTRY_VERIFY(late.screen()->lineText(2).contains(QStringLiteral("got three"))); // after the echoed input
        QCOMPARE(late.screen()->lineText(0), QStringLiteral("earlier output"));
    }

    void resizingTheWidgetReachesTheProgram()
    {
        UnixPty pty;
        TerminalWidget widget;
        widget.resize(500, 300);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        widget.attach(&pty);
        QVERIFY(startShell(pty, QStringLiteral("read line; stty size")).ok());
        widget.attach(&pty); // now running: attaching sizes the program to the widget
        widget.resize(800, 500);
        QTRY_VERIFY(widget.screen()->columns() > 80);
        const int rows = widget.screen()->rows();
        const int columns = widget.screen()->columns();
        QCOMPARE(pty.rows(), rows);
        QCOMPARE(pty.columns(), columns);
        pty.write("\n");
        const QString expected = QStringLiteral("%1 %2").arg(rows).arg(columns);
        QTRY_VERIFY2(widget.screen()->lineText(1) == expected || widget.screen()->lineText(0) == expected,
                     qPrintable(widget.screen()->lineText(0) + QLatin1Char('|') + widget.screen()->lineText(1)));
    }
};

QTEST_MAIN(TestTerminalWidget)
#include "tst_terminalwidget.moc"
