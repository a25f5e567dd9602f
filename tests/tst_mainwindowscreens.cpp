// SPDX-License-Identifier: GPL-3.0-or-later
// Every main view in a real window under Xvfb, with real content: a session running in a
// container, cached and registry images, a settings file with a mistake typed into it, secrets
// in a real GNOME Keyring, leftovers to clean up, and the New Session dialog. The X server's
// pixels are saved as test artifacts to be looked at.
#include "BusyboxRootfs.h"
#include "MainWindow.h"
#include "TempHome.h"
#include "cleanup/CleanupView.h"
#include "cleanup/OrphanListModel.h"
#include "config/Settings.h"
#include "doctor/HostCheckView.h"
#include "images/CachedImageModel.h"
#include "images/ImagesView.h"
#include "images/RemoteImageModel.h"
#include "secrets/SecretListModel.h"
#include "secrets/SecretsView.h"
#include "sessions/MountTableModel.h"
#include "sessions/NewSessionDialog.h"
#include "sessions/SessionListModel.h"
#include "sessions/SessionManager.h"
#include "sessions/SessionTerminalTab.h"
#include "sessions/SessionsView.h"
#include "settings/SettingsFileEditor.h"
#include "settings/SettingsKeyModel.h"
#include "settings/SettingsView.h"
#include "terminal/TerminalScreen.h"
#include "terminal/TerminalWidget.h"

#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QLineEdit>
#include <QListView>
#include <QProcess>
#include <QPushButton>
#include <QScreen>
#include <QSet>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>
#include <QUrl>

namespace {

const char kAgent[] = R"SH(
printf '\033[1;36mscorpiox agent\033[0m in \033[33m%s\033[0m\n' "$(hostname)"
printf 'workspace: %s\n' "$(pwd)"
printf '\033[32m✔\033[0m reading project files\n\033[32m✔\033[0m planning changes\n\033[33m…\033[0m running tests\n'
ls -l / | head -12
while :; do sleep 1; done
)SH";

QString artifactsDir()
{
    return QStringLiteral(QT_TESTCASE_BUILDDIR "/artifacts/ui");
}

/// Grabs what the X server shows of @p window and saves it; returns the image.
QImage capture(QWidget *window, const QString &name)
{
    QTest::qWait(300); // a few frames for the last paint to reach the X server
    const QImage image = window->windowHandle()->screen()->grabWindow(window->winId()).toImage();
    const QString path = artifactsDir() + QLatin1Char('/') + name + QStringLiteral(".png");
    if (!image.save(path))
        qWarning("cannot save %s", qPrintable(path));
    else
        qInfo("screenshot: %s (%dx%d)", qPrintable(path), image.width(), image.height());
    return image;
}

int colourCount(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}

} // namespace

class TestMainWindowScreens : public QObject
{
    Q_OBJECT

    QTemporaryDir m_data;

private Q_SLOTS:
    void everyViewInARealWindow()
    {
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
        QVERIFY(QFileInfo(artifactsDir()).isWritable());

        // A registry with one image, served from a directory.
        const QString rootfs = m_data.filePath(QStringLiteral("rootfs"));
        QCOMPARE(BusyboxRootfs::create(rootfs), QString());
        QVERIFY(QDir().mkpath(m_data.filePath(QStringLiteral("registry"))));
        const QString tarball = m_data.filePath(QStringLiteral("registry/tinybox.tar.gz"));
        QCOMPARE(QProcess::execute(QStringLiteral("tar"), {QStringLiteral("-czf"), tarball, QStringLiteral("-C"), rootfs,
                                                           QStringLiteral(".")}),
                 0);
        const QByteArray bytes = TempHome::readFile(tarball);
        QVERIFY(TempHome::writeFile(
            m_data.filePath(QStringLiteral("registry/index.json")),
            QStringLiteral(R"({"images":[{"name":"tinybox","file":"tinybox.tar.gz","sha256":"%1","size":%2,"description":"BusyBox, 1 MB, for quick tests"},)"
                           R"({"name":"alpine","file":"alpine.tar.gz","size":3500000,"description":"Alpine Linux 3.20 minirootfs"}]})")
                .arg(QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()))
                .arg(bytes.size())
                .toUtf8()));

        TempHome home;
        const QString registry = QUrl::fromLocalFile(m_data.filePath(QStringLiteral("registry"))).toString() + QLatin1Char('/');
        QVERIFY(TempHome::writeFile(home.home() + QStringLiteral("/scorpiox-env.txt"),
                                    "# Scorpiox Desktop — global settings\n\nIMAGE_BASE_URL=" + registry.toUtf8()
                                        + "\ncontainer_network=host\ncontainer_timeout=7200\nTEAM_NOTE=kept as it is\n"));
        QVERIFY(TempHome::writeFile(home.project() + QStringLiteral("/scorpiox-env.txt"), "# no cgroup delegation on test machines\ncontainer_memory_mb=0\n"));
        QVERIFY(TempHome::writeFile(home.project() + QStringLiteral("/README.md"), "# demo project\n"));
        Settings settings(home.home(), home.project());
        QVERIFY(!hasErrors(settings.load()));
        SessionManager manager;
        MainWindow window(&manager, &settings);
        window.resize(1280, 780);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Sessions: one ended, one running its "agent" in a container.
        SessionsView *sessions = window.sessionsView();
        auto startSession = [sessions](const QString &command) -> Session * {
            NewSessionDialog *dialog = sessions->showNewSessionDialog();
            dialog->setImage(QStringLiteral("default"));
            dialog->setCommand(command);
            auto *box = dialog->findChild<QDialogButtonBox *>();
            const int before = sessions->model()->rowCount();
            for (QAbstractButton *button : box->buttons()) {
                // Start waits for the project folder to be looked at off the GUI thread.
                if (box->buttonRole(button) == QDialogButtonBox::AcceptRole
                    && QTest::qWaitFor([button] { return button->isEnabled(); }, 5000))
                    button->click();
            }
            if (!QTest::qWaitFor([sessions, before] { return sessions->model()->rowCount() > before; }, 5000))
                return nullptr;
            return sessions->model()->session(sessions->model()->index(sessions->model()->rowCount() - 1, 0));
        };
        Session *ended = startSession(QStringLiteral("/bin/sh -c 'echo done; exit 3'"));
        QVERIFY(ended);
        QTRY_COMPARE_WITH_TIMEOUT(ended->state(), Session::State::Exited, 60000);
        Session *agent = startSession(QStringLiteral("/bin/sh -c ") + QLatin1Char('\'') + QString::fromUtf8(kAgent).replace(QStringLiteral("'"), QStringLiteral("'\\''")) + QLatin1Char('\''));
        QVERIFY(agent);
        QTRY_VERIFY_WITH_TIMEOUT(agent->state() == Session::State::Running || agent->state() == Session::State::Failed, 60000);
        QVERIFY2(agent->state() == Session::State::Running, qPrintable(agent->reason()));
        auto *tab = qobject_cast<SessionTerminalTab *>(sessions->tabs()->currentWidget());
        QVERIFY(tab);
        auto screenText = [tab] {
            QStringList lines;
            for (int row = -tab->terminal()->screen()->scrollbackSize(); row < tab->terminal()->screen()->rows(); ++row)
                lines.append(tab->terminal()->screen()->lineText(row));
            return lines.join(QLatin1Char('\n'));
        };
        QTRY_VERIFY2_WITH_TIMEOUT(screenText().contains(QStringLiteral("running tests")), qPrintable(screenText()), 10000);
        sessions->table()->setCurrentIndex(sessions->model()->indexOf(agent));
        QTRY_VERIFY_WITH_TIMEOUT(!sessions->model()->indexOf(agent).siblingAtColumn(SessionListModel::Cpu).data().toString().isEmpty(),
                                 8000);
        window.showPage(MainWindow::SessionsPage);
        const QImage sessionsShot = capture(&window, QStringLiteral("sessions"));
        QVERIFY(!sessionsShot.isNull());
        QVERIFY2(colourCount(sessionsShot) > 40, qPrintable(QString::number(colourCount(sessionsShot))));

        // Images: the default image the sessions used, one imported, the registry's list.
        ImagesView *images = window.imagesView();
        QSignalSpy jobs(images, &ImagesView::jobFinished);
        images->importFile(tarball, QStringLiteral("tinybox"));
        QVERIFY(jobs.wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(images->cachedModel()->rowCount(), 2, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(images->remoteModel()->rowCount(), 2, 5000);
        images->cachedTable()->setCurrentIndex(images->cachedModel()->index(0, 0));
        window.showPage(MainWindow::ImagesPage);
        QVERIFY(colourCount(capture(&window, QStringLiteral("images"))) > 20);

        // Settings: a mistake typed into the form, marked before anything is saved.
        SettingsFileEditor *global = window.settingsView()->globalEditor();
        const int imageRow = global->model()->rowOf(QStringLiteral("container_image"));
        auto *image = qobject_cast<QLineEdit *>(global->form()->indexWidget(global->model()->index(imageRow, SettingsKeyModel::Value)));
        QVERIFY(image);
        QTest::keyClicks(image, QStringLiteral("my image"));
        QVERIFY(!global->saveButton()->isEnabled());
        window.showPage(MainWindow::SettingsPage);
        QVERIFY(colourCount(capture(&window, QStringLiteral("settings"))) > 20);

        // Secrets: two names in the keychain (a real GNOME Keyring on this test's D-Bus).
        SecretListModel *secrets = window.secretsView()->model();
        window.showPage(MainWindow::SecretsPage);
        QTRY_VERIFY_WITH_TIMEOUT(secrets->state() == SecretListModel::State::Ready
                                     || secrets->state() == SecretListModel::State::Unavailable,
                                 20000);
        QVERIFY2(secrets->state() == SecretListModel::State::Ready, qPrintable(secrets->unavailableReason()));
        QSignalSpy stored(secrets, &SecretListModel::operationFinished);
        secrets->store(QStringLiteral("ANTHROPIC_API_KEY"), QStringLiteral("sk-ant-screenshot"));
        QVERIFY(stored.wait(20000));
        secrets->store(QStringLiteral("GITHUB_TOKEN"), QStringLiteral("ghp-screenshot"));
        QVERIFY(stored.wait(20000));
        QCOMPARE(secrets->rowCount(), 2);
        window.secretsView()->list()->setCurrentIndex(secrets->index(0, 0));
        QVERIFY(colourCount(capture(&window, QStringLiteral("secrets"))) > 20);

        // Cleanup: what a killed session would leave.
        const QString cacheDir = settings.pathValue(QStringLiteral("container_cache_dir"));
        QVERIFY(TempHome::writeFile(cacheDir + QStringLiteral("/overlays/session-7e57ab/upper/work.log"), QByteArray(3 << 20, 'x')));
        QVERIFY(TempHome::writeFile(cacheDir + QStringLiteral("/tmp/pull-alpine-1a2b/rootfs.part"), QByteArray(5 << 20, 'y')));
        QSignalSpy scanned(window.cleanupView(), &CleanupView::scanned);
        window.showPage(MainWindow::CleanupPage);
        QVERIFY(scanned.wait(10000));
        QVERIFY(window.cleanupView()->model()->rowCount() >= 1);
        QVERIFY(colourCount(capture(&window, QStringLiteral("cleanup"))) > 20);

        QSignalSpy checked(window.systemView(), &HostCheckView::checksDone);
        window.showPage(MainWindow::SystemPage);
        if (window.systemView()->tree()->topLevelItemCount() == 0)
            QVERIFY(checked.wait(20000));
        QVERIFY(colourCount(capture(&window, QStringLiteral("system"))) > 20);

        // The New Session dialog, pre-filled from the settings, with a read-only mount row.
        window.showPage(MainWindow::SessionsPage);
        NewSessionDialog *dialog = sessions->showNewSessionDialog();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        dialog->mounts()->addMount({home.path(QStringLiteral("datasets")), QStringLiteral("/data"), true});
        QVERIFY(QDir().mkpath(home.path(QStringLiteral("datasets"))));
        dialog->setCommand(QStringLiteral("scorpiox-code --provider anthropic"));
        QTRY_VERIFY2_WITH_TIMEOUT(dialog->problem().isEmpty(), qPrintable(dialog->problem()), 5000);
        QVERIFY(colourCount(capture(dialog, QStringLiteral("new-session"))) > 10);
        dialog->reject();

        agent->stop();
        QTRY_COMPARE_WITH_TIMEOUT(agent->state(), Session::State::Exited, 15000);
    }
};

QTEST_MAIN(TestMainWindowScreens)
#include "tst_mainwindowscreens.moc"
