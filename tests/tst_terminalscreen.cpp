// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminal/TerminalReplyFilter.h"
#include "terminal/TerminalScreen.h"

#include <QSignalSpy>
#include <QTest>

namespace {

QByteArray sent(TerminalScreen &screen, const std::function<void()> &action)
{
    QByteArray bytes;
    const QMetaObject::Connection c =
        QObject::connect(&screen, &TerminalScreen::inputReady, [&](const QByteArray &b) { bytes += b; });
    action();
    QObject::disconnect(c);
    return bytes;
}

QByteArray fed(TerminalScreen &screen, const QByteArray &output)
{
    return sent(screen, [&] { screen.feed(output); });
}

} // namespace

class TestTerminalScreen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textAndCursor()
    {
        TerminalScreen screen(5, 20);
        screen.feed("hello\r\nworld");
        QCOMPARE(screen.lineText(0), QStringLiteral("hello"));
        QCOMPARE(screen.lineText(1), QStringLiteral("world"));
        QCOMPARE(screen.cursor(), QPoint(5, 1));
        screen.feed("\x1b[4;10HX");
        QCOMPARE(screen.cell(3, 9).character, U'X');
        QCOMPARE(screen.cursor(), QPoint(10, 3));
        QVERIFY(screen.cursorVisible());
        screen.feed("\x1b[?25l\x1b[6 q");
        QVERIFY(!screen.cursorVisible());
        QCOMPARE(screen.cursorShape(), TerminalScreen::CursorShape::Bar);
    }

    void attributes()
    {
        TerminalScreen screen(3, 20);
        screen.feed("\x1b[1mB\x1b[0;3mI\x1b[0;4mU\x1b[0;7mR\x1b[0;9mS\x1b[0mN");
        QVERIFY(screen.cell(0, 0).has(TerminalCell::Bold));
        QVERIFY(!screen.cell(0, 0).has(TerminalCell::Italic));
        QVERIFY(screen.cell(0, 1).has(TerminalCell::Italic));
        QVERIFY(screen.cell(0, 2).has(TerminalCell::Underline));
        QVERIFY(screen.cell(0, 3).has(TerminalCell::Reverse));
        QVERIFY(screen.cell(0, 4).has(TerminalCell::Strike));
        QCOMPARE(screen.cell(0, 5).attributes, quint8(0));
    }

    void colours()
    {
        TerminalScreen screen(3, 20);
        screen.feed("\x1b[31ma\x1b[92mb\x1b[38;5;196mc\x1b[38;2;10;20;30md\x1b[44;39me\x1b[48;2;1;2;3mf\x1b[0mg");
        QCOMPARE(screen.cell(0, 0).foreground, TerminalColor::indexed(1));
        QCOMPARE(screen.cell(0, 1).foreground, TerminalColor::indexed(10));
        QCOMPARE(screen.cell(0, 2).foreground, TerminalColor::indexed(196));
        QCOMPARE(screen.cell(0, 3).foreground, TerminalColor::rgb(10, 20, 30));
        QCOMPARE(screen.cell(0, 4).background, TerminalColor::indexed(4));
        QVERIFY(screen.cell(0, 4).foreground.isDefault());
        QCOMPARE(screen.cell(0, 5).background, TerminalColor::rgb(1, 2, 3));
        QVERIFY(screen.cell(0, 6).foreground.isDefault());
        QVERIFY(screen.cell(0, 6).background.isDefault());
    }

    void wideCharacters()
    {
        TerminalScreen screen(3, 20);
        screen.feed("\xe4\xbd\xa0\xe5\xa5\xbd!"); // 你好!
        QCOMPARE(screen.cell(0, 0).character, U'你');
        QCOMPARE(screen.cell(0, 0).width, quint8(2));
        QCOMPARE(screen.cell(0, 1).width, quint8(0));
        QCOMPARE(screen.cell(0, 2).character, U'好');
        QCOMPARE(screen.cell(0, 4).character, U'!');
        QCOMPARE(screen.cursor(), QPoint(5, 0));
        QCOMPARE(screen.lineText(0), QStringLiteral("你好!"));
        screen.feed("\r\n\xf0\x9f\x98\x80x"); // 😀x
        QCOMPARE(screen.cell(1, 0).character, U'😀');
        QCOMPARE(screen.cell(1, 0).width, quint8(2));
        QCOMPARE(screen.cell(1, 2).character, U'x');
    }

    void combiningMarks()
    {
        TerminalScreen screen(3, 20);
        screen.feed("e\xcc\x81!"); // e + COMBINING ACUTE
        QCOMPARE(screen.cell(0, 0).character, U'e');
        QCOMPARE(screen.cell(0, 0).combining, char32_t(0x301));
        QCOMPARE(screen.cell(0, 1).character, U'!');
    }

    void alternateScreen()
    {
        TerminalScreen screen(3, 20);
        screen.feed("main");
        screen.feed("\x1b[?1049h");
        QVERIFY(screen.isAlternateScreen());
        QCOMPARE(screen.lineText(0), QString());
        screen.feed("alt1\r\nalt2\r\nalt3\r\nalt4\r\nalt5");
        QCOMPARE(screen.scrollbackSize(), 0); // the alternate screen never feeds scrollback
        screen.feed("\x1b[?1049l");
        QVERIFY(!screen.isAlternateScreen());
        QCOMPARE(screen.lineText(0), QStringLiteral("main"));
    }

    void scrollbackKeepsLinesInOrder()
    {
        TerminalScreen screen(3, 20);
        for (int i = 0; i < 10; ++i)
            screen.feed(QByteArray("line ") + QByteArray::number(i) + "\r\n");
        QCOMPARE(screen.scrollbackSize(), 8);
        QCOMPARE(screen.lineText(-8), QStringLiteral("line 0"));
        QCOMPARE(screen.lineText(-1), QStringLiteral("line 7"));
        QCOMPARE(screen.lineText(0), QStringLiteral("line 8"));
        QCOMPARE(screen.linesScrolledOff(), 8);
    }

    void scrollbackKeepsColours()
    {
        TerminalScreen screen(2, 20);
        screen.feed("\x1b[1;38;5;82mgreen\x1b[0m\r\n\r\n\r\n");
        QCOMPARE(screen.cell(-2, 0).foreground, TerminalColor::indexed(82));
        QVERIFY(screen.cell(-2, 0).has(TerminalCell::Bold));
    }

    void scrollbackHoldsTenThousandLinesAndDropsTheOldest()
    {
        TerminalScreen screen(24, 80);
        QByteArray flood;
        for (int i = 0; i < 10100; ++i)
            flood += "row " + QByteArray::number(i) + "\r\n";
        screen.feed(flood);
        QCOMPARE(screen.scrollbackSize(), TerminalScreen::kDefaultScrollback);
        QVERIFY(TerminalScreen::kDefaultScrollback >= 10000);
        // 10,101 lines were written (the last empty); 24 are on screen.
        QCOMPARE(screen.lineText(-TerminalScreen::kDefaultScrollback), QStringLiteral("row 77"));
        QCOMPARE(screen.lineText(-1), QStringLiteral("row 10076"));
        QCOMPARE(screen.linesScrolledOff(), 10077);
    }

    void growingTakesLinesBackFromScrollback()
    {
        TerminalScreen screen(3, 20);
        screen.feed("a\r\nb\r\nc\r\nd\r\ne");
        QCOMPARE(screen.scrollbackSize(), 2);
        screen.resize(5, 30);
        QCOMPARE(screen.scrollbackSize(), 0);
        QCOMPARE(screen.lineText(0), QStringLiteral("a"));
        QCOMPARE(screen.lineText(4), QStringLiteral("e"));
        QCOMPARE(screen.columns(), 30);
    }

    void selectionText()
    {
        TerminalScreen screen(3, 20);
        screen.feed("first line\r\nsecond line\r\nthird");
        QCOMPARE(screen.text(QPoint(6, 0), QPoint(5, 1)), QStringLiteral("line\nsecond"));
        QCOMPARE(screen.text(QPoint(5, 1), QPoint(6, 0)), QStringLiteral("line\nsecond"));
    }

    void titleIsSanitised()
    {
        TerminalScreen screen(3, 20);
        QSignalSpy titles(&screen, &TerminalScreen::titleChanged);
        screen.feed("\x1b]2;build \xe2\x80\xae" "ok\x07");
        QCOMPARE(titles.size(), 1);
        QCOMPARE(screen.title(), QStringLiteral("build ok"));
        QCOMPARE(TerminalScreen::sanitisedTitle("a\x01\x1b[31mb\tc\xc2\x9b"), QStringLiteral("a[31mbc"));
        QCOMPARE(TerminalScreen::sanitisedTitle(QByteArray(1000, 'x')).size(), 256);
    }

    void clipboardEscapesAreIgnored()
    {
        TerminalScreen screen(3, 20);
        QCOMPARE(fed(screen, "\x1b]52;c;aGVsbG8=\x07\x1b]52;c;?\x07\x1b]52;p;?\x1b\\"), QByteArray());
        QCOMPARE(screen.cursor(), QPoint(0, 0));
        QCOMPARE(screen.lineText(0), QString());
    }

    void onlyNumericStatusRepliesGoBack()
    {
        TerminalScreen screen(5, 20);
        const QByteArray da = fed(screen, "\x1b[c");
        QVERIFY2(da.startsWith("\x1b[?") && da.endsWith('c'), da.toHex().constData());
        QCOMPARE(fed(screen, "\x1b[3;7H\x1b[6n"), QByteArray("\x1b[3;7R"));
        QCOMPARE(fed(screen, "\x1b[5n"), QByteArray("\x1b[0n"));
        // Requests whose answer could carry text or reveal the window: no answer at all.
        QCOMPARE(fed(screen, "\x1bP$qm\x1b\\"), QByteArray());          // DECRQSS
        QCOMPARE(fed(screen, "\x1bP$q\"p\x1b\\"), QByteArray());
        QCOMPARE(fed(screen, "\x1b]2;evil\x07\x1b[21t\x1b[20t"), QByteArray()); // title reports
        QCOMPARE(fed(screen, "\x1b[18t\x1b[14t\x1b[19t"), QByteArray());    // size reports
        QCOMPARE(fed(screen, "\x1b[?2004$p"), QByteArray());              // DECRQM
        QCOMPARE(fed(screen, "\x1b]10;?\x07\x1b]11;?\x07\x1b]4;1;?\x07"), QByteArray()); // colour queries
        // Replayed output answers nothing, nor does a second view of the same program.
        QCOMPARE(sent(screen, [&] { screen.replay("\x1b[c\x1b[6n"); }), QByteArray());
        screen.setAnswersQueries(false);
        QCOMPARE(fed(screen, "\x1b[c"), QByteArray());
    }

    void replyFilter()
    {
        QVERIFY(TerminalReplyFilter::allows("\x1b[?1;2c"));
        QVERIFY(TerminalReplyFilter::allows("\x1b[>0;100;0c"));
        QVERIFY(TerminalReplyFilter::allows("\x1b[12;40R"));
        QVERIFY(!TerminalReplyFilter::allows("\x1b]l title\x1b\\"));
        QVERIFY(!TerminalReplyFilter::allows("\x1bP1$r0m\x1b\\"));
        QVERIFY(!TerminalReplyFilter::allows("\x1b[8;24;80t"));
        QVERIFY(!TerminalReplyFilter::allows("\x1b[1;2cecho pwned\r"));
    }

    void keys_data()
    {
        QTest::addColumn<QByteArray>("mode");
        QTest::addColumn<int>("key");
        QTest::addColumn<int>("modifiers");
        QTest::addColumn<QByteArray>("bytes");
        const int none = Qt::NoModifier;
        QTest::newRow("up") << QByteArray() << int(Qt::Key_Up) << none << QByteArray("\x1b[A");
        QTest::newRow("up, application cursor") << QByteArray("\x1b[?1h") << int(Qt::Key_Up) << none << QByteArray("\x1bOA");
        QTest::newRow("left, application cursor") << QByteArray("\x1b[?1h") << int(Qt::Key_Left) << none << QByteArray("\x1bOD");
        QTest::newRow("ctrl+up") << QByteArray() << int(Qt::Key_Up) << int(Qt::ControlModifier) << QByteArray("\x1b[1;5A");
        QTest::newRow("shift+right") << QByteArray() << int(Qt::Key_Right) << int(Qt::ShiftModifier) << QByteArray("\x1b[1;2C");
        QTest::newRow("home") << QByteArray() << int(Qt::Key_Home) << none << QByteArray("\x1b[H");
        QTest::newRow("end") << QByteArray() << int(Qt::Key_End) << none << QByteArray("\x1b[F");
        QTest::newRow("pgup") << QByteArray() << int(Qt::Key_PageUp) << none << QByteArray("\x1b[5~");
        QTest::newRow("pgdn") << QByteArray() << int(Qt::Key_PageDown) << none << QByteArray("\x1b[6~");
        QTest::newRow("delete") << QByteArray() << int(Qt::Key_Delete) << none << QByteArray("\x1b[3~");
        QTest::newRow("f1") << QByteArray() << int(Qt::Key_F1) << none << QByteArray("\x1bOP");
        QTest::newRow("f4") << QByteArray() << int(Qt::Key_F4) << none << QByteArray("\x1bOS");
        QTest::newRow("f5") << QByteArray() << int(Qt::Key_F5) << none << QByteArray("\x1b[15~");
        QTest::newRow("f12") << QByteArray() << int(Qt::Key_F12) << none << QByteArray("\x1b[24~");
        QTest::newRow("enter") << QByteArray() << int(Qt::Key_Return) << none << QByteArray("\r");
        QTest::newRow("backspace") << QByteArray() << int(Qt::Key_Backspace) << none << QByteArray("\x7f");
        QTest::newRow("tab") << QByteArray() << int(Qt::Key_Tab) << none << QByteArray("\t");
        QTest::newRow("shift+tab") << QByteArray() << int(Qt::Key_Backtab) << int(Qt::ShiftModifier) << QByteArray("\x1b[Z");
        QTest::newRow("escape") << QByteArray() << int(Qt::Key_Escape) << none << QByteArray("\x1b");
    }
    void keys()
    {
        QFETCH(QByteArray, mode);
        QFETCH(int, key);
        QFETCH(int, modifiers);
        QFETCH(QByteArray, bytes);
        TerminalScreen screen(5, 20);
        screen.feed(mode);
        QCOMPARE(sent(screen, [&] { QVERIFY(screen.sendKey(key, Qt::KeyboardModifiers(modifiers))); }), bytes);
    }

    void characters_data()
    {
        QTest::addColumn<uint>("character");
        QTest::addColumn<int>("modifiers");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("a") << uint('a') << int(Qt::NoModifier) << QByteArray("a");
        QTest::newRow("ü") << uint(U'ü') << int(Qt::NoModifier) << QByteArray("\xc3\xbc");
        QTest::newRow("ctrl+c") << uint('c') << int(Qt::ControlModifier) << QByteArray("\x03");
        QTest::newRow("ctrl+C (shift)") << uint('C') << int(Qt::ControlModifier | Qt::ShiftModifier) << QByteArray("\x03");
        QTest::newRow("ctrl+[") << uint('[') << int(Qt::ControlModifier) << QByteArray("\x1b");
        QTest::newRow("ctrl+space") << uint(' ') << int(Qt::ControlModifier) << QByteArray("\x00", 1);
        QTest::newRow("ctrl+i") << uint('i') << int(Qt::ControlModifier) << QByteArray("\t");
        QTest::newRow("alt+x") << uint('x') << int(Qt::AltModifier) << QByteArray("\x1bx");
        QTest::newRow("ctrl+alt+d") << uint('d') << int(Qt::ControlModifier | Qt::AltModifier) << QByteArray("\x1b\x04");
    }
    void characters()
    {
        QFETCH(uint, character);
        QFETCH(int, modifiers);
        QFETCH(QByteArray, bytes);
        TerminalScreen screen(5, 20);
        QCOMPARE(sent(screen, [&] { screen.sendCharacter(char32_t(character), Qt::KeyboardModifiers(modifiers)); }), bytes);
    }

    void pasteIsBracketedOnlyWhenAskedAndCannotEscape()
    {
        TerminalScreen screen(5, 20);
        QCOMPARE(sent(screen, [&] { screen.paste(QStringLiteral("a\nb")); }), QByteArray("a\rb"));
        screen.feed("\x1b[?2004h");
        QCOMPARE(sent(screen, [&] { screen.paste(QStringLiteral("a\nb")); }), QByteArray("\x1b[200~a\rb\x1b[201~"));
        QCOMPARE(sent(screen, [&] { screen.paste(QStringLiteral("x\x1b[201~rm -rf ~\n")); }),
                 QByteArray("\x1b[200~x[201~rm -rf ~\r\x1b[201~"));
        screen.feed("\x1b[?2004l");
        QCOMPARE(sent(screen, [&] { screen.paste(QStringLiteral("\x1b[31m")); }), QByteArray("[31m"));
    }

    void mouseIsReportedOnlyWhenRequested()
    {
        TerminalScreen screen(10, 40);
        QCOMPARE(sent(screen, [&] { screen.sendMouseButton(2, 3, 1, true, Qt::NoModifier); }), QByteArray());
        screen.feed("\x1b[?1000h\x1b[?1006h");
        QCOMPARE(screen.mouseMode(), TerminalScreen::MouseMode::Click);
        QCOMPARE(sent(screen, [&] { screen.sendMouseButton(2, 3, 1, true, Qt::NoModifier); }), QByteArray("\x1b[<0;4;3M"));
        QCOMPARE(sent(screen, [&] { screen.sendMouseButton(2, 3, 1, false, Qt::NoModifier); }), QByteArray("\x1b[<0;4;3m"));
        QCOMPARE(sent(screen, [&] { screen.sendMouseButton(0, 0, 4, true, Qt::NoModifier); }), QByteArray("\x1b[<64;1;1M"));
        screen.feed("\x1b[?1000l");
        QCOMPARE(screen.mouseMode(), TerminalScreen::MouseMode::None);
    }

    void damageIsTracked()
    {
        TerminalScreen screen(10, 40);
        screen.feed("\x1b[5;1H");
        (void)screen.takeDamage();
        screen.feed("x");
        const auto [first, last] = screen.takeDamage();
        QVERIFY(first <= 4 && last >= 5);
        QVERIFY(last - first <= 2);
        QCOMPARE(screen.takeDamage(), std::make_pair(0, 0));
    }
};

QTEST_GUILESS_MAIN(TestTerminalScreen)
#include "tst_terminalscreen.moc"
