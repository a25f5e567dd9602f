// SPDX-License-Identifier: GPL-3.0-or-later
// ArchiveExtractor and ImageImporter on real archives built here, honest and hostile.
#include "TestArchive.h"
#include "images/ArchiveExtractor.h"
#include "images/ImageImporter.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

using C = TestArchive::Compression;

namespace {

QStringList treeOf(const QString &dir)
{
    QStringList paths;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        paths.append(it.next().mid(dir.size()));
    paths.sort();
    return paths;
}

struct stat statOf(const QString &path)
{
    struct stat st {};
    lstat(QFile::encodeName(path).constData(), &st);
    return st;
}

} // namespace

class TestArchiveExtractor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepsWhatARootfsNeeds()
    {
        QTemporaryDir tmp;
        const QString archive = tmp.filePath(QStringLiteral("image.tar.gz"));
        TestArchive::Entry device{"dev/null", TestArchive::Type::CharDevice};
        TestArchive::Entry fifo{"run/initctl", TestArchive::Type::Fifo};
        fifo.mode = 0600;
        TestArchive::Entry tagged{"etc/tagged", TestArchive::Type::File, "x"};
        tagged.xattrName = "user.scorpiox";
        tagged.xattrValue = "kept";
        TestArchive::Entry steering{"etc/steering", TestArchive::Type::File, "x"};
        steering.xattrName = "user.overlay.whiteout";
        steering.xattrValue = "y";
        QVERIFY(TestArchive()
                    .dir("./")
                    .dir("./etc")
                    .file("./etc/os-release", "ID=test\n")
                    .file("usr/bin/tool", "#!/bin/sh\n", 04755)
                    .symlink("bin", "usr/bin")
                    .hardLink("etc/os-release.link", "etc/os-release")
                    .dir("ro", 0555)
                    .file("ro/inside", "data")
                    .dir("shared", 02775)
                    .add(device)
                    .add(fifo)
                    .add(tagged)
                    .add(steering)
                    .write(archive));
        const QString target = tmp.filePath(QStringLiteral("rootfs"));
        QVERIFY(QDir().mkdir(target));
        QByteArray digest;
        const Result<ExtractReport> report = ArchiveExtractor().extractFile(archive, target, &digest);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->devicesSkipped, 1);
        QCOMPARE(digest.size(), 64);

        QFile release(target + QStringLiteral("/etc/os-release"));
        QVERIFY(release.open(QIODevice::ReadOnly));
        QCOMPARE(release.readAll(), QByteArray("ID=test\n"));
        QCOMPARE(statOf(target + QStringLiteral("/etc/os-release")).st_mtime, 1700000000);
        QCOMPARE(statOf(target + QStringLiteral("/etc/os-release")).st_uid, getuid());
        // setuid is dropped (see RootfsWriter), the rest of the mode is kept
        QCOMPARE(statOf(target + QStringLiteral("/usr/bin/tool")).st_mode & 07777, 0755u);
        QCOMPARE(QFile::symLinkTarget(target + QStringLiteral("/bin")), target + QStringLiteral("/usr/bin"));
        QVERIFY(S_ISLNK(statOf(target + QStringLiteral("/bin")).st_mode));
        QCOMPARE(statOf(target + QStringLiteral("/etc/os-release.link")).st_ino,
                 statOf(target + QStringLiteral("/etc/os-release")).st_ino);
        // read-only directories are filled, then keep their mode plus the owner's rwx
        QVERIFY(QFile::exists(target + QStringLiteral("/ro/inside")));
        QCOMPARE(statOf(target + QStringLiteral("/ro")).st_mode & 07777, 0755u);
        QCOMPARE(statOf(target + QStringLiteral("/ro")).st_mtime, 1700000000);
        QCOMPARE(statOf(target + QStringLiteral("/shared")).st_mode & 07777, 02775u);
        QVERIFY(S_ISFIFO(statOf(target + QStringLiteral("/run/initctl")).st_mode));
        QVERIFY(!QFileInfo::exists(target + QStringLiteral("/dev/null")));
        char value[16] = {};
        const ssize_t n = getxattr(QFile::encodeName(target + QStringLiteral("/etc/tagged")).constData(),
                                   "user.scorpiox", value, sizeof value);
        // (libarchive may hand one attribute over twice, from both of its pax spellings)
        if (n < 0) {
            QVERIFY(report->xattrsSkipped >= 2); // the file system has no user xattrs
        } else {
            QCOMPARE(QByteArray(value, int(n)), QByteArray("kept"));
            QVERIFY(report->xattrsSkipped >= 1);
        }
        // overlayfs attributes would steer the container's overlay (userxattr): never extracted
        QVERIFY(QFile::exists(target + QStringLiteral("/etc/steering")));
        QCOMPARE(getxattr(QFile::encodeName(target + QStringLiteral("/etc/steering")).constData(), "user.overlay.whiteout",
                          value, sizeof value),
                 ssize_t(-1));
    }

    void detectsCompressionByContent_data()
    {
        QTest::addColumn<int>("compression");
        QTest::addColumn<QString>("fileName");
        QTest::newRow("tar") << int(C::None) << QStringLiteral("a.tar");
        QTest::newRow("gzip") << int(C::Gzip) << QStringLiteral("a.tgz");
        QTest::newRow("xz named .tar.gz") << int(C::Xz) << QStringLiteral("a.tar.gz");
        QTest::newRow("zstd named .tar") << int(C::Zstd) << QStringLiteral("a.tar");
    }

    void detectsCompressionByContent()
    {
        QFETCH(int, compression);
        QFETCH(QString, fileName);
        QTemporaryDir tmp;
        QVERIFY(TestArchive().file("hello", QByteArray(100000, 'h')).write(tmp.filePath(fileName), C(compression)));
        QVERIFY(QDir().mkdir(tmp.filePath(QStringLiteral("out"))));
        const Result<ExtractReport> report
            = ArchiveExtractor().extractFile(tmp.filePath(fileName), tmp.filePath(QStringLiteral("out")));
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(QFileInfo(tmp.filePath(QStringLiteral("out/hello"))).size(), 100000);
    }

    void refusesHostileArchives_data()
    {
        QTest::addColumn<QByteArray>("archive");
        QTest::addColumn<QString>("expected");
        QTest::newRow("dot-dot") << TestArchive().file("ok", "x").file("../../escape", "x").build()
                                 << QStringLiteral("'..' components are refused");
        QTest::newRow("absolute") << TestArchive().file("/abs/path", "x").build()
                                  << QStringLiteral("absolute paths are refused");
        QTest::newRow("symlinked parent") << TestArchive().symlink("evil", "/").file("evil/etc/x", "x").build()
                                          << QStringLiteral("is a symlink or not a directory");
        QTest::newRow("symlink to outside dir")
            << TestArchive().symlink("evil", "../outside").file("evil/x", "x").build()
            << QStringLiteral("refusing to follow it");
        QTest::newRow("hard link to /etc/passwd") << TestArchive().hardLink("passwd", "/etc/passwd").build()
                                                  << QStringLiteral("absolute paths are refused");
        QTest::newRow("hard link up") << TestArchive().hardLink("passwd", "../outside/sentinel").build()
                                      << QStringLiteral("'..' components are refused");
        QTest::newRow("hard link through symlink")
            << TestArchive().symlink("up", "..").hardLink("passwd", "up/outside/sentinel").build()
            << QStringLiteral("refusing to follow it");
        QByteArray truncated = TestArchive().file("big", QByteArray(200000, 'b')).file("next", "n").build();
        truncated.truncate(truncated.size() / 2);
        QTest::newRow("truncated gzip") << truncated << QStringLiteral("truncated gzip input");
        // a zip local file header: a zip renamed .tar.gz
        QTest::newRow("zip") << QByteArray("PK\x03\x04\x14\x00\x00\x00\x00\x00", 10) + QByteArray(600, 'z')
                             << QStringLiteral("Unrecognized archive format");
        QTest::newRow("empty") << QByteArray() << QStringLiteral("not a usable image archive");
    }

    void refusesHostileArchives()
    {
        QFETCH(QByteArray, archive);
        QFETCH(QString, expected);
        QTemporaryDir tmp;
        // the layout an attacker aims at: a sibling of the target and the cache itself
        QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("outside"))));
        QFile sentinel(tmp.filePath(QStringLiteral("outside/sentinel")));
        QVERIFY(sentinel.open(QIODevice::WriteOnly) && sentinel.write("untouched") > 0);
        sentinel.close();
        const QString file = tmp.filePath(QStringLiteral("image.tar.gz"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(archive);
        out.close();

        const ImageCache cache(tmp.filePath(QStringLiteral("cache")));
        QVERIFY(cache.ensureLayout());
        const QStringList before = treeOf(tmp.path());
        const QStringList outsideBefore = treeOf(QStringLiteral("/etc"));

        const Result<ImageMetadata> imported = ImageImporter(cache).importFile(file, QStringLiteral("evil"), file);
        QVERIFY(!imported);
        QVERIFY2(imported.error().message.contains(expected), qPrintable(imported.error().message));
        QVERIFY(!imported.error().message.contains(QLatin1Char('\n')));

        QCOMPARE(treeOf(tmp.path()), before);
        QCOMPARE(treeOf(QStringLiteral("/etc")), outsideBefore);
        QVERIFY(!QFileInfo::exists(QStringLiteral("/abs/path")));
        QVERIFY(sentinel.open(QIODevice::ReadOnly));
        QCOMPARE(sentinel.readAll(), QByteArray("untouched"));
        QVERIFY(!cache.contains(QStringLiteral("evil")));
        QVERIFY(cache.list().isEmpty());
    }

    void enforcesLimits()
    {
        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("a.tar"));
        QVERIFY(TestArchive().file("a", "1").file("b", "2").file("c", QByteArray(5000, 'c')).file("d", "4").write(file, C::None));
        int run = 0;
        auto extract = [&](ExtractLimits limits) {
            const QString out = tmp.filePath(QStringLiteral("out") + QString::number(++run));
            QDir().mkdir(out);
            return ArchiveExtractor(limits).extractFile(file, out);
        };
        ExtractLimits entries;
        entries.maxEntries = 3;
        Result<ExtractReport> r = extract(entries);
        QVERIFY(!r && r.error().message.contains(QStringLiteral("more than 3 entries")));
        ExtractLimits bytes;
        bytes.maxBytes = 4000;
        r = extract(bytes);
        QVERIFY(!r && r.error().message.contains(QStringLiteral("limit of 4000 bytes")));
        ExtractLimits path;
        path.maxPathLength = 0;
        r = extract(path);
        QVERIFY(!r && r.error().message.contains(QStringLiteral("more than the limit of 0")));
        QVERIFY(extract({}));
    }

    void normalisesPaths()
    {
        QCOMPARE(ArchiveEntry::normalisePath("./a//b/./c/", 100).value(), QByteArray("a/b/c"));
        QCOMPARE(ArchiveEntry::normalisePath("./", 100).value(), QByteArray());
        QVERIFY(!ArchiveEntry::normalisePath("a/../../b", 100));
        QVERIFY(!ArchiveEntry::normalisePath("a/..", 100));
        QVERIFY(!ArchiveEntry::normalisePath("//etc", 100));
        QVERIFY(ArchiveEntry::normalisePath("a..b/..c", 100));
        QVERIFY(!ArchiveEntry::normalisePath(QByteArray(101, 'a'), 100));
    }

    void importReplacesAtomicallyAndRemoves()
    {
        QTemporaryDir tmp;
        const ImageCache cache(tmp.filePath(QStringLiteral("cache")));
        const QString v1 = tmp.filePath(QStringLiteral("v1.tar.xz"));
        const QString v2 = tmp.filePath(QStringLiteral("v2.tar.xz"));
        QVERIFY(TestArchive().file("version", "1").dir("ro", 0500).file("ro/f", "x").write(v1, C::Xz));
        QVERIFY(TestArchive().file("version", "2").write(v2, C::Xz));
        ImageImporter importer(cache);
        QVERIFY(importer.importFile(v1, QStringLiteral("img"), v1));
        const Result<ImageMetadata> second = importer.importFile(v2, QStringLiteral("img"), v2);
        QVERIFY(second);
        QFile version(cache.rootfsPath(QStringLiteral("img")) + QStringLiteral("/version"));
        QVERIFY(version.open(QIODevice::ReadOnly));
        QCOMPARE(version.readAll(), QByteArray("2"));
        QCOMPARE(cache.metadata(QStringLiteral("img"))->source, v2);
        QVERIFY(QFileInfo::exists(cache.archivesDir() + QStringLiteral("/img.tar.xz")));
        QVERIFY(!QFileInfo::exists(cache.rootfsPath(QStringLiteral("img")) + QStringLiteral("/img.json")));
        QVERIFY(cache.remove(QStringLiteral("img")));
        QVERIFY(!cache.contains(QStringLiteral("img")));
        QVERIFY(!QFileInfo::exists(cache.metadataPath(QStringLiteral("img"))));
        QVERIFY(!QFileInfo::exists(cache.archivesDir() + QStringLiteral("/img.tar.xz")));
        QCOMPARE(cache.remove(QStringLiteral("img")).error().kind, Error::Kind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestArchiveExtractor)
#include "tst_archiveextractor.moc"
