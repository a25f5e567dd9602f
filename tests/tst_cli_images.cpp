// SPDX-License-Identifier: GPL-3.0-or-later
// The image commands end to end through the real scorpiox-desktop binary.
#include "CliRunner.h"
#include "ImageServer.h"
#include "TempHome.h"
#include "TestArchive.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

QStringList nonLockEntries(const QString &dir)
{
    QStringList result;
    for (const QString &e : QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot)) {
        if (!e.endsWith(QLatin1String(".lock")))
            result.append(e);
    }
    return result;
}

} // namespace

class TestCliImages : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importListRemove()
    {
        TempHome tmp;
        const QString cache = tmp.home() + QStringLiteral("/containers");
        const QString archive = tmp.path(QStringLiteral("toolchain.tar.gz"));
        QVERIFY(TestArchive().dir("etc").file("etc/os-release", "ID=rust\n").write(archive));

        CliResult r = CliRunner::run({QStringLiteral("--container-import"), archive, QStringLiteral("--name"),
                                      QStringLiteral("rust-dev")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("rust-dev: imported 2 files"), r.out.constData());
        QVERIFY(QFile::exists(cache + QStringLiteral("/images/rust-dev/etc/os-release")));
        QVERIFY(QFile::exists(cache + QStringLiteral("/images/rust-dev.json")));
        QVERIFY(QFile::exists(cache + QStringLiteral("/archives/rust-dev.tar.gz")));

        r = CliRunner::cli({QStringLiteral("images"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray images = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(images.size(), 1);
        QCOMPARE(images.at(0)[QStringLiteral("name")].toString(), QStringLiteral("rust-dev"));
        QCOMPARE(images.at(0)[QStringLiteral("path")].toString(), cache + QStringLiteral("/images/rust-dev"));
        QCOMPARE(images.at(0)[QStringLiteral("sha256")].toString().toLatin1(), sha256(TempHome::readFile(archive)));

        r = CliRunner::run({QStringLiteral("--list-images")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("rust-dev"));
        QVERIFY2(r.out.contains("(built in; extracted on first use)"), r.out.constData());

        // a broken archive: one line, 125, nothing left behind
        const QString broken = tmp.path(QStringLiteral("broken.tar.gz"));
        QByteArray truncated = TestArchive().file("f", QByteArray(100000, 'x')).build();
        QVERIFY(TempHome::writeFile(broken, truncated.left(truncated.size() / 2)));
        r = CliRunner::cli({QStringLiteral("import"), broken, QStringLiteral("--name"), QStringLiteral("broken")});
        QCOMPARE(r.exitCode, 125);
        QCOMPARE(r.out, QByteArray());
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY(!QFileInfo::exists(cache + QStringLiteral("/images/broken")));
        QCOMPARE(nonLockEntries(cache + QStringLiteral("/tmp")), QStringList());

        r = CliRunner::cli({QStringLiteral("import"), archive, QStringLiteral("--name"), QStringLiteral("../x")});
        QCOMPARE(r.exitCode, 125);
        QVERIFY(r.err.contains("is not an image name"));

        r = CliRunner::cli({QStringLiteral("rm"), QStringLiteral("rust-dev")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!QFileInfo::exists(cache + QStringLiteral("/images/rust-dev")));
        QVERIFY(!QFileInfo::exists(cache + QStringLiteral("/archives/rust-dev.tar.gz")));
        r = CliRunner::cli({QStringLiteral("rm"), QStringLiteral("rust-dev")});
        QCOMPARE(r.exitCode, 125);
        QCOMPARE(r.err, QByteArray("scorpiox-desktop: image 'rust-dev' is not in the cache (cached: none)\n"));
    }

    void pullRemoteAndClean()
    {
        TempHome tmp;
        ImageServer server;
        const QByteArray archive = TestArchive().dir("etc").file("etc/marker", "pulled").build();
        server.setFile("/alpine.tar.gz", archive);
        server.setFile("/index.json", R"({"images":[{"name":"alpine","file":"alpine.tar.gz","sha256":")" + sha256(archive)
                                          + R"(","size":)" + QByteArray::number(archive.size())
                                          + R"(,"description":"Alpine Linux"}]})");
        QVERIFY(TempHome::writeFile(tmp.home() + QStringLiteral("/scorpiox-env.txt"),
                                    "IMAGE_BASE_URL=" + server.baseUrl().toEncoded() + '\n'));

        CliResult r = CliRunner::cli({QStringLiteral("images"), QStringLiteral("--remote")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains("alpine") && r.out.contains("Alpine Linux") && r.out.contains(" no "), r.out.constData());

        r = CliRunner::cli({QStringLiteral("pull"), QStringLiteral("alpine")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QByteArray(QByteArray("alpine: sha256 ") + sha256(archive))), r.out.constData());
        // stderr is not a terminal here: no progress bar, no status lines
        QCOMPARE(r.err, QByteArray());

        r = CliRunner::cli({QStringLiteral("images"), QStringLiteral("--remote"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(r.out).array().at(0)[QStringLiteral("cached")].toBool(), true);

        // the registry goes away: a clear line listing the cache
        QVERIFY(TempHome::writeFile(tmp.home() + QStringLiteral("/scorpiox-env.txt"), "IMAGE_BASE_URL=http://127.0.0.1:1/\n"));
        r = CliRunner::cli({QStringLiteral("pull"), QStringLiteral("debian")});
        QCOMPARE(r.exitCode, 125);
        QCOMPARE(r.err.count('\n'), 1);
        QVERIFY2(r.err.startsWith("scorpiox-desktop: cannot reach the image registry http://127.0.0.1:1/"), r.err.constData());
        QVERIFY(r.err.endsWith("; cached images: alpine\n"));
        r = CliRunner::cli({QStringLiteral("images"), QStringLiteral("--remote")});
        QCOMPARE(r.exitCode, 125);
        QVERIFY(r.err.endsWith("; cached images: alpine\n"));

        r = CliRunner::run({QStringLiteral("--clean")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("removed 1 image(s) (alpine), 0 archive(s), 0 layer(s); freed "), r.out.constData());
        const QString cache = tmp.home() + QStringLiteral("/containers");
        QCOMPARE(QDir(cache + QStringLiteral("/images")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
        QCOMPARE(QDir(cache + QStringLiteral("/archives")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList());
    }

    void concurrentPullsDownloadOnce()
    {
        TempHome tmp;
        ImageServer server;
        QByteArray filler;
        for (int i = 0; i < (1 << 20); ++i)
            filler.append(char((unsigned(i) * 7919u) >> 3));
        const QByteArray archive = TestArchive().dir("etc").file("etc/marker", "shared").file("filler", filler).build(
            TestArchive::Compression::None);
        ImageServer::Route slow;
        slow.body = archive;
        slow.bytesPerSecond = archive.size(); // about a second
        server.setRoute("/shared.tar", slow);
        server.setFile("/index.json", R"({"images":[{"name":"shared","file":"shared.tar","sha256":")" + sha256(archive) + R"("}]})");
        QVERIFY(TempHome::writeFile(tmp.home() + QStringLiteral("/scorpiox-env.txt"),
                                    "IMAGE_BASE_URL=" + server.baseUrl().toEncoded() + '\n'));

        QList<QProcess *> processes;
        for (int i = 0; i < 2; ++i) {
            auto *p = new QProcess(this);
            p->start(QStringLiteral(SCORPIOX_DESKTOP_BIN), {QStringLiteral("--cli"), QStringLiteral("pull"), QStringLiteral("shared")});
            processes.append(p);
        }
        for (QProcess *p : processes) {
            QVERIFY(p->waitForFinished(30000));
            QVERIFY2(p->exitCode() == 0, p->readAllStandardError().constData());
            QVERIFY(p->readAllStandardOutput().startsWith(QByteArray(QByteArray("shared: sha256 ") + sha256(archive))));
            delete p;
        }
        QCOMPARE(server.requestCount("/shared.tar"), 1);
        QCOMPARE(TempHome::readFile(tmp.home() + QStringLiteral("/containers/images/shared/etc/marker")), QByteArray("shared"));
        QCOMPARE(nonLockEntries(tmp.home() + QStringLiteral("/containers/tmp")), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestCliImages)
#include "tst_cli_images.moc"
