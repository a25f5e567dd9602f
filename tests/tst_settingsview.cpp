// SPDX-License-Identifier: GPL-3.0-or-later
// The settings editor through its widgets: the editor per key type, invalid input marked at
// once with Save disabled, saving through the round-tripping writer, the raw-text tab, and
// reloading when the file changes on disk.
#include "TempHome.h"
#include "config/Settings.h"
#include "config/SettingsDraft.h"
#include "settings/PackageListEdit.h"
#include "settings/PathEdit.h"
#include "settings/SettingsFileEditor.h"
#include "settings/SettingsKeyModel.h"
#include "settings/SettingsView.h"
#include "widgets/MessageBar.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

namespace {

const QByteArray kGlobal = "# Global settings for Scorpiox\n"
                           "\n"
                           "# where images come from\n"
                           "IMAGE_BASE_URL=https://mirror.example/images/\n"
                           "MY_TEAM_KEY = do not touch\n"
                           "container_timeout=600  \n";

template<typename T>
T *editorFor(SettingsFileEditor &editor, const QString &key)
{
    const int row = editor.model()->rowOf(key);
    return qobject_cast<T *>(editor.form()->indexWidget(editor.model()->index(row, SettingsKeyModel::Value)));
}

QPushButton *barButton(MessageBar *bar, const QString &text)
{
    for (QPushButton *button : bar->findChildren<QPushButton *>()) {
        if (button->text() == text && !button->isHidden())
            return button;
    }
    return nullptr;
}

} // namespace

/// The editor reads its file off the GUI thread: true once it has.
bool waitLoaded(SettingsFileEditor &editor)
{
    QSignalSpy loaded(&editor, &SettingsFileEditor::loaded);
    return loaded.wait(5000);
}

class TestSettingsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void eachKeyGetsItsEditorAndShowsWhereItsValueComesFrom()
    {
        TempHome home;
        QVERIFY(TempHome::writeFile(home.home() + QStringLiteral("/scorpiox-env.txt"), kGlobal));
        QVERIFY(TempHome::writeFile(home.project() + QStringLiteral("/scorpiox-env.txt"), "container_network=none\n"));
        Settings settings(home.home(), home.project());
        QVERIFY(!hasErrors(settings.load()));
        SettingsView view(&settings);
        SettingsFileEditor &global = *view.globalEditor();
        QSignalSpy globalLoaded(&global, &SettingsFileEditor::loaded);
        QSignalSpy projectLoaded(view.projectEditor(), &SettingsFileEditor::loaded);
        QTRY_VERIFY_WITH_TIMEOUT(globalLoaded.size() == 1 && projectLoaded.size() == 1, 5000);
        QAbstractItemModelTester tester(global.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        QVERIFY(editorFor<QComboBox>(global, QStringLiteral("container_network")));
        QVERIFY(editorFor<QComboBox>(global, QStringLiteral("container_enabled")));
        auto *timeout = editorFor<QSpinBox>(global, QStringLiteral("container_timeout"));
        QVERIFY(timeout);
        QCOMPARE(timeout->value(), 600);
        QVERIFY(timeout->suffix().contains(QStringLiteral("seconds")));
        QVERIFY(editorFor<PathEdit>(global, QStringLiteral("container_cache_dir")));
        QVERIFY(editorFor<PathEdit>(global, QStringLiteral("container_mount_ro")));
        QVERIFY(editorFor<PackageListEdit>(global, QStringLiteral("CONTAINER_PACKAGES")));
        QCOMPARE(editorFor<QLineEdit>(global, QStringLiteral("IMAGE_BASE_URL"))->text(),
                 QStringLiteral("https://mirror.example/images/"));

        const int network = global.model()->rowOf(QStringLiteral("container_network"));
        QCOMPARE(global.model()->index(network, SettingsKeyModel::Effective).data().toString(), QStringLiteral("none"));
        QCOMPARE(global.model()->index(network, SettingsKeyModel::Origin).data().toString(), QStringLiteral("project file, line 1"));
        const int url = global.model()->rowOf(QStringLiteral("IMAGE_BASE_URL"));
        QCOMPARE(global.model()->index(url, SettingsKeyModel::Origin).data().toString(), QStringLiteral("global file, line 4"));
        const int image = global.model()->rowOf(QStringLiteral("container_image"));
        QCOMPARE(global.model()->index(image, SettingsKeyModel::Origin).data().toString(), QStringLiteral("default"));
        QCOMPARE(editorFor<QComboBox>(*view.projectEditor(), QStringLiteral("container_network"))->currentText(),
                 QStringLiteral("none"));
        QVERIFY(!global.saveButton()->isEnabled()); // nothing edited yet
    }

    void invalidSettingDisablesSave()
    {
        TempHome home;
        QVERIFY(TempHome::writeFile(home.home() + QStringLiteral("/scorpiox-env.txt"), kGlobal));
        Settings settings(home.home(), home.project());
        QVERIFY(!hasErrors(settings.load()));
        SettingsFileEditor editor(settings.globalFile(), &settings);
        QVERIFY(waitLoaded(editor));
        auto *url = editorFor<QLineEdit>(editor, QStringLiteral("IMAGE_BASE_URL"));
        url->selectAll();
        QTest::keyClicks(url, QStringLiteral("ftp://nope"));
        QCOMPARE(url->text(), QStringLiteral("ftp://nope")); // typing is not disturbed by the checks
        QVERIFY(!editor.saveButton()->isEnabled());
        const int row = editor.model()->rowOf(QStringLiteral("IMAGE_BASE_URL"));
        const QString problem = editor.model()->index(row, SettingsKeyModel::Problem).data().toString();
        QVERIFY2(problem.contains(QStringLiteral("ftp://nope")), qPrintable(problem));
        QVERIFY(editor.problemLabel()->text().contains(QStringLiteral("IMAGE_BASE_URL")));
        QVERIFY(editor.model()->index(row, SettingsKeyModel::Value).data(Qt::BackgroundRole).isValid());

        QTest::keyClicks(url, QString()); // nothing
        url->clear();
        QTest::keyClicks(url, QStringLiteral("http://ok.example/"));
        QVERIFY(editor.saveButton()->isEnabled());
        QVERIFY(editor.problemLabel()->text().isEmpty());

        // The raw text is judged the same way, as it is typed.
        editor.tabs()->setCurrentWidget(editor.rawText());
        editor.rawText()->appendPlainText(QStringLiteral("container_memory_mb=lots"));
        QVERIFY(!editor.saveButton()->isEnabled());
        QVERIFY(editor.problemLabel()->text().contains(QStringLiteral("container_memory_mb")));
        editor.rawText()->appendPlainText(QStringLiteral("not a setting"));
        QVERIFY(!editor.saveButton()->isEnabled());
        QVERIFY(!editor.form()->isEnabled());
        editor.save(); // a click that slipped through is refused with the reason
        QCOMPARE(editor.messageBar()->kind(), MessageBar::Kind::Error);
        QCOMPARE(TempHome::readFile(settings.globalFile()), kGlobal);
    }

    void savingKeepsCommentsAndUnknownKeys()
    {
        TempHome home;
        QVERIFY(TempHome::writeFile(home.home() + QStringLiteral("/scorpiox-env.txt"), kGlobal));
        Settings settings(home.home(), home.project());
        QVERIFY(!hasErrors(settings.load()));
        SettingsFileEditor editor(settings.globalFile(), &settings);
        QVERIFY(waitLoaded(editor));
        QSignalSpy changed(&settings, &Settings::changed);

        editorFor<QSpinBox>(editor, QStringLiteral("container_timeout"))->setValue(120);
        auto *network = editorFor<QComboBox>(editor, QStringLiteral("container_network"));
        network->setCurrentIndex(network->findData(QStringLiteral("isolated")));
        Q_EMIT network->activated(network->currentIndex());
        auto *packages = editorFor<PackageListEdit>(editor, QStringLiteral("CONTAINER_PACKAGES"));
        packages->addPackages(QStringLiteral("git ripgrep, jq"));
        QVERIFY(editor.saveButton()->isEnabled());
        QVERIFY(editor.revertButton()->isEnabled());

        QSignalSpy saved(&editor, &SettingsFileEditor::saved);
        editor.saveButton()->click();
        QVERIFY(saved.wait(5000));
        QVERIFY(saved.first().at(0).toBool());
        const QByteArray expected = "# Global settings for Scorpiox\n"
                                    "\n"
                                    "# where images come from\n"
                                    "IMAGE_BASE_URL=https://mirror.example/images/\n"
                                    "MY_TEAM_KEY = do not touch\n"
                                    "container_timeout=120\n"
                                    "container_network=isolated\n"
                                    "CONTAINER_PACKAGES=git,ripgrep,jq\n";
        QCOMPARE(TempHome::readFile(settings.globalFile()), expected);
        QVERIFY(!editor.saveButton()->isEnabled());
        QCOMPARE(settings.value(QStringLiteral("container_timeout")), QStringLiteral("120"));
        QCOMPARE(settings.value(QStringLiteral("container_network")), QStringLiteral("isolated"));
        QVERIFY(changed.size() >= 3);
        const int row = editor.model()->rowOf(QStringLiteral("container_timeout"));
        QCOMPARE(editor.model()->index(row, SettingsKeyModel::Effective).data().toString(), QStringLiteral("120"));
        QCOMPARE(editor.rawText()->toPlainText().toUtf8(), expected);

        // "not set" removes the key from the file again.
        editorFor<QSpinBox>(editor, QStringLiteral("container_timeout"))->setValue(-1);
        QVERIFY(!editor.draft()->contains(QStringLiteral("container_timeout")));
        QVERIFY(!editor.draft()->text().contains("container_timeout"));
    }

    void reloadsWhenTheFileChangesOnDisk()
    {
        TempHome home;
        const QString path = home.home() + QStringLiteral("/scorpiox-env.txt");
        QVERIFY(TempHome::writeFile(path, kGlobal));
        Settings settings(home.home(), home.project());
        QVERIFY(!hasErrors(settings.load()));
        SettingsFileEditor editor(settings.globalFile(), &settings);
        QVERIFY(waitLoaded(editor));
        QSignalSpy handled(&editor, &SettingsFileEditor::externalChangeHandled);

        // No edits: the new content simply shows.
        QVERIFY(SettingsDraft::write(path, kGlobal + "container_image=alpine\n").ok());
        QTRY_COMPARE_WITH_TIMEOUT(editor.draft()->value(QStringLiteral("container_image")), QStringLiteral("alpine"), 5000);
        QCOMPARE(settings.value(QStringLiteral("container_image")), QStringLiteral("alpine"));

        // Unsaved edits: asked first; "Keep My Edits" keeps them, "Reload" discards them.
        editorFor<QSpinBox>(editor, QStringLiteral("container_timeout"))->setValue(77);
        QVERIFY(editor.draft()->isModified());
        handled.clear();
        QVERIFY(SettingsDraft::write(path, kGlobal + "container_image=debian\n").ok());
        QTRY_VERIFY_WITH_TIMEOUT(barButton(editor.messageBar(), QStringLiteral("Reload")), 5000);
        QCOMPARE(editor.draft()->value(QStringLiteral("container_timeout")), QStringLiteral("77"));
        barButton(editor.messageBar(), QStringLiteral("Keep My Edits"))->click();
        QCOMPARE(editor.draft()->value(QStringLiteral("container_timeout")), QStringLiteral("77"));
        QVERIFY(SettingsDraft::write(path, kGlobal + "container_image=fedora\n").ok());
        QTRY_VERIFY_WITH_TIMEOUT(barButton(editor.messageBar(), QStringLiteral("Reload")), 5000);
        barButton(editor.messageBar(), QStringLiteral("Reload"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(editor.draft()->value(QStringLiteral("container_timeout")), QStringLiteral("600"), 5000);
        QCOMPARE(editor.draft()->value(QStringLiteral("container_image")), QStringLiteral("fedora"));
        QVERIFY(!editor.draft()->isModified());
    }
};

QTEST_MAIN(TestSettingsView)
#include "tst_settingsview.moc"
