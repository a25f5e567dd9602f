// SPDX-License-Identifier: GPL-3.0-or-later
#include "TempHome.h"
#include "config/SettingsDraft.h"

#include <QSignalSpy>
#include <QTest>

namespace {

const QByteArray kFile = "\xEF\xBB\xBF# Scorpiox settings\r\n"
                         "\r\n"
                         "container_network = isolated   \r\n"
                         "MY_OWN_KEY=keep me\r\n"
                         "# timeout in seconds\r\n"
                         "container_timeout=\"600\"\r\n";

} // namespace

class TestSettingsDraft : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void editsKeepEverythingElse()
    {
        TempHome home;
        const QString path = home.home() + QStringLiteral("/scorpiox-env.txt");
        QVERIFY(TempHome::writeFile(path, kFile));
        SettingsDraft draft(path);
        QVERIFY(draft.load().ok());
        QVERIFY(!draft.isModified());
        QVERIFY(draft.isValid());
        QCOMPARE(draft.value(QStringLiteral("container_network")), QStringLiteral("isolated"));
        QCOMPARE(draft.value(QStringLiteral("MY_OWN_KEY")), QStringLiteral("keep me"));

        QSignalSpy changed(&draft, &SettingsDraft::changed);
        draft.setValue(QStringLiteral("container_timeout"), QStringLiteral("90"));
        draft.setValue(QStringLiteral("container_image"), QStringLiteral("alpine"));
        QCOMPARE(changed.size(), 2);
        QVERIFY(draft.isModified());
        QVERIFY(draft.save().ok());
        QVERIFY(!draft.isModified());
        QByteArray expected = kFile;
        expected.replace("container_timeout=\"600\"", "container_timeout=\"90\"");
        expected += "container_image=alpine\r\n";
        QCOMPARE(TempHome::readFile(path), expected);

        // An empty value removes the key; nothing else moves.
        draft.setValue(QStringLiteral("container_image"), QString());
        QVERIFY(draft.save().ok());
        expected.chop(QByteArray("container_image=alpine\r\n").size());
        QCOMPARE(TempHome::readFile(path), expected);
    }

    void invalidValuesBlockSaving()
    {
        TempHome home;
        const QString path = home.home() + QStringLiteral("/scorpiox-env.txt");
        QVERIFY(TempHome::writeFile(path, kFile));
        SettingsDraft draft(path);
        QVERIFY(draft.load().ok());
        draft.setValue(QStringLiteral("container_network"), QStringLiteral("bridge"));
        QVERIFY(!draft.isValid());
        QVERIFY2(draft.error(QStringLiteral("container_network")).contains(QStringLiteral("bridge")),
                 qPrintable(draft.error(QStringLiteral("container_network"))));
        QVERIFY(!draft.savable().ok());
        const Result<void> saved = draft.save();
        QVERIFY(!saved.ok());
        QVERIFY(saved.error().message.startsWith(QStringLiteral("container_network: line 3:")));
        QCOMPARE(TempHome::readFile(path), kFile);
        draft.setValue(QStringLiteral("container_network"), QStringLiteral("none"));
        QVERIFY(draft.isValid());

        // A value the file format cannot hold is refused and reported for its key.
        draft.setValue(QStringLiteral("agent_command"), QStringLiteral("two\nlines"));
        QVERIFY(!draft.isValid());
        QVERIFY(draft.error(QStringLiteral("agent_command")).contains(QStringLiteral("single line")));
    }

    void rawTextIsParsedAndJudged()
    {
        TempHome home;
        const QString path = home.home() + QStringLiteral("/scorpiox-env.txt");
        SettingsDraft draft(path);
        QVERIFY(draft.load().ok()); // no file yet: an empty draft
        QVERIFY(draft.text().isEmpty());
        draft.setText("# mine\ncontainer_memory_mb=12x\nOTHER=1\n");
        QVERIFY(!draft.isValid());
        QVERIFY(!draft.error(QStringLiteral("container_memory_mb")).isEmpty());
        QVERIFY(draft.error(QStringLiteral("OTHER")).isEmpty());

        draft.setText("this line has no equals sign\n");
        QVERIFY(!draft.textError().isEmpty());
        QCOMPARE(draft.text(), QByteArray("this line has no equals sign\n")); // nothing typed is lost
        QVERIFY(!draft.save().ok());
        QVERIFY(!QFile::exists(path));

        draft.setText("# mine\ncontainer_memory_mb=2048\nOTHER=1\n");
        QVERIFY(draft.isValid());
        QCOMPARE(draft.value(QStringLiteral("container_memory_mb")), QStringLiteral("2048"));
        QVERIFY(draft.save().ok());
        QCOMPARE(TempHome::readFile(path), QByteArray("# mine\ncontainer_memory_mb=2048\nOTHER=1\n"));
        QCOMPARE(draft.savedText(), TempHome::readFile(path));
    }

    void writeIsAtomicAndRefusesUnreadableText()
    {
        TempHome home;
        const QString path = home.home() + QStringLiteral("/scorpiox-env.txt");
        QVERIFY(TempHome::writeFile(path, "A=1\n"));
        QVERIFY(!SettingsDraft::write(path, "no equals\n").ok());
        QCOMPARE(TempHome::readFile(path), QByteArray("A=1\n"));
        QVERIFY(SettingsDraft::write(path, "A=2\n").ok());
        QCOMPARE(TempHome::readFile(path), QByteArray("A=2\n"));
    }
};

QTEST_GUILESS_MAIN(TestSettingsDraft)
#include "tst_settingsdraft.moc"
