// SPDX-License-Identifier: GPL-3.0-or-later
// PackageProvisioner: package manager detection, layer keys, and the layer cache that keeps a
// second boot from running the package manager again. The install run itself needs the
// namespace launcher: tst_provisioning runs it for real; here a runner that must not be reached fails.
#include "BusyboxRootfs.h"
#include "images/ImageImporter.h"
#include "images/PackageProvisioner.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using PM = PackageProvisioner::PackageManager;

class TestPackageProvisioner : public QObject
{
    Q_OBJECT

private:
    static ProvisionRunner forbidden(int *calls)
    {
        return [calls](const LaunchSpec &) -> Result<ProvisionRun> {
            ++*calls;
            return Error {Error::Kind::Internal, QStringLiteral("the package manager must not run here")};
        };
    }

private Q_SLOTS:
    void detectsPackageManagers()
    {
        QTemporaryDir tmp;
        const QString busybox = tmp.filePath(QStringLiteral("busybox"));
        const QString error = BusyboxRootfs::create(busybox);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(PackageProvisioner::detect(busybox), PM::None);

        QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("debian/usr/bin"))));
        QFile aptGet(tmp.filePath(QStringLiteral("debian/usr/bin/apt-get")));
        QVERIFY(aptGet.open(QIODevice::WriteOnly));
        aptGet.close();
        QCOMPARE(PackageProvisioner::detect(tmp.filePath(QStringLiteral("debian"))), PM::AptGet);

        // an absolute symlink counts without being followed on the host
        QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("alpine/sbin"))));
        QVERIFY(QFile::link(QStringLiteral("/nonexistent/apk.static"), tmp.filePath(QStringLiteral("alpine/sbin/apk"))));
        QCOMPARE(PackageProvisioner::detect(tmp.filePath(QStringLiteral("alpine"))), PM::Apk);

        // nor is a symlinked directory on the way followed: an image whose /bin is an absolute link
        // to a host directory holding apk has no package manager of its own
        QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("host"))));
        QFile hostApk(tmp.filePath(QStringLiteral("host/apk")));
        QVERIFY(hostApk.open(QIODevice::WriteOnly));
        hostApk.close();
        QVERIFY(QDir().mkpath(tmp.filePath(QStringLiteral("linked"))));
        QVERIFY(QFile::link(tmp.filePath(QStringLiteral("host")), tmp.filePath(QStringLiteral("linked/bin"))));
        QCOMPARE(PackageProvisioner::detect(tmp.filePath(QStringLiteral("linked"))), PM::None);
        // while a merged /usr (bin -> usr/bin) is found through usr/bin itself
        QVERIFY(QFile::link(QStringLiteral("usr/bin"), tmp.filePath(QStringLiteral("debian/bin"))));
        QCOMPARE(PackageProvisioner::detect(tmp.filePath(QStringLiteral("debian"))), PM::AptGet);

        QCOMPARE(PackageProvisioner::installCommand(PM::Apk, {QStringLiteral("git"), QStringLiteral("make")}),
                 (QStringList{QStringLiteral("apk"), QStringLiteral("add"), QStringLiteral("--no-cache"),
                              QStringLiteral("git"), QStringLiteral("make")}));
        QVERIFY(PackageProvisioner::installCommand(PM::AptGet, {QStringLiteral("git")}).last().contains(
            QStringLiteral("apt-get install -y --no-install-recommends git")));
    }

    void layerKeys()
    {
        const QString digest(64, QLatin1Char('a'));
        const QString key = PackageProvisioner::layerKey(digest, {QStringLiteral("git"), QStringLiteral("make")});
        QVERIFY(key.startsWith(digest + QLatin1Char('-')));
        QCOMPARE(PackageProvisioner::layerKey(digest, {QStringLiteral("make"), QStringLiteral("git"), QStringLiteral("git")}), key);
        QVERIFY(PackageProvisioner::layerKey(digest, {QStringLiteral("git")}) != key);
        QVERIFY(PackageProvisioner::layerKey(QString(64, QLatin1Char('b')), {QStringLiteral("git"), QStringLiteral("make")}) != key);
    }

    void usesACachedLayerWithoutRunning()
    {
        QTemporaryDir tmp;
        const ImageCache cache(tmp.filePath(QStringLiteral("cache")));
        QVERIFY(cache.ensureLayout());
        ImageMetadata image;
        image.name = QStringLiteral("alpine");
        image.sha256 = QString(64, QLatin1Char('c'));
        QVERIFY(QDir().mkpath(cache.rootfsPath(image.name) + QStringLiteral("/sbin")));
        QFile apk(cache.rootfsPath(image.name) + QStringLiteral("/sbin/apk"));
        QVERIFY(apk.open(QIODevice::WriteOnly));
        apk.close();
        const QStringList packages{QStringLiteral("git")};
        const QString layer = cache.layersDir() + QLatin1Char('/') + PackageProvisioner::layerKey(image.sha256, packages);
        QVERIFY(QDir().mkpath(layer + QStringLiteral("/usr/bin")));
        int calls = 0;
        const Result<PackageProvisioner::Outcome> outcome = PackageProvisioner(cache, forbidden(&calls)).provision(image, packages);
        QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.error().message));
        QCOMPARE(outcome->layers, QStringList{layer});
        QVERIFY(!outcome->installed);
        QCOMPARE(calls, 0);
        const Result<PackageProvisioner::Outcome> found = PackageProvisioner(cache, forbidden(&calls)).lookUp(image, packages);
        QVERIFY(found && !found->needsInstall && found->layers == QStringList{layer});
        const Result<PackageProvisioner::Outcome> missing
            = PackageProvisioner(cache, forbidden(&calls)).lookUp(image, {QStringLiteral("make")});
        QVERIFY(missing && missing->needsInstall && missing->layers.isEmpty());
        QCOMPARE(calls, 0);

        // nothing to install: nothing stacked, nothing run
        const Result<PackageProvisioner::Outcome> none = PackageProvisioner(cache, forbidden(&calls)).provision(image, {});
        QVERIFY(none && none->layers.isEmpty());
        QCOMPARE(calls, 0);
    }

    void imageWithoutPackageManagerRunsAsIs()
    {
        QTemporaryDir tmp;
        const ImageCache cache(tmp.filePath(QStringLiteral("cache")));
        // the built-in image, as the build tree holds it beside the test binaries
        const QString builtin = QCoreApplication::applicationDirPath() + QStringLiteral("/../share/scorpiox/images/default.tar.gz");
        const Result<ImageMetadata> image = ImageImporter(cache).importFile(builtin, QStringLiteral("default"), builtin);
        QVERIFY2(image, qPrintable(image ? QString() : image.error().message));
        int calls = 0;
        const Result<PackageProvisioner::Outcome> outcome
            = PackageProvisioner(cache, forbidden(&calls)).provision(*image, {QStringLiteral("git"), QStringLiteral("curl")});
        QVERIFY(outcome);
        QVERIFY(outcome->layers.isEmpty());
        QCOMPARE(outcome->notice, QStringLiteral("image 'default' has no known package manager (apk, apt-get, dnf, microdnf, "
                                                 "zypper, pacman); running it as is, without git, curl"));
        QCOMPARE(calls, 0);
    }
};

QTEST_GUILESS_MAIN(TestPackageProvisioner)
#include "tst_packageprovisioner.moc"
