// SPDX-License-Identifier: GPL-3.0-or-later
#include "TempHome.h"
#include "config/EnvFile.h"

#include <QFile>
#include <QTest>

#include <sys/stat.h>

class TestEnvFile : public QObject
{
    Q_OBJECT

private:
    static const QByteArray kSample;

private Q_SLOTS:
    void roundTripIsByteIdentical_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("lf") << kSample;
        QTest::newRow("crlf") << QByteArray(kSample).replace("\n", "\r\n");
        QTest::newRow("bom+crlf") << QByteArray("\xEF\xBB\xBF") + QByteArray(kSample).replace("\n", "\r\n");
        QTest::newRow("no final newline") << QByteArray("a=1\n# c\nb = 2");
        QTest::newRow("mixed endings") << QByteArray("a=1\r\nb=2\n\r\n# x\n");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("utf8 values") << QByteArray("agent_command=\"echo grüß 你好\"\n");
    }
    void roundTripIsByteIdentical()
    {
        QFETCH(QByteArray, bytes);
        const Result<EnvFile> file = EnvFile::parse(bytes, QStringLiteral("f"));
        QVERIFY2(file.ok(), qPrintable(file ? QString() : file.error().message));
        QCOMPARE(file->toBytes(), bytes);
    }

    void parsesEntries()
    {
        const Result<EnvFile> file = EnvFile::parse(kSample, QStringLiteral("f"));
        QVERIFY(file.ok());
        const QList<EnvFile::Entry> entries = file->entries();
        QCOMPARE(entries.size(), 7);
        QCOMPARE(entries[0].key, QStringLiteral("container_enabled"));
        QCOMPARE(entries[0].value, QStringLiteral("true"));
        QCOMPARE(entries[0].line, 2);
        QCOMPARE(file->find(QStringLiteral("container_image"))->value, QStringLiteral("rust-dev"));
        QCOMPARE(file->find(QStringLiteral("IMAGE_BASE_URL"))->value,
                 QStringLiteral("http://example.org/a=b#frag")); // split on the first '=' only
        QCOMPARE(file->find(QStringLiteral("agent_command"))->value, QStringLiteral("  spaced  "));
        QCOMPARE(file->find(QStringLiteral("my_unknown"))->value, QStringLiteral("kept"));
        // the last of a duplicated key wins
        QCOMPARE(file->find(QStringLiteral("container_timeout"))->value, QStringLiteral("60"));
        QCOMPARE(file->find(QStringLiteral("container_timeout"))->line, 10);
    }

    void setChangesOnlyItsLine_data()
    {
        QTest::addColumn<QByteArray>("eol");
        QTest::addColumn<QByteArray>("bom");
        QTest::newRow("lf") << QByteArray("\n") << QByteArray();
        QTest::newRow("crlf+bom") << QByteArray("\r\n") << QByteArray("\xEF\xBB\xBF");
    }
    void setChangesOnlyItsLine()
    {
        QFETCH(QByteArray, eol);
        QFETCH(QByteArray, bom);
        const QByteArray input = bom + QByteArray(kSample).replace("\n", eol);
        Result<EnvFile> file = EnvFile::parse(input, QStringLiteral("f"));
        QVERIFY(file.ok());
        QVERIFY(file->set(QStringLiteral("container_image"), QStringLiteral("alpine")).ok());
        QVERIFY(file->set(QStringLiteral("agent_command"), QStringLiteral("bash")).ok());
        QVERIFY(file->set(QStringLiteral("container_network"), QStringLiteral("none")).ok());
        const QByteArray expected = bom
                                    + QByteArray(kSample)
                                          .replace("container_image = rust-dev", "container_image = alpine")
                                          .replace("agent_command=\"  spaced  \"", "agent_command=\"bash\"")
                                          .append("container_network=none\n")
                                          .replace("\n", eol);
        QCOMPARE(file->toBytes(), expected);
    }

    void setReplacesLastDuplicateOnly()
    {
        Result<EnvFile> file = EnvFile::parse(kSample, QStringLiteral("f"));
        QVERIFY(file->set(QStringLiteral("container_timeout"), QStringLiteral("5")).ok());
        QVERIFY(file->toBytes().contains("container_timeout=30\n"));
        QVERIFY(file->toBytes().contains("container_timeout=5\n"));
        QCOMPARE(file->find(QStringLiteral("container_timeout"))->value, QStringLiteral("5"));
    }

    void setAppendsAfterLineWithoutNewline()
    {
        Result<EnvFile> file = EnvFile::parse("a=1\r\nb=2", QStringLiteral("f"));
        QVERIFY(file->set(QStringLiteral("c"), QStringLiteral("3")).ok());
        QCOMPARE(file->toBytes(), QByteArray("a=1\r\nb=2\r\nc=3\r\n"));
    }

    // Found by fuzz_envfile: a key appended after a last line ending in a lone CR joined that line.
    void setAppendsAfterLastLineEndingInLoneCr()
    {
        Result<EnvFile> file = EnvFile::parse("a=1\r\nb=2\r", QStringLiteral("f"));
        QCOMPARE(file->find(QStringLiteral("b"))->value, QStringLiteral("2"));
        QVERIFY(file->set(QStringLiteral("c"), QStringLiteral("3")).ok());
        QCOMPARE(file->toBytes(), QByteArray("a=1\r\nb=2\r\r\nc=3\r\n"));
        const Result<EnvFile> again = EnvFile::parse(file->toBytes(), QStringLiteral("f"));
        QCOMPARE(again->find(QStringLiteral("c"))->value, QStringLiteral("3"));
    }

    // Found by fuzz_envfile: setting a key to the value it has rewrote the line in another spelling.
    void setToCurrentValueChangesNothing()
    {
        const QByteArray bytes("a = 1  \nb=x\ry\n");
        Result<EnvFile> file = EnvFile::parse(bytes, QStringLiteral("f"));
        QVERIFY(file->set(QStringLiteral("a"), QStringLiteral("1")).ok());
        QVERIFY(file->set(QStringLiteral("b"), QStringLiteral("x\ry")).ok());
        QCOMPARE(file->toBytes(), bytes);
    }

    void setQuotesWhenNeeded()
    {
        EnvFile file;
        QVERIFY(file.set(QStringLiteral("k"), QStringLiteral(" lead")).ok());
        QCOMPARE(file.toBytes(), QByteArray("k=\" lead\"\n"));
        const Result<EnvFile> again = EnvFile::parse(file.toBytes(), QStringLiteral("f"));
        QCOMPARE(again->find(QStringLiteral("k"))->value, QStringLiteral(" lead"));
    }

    void setRefusesMultilineAndBadKeys()
    {
        EnvFile file;
        QVERIFY(!file.set(QStringLiteral("k"), QStringLiteral("a\nb")).ok());
        QVERIFY(!file.set(QStringLiteral("bad key"), QStringLiteral("v")).ok());
        QVERIFY(!file.set(QStringLiteral("k"), QString(QChar(0))).ok());
        QCOMPARE(file.toBytes(), QByteArray());
    }

    void unsetRemovesEveryOccurrenceAndNothingElse()
    {
        Result<EnvFile> file = EnvFile::parse(kSample, QStringLiteral("f"));
        QVERIFY(file->unset(QStringLiteral("container_timeout")));
        QVERIFY(!file->unset(QStringLiteral("container_timeout")));
        QByteArray expected = kSample;
        expected.replace("container_timeout=30\n", "").replace("container_timeout=60\n", "");
        QCOMPARE(file->toBytes(), expected);
    }

    void rejectsBadLines_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("no equals") << QByteArray("a=1\njust words\n") << QStringLiteral("f:2: 'just words' has no '='");
        QTest::newRow("nul") << QByteArray("a=1\nb=x\0y\n", 10) << QStringLiteral("f:2: contains a NUL byte");
        QTest::newRow("bad utf8") << QByteArray("# ok\n\n# \xC3\x28\n") << QStringLiteral("f:3: is not valid UTF-8");
        QTest::newRow("bad key") << QByteArray("a b=1\n") << QStringLiteral("f:1: 'a b' is not a valid key");
    }
    void rejectsBadLines()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, fragment);
        const Result<EnvFile> file = EnvFile::parse(bytes, QStringLiteral("f"));
        QVERIFY(!file.ok());
        QVERIFY2(file.error().message.contains(fragment), qPrintable(file.error().message));
    }

    void saveIsAtomicAndKeepsPermissions()
    {
        TempHome tmp;
        const QString path = tmp.path(QStringLiteral("scorpiox-env.txt"));
        QVERIFY(TempHome::writeFile(path, kSample));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
        QVERIFY(EnvFile::edit(path, [](EnvFile &f) { return f.set(QStringLiteral("container_image"), QStringLiteral("x")); })
                    .ok());
        struct stat st {};
        QVERIFY(::stat(QFile::encodeName(path).constData(), &st) == 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0640));
        QVERIFY(TempHome::readFile(path).contains("container_image = x\n"));
        QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
        QCOMPARE(QDir(tmp.path(QString())).entryList(QDir::Files | QDir::Hidden).size(), 1); // no temp file left
    }

    void saveRefusesReadOnlyFile()
    {
        if (::geteuid() == 0)
            QSKIP("root can write read-only files; this test needs an unprivileged user");
        TempHome tmp;
        const QString path = tmp.path(QStringLiteral("scorpiox-env.txt"));
        QVERIFY(TempHome::writeFile(path, kSample));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0444) == 0);
        const Result<void> saved =
            EnvFile::edit(path, [](EnvFile &f) { return f.set(QStringLiteral("container_image"), QStringLiteral("x")); });
        QVERIFY(!saved.ok());
        QVERIFY2(saved.error().message.contains(QStringLiteral("read-only")), qPrintable(saved.error().message));
        QCOMPARE(TempHome::readFile(path), kSample);
    }

    void failedChangeWritesNothing()
    {
        TempHome tmp;
        const QString path = tmp.path(QStringLiteral("scorpiox-env.txt"));
        QVERIFY(TempHome::writeFile(path, kSample));
        const Result<void> saved = EnvFile::edit(path, [](EnvFile &f) -> Result<void> {
            (void)f.set(QStringLiteral("a"), QStringLiteral("1"));
            return Error::invalid(QStringLiteral("refused"));
        });
        QVERIFY(!saved.ok());
        QCOMPARE(TempHome::readFile(path), kSample);
    }

    void editWithoutChangeCreatesNoFile()
    {
        TempHome tmp;
        const QString path = tmp.path(QStringLiteral("absent/scorpiox-env.txt"));
        QVERIFY(EnvFile::edit(path, [](EnvFile &f) -> Result<void> {
                    f.unset(QStringLiteral("x"));
                    return {};
                }).ok());
        QVERIFY(!QFile::exists(path));
    }
};

const QByteArray TestEnvFile::kSample = "# Container configuration\n"
                                        "container_enabled=true\n"
                                        "container_image = rust-dev\n"
                                        "\n"
                                        "container_timeout=30\n"
                                        "IMAGE_BASE_URL=http://example.org/a=b#frag\n"
                                        "agent_command=\"  spaced  \"\n"
                                        "  # indented comment\n"
                                        "my_unknown=kept\n"
                                        "container_timeout=60\n";

QTEST_GUILESS_MAIN(TestEnvFile)
#include "tst_envfile.moc"
