// SPDX-License-Identifier: GPL-3.0-or-later
// The core session API on a real PTY with the built-in default image, as an ordinary user.
#include "TempHome.h"
#include "sessions/SessionManager.h"
#include "sessions/SessionStore.h"
#include "config/Settings.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

class TestSession : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempHome> m_home;

    SessionConfig config()
    {
        Settings settings(m_home->home(), m_home->project());
        (void)settings.load();
        SessionConfig c = SessionConfig::fromSettings(settings);
        c.memoryMb = 0;
        c.registry = QUrl(QStringLiteral("http://127.0.0.1:9/"));
        return c;
    }
    SessionRequest request(const QStringList &command)
    {
        SessionRequest r;
        r.projectDir = m_home->project();
        r.command = command;
        return r;
    }
    bool nothingLeft()
    {
        const QString cache = m_home->home() + QStringLiteral("/containers");
        return QDir(cache + QStringLiteral("/sessions")).isEmpty() && QDir(cache + QStringLiteral("/overlays")).isEmpty();
    }

private Q_SLOTS:
    void initTestCase() { m_home = std::make_unique<TempHome>(); }

    void runsOnATerminalThatFollowsResizes()
    {
        SessionManager manager;
        const Result<Session *> started = manager.start(
            request({QStringLiteral("sh"), QStringLiteral("-c"),
                     QStringLiteral("stty size; read line; echo got:$line; stty size; exit 5")}),
            config());
        QVERIFY(started.ok());
        Session *session = *started;
        QList<Session::State> states;
        connect(session, &Session::stateChanged, this, [&states](Session::State s) { states.append(s); });
        QByteArray output;
        connect(session, &Session::output, this, [&output](const QByteArray &bytes) { output += bytes; });
        QSignalSpy finished(session, &Session::finished);

        QVERIFY2(QTest::qWaitFor([&] { return output.contains("24 80"); }, 20000), output.constData());
        QCOMPARE(session->state(), Session::State::Running);
        QVERIFY(session->pty() != nullptr);
        // The output log replays what came before for a terminal attached later.
        QVERIFY(session->history().result().contains("24 80"));
        QVERIFY(QFileInfo::exists(SessionStore(m_home->home() + QStringLiteral("/containers")).logPath(session->id())));
        QVERIFY(session->record().containerPid > 0);

        session->resize(30, 90);
        session->write("hello\r");
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toInt(), 5);
        QCOMPARE(finished.first().at(1).toString(), QStringLiteral("exited with code 5"));
        QVERIFY(output.contains("got:hello"));
        QVERIFY2(output.contains("30 90"), output.constData());
        QCOMPARE(states.first(), Session::State::Resolving);
        QVERIFY(states.contains(Session::State::PreparingImage));
        QVERIFY(states.contains(Session::State::CreatingOverlay));
        QVERIFY(states.contains(Session::State::Starting));
        QVERIFY(states.contains(Session::State::Running));
        QCOMPARE(states.last(), Session::State::Exited);
        QVERIFY(nothingLeft());
    }

    void stopEndsItWithSigterm()
    {
        SessionManager manager;
        Session *session = *manager.start(request({QStringLiteral("sleep"), QStringLiteral("60")}), config());
        QSignalSpy finished(session, &Session::finished);
        QVERIFY(QTest::qWaitFor([&] { return session->state() == Session::State::Running; }, 20000));
        session->stop();
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toInt(), 143);
        QVERIFY2(finished.first().at(1).toString().startsWith(QStringLiteral("stopped")),
                 qPrintable(finished.first().at(1).toString()));
        QVERIFY(nothingLeft());
    }

    void stopBeforeItStartsLeavesNothing()
    {
        SessionManager manager;
        Session *session = *manager.start(request({QStringLiteral("true")}), config());
        QSignalSpy failed(session, &Session::failed);
        session->stop(); // before the event loop has even begun to prepare it
        QVERIFY(failed.wait(20000));
        QCOMPARE(session->state(), Session::State::Failed);
        QTest::qWait(200);
        QCOMPARE(session->state(), Session::State::Failed);
        QVERIFY(nothingLeft());
    }

    void missingImageFailsWithNothingLeft()
    {
        SessionManager manager;
        SessionConfig c = config();
        c.image = QStringLiteral("no-such-image");
        Session *session = *manager.start(request({QStringLiteral("true")}), c);
        QSignalSpy failed(session, &Session::failed);
        QSignalSpy ended(&manager, &SessionManager::sessionEnded);
        QVERIFY(failed.wait(20000));
        const Error error = failed.first().first().value<Error>();
        QVERIFY2(error.message.contains(QStringLiteral("no-such-image")), qPrintable(error.message));
        QCOMPARE(session->state(), Session::State::Failed);
        QCOMPARE(ended.size(), 1);
        QVERIFY(nothingLeft());
    }

    void agentCommandFallsBackToShell()
    {
        SessionManager manager;
        SessionConfig c = config();
        c.agentCommand = QStringLiteral("scorpiox-code --provider anthropic");
        Session *session = *manager.start(request({}), c);
        QStringList notes;
        connect(session, &Session::statusMessage, this, [&notes](const QString &text) { notes.append(text); });
        QByteArray output;
        connect(session, &Session::output, this, [&output](const QByteArray &bytes) { output += bytes; });
        QSignalSpy finished(session, &Session::finished);
        QVERIFY(QTest::qWaitFor([&] { return session->state() == Session::State::Running; }, 20000));
        QVERIFY(notes.join(u'\n').contains(QStringLiteral("the image has no scorpiox-code; starting /bin/sh instead")));
        session->write("echo in-shell-$((6*7)); exit 9\r");
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.first().at(0).toInt(), 9);
        QVERIFY(output.contains("in-shell-42"));
    }
};

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
