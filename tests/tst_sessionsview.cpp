// SPDX-License-Identifier: GPL-3.0-or-later
// The Sessions view end to end: a session started from the New Session dialog on the built-in
// default image runs in a real rootless container, its terminal shows what it prints, the list
// follows its state, Stop ends it, Save Log writes its output, Open Shell enters it.
#include "BusyboxRootfs.h"
#include "CliRunner.h"
#include "TempHome.h"
#include "Paths.h"
#include "config/Settings.h"
#include "sessions/MountTableModel.h"
#include "sessions/NewSessionDialog.h"
#include "sessions/SessionListModel.h"
#include "sessions/SessionManager.h"
#include "sessions/SessionTerminalTab.h"
#include "sessions/SessionsView.h"
#include "sessions/ShellTerminalTab.h"
#include "terminal/TerminalScreen.h"
#include "terminal/TerminalWidget.h"
#include "widgets/MessageBar.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QPointer>
#include <QProcess>
#include <QScopeGuard>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTableView>
#include <QTest>

namespace {

QString screenText(const TerminalWidget *terminal)
{
    QStringList lines;
    for (int row = -terminal->screen()->scrollbackSize(); row < terminal->screen()->rows(); ++row)
        lines.append(terminal->screen()->lineText(row));
    return lines.join(QLatin1Char('\n'));
}

QPushButton *startButton(NewSessionDialog *dialog)
{
    auto *box = dialog->findChild<QDialogButtonBox *>();
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QDialogButtonBox::AcceptRole)
            return qobject_cast<QPushButton *>(button);
    }
    return nullptr;
}

bool helperKnowsEnter()
{
    QProcess helper;
    helper.start(Paths::unshareHelper(), {QStringLiteral("--enter"), QStringLiteral("0"), QStringLiteral("--"),
                                          QStringLiteral("true")});
    helper.waitForFinished(5000);
    return !helper.readAllStandardError().contains("unknown option --enter");
}

} // namespace

class TestSessionsView : public QObject
{
    Q_OBJECT

private:
    /// Starts `command` through the dialog as a person would, and waits for Running.
    Session *startThroughDialog(SessionsView &view, const QString &command)
    {
        NewSessionDialog *dialog = view.showNewSessionDialog();
        dialog->setImage(QStringLiteral("default"));
        dialog->setCommand(command);
        QPushButton *start = startButton(dialog);
        // The project folder is looked at off the GUI thread: Start waits for the answer.
        if (!start || !QTest::qWaitFor([start] { return start->isEnabled(); }, 5000)) {
            qWarning("Start is disabled: %s", qPrintable(dialog->problem()));
            return nullptr;
        }
        const int before = view.model()->rowCount();
        start->click();
        if (!QTest::qWaitFor([&view, before] { return view.model()->rowCount() > before; }, 5000)) {
            qWarning("no session: %s", qPrintable(view.messageBar()->text()));
            return nullptr;
        }
        Session *session = view.model()->session(view.model()->index(view.model()->rowCount() - 1, 0));
        if (!QTest::qWaitFor([session] {
                return session->state() == Session::State::Running || session->state() == Session::State::Failed
                       || session->state() == Session::State::Exited;
            }, 60000))
            return nullptr;
        if (session->state() != Session::State::Running)
            qWarning("session ended: %s", qPrintable(session->reason()));
        return session;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(Paths::builtinImage(QStringLiteral("default"))),
                 qPrintable(Paths::builtinImage(QStringLiteral("default"))));
    }

    void dialogIsPrefilledAndRefusesWhatCannotStart()
    {
        TempHome home;
        QVERIFY(TempHome::writeFile(home.home() + QStringLiteral("/scorpiox-env.txt"),
                                    "container_image=alpine\ncontainer_network=none\ncontainer_timeout=90\n"));
        Settings settings(home.home(), home.project());
        QVERIFY(!hasErrors(settings.load()));
        NewSessionDialog dialog(settings);
        SessionConfig config = dialog.config(SessionConfig::fromSettings(settings));
        QCOMPARE(config.image, QStringLiteral("alpine"));
        QCOMPARE(config.network, NetworkMode::None);
        QCOMPARE(config.timeoutSec, 90);
        QCOMPARE(dialog.request().projectDir, home.project());
        QVERIFY(!startButton(&dialog)->isEnabled()); // until the project folder has been looked at
        QTRY_VERIFY_WITH_TIMEOUT(startButton(&dialog)->isEnabled(), 5000);

        QAbstractItemModelTester tester(dialog.mounts(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        dialog.mounts()->addMount({home.home(), QStringLiteral("data"), false});
        QVERIFY(!startButton(&dialog)->isEnabled());
        QVERIFY(dialog.problem().contains(QStringLiteral("absolute")));
        QVERIFY(dialog.mounts()->setData(dialog.mounts()->index(0, MountTableModel::ContainerPath), QStringLiteral("/data")));
        QVERIFY(dialog.mounts()->setData(dialog.mounts()->index(0, MountTableModel::ReadOnly), Qt::Checked, Qt::CheckStateRole));
        QTRY_VERIFY_WITH_TIMEOUT(startButton(&dialog)->isEnabled(), 5000);
        dialog.mounts()->setData(dialog.mounts()->index(0, MountTableModel::HostPath), home.path(QStringLiteral("gone")));
        QTRY_VERIFY_WITH_TIMEOUT(dialog.problem().contains(QStringLiteral("does not exist")), 5000);
        QVERIFY(!startButton(&dialog)->isEnabled());
        dialog.mounts()->setData(dialog.mounts()->index(0, MountTableModel::HostPath), home.home());
        QTRY_VERIFY_WITH_TIMEOUT(startButton(&dialog)->isEnabled(), 5000);
        const QList<MountSpec> mounts = dialog.request().volumes;
        QCOMPARE(mounts.size(), 1);
        QCOMPARE(mounts.first(), (MountSpec{home.home(), QStringLiteral("/data"), true}));

        dialog.setImage(QStringLiteral("../escape"));
        QVERIFY(!startButton(&dialog)->isEnabled());
        dialog.setImage(QStringLiteral("default"));
        dialog.setProjectDir(home.path(QStringLiteral("missing")));
        QVERIFY(!startButton(&dialog)->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(dialog.problem().contains(QStringLiteral("does not exist")), 5000);
        QVERIFY(!startButton(&dialog)->isEnabled());
        dialog.setProjectDir(home.project());
        dialog.setCommand(QStringLiteral("sh -c 'unterminated"));
        QVERIFY(!startButton(&dialog)->isEnabled());
        dialog.setCommand(QStringLiteral("sh -c 'echo \"a b\"' c\\ d"));
        QTRY_VERIFY_WITH_TIMEOUT(startButton(&dialog)->isEnabled(), 5000);
        QCOMPARE(dialog.request().command,
                 (QStringList{QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("echo \"a b\""), QStringLiteral("c d")}));
    }

    void sessionFromDialogRunsAndShowsItsOutput()
    {
        TempHome home;
        Settings settings(home.home(), home.project());
        QVERIFY(!hasErrors(settings.load()));
        SessionManager manager;
        SessionsView view(&manager, &settings);
        view.model()->setSampleInterval(200);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1000, 700);
        view.show();

        Session *session = startThroughDialog(
            view, QStringLiteral("/bin/sh -c 'echo hello from $(hostname); while :; do sleep 1; done'"));
        QVERIFY(session);
        QCOMPARE(session->state(), Session::State::Running);
        QCOMPARE(view.tabs()->count(), 1);
        auto *tab = qobject_cast<SessionTerminalTab *>(view.tabs()->currentWidget());
        QVERIFY(tab);
        QTRY_VERIFY2_WITH_TIMEOUT(screenText(tab->terminal()).contains(QStringLiteral("hello from scorpiox-") + session->id()),
                                  qPrintable(screenText(tab->terminal()).trimmed() + QStringLiteral(" | log: ")
                                             + QString::fromUtf8(session->history().result())),
                                  10000);

        const QModelIndex row = view.model()->indexOf(session);
        QCOMPARE(row.siblingAtColumn(SessionListModel::Status).data().toString(), QStringLiteral("Running"));
        QCOMPARE(row.siblingAtColumn(SessionListModel::Image).data().toString(), QStringLiteral("default"));
        QCOMPARE(row.siblingAtColumn(SessionListModel::Backend).data().toString(), QStringLiteral("namespace"));
        QTRY_VERIFY_WITH_TIMEOUT(!row.siblingAtColumn(SessionListModel::Memory).data().toString().isEmpty(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!row.siblingAtColumn(SessionListModel::Cpu).data().toString().isEmpty(), 5000);
        QVERIFY(view.openShellAction()->isEnabled());

        const QString logPath = home.path(QStringLiteral("session.log"));
        QSignalSpy saved(&view, &SessionsView::logSaved);
        view.saveLog(session, logPath);
        QVERIFY(saved.wait(5000));
        QVERIFY(saved.first().at(1).toBool());
        QVERIFY(TempHome::readFile(logPath).contains("hello from scorpiox-"));

        view.table()->setCurrentIndex(row);
        QVERIFY(view.stopAction()->isEnabled());
        view.stopAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Exited, 15000);
        QCOMPARE(row.siblingAtColumn(SessionListModel::Status).data().toString(), QStringLiteral("Exited"));
        QCOMPARE(row.siblingAtColumn(SessionListModel::ExitCode).data().toInt(), 128 + 15);
        QVERIFY(tab->stepText().contains(QStringLiteral("stopped")));
        QVERIFY(!view.stopAction()->isEnabled());
        QVERIFY(!view.openShellAction()->isEnabled());
        QVERIFY(!view.openShell(session));
        QVERIFY2(view.messageBar()->text().contains(QStringLiteral("not running")), qPrintable(view.messageBar()->text()));
        // The log can still be saved once the session is over.
        view.saveLog(session, logPath + QStringLiteral(".after"));
        QVERIFY(saved.wait(5000));
        QVERIFY(TempHome::readFile(logPath + QStringLiteral(".after")).contains("hello from scorpiox-"));

        // Forgetting a session removes its row and its terminal tab.
        manager.forget(session);
        QTRY_COMPARE(view.model()->rowCount(), 0);
        QTRY_COMPARE(view.tabs()->count(), 0);
    }

    void installOutputShowsInTheStartProgress()
    {
        TempHome home;
        QTemporaryDir dir;
        const QString rootfs = dir.filePath(QStringLiteral("rootfs"));
        const QString error = BusyboxRootfs::create(rootfs);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // A package manager that says what it does, then takes its time.
        QVERIFY(TempHome::writeFile(rootfs + QStringLiteral("/sbin/apk"), "#!/bin/sh\necho \"fetching $3\"\nsleep 3\necho done\n"));
        QVERIFY(QFile::setPermissions(rootfs + QStringLiteral("/sbin/apk"),
                                      QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));
        const QString tarball = dir.filePath(QStringLiteral("chatty.tar.gz"));
        QProcess tar;
        tar.start(QStringLiteral("tar"), {QStringLiteral("-C"), rootfs, QStringLiteral("-czf"), tarball, QStringLiteral(".")});
        QVERIFY(tar.waitForFinished(60000) && tar.exitCode() == 0);
        const CliResult imported = CliRunner::cli({QStringLiteral("import"), tarball, QStringLiteral("--name"), QStringLiteral("chatty")});
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
        QVERIFY(TempHome::writeFile(home.project() + QStringLiteral("/scorpiox-env.txt"),
                                    "CONTAINER_PACKAGES=chatty-tools\ncontainer_memory_mb=0\n"));

        Settings settings(home.home(), home.project());
        QVERIFY(!hasErrors(settings.load()));
        SessionManager manager;
        SessionsView view(&manager, &settings);
        NewSessionDialog *dialog = view.showNewSessionDialog();
        dialog->setImage(QStringLiteral("chatty"));
        dialog->setCommand(QStringLiteral("true"));
        QTRY_VERIFY_WITH_TIMEOUT(startButton(dialog)->isEnabled(), 5000); // the paths are looked at first
        startButton(dialog)->click();
        // The project's settings are read off the GUI thread before the session starts.
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 1, 5000);
        Session *session = view.model()->session(view.model()->index(0, 0));
        auto *tab = qobject_cast<SessionTerminalTab *>(view.tabs()->currentWidget());
        QVERIFY(tab);
        QTRY_COMPARE_WITH_TIMEOUT(tab->detailText(), QStringLiteral("fetching chatty-tools"), 20000);
        // Shown while the install still runs, not after it.
        QCOMPARE(session->state(), Session::State::Provisioning);
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Exited, 30000);
        QCOMPARE(session->exitCode(), 0);
    }

    void failureIsShownInline()
    {
        TempHome home;
        Settings settings(home.home(), home.project());
        QVERIFY(!hasErrors(settings.load()));
        SessionManager manager;
        SessionsView view(&manager, &settings);
        NewSessionDialog *dialog = view.showNewSessionDialog();
        // A name no cache holds and no registry serves: the session fails while preparing.
        QVERIFY(TempHome::writeFile(home.project() + QStringLiteral("/scorpiox-env.txt"),
                                    "IMAGE_BASE_URL=file:///nonexistent-registry/\n"));
        dialog->setImage(QStringLiteral("no-such-image"));
        QTRY_VERIFY_WITH_TIMEOUT(startButton(dialog)->isEnabled(), 5000);
        startButton(dialog)->click();
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 1, 5000);
        Session *session = view.model()->session(view.model()->index(0, 0));
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Failed, 20000);
        QCOMPARE(view.messageBar()->kind(), MessageBar::Kind::Error);
        QVERIFY2(view.messageBar()->text().contains(session->id()), qPrintable(view.messageBar()->text()));
        auto *tab = qobject_cast<SessionTerminalTab *>(view.tabs()->currentWidget());
        QVERIFY(tab->stepText().startsWith(QStringLiteral("The session failed")));
    }

    void shellOpensInsideTheRunningSession()
    {
        if (!helperKnowsEnter())
            QSKIP("scorpiox-unshare in this build has no --enter yet (being added on the unshare branch)");
        TempHome home;
        Settings settings(home.home(), home.project());
        QVERIFY(!hasErrors(settings.load()));
        SessionManager manager;
        SessionsView view(&manager, &settings);
        view.resize(1000, 700);
        view.show();
        Session *session = startThroughDialog(view, QStringLiteral("/bin/sh -c 'echo marker > /tmp/inside; sleep 60'"));
        QVERIFY(session);
        QTRY_VERIFY_WITH_TIMEOUT(session->record().containerPid > 0, 10000);
        ShellTerminalTab *shell = view.openShell(session);
        QVERIFY2(shell, qPrintable(view.messageBar()->text()));
        QCOMPARE(view.tabs()->count(), 2);
        shell->terminal()->screen()->sendText(QStringLiteral("cat /tmp/inside; echo sum=$((6*7))\r"));
        QTRY_VERIFY_WITH_TIMEOUT(screenText(shell->terminal()).contains(QStringLiteral("sum=42")), 10000);
        QVERIFY(screenText(shell->terminal()).contains(QStringLiteral("marker")));
        session->stop();
        QTRY_COMPARE_WITH_TIMEOUT(session->state(), Session::State::Exited, 15000);
    }

    void sessionsOfOtherProcessesAreListedAndStopped()
    {
        TempHome home;
        QVERIFY(TempHome::writeFile(home.project() + QStringLiteral("/scorpiox-env.txt"), "container_memory_mb=0\n"));
        Settings settings(home.home(), home.project());
        QVERIFY(!hasErrors(settings.load()));
        SessionManager manager;
        SessionsView view(&manager, &settings);
        view.model()->setSampleInterval(250);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        view.resize(1000, 700);
        view.show();

        // Another process — the real binary — runs a session in the same cache.
        QProcess other;
        other.setWorkingDirectory(home.project());
        other.setProcessChannelMode(QProcess::MergedChannels);
        other.start(QStringLiteral(SCORPIOX_DESKTOP_BIN),
                    {QStringLiteral("--cli"), QStringLiteral("run"), QStringLiteral("--net"), QStringLiteral("isolated"),
                     QStringLiteral("--"), QStringLiteral("sleep"), QStringLiteral("30")});
        QVERIFY(other.waitForStarted());
        const auto killOther = qScopeGuard([&other] {
            other.kill();
            other.waitForFinished(5000);
        });
        auto status = [&view] {
            return view.model()->index(0, SessionListModel::Status).data().toString();
        };
        QTRY_VERIFY2_WITH_TIMEOUT(view.model()->rowCount() == 1 && status() == QStringLiteral("Running"),
                                  qPrintable(status() + QStringLiteral(" | ") + QString::fromUtf8(other.readAll())), 30000);
        const QModelIndex row = view.model()->index(0, 0);
        const ForeignSession *foreign = view.model()->foreign(row);
        QVERIFY(foreign);
        QVERIFY(!view.model()->session(row));
        QCOMPARE(foreign->record.owner.pid, other.processId());
        QCOMPARE(row.data().toString(), foreign->record.id);
        QCOMPARE(row.siblingAtColumn(SessionListModel::Image).data().toString(), QStringLiteral("default"));
        QCOMPARE(row.siblingAtColumn(SessionListModel::Backend).data().toString(), QStringLiteral("namespace"));
        QCOMPARE(row.siblingAtColumn(SessionListModel::Network).data().toString(), QStringLiteral("isolated"));
        QTRY_VERIFY_WITH_TIMEOUT(!row.siblingAtColumn(SessionListModel::Uptime).data().toString().isEmpty(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!row.siblingAtColumn(SessionListModel::Memory).data().toString().isEmpty(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!row.siblingAtColumn(SessionListModel::Cpu).data().toString().isEmpty(), 5000);

        // Its terminal is in the other process; a shell of our own does work.
        view.table()->setCurrentIndex(row);
        QVERIFY(!view.openTerminalAction()->isEnabled());
        QVERIFY(view.openShellAction()->isEnabled());
        QVERIFY(view.stopAction()->isEnabled());
        if (helperKnowsEnter()) {
            std::optional<QPointer<ShellTerminalTab>> opened;
            connect(&view, &SessionsView::shellOpened, this, [&opened](ShellTerminalTab *tab) { opened = tab; });
            QTRY_VERIFY_WITH_TIMEOUT(foreign->record.containerPid > 0
                                         || view.model()->foreign(view.model()->index(0, 0))->record.containerPid > 0,
                                     10000);
            view.openShellAction()->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(opened.has_value(), 10000);
            ShellTerminalTab *shell = *opened;
            QVERIFY2(shell, qPrintable(view.messageBar()->text()));
            shell->terminal()->screen()->sendText(QStringLiteral("hostname; echo sum=$((6*7))\r"));
            QTRY_VERIFY_WITH_TIMEOUT(screenText(shell->terminal()).contains(QStringLiteral("sum=42")), 10000);
            QVERIFY(screenText(shell->terminal()).contains(QStringLiteral("scorpiox-") + foreign->record.id));
        }

        // Stop ends it as `--cli stop` would: the other process exits 143 and the row goes.
        QSignalSpy stopped(view.model(), &SessionListModel::foreignStopFinished);
        view.stopAction()->trigger();
        QCOMPARE(view.model()->index(0, SessionListModel::Status).data().toString(), QStringLiteral("Stopping"));
        QVERIFY(!view.stopAction()->isEnabled());
        QVERIFY(stopped.wait(20000));
        QCOMPARE(stopped.first().at(1).toString(), QString());
        QTRY_COMPARE_WITH_TIMEOUT(other.state(), QProcess::NotRunning, 20000);
        QCOMPARE(other.exitCode(), 143);
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->rowCount(), 0, 5000);
        QCOMPARE(view.messageBar()->kind(), MessageBar::Kind::Success);
    }
};

QTEST_MAIN(TestSessionsView)
#include "tst_sessionsview.moc"
