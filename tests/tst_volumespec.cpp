// SPDX-License-Identifier: GPL-3.0-or-later
#include "launch/VolumeSpec.h"

#include <QDir>
#include <QTest>

class TestVolumeSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("container");
        QTest::addColumn<bool>("readOnly");
        QTest::newRow("linux") << QStringLiteral("/src:/workspace") << QStringLiteral("/src") << QStringLiteral("/workspace") << false;
        QTest::newRow("linux ro") << QStringLiteral("/etc/ssl:/etc/ssl:ro") << QStringLiteral("/etc/ssl")
                                  << QStringLiteral("/etc/ssl") << true;
        QTest::newRow("linux rw") << QStringLiteral("/a:/b:rw") << QStringLiteral("/a") << QStringLiteral("/b") << false;
        QTest::newRow("windows") << QStringLiteral("C:\\src:/workspace") << QStringLiteral("C:\\src")
                                 << QStringLiteral("/workspace") << false;
        QTest::newRow("windows ro") << QStringLiteral("C:\\configs:/etc/app:ro") << QStringLiteral("C:\\configs")
                                    << QStringLiteral("/etc/app") << true;
        QTest::newRow("windows spaces") << QStringLiteral("C:\\Users\\dev\\my project:/workspace")
                                        << QStringLiteral("C:\\Users\\dev\\my project") << QStringLiteral("/workspace") << false;
        QTest::newRow("windows slashes") << QStringLiteral("d:/data:/data") << QStringLiteral("d:/data")
                                         << QStringLiteral("/data") << false;
        QTest::newRow("unc kept for the backend to judge") << QStringLiteral("\\\\srv\\share:/s") << QStringLiteral("\\\\srv\\share")
                                                           << QStringLiteral("/s") << false;
        QTest::newRow("tilde") << QStringLiteral("~/docs:/docs:ro") << QDir::homePath() + QStringLiteral("/docs")
                               << QStringLiteral("/docs") << true;
        QTest::newRow("container cleaned") << QStringLiteral("/a:/b/../c/") << QStringLiteral("/a") << QStringLiteral("/c") << false;
        QTest::newRow("host with colon") << QStringLiteral("/odd:name:/x") << QStringLiteral("/odd:name") << QStringLiteral("/x")
                                         << false;
    }
    void parses()
    {
        QFETCH(QString, spec);
        QFETCH(QString, host);
        QFETCH(QString, container);
        QFETCH(bool, readOnly);
        const Result<MountSpec> mount = VolumeSpec::parse(spec);
        QVERIFY2(mount.ok(), qPrintable(mount ? QString() : mount.error().message));
        QCOMPARE(mount->hostPath, host);
        QCOMPARE(mount->containerPath, container);
        QCOMPARE(mount->readOnly, readOnly);
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("no colon") << QStringLiteral("/src") << QStringLiteral("no container path");
        QTest::newRow("drive only") << QStringLiteral("C:\\src") << QStringLiteral("not absolute");
        QTest::newRow("relative container") << QStringLiteral("/src:workspace") << QStringLiteral("container path 'workspace' is not absolute");
        QTest::newRow("relative host") << QStringLiteral("src:/workspace") << QStringLiteral("host path 'src' is not absolute");
        QTest::newRow("empty host") << QStringLiteral(":/workspace") << QStringLiteral("no container path");
        QTest::newRow("empty") << QString() << QStringLiteral("no container path");
        // Found by fuzz_volumespec: QDir::cleanPath keeps a leading "/..".
        QTest::newRow("container above root") << QStringLiteral("/h:/..") << QStringLiteral("leaves the container's root");
        QTest::newRow("container above root, deeper") << QStringLiteral("/h:/../etc:ro") << QStringLiteral("leaves the container's root");
    }
    void rejects()
    {
        QFETCH(QString, spec);
        QFETCH(QString, fragment);
        const Result<MountSpec> mount = VolumeSpec::parse(spec);
        QVERIFY(!mount.ok());
        QVERIFY2(mount.error().message.contains(fragment), qPrintable(mount.error().message));
        QVERIFY(mount.error().message.contains(QStringLiteral("expected HOST:CONTAINER[:ro]")));
    }
};

QTEST_GUILESS_MAIN(TestVolumeSpec)
#include "tst_volumespec.moc"
