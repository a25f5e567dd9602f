// SPDX-License-Identifier: GPL-3.0-or-later
// A real window under Xvfb: a colourful program runs in a TerminalWidget, the X server's
// pixels are grabbed, saved as a test artifact and checked where colours are known.
#include "pty/UnixPty.h"
#include "terminal/TerminalScreen.h"
#include "terminal/TerminalView.h"
#include "terminal/TerminalWidget.h"

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QScreen>
#include <QSignalSpy>
#include <QTest>
#include <QWindow>

namespace {

// Rows 0-2 hold colour swatches at known cells; the rest shows what a terminal should render.
const char kScript[] = R"SH(
printf '\033[41m      \033[0m 16-colour red background\n'
printf '\033[48;2;10;200;120m      \033[0m 24-bit background rgb(10,200,120)\n'
printf '\033[48;5;21m      \033[0m 256-colour index 21\n'
printf '\033[1mbold\033[0m \033[3mitalic\033[0m \033[4munderline\033[0m \033[7mreverse\033[0m \033[9mstrike\033[0m\n'
for i in 0 1 2 3 4 5 6 7; do printf "\033[4${i}m  \033[0m"; done; echo
for i in 0 1 2 3 4 5 6 7; do printf "\033[10${i}m  \033[0m"; done; echo
i=16; while [ $i -lt 232 ]; do printf "\033[48;5;${i}m \033[0m"; i=$((i+1)); [ $(( (i-16) % 72 )) -eq 0 ] && echo; done
i=0; while [ $i -lt 64 ]; do printf "\033[48;2;$((i*4));$((255-i*4));128m \033[0m"; i=$((i+1)); done; echo
printf '\033[31mred \033[32mgreen \033[33myellow \033[34mblue \033[35mmagenta \033[36mcyan\033[0m\n'
printf 'wide: \344\275\240\345\245\275\344\270\226\347\225\214 emoji: \360\237\230\200\360\237\232\200 box: \342\224\214\342\224\200\342\224\220\n'
printf '\033]2;colour test\007'
exit 7
)SH";

QColor pixelAtCell(const QImage &image, const TerminalWidget &widget, int column, int row)
{
    const QSize cell = widget.view()->cellSize();
    const QPoint origin = widget.view()->mapTo(&widget, QPoint(0, 0));
    return image.pixelColor(origin + QPoint(column * cell.width() + cell.width() / 2, row * cell.height() + cell.height() / 2));
}

} // namespace

class TestTerminalWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void colourfulProgramInARealWindow()
    {
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
        TerminalWidget widget;
        widget.setWindowTitle(QStringLiteral("scorpiox terminal test"));
        widget.resize(1000, 640);
        widget.show();
        QVERIFY(QTest::qWaitForWindowExposed(&widget));
        widget.activateWindow();
        widget.view()->setFocus();

        UnixPty pty;
        widget.attach(&pty);
        QSignalSpy finished(&widget, &TerminalWidget::finished);
        PtyStartOptions options;
        options.program = QStringLiteral("/bin/sh");
        options.arguments = {QStringLiteral("-c"), QString::fromLatin1(kScript)};
        options.rows = widget.screen()->rows();
        options.columns = widget.screen()->columns();
        QVERIFY(pty.start(options).ok());
        QVERIFY(finished.wait(10000));
        QCOMPARE(widget.title(), QStringLiteral("colour test"));
        QCOMPARE(widget.statusText(), QStringLiteral("The program exited with code 7."));
        QTest::qWait(200); // a frame or two for the last paint to reach the X server

        const QImage image = widget.windowHandle()->screen()->grabWindow(widget.winId()).toImage();
        QVERIFY(!image.isNull());
        const QString artifacts = QStringLiteral(QT_TESTCASE_BUILDDIR "/artifacts");
        QVERIFY(QDir().mkpath(artifacts));
        const QString path = artifacts + QStringLiteral("/terminal-window.png");
        QVERIFY(image.save(path));
        qInfo("screenshot: %s (%dx%d)", qPrintable(path), image.width(), image.height());

        QCOMPARE(pixelAtCell(image, widget, 2, 0), QColor(0xcc, 0x00, 0x00));
        QCOMPARE(pixelAtCell(image, widget, 2, 1), QColor(10, 200, 120));
        QCOMPARE(pixelAtCell(image, widget, 2, 2), QColor(0, 0, 255));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 2)
            for (int x = 0; x < image.width(); x += 2)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 200, qPrintable(QString::number(colours.size())));
    }
};

QTEST_MAIN(TestTerminalWindow)
#include "tst_terminalwindow.moc"
