// SPDX-License-Identifier: GPL-3.0-or-later
#include "TempHome.h"
#include "config/Settings.h"
#include "config/SettingsSchema.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsCoverEveryDesignKey()
    {
        TempHome tmp;
        Settings settings(tmp.home(), tmp.project());
        QVERIFY(settings.load().isEmpty());
        const QHash<QString, QString> expected = {
            {QStringLiteral("container_enabled"), QStringLiteral("true")},
            {QStringLiteral("container_image"), QStringLiteral("default")},
            {QStringLiteral("container_network"), QStringLiteral("host")},
            {QStringLiteral("container_mount_ro"), QString()},
            {QStringLiteral("container_cache_dir"), tmp.home() + QStringLiteral("/containers")},
            {QStringLiteral("container_timeout"), QStringLiteral("3600")},
            {QStringLiteral("container_memory_mb"), QStringLiteral("4096")},
            {QStringLiteral("IMAGE_BASE_URL"), QStringLiteral("https://dist.scorpiox.net/container-images/")},
            {QStringLiteral("CONTAINER_PACKAGES"), QStringLiteral("git,cmake,gcc,make,curl,samurai")},
            {QStringLiteral("CONTAINER_PACKAGES_TIMEOUT"), QStringLiteral("900")},
            {QStringLiteral("IMAGE_TIMEOUT"), QStringLiteral("30")},
            {QStringLiteral("TMUX_WSL_EXTRA_ARGS"), QString()},
            {QStringLiteral("TMUX_WSL_VOLUME_MOUNT"), QString()},
            {QStringLiteral("container_protect_paths"), QStringLiteral(".git/hooks,.git/config")},
            {QStringLiteral("agent_command"), QStringLiteral("scorpiox-code --provider anthropic")},
        };
        QCOMPARE(SettingsSchema::keys().size(), expected.size());
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            QCOMPARE(settings.value(it.key()), it.value());
            QCOMPARE(settings.effective(it.key()).origin, Settings::Origin::Default);
        }
    }

    void layersInOrder()
    {
        TempHome tmp;
        Settings settings(tmp.home(), tmp.project());
        QVERIFY(TempHome::writeFile(settings.globalFile(),
                                    "container_image=global-img\ncontainer_timeout=100\ncontainer_network=none\n"));
        QVERIFY(TempHome::writeFile(settings.projectFile(), "# project\ncontainer_image=project-img\n"));
        QVERIFY(settings.load().isEmpty());
        QCOMPARE(settings.value(QStringLiteral("container_image")), QStringLiteral("project-img"));
        QCOMPARE(settings.effective(QStringLiteral("container_image")).origin, Settings::Origin::Project);
        QCOMPARE(settings.effective(QStringLiteral("container_image")).line, 2);
        QCOMPARE(settings.effective(QStringLiteral("container_image")).file, settings.projectFile());
        QCOMPARE(settings.intValue(QStringLiteral("container_timeout")), 100);
        QCOMPARE(settings.effective(QStringLiteral("container_timeout")).origin, Settings::Origin::Global);
        QCOMPARE(settings.effective(QStringLiteral("container_memory_mb")).origin, Settings::Origin::Default);

        QSignalSpy changed(&settings, &Settings::changed);
        QVERIFY(settings.setOverride(QStringLiteral("container_network"), QStringLiteral("isolated")).ok());
        QCOMPARE(settings.value(QStringLiteral("container_network")), QStringLiteral("isolated"));
        QCOMPARE(settings.effective(QStringLiteral("container_network")).origin, Settings::Origin::CommandLine);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.first().first().toString(), QStringLiteral("container_network"));
        // an override survives a reload of the files
        QVERIFY(settings.load().isEmpty());
        QCOMPARE(settings.value(QStringLiteral("container_network")), QStringLiteral("isolated"));
    }

    void invalidValuesNameFileLineKeyAndAcceptedValues_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QStringList>("fragments");
        QTest::newRow("network") << QByteArray("container_network=bridge")
                                 << QStringList{QStringLiteral(":2: container_network: 'bridge'"),
                                                QStringLiteral("accepted: host, isolated, none")};
        QTest::newRow("negative timeout") << QByteArray("container_timeout=-5")
                                          << QStringList{QStringLiteral(":2: container_timeout: '-5'"),
                                                         QStringLiteral("accepted: a whole number from 0")};
        QTest::newRow("memory words") << QByteArray("container_memory_mb=lots")
                                      << QStringList{QStringLiteral(":2: container_memory_mb: 'lots'"),
                                                     QStringLiteral("MiB")};
        QTest::newRow("bool") << QByteArray("container_enabled=maybe")
                              << QStringList{QStringLiteral(":2: container_enabled: 'maybe'"),
                                             QStringLiteral("accepted: true, false")};
        QTest::newRow("url") << QByteArray("IMAGE_BASE_URL=ftp://x/")
                             << QStringList{QStringLiteral("IMAGE_BASE_URL"), QStringLiteral("http://, https://")};
        QTest::newRow("image") << QByteArray("container_image=../evil")
                               << QStringList{QStringLiteral("container_image"), QStringLiteral("no '/'")};
        QTest::newRow("protect") << QByteArray("container_protect_paths=../outside")
                                 << QStringList{QStringLiteral("container_protect_paths"), QStringLiteral("without '..'")};
        QTest::newRow("mount_ro") << QByteArray("container_mount_ro=relative/dir")
                                  << QStringList{QStringLiteral("container_mount_ro"), QStringLiteral("absolute")};
        QTest::newRow("no equals") << QByteArray("container_image")
                                   << QStringList{QStringLiteral(":2: 'container_image' has no '='")};
    }
    void invalidValuesNameFileLineKeyAndAcceptedValues()
    {
        QFETCH(QByteArray, line);
        QFETCH(QStringList, fragments);
        TempHome tmp;
        Settings settings(tmp.home(), tmp.project());
        const QByteArray bytes = "# comment\n" + line + "\n";
        QVERIFY(TempHome::writeFile(settings.projectFile(), bytes));
        const QList<Diagnostic> diagnostics = settings.load();
        QVERIFY(hasErrors(diagnostics));
        const QString text = diagnostics.first().toString();
        QVERIFY2(text.startsWith(QStringLiteral("error: ") + settings.projectFile()), qPrintable(text));
        for (const QString &fragment : fragments)
            QVERIFY2(text.contains(fragment), qPrintable(text + QStringLiteral(" lacks ") + fragment));
        // a bad value never takes effect, and loading never changes the file
        QCOMPARE(settings.effective(QStringLiteral("container_network")).origin, Settings::Origin::Default);
        QCOMPARE(TempHome::readFile(settings.projectFile()), bytes);
    }

    void unreadableFileIsAnError()
    {
        if (::geteuid() == 0)
            QSKIP("root reads any file; this test needs an unprivileged user");
        TempHome tmp;
        Settings settings(tmp.home(), tmp.project());
        QVERIFY(TempHome::writeFile(settings.globalFile(), "container_image=x\n"));
        QFile::setPermissions(settings.globalFile(), QFileDevice::WriteOwner);
        const QList<Diagnostic> diagnostics = settings.load();
        QVERIFY(hasErrors(diagnostics));
        QVERIFY2(diagnostics.first().toString().contains(QStringLiteral("cannot read ") + settings.globalFile()),
                 qPrintable(diagnostics.first().toString()));
    }

    void unknownKeysWarnAndDuplicatesWarnLastWins()
    {
        TempHome tmp;
        Settings settings(tmp.home(), tmp.project());
        QVERIFY(TempHome::writeFile(settings.projectFile(),
                                    "Container_Image=x\nmy_tool_key=1\ncontainer_timeout=10\ncontainer_timeout=20\n"));
        const QList<Diagnostic> diagnostics = settings.load();
        QVERIFY(!hasErrors(diagnostics));
        QCOMPARE(diagnostics.size(), 3);
        QVERIFY(diagnostics[0].toString().contains(QStringLiteral("did you mean container_image?")));
        QCOMPARE(diagnostics[1].key, QStringLiteral("my_tool_key"));
        QCOMPARE(diagnostics[2].line, 4);
        QVERIFY(diagnostics[2].message.contains(QStringLiteral("repeats line 3")));
        QCOMPARE(settings.intValue(QStringLiteral("container_timeout")), 20);
        QCOMPARE(settings.unknownKeys(), (QStringList{QStringLiteral("Container_Image"), QStringLiteral("my_tool_key")}));
    }

    void tildeExpandsOnlyInPathsAndNoVariableExpansion()
    {
        TempHome tmp;
        Settings settings(tmp.home(), tmp.project());
        QVERIFY(TempHome::writeFile(settings.globalFile(),
                                    "container_cache_dir=~/cache\nagent_command=echo $HOME ~\n"
                                    "container_mount_ro=~/docs, /etc/ssl/certs\n"));
        QVERIFY(settings.load().isEmpty());
        QCOMPARE(settings.pathValue(QStringLiteral("container_cache_dir")), QDir::homePath() + QStringLiteral("/cache"));
        QCOMPARE(settings.value(QStringLiteral("agent_command")), QStringLiteral("echo $HOME ~"));
        QCOMPARE(settings.listValue(QStringLiteral("container_mount_ro")),
                 (QStringList{QStringLiteral("~/docs"), QStringLiteral("/etc/ssl/certs")}));
    }

    void listsAndNone()
    {
        TempHome tmp;
        Settings settings(tmp.home(), tmp.project());
        QVERIFY(TempHome::writeFile(settings.projectFile(), "CONTAINER_PACKAGES=none\ncontainer_protect_paths= a , b/c ,\n"));
        QVERIFY(settings.load().isEmpty());
        QVERIFY(settings.listValue(QStringLiteral("CONTAINER_PACKAGES")).isEmpty());
        QCOMPARE(settings.listValue(QStringLiteral("container_protect_paths")),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b/c")}));
    }

    void overrideIsValidated()
    {
        TempHome tmp;
        Settings settings(tmp.home(), tmp.project());
        const Result<void> bad = settings.setOverride(QStringLiteral("container_network"), QStringLiteral("bridge"));
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().message.contains(QStringLiteral("accepted: host, isolated, none")));
        QCOMPARE(settings.value(QStringLiteral("container_network")), QStringLiteral("host"));
        QVERIFY(!settings.setOverride(QStringLiteral("no_such_key"), QStringLiteral("1")).ok());
        QVERIFY(settings.setOverride(QStringLiteral("container_enabled"), QStringLiteral("No")).ok());
        QCOMPARE(settings.boolValue(QStringLiteral("container_enabled")), false);
    }
};

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
