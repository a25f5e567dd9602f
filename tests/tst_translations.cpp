// SPDX-License-Identifier: GPL-3.0-or-later
// The built .qm files beside the program replace known strings, and --lang picks them.
#include "CliRunner.h"
#include "Translations.h"
#include "sessions/SessionManager.h"
#include "tray/TrayMonitor.h"

#include <QApplication>
#include <QDir>
#include <QMenu>
#include <QTest>
#include <QTranslator>

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void germanAndChineseReplaceKnownStrings_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("quit");
        QTest::addColumn<QString>("exited");
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("Beenden") << QStringLiteral("mit Exit-Code 3 beendet");
        QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("退出") << QString();
    }
    void germanAndChineseReplaceKnownStrings()
    {
        QFETCH(QString, language);
        QFETCH(QString, quit);
        QFETCH(QString, exited);
        // tests/ sits beside bin/ in the build tree, so the program's lookup finds the .qm files.
        QCOMPARE(Translations::directory(), QStringLiteral(SCORPIOX_BUILD_DIR "/share/scorpiox/translations"));
        QVERIFY(Translations::install(qApp, QLocale(language)));
        SessionManager manager;
        TrayMonitor tray(&manager);
        QCOMPARE(tray.menu()->actions().last()->text(), quit);
        if (!exited.isEmpty())
            QCOMPARE(Session::describeExit(3, 0), exited);
        QVERIFY(Session::stateName(Session::State::Running) != QStringLiteral("running"));
        for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QCOMPARE(TrayMonitor(&manager).menu()->actions().last()->text(), QStringLiteral("Quit"));
    }

    void unknownLanguageKeepsEnglish()
    {
        QVERIFY(!Translations::install(qApp, QLocale(QStringLiteral("fr"))));
        SessionManager manager;
        QCOMPARE(TrayMonitor(&manager).menu()->actions().last()->text(), QStringLiteral("Quit"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
