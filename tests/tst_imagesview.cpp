// SPDX-License-Identifier: GPL-3.0-or-later
// The Images view on a real cache: importing a real tarball through the dialog, listing and
// pulling from a file:// registry, and deleting — refused while a live session uses the image.
#include "BusyboxRootfs.h"
#include "ImageServer.h"
#include "TempHome.h"
#include "config/Settings.h"
#include "images/CachedImageModel.h"
#include "images/ImageCache.h"
#include "images/ImageLock.h"
#include "images/ImagesView.h"
#include "images/ImportImageDialog.h"
#include "images/RemoteImageModel.h"
#include "sessions/SessionStore.h"
#include "widgets/MessageBar.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QUrl>

namespace {

QPushButton *acceptButton(QDialog *dialog)
{
    auto *box = dialog->findChild<QDialogButtonBox *>();
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QDialogButtonBox::AcceptRole)
            return qobject_cast<QPushButton *>(button);
    }
    return nullptr;
}

QPushButton *messageButton(MessageBar *bar, const QString &text)
{
    for (QPushButton *button : bar->findChildren<QPushButton *>()) {
        if (button->text() == text && !button->isHidden())
            return button;
    }
    return nullptr;
}

} // namespace

class TestImagesView : public QObject
{
    Q_OBJECT

    QTemporaryDir m_data;
    QString m_tarball;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        const QString rootfs = m_data.filePath(QStringLiteral("rootfs"));
        const QString failure = BusyboxRootfs::create(rootfs);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(QDir().mkpath(m_data.filePath(QStringLiteral("registry"))));
        m_tarball = m_data.filePath(QStringLiteral("registry/tinybox.tar.gz"));
        QProcess tar;
        tar.start(QStringLiteral("tar"), {QStringLiteral("-czf"), m_tarball, QStringLiteral("-C"), rootfs, QStringLiteral(".")});
        QVERIFY(tar.waitForFinished(60000));
        QCOMPARE(tar.exitCode(), 0);
    }

    void importDialogFlowWithARealTarball()
    {
        TempHome home;
        Settings settings(home.home(), home.project());
        QVERIFY(!hasErrors(settings.load()));
        ImagesView view(&settings);
        QAbstractItemModelTester tester(view.cachedModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reloaded(view.cachedModel(), &CachedImageModel::reloaded);
        QVERIFY(reloaded.wait(5000));
        QCOMPARE(view.cachedModel()->rowCount(), 0);

        ImportImageDialog *dialog = view.showImportDialog();
        QVERIFY(!acceptButton(dialog)->isEnabled());
        dialog->setFile(m_data.filePath(QStringLiteral("missing.tar.gz")));
        QVERIFY(!acceptButton(dialog)->isEnabled());
        // The file is looked at off the GUI thread; the answer arrives a moment later.
        QTRY_VERIFY_WITH_TIMEOUT(dialog->problem().contains(QStringLiteral("is not a file")), 5000);
        dialog->setFile(m_tarball);
        QCOMPARE(dialog->name(), QStringLiteral("tinybox"));
        QTRY_VERIFY_WITH_TIMEOUT(acceptButton(dialog)->isEnabled(), 5000);
        dialog->setName(QStringLiteral("no/slashes"));
        QVERIFY(!acceptButton(dialog)->isEnabled());
        QVERIFY(dialog->problem().contains(QStringLiteral("not an image name")));
        dialog->setName(QStringLiteral("box-1"));
        QVERIFY(acceptButton(dialog)->isEnabled());

        QSignalSpy finished(&view, &ImagesView::jobFinished);
        acceptButton(dialog)->click();
        QVERIFY(view.isBusy());
        QVERIFY(!view.importAction()->isEnabled());
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(view.messageBar()->text()));
        QCOMPARE(view.messageBar()->kind(), MessageBar::Kind::Success);
        QVERIFY(!view.isBusy());
        QVERIFY(ImageCache(settings.pathValue(QStringLiteral("container_cache_dir"))).contains(QStringLiteral("box-1")));
        QTRY_COMPARE(view.cachedModel()->rowCount(), 1);
        const QModelIndex row = view.cachedModel()->index(0, 0);
        QCOMPARE(row.data().toString(), QStringLiteral("box-1"));
        QCOMPARE(row.siblingAtColumn(CachedImageModel::Source).data().toString(), m_tarball);
        QVERIFY(view.cachedModel()->totalBytes() > 100 * 1024);
        QVERIFY(view.totalLabel()->text().contains(QStringLiteral("1 image")));
    }

    void deleteIsRefusedWhileASessionUsesTheImage()
    {
        TempHome home;
        Settings settings(home.home(), home.project());
        QVERIFY(!hasErrors(settings.load()));
        ImagesView view(&settings);
        QSignalSpy finished(&view, &ImagesView::jobFinished);
        view.importFile(m_tarball, QStringLiteral("busy"));
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().at(0).toBool());
        const QString cacheDir = settings.pathValue(QStringLiteral("container_cache_dir"));

        // A live session (this process owns the record) uses the image.
        SessionStore store(cacheDir);
        SessionRecord proto;
        proto.backend = QStringLiteral("namespace");
        proto.image = QStringLiteral("busy");
        const Result<SessionRecord> record = store.create(proto);
        QVERIFY(record.ok());
        view.cachedModel()->reload();
        QTRY_COMPARE(view.cachedModel()->rowCount(), 1);
        QTRY_VERIFY(view.cachedModel()->isInUse(0));

        QSignalSpy deleted(&view, &ImagesView::deleteFinished);
        view.cachedTable()->setCurrentIndex(view.cachedModel()->index(0, 0));
        QVERIFY(view.deleteAction()->isEnabled());
        view.deleteAction()->trigger();
        QCOMPARE(view.messageBar()->kind(), MessageBar::Kind::Warning);
        QPushButton *confirm = messageButton(view.messageBar(), QStringLiteral("Delete"));
        QVERIFY(confirm);
        confirm->click();
        QVERIFY(deleted.wait(10000));
        QCOMPARE(deleted.takeFirst().at(0).toBool(), false);
        QCOMPARE(view.messageBar()->kind(), MessageBar::Kind::Error);
        QVERIFY2(view.messageBar()->text().contains(QStringLiteral("running session")), qPrintable(view.messageBar()->text()));
        QVERIFY(ImageCache(cacheDir).contains(QStringLiteral("busy")));

        // "Keep" leaves it; once the session is gone, Delete goes through.
        view.askToDelete(QStringLiteral("busy"));
        messageButton(view.messageBar(), QStringLiteral("Keep"))->click();
        QVERIFY(!deleted.wait(300));
        store.remove(record->id);
        view.askToDelete(QStringLiteral("busy"));
        messageButton(view.messageBar(), QStringLiteral("Delete"))->click();
        QVERIFY(deleted.wait(10000));
        QCOMPARE(deleted.takeFirst().at(0).toBool(), true);
        QVERIFY(!ImageCache(cacheDir).contains(QStringLiteral("busy")));
        QTRY_COMPARE(view.cachedModel()->rowCount(), 0);
    }

    void registryListsAndPulls()
    {
        QFile archive(m_tarball);
        QVERIFY(archive.open(QIODevice::ReadOnly));
        const QByteArray bytes = archive.readAll();
        const QByteArray index = QStringLiteral(R"({"images":[{"name":"tinybox","file":"tinybox.tar.gz","sha256":"%1","size":%2,"description":"busybox for tests"}]})")
                                     .arg(QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()))
                                     .arg(bytes.size())
                                     .toUtf8();
        QVERIFY(TempHome::writeFile(m_data.filePath(QStringLiteral("registry/index.json")), index));

        TempHome home;
        const QString registry = QUrl::fromLocalFile(m_data.filePath(QStringLiteral("registry"))).toString() + QLatin1Char('/');
        QVERIFY(TempHome::writeFile(home.home() + QStringLiteral("/scorpiox-env.txt"), "IMAGE_BASE_URL=" + registry.toUtf8() + '\n'));
        Settings settings(home.home(), home.project());
        QVERIFY(!hasErrors(settings.load()));
        ImagesView view(&settings);
        QAbstractItemModelTester tester(view.remoteModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(view.remoteModel()->rowCount(), 1, 5000);
        QCOMPARE(view.remoteModel()->index(0, RemoteImageModel::Description).data().toString(), QStringLiteral("busybox for tests"));

        view.remoteTable()->setCurrentIndex(view.remoteModel()->index(0, 0));
        QVERIFY(view.pullAction()->isEnabled());
        QSignalSpy finished(&view, &ImagesView::jobFinished);
        view.pullAction()->trigger();
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(view.messageBar()->text()));
        QTRY_COMPARE(view.cachedModel()->rowCount(), 1);
        QCOMPARE(view.cachedModel()->name(0), QStringLiteral("tinybox"));
    }

    void stalledRegistryShowsTheErrorAfterImageTimeout()
    {
        ImageServer server;
        server.setSilent("/index.json");
        TempHome home;
        QVERIFY(TempHome::writeFile(home.home() + QStringLiteral("/scorpiox-env.txt"),
                                    "IMAGE_TIMEOUT=1\nIMAGE_BASE_URL=" + server.baseUrl().toEncoded() + '\n'));
        Settings settings(home.home(), home.project());
        QVERIFY(!hasErrors(settings.load()));
        QElapsedTimer clock;
        clock.start();
        ImagesView view(&settings);
        QSignalSpy failed(view.remoteModel(), &RemoteImageModel::failed);
        QVERIFY(failed.wait(10000));
        QVERIFY2(clock.elapsed() >= 900 && clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(server.requestCount("/index.json"), 1);
        const QString expected = QStringLiteral("The registry cannot be listed: cannot reach the image registry %1: %1index.json "
                                                "sent nothing for 1 s; check the server, or raise IMAGE_TIMEOUT (now 1)")
                                     .arg(server.baseUrl().toString());
        QCOMPARE(view.remoteStatus()->text(), expected);
        QCOMPARE(view.remoteModel()->rowCount(), 0);
    }

    void pullCancelledMidDownloadLeavesNothing()
    {
        // A registry on a slow link: the real tarball takes tens of seconds, so Cancel lands
        // mid-download (it is extracted as it arrives, so it must be a real one).
        const QByteArray body = TempHome::readFile(m_tarball);
        QVERIFY(body.size() > 256 * 1024);
        ImageServer server;
        server.setFile("/index.json", QStringLiteral(R"({"images":[{"name":"slowbox","file":"slowbox.tar.gz","size":%1}]})")
                                          .arg(body.size())
                                          .toUtf8());
        ImageServer::Route slow;
        slow.body = body;
        slow.bytesPerSecond = 24 * 1024;
        server.setRoute("/slowbox.tar.gz", slow);

        TempHome home;
        QVERIFY(TempHome::writeFile(home.home() + QStringLiteral("/scorpiox-env.txt"),
                                    "IMAGE_BASE_URL=" + server.baseUrl().toString().toUtf8() + '\n'));
        Settings settings(home.home(), home.project());
        QVERIFY(!hasErrors(settings.load()));
        const QString cacheDir = settings.pathValue(QStringLiteral("container_cache_dir"));
        ImagesView view(&settings);
        view.show();
        QTRY_COMPARE_WITH_TIMEOUT(view.remoteModel()->rowCount(), 1, 5000);
        view.remoteTable()->setCurrentIndex(view.remoteModel()->index(0, 0));
        QSignalSpy finished(&view, &ImagesView::jobFinished);
        view.pullAction()->trigger();
        QVERIFY(view.isBusy());
        QVERIFY(view.cancelButton()->isVisible());

        // Mid-download: bytes of the image have reached the staging area.
        auto stagedBytes = [&cacheDir] {
            qint64 bytes = 0;
            for (QDirIterator it(cacheDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();) {
                it.next();
                bytes += it.fileInfo().size();
            }
            return bytes;
        };
        QTRY_VERIFY_WITH_TIMEOUT(stagedBytes() > 48 * 1024, 15000);
        QVERIFY(server.requestCount("/slowbox.tar.gz") == 1);
        QCOMPARE(finished.size(), 0);

        view.cancelButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(view.messageBar()->kind(), MessageBar::Kind::Information);
        QCOMPARE(view.messageBar()->text(), QStringLiteral("Pulling slowbox cancelled."));
        QVERIFY(!view.isBusy());
        QVERIFY(!view.cancelButton()->isVisible());
        QVERIFY(view.pullAction()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(view.cachedModel()->rowCount(), 0, 5000);
        // Nothing half-done is left where a later pull or a session could take it: images/ is
        // empty, tmp/ holds only the image's lock file (flock files stay by design), released.
        const QDir images(cacheDir + QStringLiteral("/images"));
        QVERIFY2(images.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 qPrintable(images.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot).join(QLatin1Char(' '))));
        const QDir tmp(cacheDir + QStringLiteral("/tmp"));
        QCOMPARE(tmp.entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList{QStringLiteral("slowbox.lock")});
        ImageLock lock(tmp.filePath(QStringLiteral("slowbox.lock")));
        const Result<bool> taken = lock.tryLock();
        QVERIFY(taken.ok() && *taken);
        // No late signal turns the cancel into an error afterwards.
        QTest::qWait(500);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(view.messageBar()->kind(), MessageBar::Kind::Information);
    }
};

QTEST_MAIN(TestImagesView)
#include "tst_imagesview.moc"
