// SPDX-License-Identifier: GPL-3.0-or-later
// ImagePuller against a real HTTP server on 127.0.0.1 (ImageServer) and file:// registries.
#include "ImageServer.h"
#include "TestArchive.h"
#include "images/ImagePuller.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QByteArray rootfsArchive(const QByteArray &marker, int fillerBytes = 0)
{
    TestArchive archive;
    archive.dir("etc").file("etc/marker", marker).symlink("bin", "usr/bin").dir("usr/bin");
    if (fillerBytes > 0) {
        // incompressible, so the download really takes many chunks
        QByteArray filler;
        filler.reserve(fillerBytes);
        quint32 x = 12345;
        for (int i = 0; i < fillerBytes; ++i) {
            x = x * 1103515245u + 12345u;
            filler.append(char(x >> 24));
        }
        archive.file("filler", filler);
    }
    return archive.build(TestArchive::Compression::Gzip);
}

QByteArray indexJson(const QByteArray &name, const QByteArray &file, const QByteArray &digest)
{
    return R"({"images":[{"name":")" + name + R"(","file":")" + file + R"(","sha256":")" + digest
           + R"(","size":1,"description":"test image"}]})";
}

enum class IgnoreRange { No, Yes };

/// Serves @p archive as img.tar.gz, listed in the index, with the connection closed after
/// @p dropAfter bytes once (and the range of the retry honoured or not).
void serveInterrupted(ImageServer &server, const QByteArray &archive, qint64 dropAfter, IgnoreRange ignore = IgnoreRange::No)
{
    ImageServer::Route route;
    route.body = archive;
    route.dropAfter = dropAfter;
    route.ignoreRange = ignore == IgnoreRange::Yes;
    server.setRoute("/img.tar.gz", route);
    server.setFile("/index.json", indexJson("img", "img.tar.gz", sha256(archive)));
}

QStringList treeOf(const QString &dir)
{
    QStringList paths;
    QDirIterator it(dir, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        paths.append(it.next().mid(dir.size()));
    paths.sort();
    return paths;
}

struct Outcome
{
    bool ok = false;
    ImageMetadata image;
    QString error;
};

Outcome run(ImagePuller &puller)
{
    QSignalSpy ok(&puller, &ImagePuller::succeeded);
    QSignalSpy failed(&puller, &ImagePuller::failed);
    if (!QTest::qWaitFor([&] { return !ok.isEmpty() || !failed.isEmpty(); }, 20000))
        return {false, {}, QStringLiteral("timed out")};
    Outcome outcome;
    outcome.ok = !ok.isEmpty();
    if (outcome.ok)
        outcome.image = ok.first().first().value<ImageMetadata>();
    else
        outcome.error = failed.first().first().value<Error>().message;
    return outcome;
}

} // namespace

Q_DECLARE_METATYPE(ImageMetadata)
Q_DECLARE_METATYPE(Error)

class TestImagePull : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

    ImageCache freshCache()
    {
        static int n = 0;
        return ImageCache(m_tmp.filePath(QStringLiteral("cache%1").arg(++n)));
    }

    Outcome pull(const ImageCache &cache, const QUrl &registry, const QString &name, bool ensure = false)
    {
        ImagePuller puller(cache, registry);
        if (ensure)
            puller.ensure(name);
        else
            puller.pull(name);
        return run(puller);
    }

    static QByteArray marker(const ImageCache &cache, const QString &name)
    {
        QFile f(cache.rootfsPath(name) + QStringLiteral("/etc/marker"));
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // The ArchiveOnly layout's image `img`: its metadata and its archive, no rootfs, nothing staged.
    static void verifyOnlyArchiveAndMetadata(const ImageCache &cache)
    {
        QCOMPARE(QDir(cache.imagesDir()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList{QStringLiteral("img.json")});
        QCOMPARE(QDir(cache.archivesDir()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("img.tar.gz")});
        verifyNothingStaged(cache);
    }

    static void verifyNothingStaged(const ImageCache &cache)
    {
        const QStringList staged = QDir(cache.tmpDir()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
        for (const QString &entry : staged)
            QVERIFY2(entry.endsWith(QLatin1String(".lock")), qPrintable(entry));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ImageMetadata>();
        qRegisterMetaType<Error>();
    }

    void pullsFromIndexJson()
    {
        ImageServer server;
        const QByteArray archive = rootfsArchive("alpine", 3 << 20);
        server.setFile("/alpine.tar.gz", archive);
        server.setFile("/index.json", indexJson("alpine", "alpine.tar.gz", sha256(archive)));
        const ImageCache cache = freshCache();
        ImagePuller puller(cache, server.baseUrl());
        QSignalSpy progress(&puller, &ImagePuller::progress);
        puller.pull(QStringLiteral("alpine"));
        const Outcome outcome = run(puller);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(marker(cache, QStringLiteral("alpine")), QByteArray("alpine"));
        QCOMPARE(outcome.image.sha256.toLatin1(), sha256(archive));
        QCOMPARE(cache.metadata(QStringLiteral("alpine"))->source, server.baseUrl().toString() + QStringLiteral("alpine.tar.gz"));
        QFile kept(cache.archivesDir() + QStringLiteral("/alpine.tar.gz"));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), archive);
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toLongLong(), archive.size());
        verifyNothingStaged(cache);

        // cached: ensure() touches no network at all, pull() only asks the index
        server.remove("/index.json");
        const int before = server.requestCount("/index.json");
        QVERIFY(pull(cache, server.baseUrl(), QStringLiteral("alpine"), true).ok);
        QCOMPARE(server.requestCount("/index.json"), before);
        QCOMPARE(server.requestCount("/alpine.tar.gz"), 1);
    }

    void pullsFromAutoindexWithSha256File()
    {
        ImageServer server;
        server.setAutoindex(true);
        const QByteArray archive = rootfsArchive("debian");
        server.setFile("/debian.tar.gz", archive);
        server.setFile("/debian.tar.gz.sha256", sha256(archive) + "  debian.tar.gz\n");
        server.setFile("/other.tar.xz", "x");
        const ImageCache cache = freshCache();
        const Outcome outcome = pull(cache, server.baseUrl(), QStringLiteral("debian"));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(marker(cache, QStringLiteral("debian")), QByteArray("debian"));
        QCOMPARE(server.requestCount("/debian.tar.gz.sha256"), 1);

        // a wrong .sha256 keeps it out of the cache
        server.setFile("/debian.tar.gz.sha256", QByteArray(64, 'a'));
        const ImageCache other = freshCache();
        const Outcome bad = pull(other, server.baseUrl(), QStringLiteral("debian"));
        QVERIFY(!bad.ok);
        QVERIFY2(bad.error.contains(QString::fromLatin1(sha256(archive))) && bad.error.contains(QString(64, QLatin1Char('a'))),
                 qPrintable(bad.error));
        QVERIFY(!other.contains(QStringLiteral("debian")));
        verifyNothingStaged(other);
        QVERIFY(QDir(other.archivesDir()).isEmpty());

        const Outcome missing = pull(other, server.baseUrl(), QStringLiteral("nothere"));
        QVERIFY2(missing.error.contains(QStringLiteral("has no image 'nothere' (it offers: debian, other)")), qPrintable(missing.error));
    }

    void resumesADroppedConnection()
    {
        ImageServer server;
        const QByteArray archive = rootfsArchive("resumed", 4 << 20);
        serveInterrupted(server, archive, archive.size() / 2);
        const ImageCache cache = freshCache();
        const Outcome outcome = pull(cache, server.baseUrl(), QStringLiteral("img"));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(marker(cache, QStringLiteral("img")), QByteArray("resumed"));
        const QList<QByteArray> ranges = server.rangeRequests("/img.tar.gz");
        QCOMPARE(ranges.size(), 2);
        QCOMPARE(ranges.at(0), QByteArray());
        QVERIFY2(ranges.at(1).startsWith("bytes=") && ranges.at(1).contains("if-range \""), ranges.at(1).constData());
        QVERIFY(ranges.at(1).mid(6).split('-').first().toLongLong() > 0);
        QCOMPARE(outcome.image.sha256.toLatin1(), sha256(archive));
    }

    void startsOverWhenTheServerIgnoresRanges()
    {
        ImageServer server;
        const QByteArray archive = rootfsArchive("restarted", 2 << 20);
        serveInterrupted(server, archive, archive.size() / 3, IgnoreRange::Yes);
        const ImageCache cache = freshCache();
        const Outcome outcome = pull(cache, server.baseUrl(), QStringLiteral("img"));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        // Qt itself may resend a request whose connection closed early, so count only ours: the
        // last request asked for a range, got the whole file, and the digest still matched.
        QVERIFY2(server.rangeRequests("/img.tar.gz").last().startsWith("bytes="),
                 server.rangeRequests("/img.tar.gz").join(" | ").constData());
        QCOMPARE(outcome.image.sha256.toLatin1(), sha256(archive));
        QCOMPARE(marker(cache, QStringLiteral("img")), QByteArray("restarted"));
        // The kept archive (what WSL imports) is the file, not the first attempt's bytes plus a restart.
        QFile kept(cache.archivesDir() + QStringLiteral("/img.tar.gz"));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), archive);
        QCOMPARE(treeOf(cache.rootfsPath(QStringLiteral("img"))),
                 (QStringList{QStringLiteral("/bin"), QStringLiteral("/etc"), QStringLiteral("/etc/marker"),
                              QStringLiteral("/filler"), QStringLiteral("/usr"), QStringLiteral("/usr/bin")}));
    }

    // Windows's layout: the stream goes through the archive check instead of an extraction.
    void archiveOnlyPullChecksTheStreamAndResumes()
    {
        ImageServer server;
        const QByteArray archive = rootfsArchive("pulled", 3 << 20);
        serveInterrupted(server, archive, archive.size() / 2);
        const ImageCache cache(m_tmp.filePath(QStringLiteral("archive-only")), ImageCache::Layout::ArchiveOnly);
        ImagePuller puller(cache, server.baseUrl());
        puller.pull(QStringLiteral("img"));
        const Outcome outcome = run(puller);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(server.rangeRequests("/img.tar.gz").size(), 2);
        QVERIFY(server.rangeRequests("/img.tar.gz").at(1).startsWith("bytes="));
        verifyOnlyArchiveAndMetadata(cache);
        QFile kept(cache.archivesDir() + QStringLiteral("/img.tar.gz"));
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), archive);
        QCOMPARE(outcome.image.sha256.toLatin1(), sha256(archive));
        // Counted by the check on the stream: every byte of every file read (marker and filler).
        QCOMPARE(outcome.image.diskSize, qint64(3 << 20) + 6);
        QCOMPARE(outcome.image.entries, 5);
        QVERIFY(cache.contains(QStringLiteral("img")));

        // A traversal from the registry is refused with extraction's message; nothing stays.
        const QByteArray evil = TestArchive().file("ok", "x").file("../../escape", "x").build();
        server.setFile("/evil.tar.gz", evil);
        server.setFile("/index.json", indexJson("evil", "evil.tar.gz", sha256(evil)));
        ImagePuller refused(cache, server.baseUrl());
        refused.pull(QStringLiteral("evil"));
        const Outcome bad = run(refused);
        QVERIFY(!bad.ok);
        QVERIFY2(bad.error.contains(QStringLiteral("'..' components are refused")), qPrintable(bad.error));
        QVERIFY(!cache.contains(QStringLiteral("evil")));
        verifyOnlyArchiveAndMetadata(cache);
    }

    void reportsServerFailures_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("location");
        QTest::addColumn<QString>("expected");
        QTest::newRow("404") << 404 << QByteArray() << QStringLiteral("answered 404");
        QTest::newRow("500") << 500 << QByteArray() << QStringLiteral("answered 500");
        QTest::newRow("redirect loop") << 302 << QByteArray("/img.tar.gz") << QStringLiteral("redirects");
    }

    void reportsServerFailures()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, location);
        QFETCH(QString, expected);
        ImageServer server;
        ImageServer::Route route;
        route.status = status;
        route.location = location;
        server.setRoute("/img.tar.gz", route);
        server.setFile("/index.json", indexJson("img", "img.tar.gz", QByteArray(64, '0')));
        const ImageCache cache = freshCache();
        const Outcome outcome = pull(cache, server.baseUrl(), QStringLiteral("img"));
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.error.contains(expected), qPrintable(outcome.error));
        QVERIFY2(outcome.error.contains(server.baseUrl().toString() + QStringLiteral("img.tar.gz")), qPrintable(outcome.error));
        QVERIFY(!cache.contains(QStringLiteral("img")));
        verifyNothingStaged(cache);
    }

    void refusesAHostileArchiveFromTheRegistry()
    {
        ImageServer server;
        const QByteArray archive = TestArchive().file("ok", "x").symlink("evil", "/").file("evil/tmp/pwned", "x").build();
        server.setFile("/evil.tar.gz", archive);
        server.setFile("/index.json", indexJson("evil", "evil.tar.gz", sha256(archive)));
        const ImageCache cache = freshCache();
        const Outcome outcome = pull(cache, server.baseUrl(), QStringLiteral("evil"));
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.error.contains(QStringLiteral("refusing to follow it")), qPrintable(outcome.error));
        QVERIFY(!QFileInfo::exists(QStringLiteral("/tmp/pwned")));
        QVERIFY(!cache.contains(QStringLiteral("evil")));
        verifyNothingStaged(cache);
        QVERIFY(QDir(cache.archivesDir()).isEmpty());
    }

    void unreachableRegistryListsTheCache()
    {
        ImageServer server;
        const QByteArray archive = rootfsArchive("cached");
        server.setFile("/a.tar.gz", archive);
        server.setFile("/index.json", indexJson("a", "a.tar.gz", sha256(archive)));
        const ImageCache cache = freshCache();
        QVERIFY(pull(cache, server.baseUrl(), QStringLiteral("a")).ok);
        // a port nobody listens on
        const QUrl dead(QStringLiteral("http://127.0.0.1:1/"));
        const Outcome outcome = pull(cache, dead, QStringLiteral("b"));
        QVERIFY(!outcome.ok);
        QVERIFY2(outcome.error.startsWith(QStringLiteral("cannot reach the image registry http://127.0.0.1:1/")),
                 qPrintable(outcome.error));
        QVERIFY2(outcome.error.endsWith(QStringLiteral("cached images: a")), qPrintable(outcome.error));
        // and the cached one still works with no network at all
        QVERIFY(pull(cache, dead, QStringLiteral("a"), true).ok);
    }

    void pullsFromAFileRegistry()
    {
        QTemporaryDir registry;
        const QByteArray archive = rootfsArchive("from-file");
        QFile out(registry.filePath(QStringLiteral("local.tar.gz")));
        QVERIFY(out.open(QIODevice::WriteOnly) && out.write(archive) == archive.size());
        out.close();
        const QUrl base = QUrl::fromLocalFile(registry.path() + QLatin1Char('/'));
        // no index.json: the directory is listed
        ImageCache cache = freshCache();
        Outcome outcome = pull(cache, base, QStringLiteral("local"));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(marker(cache, QStringLiteral("local")), QByteArray("from-file"));
        // with index.json and its digest
        QFile index(registry.filePath(QStringLiteral("index.json")));
        QVERIFY(index.open(QIODevice::WriteOnly));
        index.write(indexJson("indexed", "local.tar.gz", sha256(archive)));
        index.close();
        cache = freshCache();
        outcome = pull(cache, base, QStringLiteral("indexed"));
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QCOMPARE(outcome.image.sha256.toLatin1(), sha256(archive));
        outcome = pull(freshCache(), QUrl::fromLocalFile(m_tmp.filePath(QStringLiteral("missing/"))), QStringLiteral("x"));
        QVERIFY(!outcome.ok && outcome.error.contains(QStringLiteral("cannot reach the image registry")));
    }

    void defaultImageNeedsNoNetwork()
    {
        const ImageCache cache = freshCache();
        const Outcome outcome = pull(cache, QUrl(QStringLiteral("http://127.0.0.1:1/")), QStringLiteral("default"), true);
        QVERIFY2(outcome.ok, qPrintable(outcome.error));
        QVERIFY(outcome.image.source.startsWith(QStringLiteral("built-in:")));
        QVERIFY(QFileInfo(cache.rootfsPath(QStringLiteral("default")) + QStringLiteral("/bin/busybox")).isExecutable());
        QVERIFY(QFileInfo(cache.rootfsPath(QStringLiteral("default")) + QStringLiteral("/bin/sh")).isSymLink());
        QCOMPARE(outcome.image.sha256.size(), 64);
    }
};

QTEST_GUILESS_MAIN(TestImagePull)
#include "tst_imagepull.moc"
