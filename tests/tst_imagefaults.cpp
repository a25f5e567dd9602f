// SPDX-License-Identifier: GPL-3.0-or-later
// Faults while getting an image, through the real scorpiox-desktop binary: a pull killed in
// one process and resumed by the next (Range + If-Range from the partial it left), a registry
// that stalls (for index.json, and in the middle of the tarball), and a cache on a file system
// too small for the image (a 2 MB tmpfs mounted inside `unshare -Urm`).
#include "CliRunner.h"
#include "ImageServer.h"
#include "TempHome.h"
#include "TestArchive.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <csignal>

namespace {

QString qs(const char *text)
{
    return QString::fromUtf8(text);
}

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

// Random bytes do not compress: the tarball is as big as its content.
QByteArray noise(qsizetype size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator generator(seed);
    generator.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

QByteArray indexFor(const QByteArray &name, const QByteArray &archive, bool withDigest)
{
    return "{\"images\":[{\"name\":\"" + name + "\",\"file\":\"" + name + ".tar.gz\""
           + (withDigest ? ",\"sha256\":\"" + sha256(archive) + '"' : QByteArray()) + "}]}";
}

QStringList entries(const QString &dir)
{
    QStringList result;
    for (const QString &e : QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)) {
        if (!e.endsWith(QLatin1String(".lock")))
            result.append(e);
    }
    return result;
}

} // namespace

class TestImageFaults : public QObject
{
    Q_OBJECT

private:
    static QString cacheOf(const TempHome &home) { return home.home() + qs("/containers"); }

    static bool configure(const TempHome &home, const QByteArray &lines)
    {
        return TempHome::writeFile(home.home() + qs("/scorpiox-env.txt"), "container_memory_mb=0\n" + lines);
    }

    /// Serves @p archive as image `big`, slowly enough to be killed in the middle, as @p home's registry.
    static bool serveSlowly(ImageServer &server, const TempHome &home, const QByteArray &archive, bool digestInIndex)
    {
        ImageServer::Route slow;
        slow.body = archive;
        slow.bytesPerSecond = 300000;
        server.setRoute("/big.tar.gz", slow);
        server.setFile("/index.json", indexFor("big", archive, digestInIndex));
        return configure(home, "IMAGE_BASE_URL=" + server.baseUrl().toEncoded() + '\n');
    }

    /// Starts `pull NAME` and kills it with SIGKILL once its partial download holds @p atLeast
    /// bytes; returns the partial's size then, or -1.
    static qint64 killMidDownload(const TempHome &home, const QString &name, qint64 atLeast)
    {
        const QString partial = cacheOf(home) + qs("/tmp/") + name + qs(".download");
        QProcess pull;
        pull.start(qs(SCORPIOX_DESKTOP_BIN), {qs("--cli"), qs("pull"), name});
        if (!pull.waitForStarted())
            return -1;
        const bool reached = QTest::qWaitFor([&] { return QFileInfo(partial).size() >= atLeast; }, 20000);
        ::kill(pid_t(pull.processId()), SIGKILL);
        pull.waitForFinished();
        if (!reached || !QFileInfo::exists(partial + qs(".json")))
            return -1;
        return QFileInfo(partial).size();
    }

private Q_SLOTS:
    void killedPullIsResumedByTheNext()
    {
        TempHome home;
        ImageServer server;
        const QByteArray archive = TestArchive().dir("etc").file("etc/marker", "resumed").file("blob", noise(1500000, 1)).build();
        QVERIFY(serveSlowly(server, home, archive, true));

        const qint64 partial = killMidDownload(home, qs("big"), 200000);
        QVERIFY2(partial > 0 && partial < archive.size(), qPrintable(QString::number(partial)));
        QCOMPARE(server.rangeRequests("/big.tar.gz"), QList<QByteArray>{QByteArray()});
        QVERIFY(!QFileInfo::exists(cacheOf(home) + qs("/images/big")));

        server.setFile("/big.tar.gz", archive);
        const CliResult r = CliRunner::cli({qs("pull"), qs("big")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, "big: sha256 " + sha256(archive) + ", 3 files, 1.5 MB\n");
        // The second process asked only for the rest, naming the version it had the start of.
        const QList<QByteArray> ranges = server.rangeRequests("/big.tar.gz");
        QCOMPARE(ranges.size(), 2);
        QVERIFY2(ranges.last().startsWith(QByteArray("bytes=" + QByteArray::number(partial) + "- if-range \"")), ranges.last().constData());
        QCOMPARE(TempHome::readFile(cacheOf(home) + qs("/images/big/etc/marker")), QByteArray("resumed"));
        QCOMPARE(TempHome::readFile(cacheOf(home) + qs("/archives/big.tar.gz")), archive);
        QVERIFY2(entries(cacheOf(home) + qs("/tmp")).isEmpty(), qPrintable(entries(cacheOf(home) + qs("/tmp")).join(u' ')));
    }

    void changedFileIsDownloadedAgain()
    {
        TempHome home;
        ImageServer server;
        const QByteArray first = TestArchive().file("version", "1").file("blob", noise(1500000, 2)).build();
        const QByteArray second = TestArchive().file("version", "2").file("blob", noise(1500000, 3)).build();
        // No digest in the index: only the validator can tell that the file changed.
        QVERIFY(serveSlowly(server, home, first, false));

        const qint64 partial = killMidDownload(home, qs("big"), 200000);
        QVERIFY(partial > 0);
        server.setFile("/big.tar.gz", second);
        const CliResult r = CliRunner::cli({qs("pull"), qs("big")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.startsWith(QByteArray("big: sha256 " + sha256(second))), r.out.constData());
        // Asked with the old ETag, answered 200 with the new file, taken whole.
        QVERIFY(server.rangeRequests("/big.tar.gz").last().startsWith(QByteArray("bytes=" + QByteArray::number(partial) + "- if-range")));
        QCOMPARE(TempHome::readFile(cacheOf(home) + qs("/images/big/version")), QByteArray("2"));
        QCOMPARE(TempHome::readFile(cacheOf(home) + qs("/archives/big.tar.gz")), second);
    }

    void stalledIndexFailsTheSession()
    {
        TempHome home;
        ImageServer server;
        server.setSilent("/index.json");
        QVERIFY(configure(home, "IMAGE_TIMEOUT=1\nCONTAINER_PACKAGES=none\nIMAGE_BASE_URL=" + server.baseUrl().toEncoded() + '\n'));

        QElapsedTimer clock;
        clock.start();
        const CliResult r = CliRunner::cli({qs("run"), qs("--image"), qs("stalled"), qs("--"), qs("echo"), qs("must-not-run")},
                                           home.project());
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 125);
        QVERIFY(clock.elapsed() < 15000);
        QCOMPARE(r.out, QByteArray());
        QVERIFY2(r.err.count("scorpiox-desktop: ") == 1 && r.err.endsWith('\n'), r.err.constData());
        QVERIFY2(r.err.contains(QByteArray(server.baseUrl().toEncoded() + "index.json sent nothing for 1 s; check the "
                                                                          "server, or raise IMAGE_TIMEOUT (now 1)")),
                 r.err.constData());
        // The session never started: no record, no overlay, nothing in the cache.
        QCOMPARE(entries(cacheOf(home) + qs("/sessions")), QStringList());
        QCOMPARE(entries(cacheOf(home) + qs("/overlays")), QStringList());
        QCOMPARE(entries(cacheOf(home) + qs("/images")), QStringList());
        QCOMPARE(entries(cacheOf(home) + qs("/tmp")), QStringList());
    }

    void stalledDownloadKeepsOnlyWhatCanBeResumed()
    {
        TempHome home;
        ImageServer server;
        const QByteArray archive = TestArchive().file("marker", "whole").file("blob", noise(300000, 4)).build();
        ImageServer::Route stalled;
        stalled.body = archive;
        stalled.stallAfter = 100000;
        server.setRoute("/slow.tar.gz", stalled);
        server.setFile("/index.json", indexFor("slow", archive, true));
        QVERIFY(configure(home, "IMAGE_TIMEOUT=1\nCONTAINER_PACKAGES=none\nIMAGE_BASE_URL=" + server.baseUrl().toEncoded() + '\n'));

        CliResult r = CliRunner::cli({qs("pull"), qs("slow")});
        QCOMPARE(r.exitCode, 125);
        // One error line (a log line may tell of the resume attempt before it).
        QVERIFY2(r.err.count("scorpiox-desktop: ") == 1, r.err.constData());
        QVERIFY2(r.err.contains(QByteArray("slow.tar.gz: the server sent nothing for 1 s (after 100000 of "
                                           + QByteArray::number(archive.size())
                                           + " bytes); check the registry, or raise IMAGE_TIMEOUT (now 1)")),
                 r.err.constData());
        // Once more with a range (it had made progress), then it gave up: the rest sent nothing.
        QCOMPARE(server.rangeRequests("/slow.tar.gz").size(), 2);

        r = CliRunner::cli({qs("run"), qs("--image"), qs("slow"), qs("--"), qs("echo"), qs("must-not-run")}, home.project());
        QCOMPARE(r.exitCode, 125);
        QVERIFY(!r.out.contains("must-not-run"));
        QVERIFY2(r.err.contains("the server sent nothing for 1 s"), r.err.constData());
        QCOMPARE(entries(cacheOf(home) + qs("/sessions")), QStringList());
        QCOMPARE(entries(cacheOf(home) + qs("/overlays")), QStringList());
        QCOMPARE(entries(cacheOf(home) + qs("/images")), QStringList());
        QCOMPARE(entries(cacheOf(home) + qs("/archives")), QStringList());
        // Only the resumable download and its validator stay in tmp/, no extraction staging.
        QCOMPARE(entries(cacheOf(home) + qs("/tmp")), (QStringList{qs("slow.download"), qs("slow.download.json")}));

        server.setFile("/slow.tar.gz", archive);
        r = CliRunner::cli({qs("pull"), qs("slow")});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(server.rangeRequests("/slow.tar.gz").last().startsWith("bytes=100000- if-range"));
        QCOMPARE(TempHome::readFile(cacheOf(home) + qs("/images/slow/marker")), QByteArray("whole"));
        QCOMPARE(entries(cacheOf(home) + qs("/tmp")), QStringList());
    }

    void cleanAndCleanupRemoveStalePartialDownloads()
    {
        TempHome home;
        QVERIFY(configure(home, "IMAGE_BASE_URL=http://127.0.0.1:9/\n"));
        const QString tmp = cacheOf(home) + qs("/tmp/");
        for (const char *command : {"cleanup", "clean"}) {
            for (const char *name : {"old", "fresh"}) {
                QVERIFY(TempHome::writeFile(tmp + qs(name) + qs(".download"), "partial"));
                QVERIFY(TempHome::writeFile(tmp + qs(name) + qs(".download.json"),
                                            "{\"url\":\"http://x/a.tar\",\"validator\":\"v1\"}"));
            }
            QFile old(tmp + qs("old.download"));
            QVERIFY(old.open(QIODevice::ReadWrite));
            QVERIFY(old.setFileTime(QDateTime::currentDateTimeUtc().addDays(-8), QFileDevice::FileModificationTime));
            old.close();
            const CliResult r = CliRunner::cli({qs(command)});
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QCOMPARE(entries(tmp), (QStringList{qs("fresh.download"), qs("fresh.download.json")}));
        }
    }

    void fullDiskLeavesTheCacheAsItWas()
    {
        QProcess probe;
        probe.start(qs("unshare"), {qs("-Urm"), qs("true")});
        if (!probe.waitForFinished(10000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0)
            QSKIP("unshare -Urm does not work here (no unprivileged user namespaces): cannot mount a small tmpfs");

        TempHome home;
        ImageServer server;
        QTemporaryDir work;
        QVERIFY(work.isValid());
        const QString cache = work.filePath(qs("cache"));
        QVERIFY(QDir().mkpath(cache));
        // Bigger than the 2 MB file system, once as download and once only when extracted.
        const QByteArray big = TestArchive().file("blob", noise(3000000, 5)).build();
        const QByteArray zeros = TestArchive().file("zeros", QByteArray(6000000, '\0')).build();
        QVERIFY(zeros.size() < 100000);
        server.setFile("/big.tar.gz", big);
        server.setFile("/zeros.tar.gz", zeros);
        server.setFile("/index.json", "{\"images\":[{\"name\":\"big\",\"file\":\"big.tar.gz\",\"sha256\":\"" + sha256(big)
                                          + "\"},{\"name\":\"zeros\",\"file\":\"zeros.tar.gz\"}]}");
        QVERIFY(configure(home, "container_cache_dir=" + cache.toUtf8() + "\nIMAGE_BASE_URL=" + server.baseUrl().toEncoded() + '\n'));
        QVERIFY(TestArchive().dir("etc").file("etc/marker", "small").write(work.filePath(qs("small.tar.gz"))));
        QVERIFY(TempHome::writeFile(work.filePath(qs("zeros.tar.gz")), zeros));

        // The tmpfs lives as long as the namespace: everything happens in one shell inside it.
        const QString script = qs(SCORPIOX_TEST_DATA_DIR "/full-disk-cache.sh");
        QProcess shell;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(qs("CACHE"), cache);
        env.insert(qs("WORK"), work.path());
        env.insert(qs("BIN"), qs(SCORPIOX_DESKTOP_BIN));
        shell.setProcessEnvironment(env);
        shell.setWorkingDirectory(home.project());
        shell.start(qs("unshare"), {qs("-Urm"), qs("sh"), script});
        QVERIFY(shell.waitForFinished(120000));
        QVERIFY2(shell.exitCode() == 0, shell.readAllStandardError().constData());

        const QByteArray before = TempHome::readFile(work.filePath(qs("before")));
        QVERIFY2(before.contains("./images/small/etc/marker"), before.constData());
        for (const char *step : {"pull-big", "pull-zeros", "import-zeros"}) {
            const QString name = qs(step);
            const QByteArray err = TempHome::readFile(work.filePath(name + qs(".err")));
            QCOMPARE(TempHome::readFile(work.filePath(name + qs(".code"))), QByteArray("125\n"));
            QCOMPARE(TempHome::readFile(work.filePath(name + qs(".out"))), QByteArray());
            QCOMPARE(err.count('\n'), 1);
            QVERIFY2(err.startsWith("scorpiox-desktop: the disk is full: cannot write ") && err.contains(cache.toUtf8())
                         && err.contains(" free") && err.contains("container_cache_dir (or SCORPIOX_HOME)"),
                     err.constData());
            // Exactly as before: no staging, no partial download, no archive, the old image intact.
            QCOMPARE(TempHome::readFile(work.filePath(name + qs(".after"))), before);
        }
        // The room is told after the clean-up. Download and extraction race for the last bytes:
        // when the download lost, it knows what it needed.
        const QByteArray bigErr = TempHome::readFile(work.filePath(qs("pull-big.err")));
        QVERIFY2(!bigErr.contains(", 0 bytes free"), bigErr.constData());
        if (bigErr.contains("the archive of image 'big'"))
            QVERIFY2(bigErr.contains(QByteArray("in " + cache.toUtf8() + "/tmp (3.0 MB needed, ")), bigErr.constData());
        else
            QVERIFY2(bigErr.contains(QByteArray("cannot write image 'big' in " + cache.toUtf8() + " (")), bigErr.constData());
        QVERIFY(TempHome::readFile(work.filePath(qs("import-zeros.err"))).contains("cannot write image 'zeros' in "));
    }
};

QTEST_GUILESS_MAIN(TestImageFaults)
#include "tst_imagefaults.moc"
