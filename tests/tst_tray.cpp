// SPDX-License-Identifier: GPL-3.0-or-later
// The tray's model and actions on the offscreen platform, with real sessions (host backend,
// so they start instantly without a container).
#include "TempHome.h"
#include "config/Settings.h"
#include "sessions/SessionManager.h"
#include "Desktop.h"
#include "MainWindow.h"
#include "tray/TrayMonitor.h"

#include <QAbstractButton>
#include <QApplication>
#include <QMenu>
#include <QMessageBox>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

class TestTray : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempHome> m_home;

    Session *startHost(SessionManager &manager, const QStringList &command)
    {
        Settings settings(m_home->home(), m_home->project());
        (void)settings.load();
        SessionConfig config = SessionConfig::fromSettings(settings);
        config.containerEnabled = false;
        SessionRequest request;
        request.projectDir = m_home->project();
        request.command = command;
        const Result<Session *> started = manager.start(request, config);
        return started ? *started : nullptr;
    }
    static QStringList actionTexts(const QMenu *menu)
    {
        QStringList texts;
        for (const QAction *action : menu->actions()) {
            if (!action->isSeparator())
                texts.append(action->text());
        }
        return texts;
    }

private Q_SLOTS:
    void initTestCase() { m_home = std::make_unique<TempHome>(); }

    void countsListsAndNotifies()
    {
        SessionManager manager;
        TrayMonitor tray(&manager);
        TrayStatus *status = tray.status();
        QCOMPARE(status->runningCount(), 0);
        QCOMPARE(status->iconState(), TrayStatus::IconState::Idle);
        QCOMPARE(actionTexts(tray.menu()),
                 (QStringList{QStringLiteral("No sessions"), QStringLiteral("New Session…"), QStringLiteral("Cleanup…"),
                              QStringLiteral("Show Window"), QStringLiteral("Quit")}));

        QSignalSpy notified(status, &TrayStatus::notify);
        Session *session = startHost(manager, {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("sleep 1; exit 3")});
        QVERIFY(session);
        QVERIFY(QTest::qWaitFor([&] { return session->state() == Session::State::Running; }, 10000));
        QCOMPARE(status->runningCount(), 1);
        QCOMPARE(status->iconState(), TrayStatus::IconState::Running);
        QCOMPARE(tray.icon()->toolTip(), QStringLiteral("Scorpiox Desktop: 1 session(s) running"));
        const QStringList texts = actionTexts(tray.menu());
        QVERIFY2(texts.first().startsWith(session->name()) && texts.first().endsWith(QStringLiteral("running")),
                 qPrintable(texts.first()));
        // The badge changes the icon.
        QVERIFY(TrayMonitor::iconFor(TrayStatus::IconState::Running, 1).pixmap(32).toImage()
                != TrayMonitor::iconFor(TrayStatus::IconState::Running, 0).pixmap(32).toImage());

        // Clicking the session's entry asks to open its terminal.
        QSignalSpy open(&tray, &TrayMonitor::openSessionRequested);
        tray.menu()->actions().first()->trigger();
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.first().first().value<Session *>(), session);

        QVERIFY(notified.wait(10000));
        QCOMPARE(notified.first().at(0).toString(), session->name() + QStringLiteral(" exited"));
        QCOMPARE(notified.first().at(1).toString(), QStringLiteral("exited with code 3"));
        QCOMPARE(notified.first().at(2).toBool(), true);
        QCOMPARE(status->runningCount(), 0);
        QCOMPARE(status->iconState(), TrayStatus::IconState::Attention);
        status->acknowledge();
        QCOMPARE(status->iconState(), TrayStatus::IconState::Idle);
    }

    void failuresNotifyToo()
    {
        SessionManager manager;
        TrayMonitor tray(&manager);
        QSignalSpy notified(tray.status(), &TrayStatus::notify);
        Settings settings(m_home->home(), m_home->project());
        (void)settings.load();
        SessionConfig config = SessionConfig::fromSettings(settings);
        config.image = QStringLiteral("no-such-image");
        config.registry = QUrl(QStringLiteral("http://127.0.0.1:9/"));
        SessionRequest request;
        request.projectDir = m_home->project();
        request.command = {QStringLiteral("true")};
        QVERIFY(manager.start(request, config).ok());
        QVERIFY(notified.wait(20000));
        QVERIFY(notified.first().at(0).toString().endsWith(QStringLiteral(" failed")));
        QVERIFY(notified.first().at(1).toString().contains(QStringLiteral("no-such-image")));
    }

    void closingTheWindowQuitsWithoutATray()
    {
        Settings settings(m_home->home(), m_home->project());
        (void)settings.load();
        SessionManager manager;
        Desktop desktop(&manager, &settings);
        QVERIFY(!desktop.tray()); // the offscreen platform has no tray host
        QSignalSpy quitting(&desktop, &Desktop::quitting);
        desktop.start(true); // --tray without a tray still shows the window
        QVERIFY(desktop.window()->isVisible());
        desktop.window()->close();
        QCOMPARE(quitting.size(), 1);
    }

    void quitAsksWhileSessionsRun()
    {
        SessionManager manager;
        TrayMonitor tray(&manager);
        QSignalSpy quit(&tray, &TrayMonitor::quitRequested);
        tray.menu()->actions().last()->trigger(); // nothing runs: quits at once
        QCOMPARE(quit.size(), 1);

        Session *session = startHost(manager, {QStringLiteral("sleep"), QStringLiteral("30")});
        QVERIFY(QTest::qWaitFor([&] { return session->state() == Session::State::Running; }, 10000));
        tray.menu()->actions().last()->trigger();
        QCOMPARE(quit.size(), 1); // not yet: a question is open
        QMessageBox *question = nullptr;
        QVERIFY(QTest::qWaitFor([&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible())
                    question = box;
            }
            return question != nullptr;
        }, 5000));
        QVERIFY(question->text().contains(QStringLiteral("1 session(s) still running")));
        question->button(QMessageBox::Cancel)->click();
        QCOMPARE(quit.size(), 1);
        tray.menu()->actions().last()->trigger();
        QVERIFY(QTest::qWaitFor([&] {
            for (QWidget *w : QApplication::topLevelWidgets()) {
                if (auto *box = qobject_cast<QMessageBox *>(w); box && box->isVisible()) {
                    box->button(QMessageBox::Yes)->click();
                    return true;
                }
            }
            return false;
        }, 5000));
        QCOMPARE(quit.size(), 2);
        session->stop();
        QVERIFY(QTest::qWaitFor([&] { return session->state() == Session::State::Exited; }, 15000));
    }
};

QTEST_MAIN(TestTray)
#include "tst_tray.moc"
