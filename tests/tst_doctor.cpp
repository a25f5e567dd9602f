// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliRunner.h"
#include "ImageServer.h"
#include "TempHome.h"
#include "config/Settings.h"
#include "doctor/HostCheck.h"

#include <QElapsedTimer>
#include <QTest>

#include <optional>

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

    void stalledRegistryGivesUpAfterImageTimeout()
    {
        ImageServer server;
        server.setSilent("/index.json");
        TempHome tmp;
        QVERIFY(TempHome::writeFile(tmp.home() + QStringLiteral("/scorpiox-env.txt"),
                                    "IMAGE_TIMEOUT=1\nIMAGE_BASE_URL=" + server.baseUrl().toEncoded() + '\n'));
        Settings settings(tmp.home(), tmp.project());
        QVERIFY(!hasErrors(settings.load()));

        QObject context;
        std::optional<HostCheck> check;
        QElapsedTimer clock;
        clock.start();
        HostCheck::checkRegistry(settings, &context, [&check](const HostCheck &found) { check = found; });
        QTRY_VERIFY_WITH_TIMEOUT(check.has_value(), 10000);
        QVERIFY2(clock.elapsed() >= 900 && clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(check->status, HostCheck::Status::Warning);
        const QString url = server.baseUrl().toString();
        QCOMPARE(check->detail, QStringLiteral("cannot reach the image registry %1: %1index.json sent nothing for 1 s; "
                                               "check the server, or raise IMAGE_TIMEOUT (now 1)")
                                    .arg(url));
    }

    void cliDoctorTakesImageTimeoutFromTheProject()
    {
        ImageServer server;
        server.setSilent("/index.json");
        TempHome tmp;
        QVERIFY(TempHome::writeFile(tmp.home() + QStringLiteral("/scorpiox-env.txt"),
                                    "IMAGE_BASE_URL=" + server.baseUrl().toEncoded() + '\n'));
        QVERIFY(TempHome::writeFile(tmp.project() + QStringLiteral("/scorpiox-env.txt"), "IMAGE_TIMEOUT=2\n"));
        const CliResult r = CliRunner::cli({QStringLiteral("doctor")}, tmp.project());
        QVERIFY(r.finished);
        QVERIFY2(r.out.contains(QByteArray("warn  registry: cannot reach the image registry " + server.baseUrl().toEncoded()
                                           + ": " + server.baseUrl().toEncoded()
                                           + "index.json sent nothing for 2 s; check the server, or raise IMAGE_TIMEOUT (now 2)\n"
                                             "      fix: check IMAGE_BASE_URL and the network")),
                 r.out.constData());
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
