// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "TempHome.h"

#include <QTest>

class TestDoctor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsEveryCheckWithFixes()
    {
        TempHome tmp;
        QTemporaryDir registry;
        QVERIFY(TempHome::writeFile(registry.filePath(QStringLiteral("index.json")),
                                    R"({"images":[{"name":"alpine","file":"alpine.tar.gz"}]})"));
        QVERIFY(TempHome::writeFile(tmp.home() + QStringLiteral("/scorpiox-env.txt"),
                                    "IMAGE_BASE_URL=file://" + registry.path().toUtf8() + "/\n"));
        const CliResult r = CliRunner::cli({QStringLiteral("doctor")}, tmp.project());
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 0);
        for (const char *subject : {"settings:", "user namespaces: enabled", "launcher:", "overlayfs in a user namespace: works",
                                    "fuse-overlayfs:", "uid/gid ranges:", "memory limit (cgroup v2):", "wsl.exe:",
                                    "image cache:", "cache size:", "registry: file://"})
            QVERIFY2(r.out.contains(subject), qPrintable(QString::fromUtf8(r.out) + QLatin1String(" lacks ") + QLatin1String(subject)));
        QVERIFY(r.out.contains("lists 1 image(s)"));
        // Every warning comes with a fix.
        const QList<QByteArray> lines = r.out.split('\n');
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (lines[i].startsWith("warn") || lines[i].startsWith("FAIL"))
                QVERIFY2(lines.value(i + 1).trimmed().startsWith("fix: "), lines[i].constData());
        }
    }

    void failuresSayHowToFixThem()
    {
        TempHome tmp;
        QVERIFY(TempHome::writeFile(tmp.home() + QStringLiteral("/scorpiox-env.txt"),
                                    "container_network=bridge\nIMAGE_BASE_URL=http://127.0.0.1:9/\n"));
        qputenv("SCORPIOX_UNSHARE", "/nonexistent/scorpiox-unshare");
        const CliResult r = CliRunner::cli({QStringLiteral("doctor")}, tmp.project());
        qunsetenv("SCORPIOX_UNSHARE");
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.contains("FAIL  launcher: /nonexistent/scorpiox-unshare is missing"));
        QVERIFY(r.out.contains("FAIL  settings: error: "));
        QVERIFY(r.out.contains("container_network: 'bridge'"));
        QVERIFY(r.out.contains("warn  registry: cannot reach the image registry http://127.0.0.1:9/"));
    }

    void wslThroughTheSimulator()
    {
        TempHome tmp;
        QTemporaryDir state;
        qputenv("SCORPIOX_WSL_EXE", SCORPIOX_SOURCE_DIR "/tests/fixtures/wsl-sim/wsl.exe");
        qputenv("SCORPIOX_WSL_SIM_STATE", state.path().toUtf8());
        CliResult r = CliRunner::cli({QStringLiteral("doctor")}, tmp.project());
        QVERIFY2(r.out.contains("ok    wsl.exe: " SCORPIOX_SOURCE_DIR), r.out.constData());
        qputenv("SCORPIOX_WSL_SIM_FAULTS", "missing");
        r = CliRunner::cli({QStringLiteral("doctor")}, tmp.project());
        qunsetenv("SCORPIOX_WSL_SIM_FAULTS");
        qunsetenv("SCORPIOX_WSL_EXE");
        QVERIFY2(r.out.contains("FAIL  wsl.exe:"), r.out.constData());
        QCOMPARE(r.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestDoctor)
#include "tst_doctor.moc"
