// SPDX-License-Identifier: GPL-3.0-or-later
#include "launch/CommandWords.h"

#include <QTest>

namespace {

/// The expected words, written as one string separated by '|'.
QStringList words(const char8_t *joined)
{
    return QString::fromUtf8(reinterpret_cast<const char *>(joined)).split(QLatin1Char('|'));
}

} // namespace

class TestCommandWords : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splits_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("words");
        QTest::newRow("empty") << QString() << QStringList();
        QTest::newRow("blanks") << QStringLiteral("  \t ") << QStringList();
        QTest::newRow("plain") << QStringLiteral("ls  -la /tmp") << words(u8"ls|-la|/tmp");
        QTest::newRow("single") << QStringLiteral("sh -c 'echo $HOME \"x\"'") << words(u8"sh|-c|echo $HOME \"x\"");
        QTest::newRow("double") << QStringLiteral("echo \"a 'b' \\\"c\\\" \\n\"") << words(u8"echo|a 'b' \"c\" \\n");
        QTest::newRow("backslash") << QStringLiteral("a\\ b c\\'d") << words(u8"a b|c'd");
        QTest::newRow("joined") << QStringLiteral("x'y z'\"w\"") << words(u8"xy zw");
        QTest::newRow("empty quotes") << QStringLiteral("printf '' \"\"") << words(u8"printf||");
        QTest::newRow("unicode") << QStringLiteral("echo 'héllo wörld'") << words(u8"echo|héllo wörld");
    }

    void splits()
    {
        QFETCH(QString, line);
        QFETCH(QStringList, words);
        const Result<QStringList> split = CommandWords::split(line);
        QVERIFY2(split.ok(), qPrintable(split.ok() ? QString() : split.error().message));
        QCOMPARE(*split, words);
    }

    void rejectsWhatAShellWouldNotRead_data()
    {
        QTest::addColumn<QString>("line");
        QTest::newRow("single") << QStringLiteral("sh -c 'echo");
        QTest::newRow("double") << QStringLiteral("echo \"abc");
        QTest::newRow("escaped close") << QStringLiteral("echo \"abc\\\"");
        QTest::newRow("trailing backslash") << QStringLiteral("echo abc\\");
    }

    void rejectsWhatAShellWouldNotRead()
    {
        QFETCH(QString, line);
        const Result<QStringList> split = CommandWords::split(line);
        QVERIFY(!split.ok());
        QVERIFY(split.error().message.contains(QStringLiteral("the command")));
    }
};

QTEST_GUILESS_MAIN(TestCommandWords)
#include "tst_commandwords.moc"
