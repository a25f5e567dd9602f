// SPDX-License-Identifier: GPL-3.0-or-later
// The Cleanup view on a real cache: a record whose owner died and an overlay without a record
// are listed with their sizes and removed by the one button; a live session running beside
// them in a real container is neither listed nor touched.
#include "TempHome.h"
#include "cleanup/CleanupView.h"
#include "cleanup/OrphanListModel.h"
#include "config/Settings.h"
#include "sessions/SessionManager.h"
#include "sessions/SessionStore.h"
#include "widgets/MessageBar.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

class TestCleanupView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void removesOrphansAndLeavesALiveSessionAlone()
    {
        TempHome home;
        Settings settings(home.home(), home.project());
        QVERIFY(!hasErrors(settings.load()));
        const QString cacheDir = settings.pathValue(QStringLiteral("container_cache_dir"));
        SessionStore store(cacheDir);

        // A live session in a real container.
        SessionManager manager;
        SessionRequest request;
        request.projectDir = home.project();
        request.command = {QStringLiteral("/bin/sh"), QStringLiteral("-c"), QStringLiteral("sleep 60")};
        SessionConfig config = SessionConfig::fromSettings(settings);
        config.image = QStringLiteral("default");
        const Result<Session *> started = manager.start(request, config);
        QVERIFY(started.ok());
        Session *live = *started;
        QTRY_VERIFY_WITH_TIMEOUT(live->state() == Session::State::Running || live->state() == Session::State::Failed, 60000);
        QVERIFY2(live->state() == Session::State::Running, qPrintable(live->reason()));
        const QString liveOverlay = store.overlayDir(live->id());
        QVERIFY(QFileInfo(liveOverlay).isDir());

        // A record whose owner process is gone: the PID of a process that has exited.
        QProcess gone;
        gone.start(QStringLiteral("true"));
        QVERIFY(gone.waitForFinished());
        SessionRecord proto;
        proto.backend = QStringLiteral("namespace");
        proto.image = QStringLiteral("default");
        Result<SessionRecord> dead = store.create(proto);
        QVERIFY(dead.ok());
        dead->owner = ProcessIdentity{gone.processId(), 1};
        QVERIFY(store.update(*dead).ok());
        // An overlay nobody's record names, with something in it.
        const QString strayOverlay = cacheDir + QStringLiteral("/overlays/session-0badc0");
        QVERIFY(TempHome::writeFile(strayOverlay + QStringLiteral("/upper/big.bin"), QByteArray(256 * 1024, 'x')));

        CleanupView view(&settings);
        QAbstractItemModelTester tester(view.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy scanned(&view, &CleanupView::scanned);
        view.show(); // showing the view looks
        QVERIFY(scanned.wait(10000));
        QStringList found;
        for (const Orphan &orphan : view.model()->orphans()) {
            found.append(orphan.path);
            QVERIFY2(orphan.id != live->id(), qPrintable(orphan.path));
        }
        QVERIFY2(found.contains(store.recordPath(dead->id)), qPrintable(found.join(QLatin1Char(' '))));
        QVERIFY2(found.contains(strayOverlay), qPrintable(found.join(QLatin1Char(' '))));
        QVERIFY(view.model()->totalBytes() >= 256 * 1024);
        QVERIFY(view.summary()->text().contains(QString::number(found.size())));
        QVERIFY(view.removeButton()->isEnabled());

        QSignalSpy removed(&view, &CleanupView::removed);
        view.removeButton()->click();
        QVERIFY(removed.wait(20000));
        QCOMPARE(view.messageBar()->kind(), MessageBar::Kind::Success);
        QVERIFY2(view.messageBar()->text().contains(QStringLiteral("freed")), qPrintable(view.messageBar()->text()));
        QVERIFY(!QFileInfo::exists(store.recordPath(dead->id)));
        QVERIFY(!QFileInfo::exists(strayOverlay));

        QVERIFY(QFileInfo::exists(store.recordPath(live->id())));
        QVERIFY(QFileInfo(liveOverlay).isDir());
        QCOMPARE(live->state(), Session::State::Running);
        QVERIFY(scanned.wait(10000));
        QCOMPARE(view.model()->rowCount(), 0);
        QCOMPARE(view.summary()->text(), QStringLiteral("Nothing to clean up."));
        QVERIFY(!view.removeButton()->isEnabled());

        live->stop();
        QTRY_COMPARE_WITH_TIMEOUT(live->state(), Session::State::Exited, 15000);
    }
};

QTEST_MAIN(TestCleanupView)
#include "tst_cleanupview.moc"
