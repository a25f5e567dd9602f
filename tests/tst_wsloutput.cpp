// SPDX-License-Identifier: GPL-3.0-or-later
#include "wsl/WslOutput.h"
#include "wsl/WslPath.h"

#include <QFile>
#include <QTest>

namespace {

QByteArray fixture(const char *name)
{
    QFile f(QStringLiteral(SCORPIOX_TEST_DATA_DIR "/wsl/") + QLatin1String(name));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestWslOutput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quietListFromByteFixtures_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("utf16 bom crlf") << fixture("list-quiet-bom.bin")
                                        << QStringList{QStringLiteral("Ubuntu"), QStringLiteral("scorpiox-a1b2c3"),
                                                       QStringLiteral("scorpiox-00ff00")};
        QTest::newRow("utf16 no bom") << fixture("list-quiet-nobom.bin")
                                      << QStringList{QStringLiteral("docker-desktop"), QStringLiteral("scorpiox-abcdef")};
        QTest::newRow("old default marker") << fixture("list-quiet-old-default.bin")
                                            << QStringList{QStringLiteral("Ubuntu"), QStringLiteral("scorpiox-123abc")};
        QTest::newRow("utf8 (WSL_UTF8=1)") << QByteArray("Ubuntu\r\nscorpiox-a1b2c3\r\n")
                                           << QStringList{QStringLiteral("Ubuntu"), QStringLiteral("scorpiox-a1b2c3")};
        QTest::newRow("empty") << QByteArray() << QStringList{};
        QTest::newRow("odd byte count") << QByteArray("\xFF\xFEU\0b\0u", 7) << QStringList{QStringLiteral("Ub")};
    }
    void quietListFromByteFixtures()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QStringList, names);
        QVERIFY(!bytes.isNull() || names.isEmpty());
        QCOMPARE(WslOutput::parseQuietList(bytes), names);
    }

    void verboseList()
    {
        const QList<WslOutput::Distro> en = WslOutput::parseVerboseList(fixture("list-verbose-en.bin"));
        QCOMPARE(en.size(), 3);
        QCOMPARE(en[0].name, QStringLiteral("Ubuntu"));
        QVERIFY(en[0].isDefault);
        QCOMPARE(en[0].state, QStringLiteral("Running"));
        QCOMPARE(en[0].version, 2);
        QCOMPARE(en[1].name, QStringLiteral("scorpiox-a1b2c3"));
        QVERIFY(!en[1].isDefault);
        QCOMPARE(en[2].version, 1);

        const QList<WslOutput::Distro> de = WslOutput::parseVerboseList(fixture("list-verbose-de.bin"));
        QCOMPARE(de.size(), 2);
        QCOMPARE(de[0].state, QStringLiteral("Wird ausgeführt"));
        QCOMPARE(de[1].name, QStringLiteral("scorpiox-a1b2c3"));

        const QList<WslOutput::Distro> utf8 = WslOutput::parseVerboseList(fixture("list-verbose-utf8.bin"));
        QCOMPARE(utf8.size(), 1);
        QCOMPARE(utf8[0].name, QStringLiteral("Debian"));
    }

    void errorCodesNotProse()
    {
        const QString text = WslOutput::decode(fixture("import-exists-de.bin"));
        QVERIFY(text.contains(QStringLiteral("bereits vorhanden")));
        QCOMPARE(WslOutput::errorCode(text), QStringLiteral("Wsl/Service/RegisterDistro/ERROR_ALREADY_EXISTS"));
        QVERIFY(WslOutput::isInfrastructureFailure(-1, text));
        QVERIFY(WslOutput::isInfrastructureFailure(255, text)); // 0xFFFFFFFF as a Linux exit status
        QVERIFY(!WslOutput::isInfrastructureFailure(1, text)); // the command's own exit code
        QVERIFY(!WslOutput::isInfrastructureFailure(255, QStringLiteral("exit 255 of the command itself")));
        QVERIFY(!WslOutput::isInfrastructureFailure(-1, QStringLiteral("no token here")));
        QCOMPARE(WslOutput::errorCode(QStringLiteral("Error code: Wsl/Service/E_ACCESSDENIED.")),
                 QStringLiteral("Wsl/Service/E_ACCESSDENIED"));
    }

    void pathTranslation_data()
    {
        QTest::addColumn<QString>("windows");
        QTest::addColumn<QString>("expected");
        QTest::newRow("spaces") << QStringLiteral("C:\\Users\\dev\\my project") << QStringLiteral("/mnt/c/Users/dev/my project");
        QTest::newRow("lower drive") << QStringLiteral("d:\\data\\") << QStringLiteral("/mnt/d/data");
        QTest::newRow("forward slashes") << QStringLiteral("E:/src//x") << QStringLiteral("/mnt/e/src/x");
        QTest::newRow("drive root") << QStringLiteral("C:\\") << QStringLiteral("/mnt/c/");
    }
    void pathTranslation()
    {
        QFETCH(QString, windows);
        QFETCH(QString, expected);
        const Result<QString> translated = WslPath::toLinux(windows);
        QVERIFY(translated.ok());
        QCOMPARE(*translated, expected);
    }

    void uncAndRelativeRefused()
    {
        const Result<QString> unc = WslPath::toLinux(QStringLiteral("\\\\server\\share\\x"));
        QVERIFY(!unc.ok());
        QVERIFY(unc.error().message.contains(QStringLiteral("UNC")));
        QVERIFY(!WslPath::toLinux(QStringLiteral("relative\\dir")).ok());
    }
};

QTEST_GUILESS_MAIN(TestWslOutput)
#include "tst_wsloutput.moc"
