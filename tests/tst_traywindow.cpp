// SPDX-License-Identifier: GPL-3.0-or-later
// The tray icon and its menu in a real X server with a real tray host (trayer): a screenshot of
// the open menu listing a running session, saved as a test artifact.
#include "TempHome.h"
#include "config/Settings.h"
#include "sessions/SessionManager.h"
#include "Desktop.h"
#include "MainWindow.h"
#include "tray/TrayMonitor.h"

#include <QApplication>
#include <QDir>
#include <QMenu>
#include <QScreen>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

class TestTrayWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void closingTheWindowKeepsRunningInTheTray()
    {
        QVERIFY(QTest::qWaitFor([] { return QSystemTrayIcon::isSystemTrayAvailable(); }, 10000));
        TempHome home;
        Settings settings(home.home(), home.project());
        (void)settings.load();
        SessionManager manager;
        Desktop desktop(&manager, &settings);
        QVERIFY(desktop.tray());
        QSignalSpy quitting(&desktop, &Desktop::quitting);
        desktop.start(true); // --tray: only the icon
        QTRY_VERIFY(desktop.tray()->icon()->isVisible());
        QVERIFY(!desktop.window()->isVisible());
        Q_EMIT desktop.tray()->showWindowRequested();
        QTRY_VERIFY(desktop.window()->isVisible());
        desktop.window()->close();
        QTRY_VERIFY(!desktop.window()->isVisible());
        QTest::qWait(200);
        QCOMPARE(quitting.size(), 0); // still running, in the tray
        Q_EMIT desktop.tray()->quitRequested();
        QCOMPARE(quitting.size(), 1);
    }

    void menuScreenshot()
    {
        QVERIFY2(QTest::qWaitFor([] { return QSystemTrayIcon::isSystemTrayAvailable(); }, 10000),
                 "the tray host did not come up");
        TempHome home;
        Settings settings(home.home(), home.project());
        (void)settings.load();
        SessionConfig config = SessionConfig::fromSettings(settings);
        config.containerEnabled = false;
        SessionManager manager;
        TrayMonitor tray(&manager);
        tray.show();
        SessionRequest request;
        request.projectDir = home.project();
        request.command = {QStringLiteral("sleep"), QStringLiteral("30")};
        Session *session = *manager.start(request, config);
        QVERIFY(QTest::qWaitFor([&] { return session->state() == Session::State::Running; }, 10000));
        QTRY_VERIFY(tray.icon()->isVisible());

        const QRect iconArea = tray.icon()->geometry();
        QVERIFY2(iconArea.isValid(), "the tray host did not embed the icon");
        tray.menu()->popup(iconArea.bottomLeft() + QPoint(-160, 8));
        QTRY_VERIFY(tray.menu()->isVisible());
        QVERIFY(tray.menu()->actions().first()->text().startsWith(session->name()));
        QTest::qWait(500);

        const QString dir = QStringLiteral(QT_TESTCASE_BUILDDIR "/artifacts/ui");
        QDir().mkpath(dir);
        const QImage shot = QGuiApplication::primaryScreen()->grabWindow(0).toImage();
        const QString path = dir + QStringLiteral("/tray-menu.png");
        QVERIFY(shot.copy(QRect(shot.width() - 520, 0, 520, 320)).save(path));
        qInfo("tray screenshot: %s", qPrintable(path));
        // The menu really is on the screen: its area is not one flat colour.
        const QImage menuArea = shot.copy(tray.menu()->geometry());
        QSet<QRgb> colours;
        for (int y = 0; y < menuArea.height(); y += 3)
            for (int x = 0; x < menuArea.width(); x += 3)
                colours.insert(menuArea.pixel(x, y));
        QVERIFY(colours.size() > 3);
        tray.menu()->hide();
        session->stop();
        QVERIFY(QTest::qWaitFor([&] { return session->state() == Session::State::Exited; }, 15000));
    }
};

QTEST_MAIN(TestTrayWindow)
#include "tst_traywindow.moc"
