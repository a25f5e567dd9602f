// SPDX-License-Identifier: GPL-3.0-or-later
// End to end: the real scorpiox-desktop binary with SCORPIOX_HOME in a temporary directory.
#include "CliRunner.h"
#include "TempHome.h"

#include <QProcess>
#include <QTest>

class TestCliConfig : public QObject
{
    Q_OBJECT

private:
    static const QByteArray kCommented;

private Q_SLOTS:
    void versionHelpAndUnknownCommand()
    {
        const CliResult version = CliRunner::run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out, QByteArray("scorpiox-desktop " SCORPIOX_VERSION "\n"));

        const CliResult help = CliRunner::run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("--cli COMMAND"));
        QVERIFY(help.out.contains("config set KEY VALUE"));

        const CliResult unknown = CliRunner::cli({QStringLiteral("frobnicate")});
        QCOMPARE(unknown.exitCode, 125);
        QCOMPARE(unknown.out, QByteArray());
        QVERIFY(unknown.err.contains("unknown command 'frobnicate'"));
        QCOMPARE(unknown.err.count('\n'), 1);

        QCOMPARE(CliRunner::cli({}).exitCode, 125);
        QCOMPARE(CliRunner::run({QStringLiteral("--bogus")}).exitCode, 125);
    }

    void listShowsValueAndOrigin()
    {
        TempHome tmp;
        QVERIFY(TempHome::writeFile(tmp.home() + QStringLiteral("/scorpiox-env.txt"), "container_timeout=99\n"));
        QVERIFY(TempHome::writeFile(tmp.project() + QStringLiteral("/scorpiox-env.txt"),
                                    "\n\ncontainer_network=none\nmy_key=1\n"));
        const CliResult r = CliRunner::cli({QStringLiteral("config"), QStringLiteral("list")}, tmp.project());
        QCOMPARE(r.exitCode, 0);
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("container_network +none\\t# project \\(.*/project/"
                                                                "scorpiox-env.txt:3\\)"))),
                 qPrintable(out));
        QVERIFY(out.contains(QRegularExpression(QStringLiteral("container_timeout +99\\t# global \\("))));
        QVERIFY(out.contains(QRegularExpression(QStringLiteral("container_image +default\\t# default\n"))));
        QVERIFY(out.contains(QStringLiteral("my_key")));
        QVERIFY(r.err.contains("my_key: unknown key"));
    }

    void setGetUnsetKeepComments()
    {
        TempHome tmp;
        const QString file = tmp.project() + QStringLiteral("/scorpiox-env.txt");
        QVERIFY(TempHome::writeFile(file, kCommented));

        CliResult r = CliRunner::cli({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("container_image"),
                                      QStringLiteral("alpine")},
                                     tmp.project());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(TempHome::readFile(file), QByteArray(kCommented).replace("container_image=rust-dev", "container_image=alpine"));

        r = CliRunner::cli({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("container_image")}, tmp.project());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QByteArray("alpine\n"));

        r = CliRunner::cli({QStringLiteral("config"), QStringLiteral("unset"), QStringLiteral("container_image")},
                           tmp.project());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(TempHome::readFile(file), QByteArray(kCommented).replace("container_image=rust-dev\r\n", ""));
        r = CliRunner::cli({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("container_image")}, tmp.project());
        QCOMPARE(r.out, QByteArray("default\n"));

        // unknown keys can be read back from the file
        r = CliRunner::cli({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("tool_key")}, tmp.project());
        QCOMPARE(r.out, QByteArray("keep me\n"));
        r = CliRunner::cli({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("nothing_here")}, tmp.project());
        QCOMPARE(r.exitCode, 125);
    }

    void setGlobalWritesTheGlobalFile()
    {
        TempHome tmp;
        const CliResult r = CliRunner::cli({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("--global"),
                                            QStringLiteral("container_network"), QStringLiteral("isolated")},
                                           tmp.project());
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(TempHome::readFile(tmp.home() + QStringLiteral("/scorpiox-env.txt")),
                 QByteArray("container_network=isolated\n"));
        QVERIFY(!QFile::exists(tmp.project() + QStringLiteral("/scorpiox-env.txt")));
        // --project points elsewhere than the working directory
        const CliResult get = CliRunner::cli({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("container_network"),
                                              QStringLiteral("--project"), tmp.project()},
                                             QStringLiteral("/"));
        QCOMPARE(get.out, QByteArray("isolated\n"));
    }

    void setRefusesInvalidValuesAndLeavesTheFileUntouched_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("fragment");
        QTest::newRow("network") << QStringLiteral("container_network") << QStringLiteral("bridge")
                                 << QByteArray("accepted: host, isolated, none");
        QTest::newRow("timeout") << QStringLiteral("container_timeout") << QStringLiteral("-5") << QByteArray("whole number");
        QTest::newRow("memory") << QStringLiteral("container_memory_mb") << QStringLiteral("lots") << QByteArray("whole number");
        QTest::newRow("enabled") << QStringLiteral("container_enabled") << QStringLiteral("maybe") << QByteArray("true, false");
        QTest::newRow("bad key") << QStringLiteral("a-b") << QStringLiteral("1") << QByteArray("not a valid key");
    }
    void setRefusesInvalidValuesAndLeavesTheFileUntouched()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QByteArray, fragment);
        TempHome tmp;
        const QString file = tmp.project() + QStringLiteral("/scorpiox-env.txt");
        QVERIFY(TempHome::writeFile(file, kCommented));
        const CliResult r = CliRunner::cli({QStringLiteral("config"), QStringLiteral("set"), key, value}, tmp.project());
        QCOMPARE(r.exitCode, 125);
        QVERIFY2(r.err.contains(fragment), r.err.constData());
        QCOMPARE(TempHome::readFile(file), kCommented);
    }

    void setRefusesToEditAnInvalidFile()
    {
        TempHome tmp;
        const QString file = tmp.project() + QStringLiteral("/scorpiox-env.txt");
        const QByteArray broken = "container_image=x\nthis line is broken\n";
        QVERIFY(TempHome::writeFile(file, broken));
        const CliResult r = CliRunner::cli({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("container_image"),
                                            QStringLiteral("y")},
                                           tmp.project());
        QCOMPARE(r.exitCode, 125);
        QVERIFY(r.err.contains("scorpiox-env.txt:2"));
        QCOMPARE(TempHome::readFile(file), broken);
    }

    void validateReportsEveryProblem()
    {
        TempHome tmp;
        QVERIFY(TempHome::writeFile(tmp.project() + QStringLiteral("/scorpiox-env.txt"),
                                    "container_network=bridge\ncontainer_timeout=-5\n"));
        const CliResult bad = CliRunner::cli({QStringLiteral("config"), QStringLiteral("validate")}, tmp.project());
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains("scorpiox-env.txt:1: container_network: 'bridge'"));
        QVERIFY(bad.err.contains("scorpiox-env.txt:2: container_timeout: '-5'"));

        QVERIFY(TempHome::writeFile(tmp.project() + QStringLiteral("/scorpiox-env.txt"), "container_network=none\n"));
        const CliResult good = CliRunner::cli({QStringLiteral("config"), QStringLiteral("validate")}, tmp.project());
        QCOMPARE(good.exitCode, 0);
        QVERIFY(good.out.startsWith("ok: "));
    }

    void concurrentSetsLoseNothing()
    {
        TempHome tmp;
        const QString file = tmp.home() + QStringLiteral("/scorpiox-env.txt");
        QVERIFY(TempHome::writeFile(file, "# shared by many writers\n"));
        constexpr int writers = 12;
        constexpr int rounds = 4;
        std::vector<std::unique_ptr<QProcess>> processes;
        // Each writer runs a shell loop so that sets from different processes really overlap.
        for (int w = 0; w < writers; ++w) {
            auto p = std::make_unique<QProcess>();
            QString script;
            for (int r = 0; r < rounds; ++r)
                script += QStringLiteral("\"$0\" --cli config set --global key_%1_%2 v%2 2>/dev/null || exit 1\n").arg(w).arg(r);
            p->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script, QStringLiteral(SCORPIOX_DESKTOP_BIN)});
            processes.push_back(std::move(p));
        }
        for (auto &p : processes) {
            QVERIFY(p->waitForFinished(120000));
            QCOMPARE(p->exitCode(), 0);
        }
        const QByteArray bytes = TempHome::readFile(file);
        QVERIFY(bytes.startsWith("# shared by many writers\n"));
        for (int w = 0; w < writers; ++w) {
            for (int r = 0; r < rounds; ++r)
                QVERIFY2(bytes.contains(QStringLiteral("key_%1_%2=v%2\n").arg(w).arg(r).toUtf8()), bytes.constData());
        }
        QCOMPARE(bytes.count('\n'), 1 + writers * rounds);
    }

};

const QByteArray TestCliConfig::kCommented = "\xEF\xBB\xBF# my project\r\n"
                                             "container_image=rust-dev\r\n"
                                             "\r\n"
                                             "# a tool of ours\r\n"
                                             "tool_key=keep me\r\n";

QTEST_GUILESS_MAIN(TestCliConfig)
#include "tst_cli_config.moc"
