// SPDX-License-Identifier: GPL-3.0-or-later
// The image cache's ArchiveOnly layout (Windows's: an image is its tarball plus its metadata, WSL
// imports the tarball) exercised on Linux end to end: import, listing, removal, clean, refusal of
// bad archives with extraction's own messages, and a WSL session (through the simulator) that runs
// from such an image. A registry pull into this layout is in tst_imagepull.
#include "BusyboxRootfs.h"
#include "TempHome.h"
#include "TestArchive.h"
#include "images/ImageImporter.h"
#include "images/ImageCache.h"
#include "launch/WslLauncher.h"
#include "sessions/SessionRecord.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using C = TestArchive::Compression;
using Layout = ImageCache::Layout;

namespace {

QString qs(const char *text)
{
    return QString::fromUtf8(text);
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

// Everything below @p dir, lock files left out (they stay by design).
QStringList treeOf(const QString &dir)
{
    QStringList paths;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next().mid(dir.size());
        if (!path.endsWith(QLatin1String(".lock")))
            paths.append(path);
    }
    paths.sort();
    return paths;
}

// An archive with every kind of entry a rootfs has, a device and a hard link included.
TestArchive rootfsArchive(const QByteArray &marker)
{
    return TestArchive()
        .dir("./")
        .dir("etc")
        .file("etc/marker", marker)
        .file("usr/bin/tool", "#!/bin/sh\n", 04755)
        .symlink("bin", "usr/bin")
        .hardLink("etc/marker.link", "etc/marker")
        .add({"dev/null", TestArchive::Type::CharDevice})
        .add({"run/initctl", TestArchive::Type::Fifo});
}

} // namespace

class TestArchiveOnlyCache : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    int m_counter = 0;

    QString fresh(const QString &what) { return m_tmp.filePath(what + QString::number(++m_counter)); }
    ImageCache freshCache(Layout layout = Layout::ArchiveOnly) { return ImageCache(fresh(qs("cache")), layout); }

    // The image's two files and nothing else: no rootfs, nothing staged.
    static void verifyOnlyArchiveAndMetadata(const ImageCache &cache, const QString &name, const QString &archive)
    {
        QCOMPARE(treeOf(cache.imagesDir()), QStringList{QLatin1Char('/') + name + qs(".json")});
        QCOMPARE(treeOf(cache.archivesDir()), QStringList{QLatin1Char('/') + archive});
        QCOMPARE(treeOf(cache.tmpDir()), QStringList());
        QVERIFY(!QFileInfo::exists(cache.rootfsPath(name)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
    }

    void importKeepsOnlyTheArchiveAndItsMetadata()
    {
        const QString file = fresh(qs("image")) + qs(".tar.gz");
        QVERIFY(rootfsArchive("archive-only").write(file, C::Gzip));
        const ImageCache cache = freshCache();
        QCOMPARE(cache.layout(), Layout::ArchiveOnly);
        const Result<ImageMetadata> imported = ImageImporter(cache).importFile(file, qs("img"), file);
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message));
        verifyOnlyArchiveAndMetadata(cache, qs("img"), qs("img.tar.gz"));
        QCOMPARE(readAll(cache.archivesDir() + qs("/img.tar.gz")), readAll(file));

        QVERIFY(cache.contains(qs("img")));
        QCOMPARE(cache.names(), QStringList{qs("img")});
        QCOMPARE(cache.list().size(), 1);
        const Result<ImageMetadata> stored = cache.metadata(qs("img"));
        QVERIFY(stored);
        QCOMPARE(stored->archive, qs("img.tar.gz"));
        QCOMPARE(cache.imagePath(qs("img")), cache.archivesDir() + qs("/img.tar.gz"));
        QCOMPARE(stored->source, file);
        QCOMPARE(stored->sha256.toLatin1(), sha256(readAll(file)));
        QVERIFY(cache.damagedMetadata().isEmpty());

        // The check counts exactly what an extraction of the same archive writes.
        const ImageCache tree = freshCache(Layout::Rootfs);
        const Result<ImageMetadata> extracted = ImageImporter(tree).importFile(file, qs("img"), file);
        QVERIFY2(extracted, extracted ? "" : qPrintable(extracted.error().message));
        QVERIFY(QFileInfo(tree.rootfsPath(qs("img")) + qs("/etc/marker")).isFile());
        QCOMPARE(tree.imagePath(qs("img")), tree.rootfsPath(qs("img")));
        QCOMPARE(stored->entries, extracted->entries);
        QCOMPARE(stored->diskSize, extracted->diskSize);
        QCOMPARE(stored->devicesSkipped, 1);
        QCOMPARE(stored->devicesSkipped, extracted->devicesSkipped);
        QCOMPARE(stored->sha256, extracted->sha256);

        // The same directory read with the Rootfs layout holds no image: there is no tree.
        QVERIFY(!ImageCache(cache.root(), Layout::Rootfs).contains(qs("img")));
    }

    void metadataWithoutItsArchiveIsNoImage()
    {
        const QString file = fresh(qs("image")) + qs(".tar");
        QVERIFY(rootfsArchive("m").write(file, C::None));
        const ImageCache cache = freshCache();
        QVERIFY(ImageImporter(cache).importFile(file, qs("img"), file));
        QVERIFY(QFile::remove(cache.archivesDir() + qs("/img.tar")));
        QVERIFY(!cache.contains(qs("img")));
        QVERIFY(cache.names().isEmpty());
        // A damaged metadata file is reported, naming it, and is no image either.
        QVERIFY(writeAll(cache.metadataPath(qs("broken")), "{not json"));
        QVERIFY(!cache.contains(qs("broken")));
        const QList<Error> damaged = cache.damagedMetadata();
        QCOMPARE(damaged.size(), 1);
        QVERIFY2(damaged.first().message.contains(cache.metadataPath(qs("broken"))), qPrintable(damaged.first().message));
    }

    void removeDeletesArchiveAndMetadata()
    {
        const QString file = fresh(qs("image")) + qs(".tar.xz");
        QVERIFY(rootfsArchive("r").write(file, C::Xz));
        const ImageCache cache = freshCache();
        QVERIFY(ImageImporter(cache).importFile(file, qs("img"), file));
        // A second import replaces the first in place.
        QVERIFY(ImageImporter(cache).importFile(file, qs("img"), qs("again")));
        QCOMPARE(cache.metadata(qs("img"))->source, qs("again"));
        verifyOnlyArchiveAndMetadata(cache, qs("img"), qs("img.tar.xz"));

        QVERIFY(cache.remove(qs("img")));
        QCOMPARE(treeOf(cache.imagesDir()), QStringList());
        QCOMPARE(treeOf(cache.archivesDir()), QStringList());
        QVERIFY(!cache.contains(qs("img")));
        QCOMPARE(cache.remove(qs("img")).error().kind, Error::Kind::NotFound);
        QVERIFY(QFileInfo::exists(file));
    }

    void cleanKeepsWhatIsInUseAndRemovesTheRest()
    {
        const QString file = fresh(qs("image")) + qs(".tar.gz");
        QVERIFY(rootfsArchive("c").write(file, C::Gzip));
        const ImageCache cache = freshCache();
        QVERIFY(ImageImporter(cache).importFile(file, qs("kept"), file));
        QVERIFY(ImageImporter(cache).importFile(file, qs("gone"), file));
        QVERIFY(writeAll(cache.archivesDir() + qs("/stray.tar"), "unreferenced"));
        // Held as a pull in another process would hold it.
        ImageLock busy = cache.lockFor(qs("kept"));
        QVERIFY(busy.tryLock().value());

        const Result<ImageCache::CleanReport> report = cache.clean();
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        QCOMPARE(report->removed, QStringList{qs("gone")});
        QCOMPARE(report->skipped.size(), 1);
        QCOMPARE(report->archivesRemoved, 1);
        QCOMPARE(treeOf(cache.imagesDir()), QStringList{qs("/kept.json")});
        QCOMPARE(treeOf(cache.archivesDir()), QStringList{qs("/kept.tar.gz")});
        QVERIFY(cache.contains(qs("kept")));

        busy.unlock();
        QVERIFY(cache.clean());
        QCOMPARE(treeOf(cache.imagesDir()), QStringList());
        QCOMPARE(treeOf(cache.archivesDir()), QStringList());
    }

    void refusesWhatExtractionRefuses_data()
    {
        QTest::addColumn<QByteArray>("archive");
        QTest::addColumn<int>("maxEntries");
        QTest::addColumn<QString>("expected");
        QTest::newRow("dot-dot") << TestArchive().file("ok", "x").file("../../escape", "x").build() << 0
                                 << qs("'..' components are refused");
        QTest::newRow("absolute") << TestArchive().file("/abs/path", "x").build() << 0 << qs("absolute paths are refused");
        QTest::newRow("hard link to /etc/passwd") << TestArchive().hardLink("passwd", "/etc/passwd").build() << 0
                                                  << qs("absolute paths are refused");
        QTest::newRow("hard link up") << TestArchive().hardLink("passwd", "../outside/sentinel").build() << 0
                                      << qs("'..' components are refused");
        QTest::newRow("root is a file") << TestArchive().file(".", "x").build() << 0
                                        << qs("names the target directory but is not a directory");
        QByteArray truncated = TestArchive().file("big", QByteArray(200000, 'b')).file("next", "n").build();
        truncated.truncate(truncated.size() / 2);
        QTest::newRow("truncated gzip") << truncated << 0 << qs("truncated gzip input");
        QTest::newRow("zip") << QByteArray("PK\x03\x04\x14\x00\x00\x00\x00\x00", 10) + QByteArray(600, 'z') << 0
                             << qs("Unrecognized archive format");
        QTest::newRow("empty") << QByteArray() << 0 << qs("not a usable image archive");
        QTest::newRow("entries") << TestArchive().file("a", "1").file("b", "2").file("c", "3").build() << 2
                                 << qs("more than 2 entries");
    }

    void refusesWhatExtractionRefuses()
    {
        QFETCH(QByteArray, archive);
        QFETCH(int, maxEntries);
        QFETCH(QString, expected);
        const QString file = fresh(qs("bad")) + qs(".tar.gz");
        QVERIFY(writeAll(file, archive));
        ExtractLimits limits;
        if (maxEntries > 0)
            limits.maxEntries = maxEntries;
        const ImageCache cache = freshCache();
        const Result<ImageMetadata> checked = ImageImporter(cache, limits).importFile(file, qs("bad"), file);
        QVERIFY(!checked);
        QVERIFY2(checked.error().message.contains(expected), qPrintable(checked.error().message));
        const Result<ImageMetadata> extracted = ImageImporter(freshCache(Layout::Rootfs), limits).importFile(file, qs("bad"), file);
        QVERIFY(!extracted);
        QCOMPARE(checked.error().message, extracted.error().message);
        QCOMPARE(checked.error().kind, extracted.error().kind);
        QCOMPARE(treeOf(cache.imagesDir()), QStringList());
        QCOMPARE(treeOf(cache.archivesDir()), QStringList());
        QCOMPARE(treeOf(cache.tmpDir()), QStringList());
        QVERIFY(!QFileInfo::exists(qs("/abs/path")));
    }

    void enforcesTheByteAndPathLimits()
    {
        const QString file = fresh(qs("limits")) + qs(".tar");
        QVERIFY(TestArchive().file("a", "1").file("c", QByteArray(5000, 'c')).write(file, C::None));
        ExtractLimits bytes;
        bytes.maxBytes = 4000;
        Result<ExtractReport> r = ArchiveExtractor(bytes).checkFile(file);
        QVERIFY(!r && r.error().message.contains(qs("limit of 4000 bytes")));
        ExtractLimits path;
        path.maxPathLength = 0;
        r = ArchiveExtractor(path).checkFile(file);
        QVERIFY(!r && r.error().message.contains(qs("more than the limit of 0")));
        QByteArray digest;
        r = ArchiveExtractor().checkFile(file, &digest);
        QVERIFY(r);
        QCOMPARE(r->bytes, 5001);
        QCOMPARE(digest, sha256(readAll(file)));
    }

    void wslSessionRunsFromAnArchiveOnlyImage()
    {
        TempHome home;
        const QString rootfs = home.path(qs("rootfs"));
        const QString failure = BusyboxRootfs::create(rootfs);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QVERIFY(TempHome::writeFile(rootfs + qs("/etc/marker"), "from the archive-only image\n"));
        const QString tarball = home.path(qs("busybox.tar"));
        QProcess tar;
        tar.start(qs("tar"), {qs("-C"), rootfs, qs("-cf"), tarball, qs(".")});
        QVERIFY(tar.waitForFinished(60000) && tar.exitCode() == 0);

        const QString cacheDir = home.home() + qs("/containers");
        const ImageCache cache(cacheDir, Layout::ArchiveOnly);
        const Result<ImageMetadata> imported = ImageImporter(cache).importFile(tarball, qs("busybox"), tarball);
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error().message));
        QVERIFY(!QFileInfo::exists(cache.rootfsPath(qs("busybox"))));

        // As Session::onImageReady takes it: the archive the metadata names.
        const QString sim = qs(SCORPIOX_SOURCE_DIR "/tests/fixtures/wsl-sim/wsl.exe");
        qputenv("SCORPIOX_UNSHARE", SCORPIOX_UNSHARE_BIN);
        qputenv("SCORPIOX_WSL_SIM_STATE", home.path(qs("wsl-state")).toUtf8());
        qunsetenv("SCORPIOX_WSL_SIM_FAULTS");
        LaunchSpec spec;
        spec.imageArchive = cache.archivesDir() + QLatin1Char('/') + cache.metadata(qs("busybox"))->archive;
        spec.command = {qs("cat"), qs("/etc/marker")};
        spec.workingDir = qs("/");
        spec.environment = {qs("PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin")};
        SessionRecord record;
        record.id = qs("a0c0de");
        record.backend = qs("wsl");
        record.network = qs("host");
        record.distro = record.name();
        WslLauncher launcher({sim, cacheDir, {}, 0, 2, 50});
        const Result<void> prepared = launcher.prepare(spec, record);
        QVERIFY2(prepared, prepared ? "" : qPrintable(prepared.error().message));
        const Result<LaunchCommand> command = launcher.command(spec, record);
        QVERIFY(command);
        QProcess session;
        QProcessEnvironment env;
        for (const QString &pair : command->environment)
            env.insert(pair.section(QLatin1Char('='), 0, 0), pair.section(QLatin1Char('='), 1));
        session.setProcessEnvironment(env);
        session.start(command->program, command->arguments);
        QVERIFY(session.waitForFinished(60000));
        const QByteArray out = session.readAllStandardOutput() + session.readAllStandardError();
        QVERIFY(launcher.release(record));
        QCOMPARE(session.exitCode(), 0);
        QCOMPARE(out, QByteArray("from the archive-only image\n"));
        QVERIFY(QDir(cacheDir + qs("/wsl")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestArchiveOnlyCache)
#include "tst_archiveonlycache.moc"
