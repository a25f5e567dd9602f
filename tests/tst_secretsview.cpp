// SPDX-License-Identifier: GPL-3.0-or-later
// The Secrets page on the offscreen platform. Runs twice like tst_secrets: under a real GNOME
// Keyring (SCORPIOX_TEST_KEYRING=running) and with no Secret Service (=absent).
#include "CliRunner.h"
#include "TempHome.h"
#include "secrets/SecretEntryDialog.h"
#include "secrets/SecretListModel.h"
#include "secrets/SecretStore.h"
#include "secrets/SecretsView.h"
#include "widgets/MessageBar.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

namespace {

bool keyringRunning()
{
    return qgetenv("SCORPIOX_TEST_KEYRING") == "running";
}

/// Every value the model gives for any role of any row, as text.
QStringList everythingShown(const QAbstractItemModel &model)
{
    QStringList shown;
    for (int row = 0; row < model.rowCount(); ++row) {
        for (int role = 0; role <= Qt::UserRole + 64; ++role)
            shown.append(model.index(row, 0).data(role).toString());
    }
    return shown;
}

bool anyContains(const QStringList &texts, const QString &value)
{
    return std::any_of(texts.cbegin(), texts.cend(), [&value](const QString &text) { return text.contains(value); });
}

void accept(SecretEntryDialog *dialog)
{
    auto *box = dialog->findChild<QDialogButtonBox *>();
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QDialogButtonBox::AcceptRole) {
            QVERIFY(button->isEnabled());
            button->click();
        }
    }
}

} // namespace

class TestSecretsView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QByteArray mode = qgetenv("SCORPIOX_TEST_KEYRING");
        QVERIFY2(mode == "running" || mode == "absent", "set SCORPIOX_TEST_KEYRING to running or absent");
    }

    void modelAddsReplacesRemovesAndNeverHoldsAValue()
    {
        if (!keyringRunning())
            QSKIP("this run has no keychain service by design");
        TempHome tmp;
        // A name stored by another process (the CLI) before the page opens is listed.
        QCOMPARE(CliRunner::cli({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("FROM_CLI")}, tmp.project(),
                                "cli-value\n")
                     .exitCode,
                 0);
        SecretListModel model(tmp.home());
        QCOMPARE(model.state(), SecretListModel::State::Checking);
        model.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(model.state(), SecretListModel::State::Ready, 20000);
        QCOMPARE(model.names(), QStringList{QStringLiteral("FROM_CLI")});
        QVERIFY(model.unavailableReason().isEmpty());

        QSignalSpy finished(&model, &SecretListModel::operationFinished);
        const QString value = QStringLiteral("sk-first-%1").arg(QCoreApplication::applicationPid());
        model.store(QStringLiteral("ANTHROPIC_API_KEY"), value);
        QCOMPARE(model.state(), SecretListModel::State::Busy);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.last().at(0).toBool(), true);
        QCOMPARE(finished.last().at(1).toString(), QStringLiteral("Secret ANTHROPIC_API_KEY added."));
        QCOMPARE(model.names(), (QStringList{QStringLiteral("ANTHROPIC_API_KEY"), QStringLiteral("FROM_CLI")}));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!anyContains(everythingShown(model), value));

        const QString replacement = QStringLiteral("sk-second-%1").arg(QCoreApplication::applicationPid());
        model.store(QStringLiteral("ANTHROPIC_API_KEY"), replacement);
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.last().at(1).toString(), QStringLiteral("Secret ANTHROPIC_API_KEY replaced."));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!anyContains(everythingShown(model), replacement));
        QVERIFY(!anyContains(everythingShown(model), value));

        // The keychain holds the replacement: a store of another process reads it back.
        SecretStore reader(tmp.home());
        std::optional<Result<QHash<QString, QString>>> read;
        reader.readAll([&read](Result<QHash<QString, QString>> r) { read = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 20000);
        QVERIFY(read->ok());
        QCOMPARE((*read)->value(QStringLiteral("ANTHROPIC_API_KEY")), replacement);
        QCOMPARE((*read)->value(QStringLiteral("FROM_CLI")), QStringLiteral("cli-value"));

        model.remove(QStringLiteral("FROM_CLI"));
        QVERIFY(finished.wait(20000));
        QCOMPARE(finished.last().at(1).toString(), QStringLiteral("Secret FROM_CLI removed."));
        QCOMPARE(model.names(), QStringList{QStringLiteral("ANTHROPIC_API_KEY")});
        QCOMPARE(CliRunner::cli({QStringLiteral("secret"), QStringLiteral("list")}, tmp.project()).out,
                 QByteArray("ANTHROPIC_API_KEY\n"));

        // A bad name is refused by the store (at once, before any job), reported, and the model
        // stays usable.
        const qsizetype before = finished.count();
        model.store(QStringLiteral("not a name"), QStringLiteral("x"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), before + 1, 20000);
        QCOMPARE(finished.last().at(0).toBool(), false);
        QCOMPARE(model.state(), SecretListModel::State::Ready);
    }

    void pageEntersAValueThroughThePasswordField()
    {
        if (!keyringRunning())
            QSKIP("this run has no keychain service by design");
        TempHome tmp;
        SecretsView view(tmp.home());
        view.show();
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->state(), SecretListModel::State::Ready, 20000);
        QVERIFY(view.addButton()->isEnabled());
        QVERIFY(!view.replaceButton()->isEnabled());
        QVERIFY(!view.removeButton()->isEnabled());

        const QString value = QStringLiteral("typed-%1").arg(QCoreApplication::applicationPid());
        QPointer<SecretEntryDialog> dialog = view.showEntryDialog();
        QCOMPARE(dialog->valueEdit()->echoMode(), QLineEdit::Password);
        QVERIFY(!dialog->problem().isEmpty());
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("GITHUB_TOKEN"));
        QTest::keyClicks(dialog->valueEdit(), value);
        QVERIFY(dialog->problem().isEmpty());
        QSignalSpy finished(view.model(), &SecretListModel::operationFinished);
        accept(dialog);
        // The field was emptied the moment the value was handed to the keychain job.
        QVERIFY(!dialog || dialog->valueEdit()->text().isEmpty());
        QVERIFY(finished.wait(20000));
        QTRY_VERIFY(!dialog);
        QCOMPARE(view.model()->names(), QStringList{QStringLiteral("GITHUB_TOKEN")});
        QCOMPARE(view.messageBar()->text(), QStringLiteral("Secret GITHUB_TOKEN added."));
        for (const QLineEdit *edit : view.findChildren<QLineEdit *>())
            QVERIFY(!edit->text().contains(value));

        // Replace keeps the name fixed; a cancelled entry stores nothing and keeps nothing.
        view.list()->setCurrentIndex(view.model()->index(0, 0));
        QVERIFY(view.replaceButton()->isEnabled());
        dialog = view.showEntryDialog(view.model()->names().first());
        QVERIFY(dialog->nameEdit()->isReadOnly());
        QTest::keyClicks(dialog->valueEdit(), QStringLiteral("never-stored"));
        QLineEdit *field = dialog->valueEdit();
        dialog->reject();
        QVERIFY(!dialog || field->text().isEmpty());

        // Remove asks in the message bar first.
        view.removeButton()->click();
        QCOMPARE(view.messageBar()->kind(), MessageBar::Kind::Warning);
        const QList<QPushButton *> answers = view.messageBar()->findChildren<QPushButton *>();
        auto remove = std::find_if(answers.cbegin(), answers.cend(),
                                   [](const QPushButton *b) { return b->text() == QStringLiteral("Remove"); });
        QVERIFY(remove != answers.cend());
        (*remove)->click();
        QVERIFY(finished.wait(20000));
        QVERIFY(view.model()->names().isEmpty());
        QVERIFY(!view.removeButton()->isEnabled());
    }

    void withoutKeychainSaysSoAndOffersNothing()
    {
        if (keyringRunning())
            QSKIP("this run has a keychain service by design");
        TempHome tmp;
        // Names listed by an earlier run stay in the file, but without a keychain none are offered.
        QVERIFY(TempHome::writeFile(tmp.home() + QStringLiteral("/secrets.list"), "OLD_TOKEN\n"));
        SecretsView view(tmp.home());
        view.show();
        QTRY_COMPARE_WITH_TIMEOUT(view.model()->state(), SecretListModel::State::Unavailable, 20000);
        const QString reason = view.model()->unavailableReason();
        QCOMPARE(view.messageBar()->kind(), MessageBar::Kind::Error);
        QCOMPARE(view.messageBar()->text(), reason);
        QVERIFY(!view.addButton()->isEnabled());
        QVERIFY(!view.replaceButton()->isEnabled());
        QVERIFY(!view.removeButton()->isEnabled());
        QCOMPARE(view.model()->rowCount(), 0);

        // The CLI gives the same explanation for the same missing service.
        const CliResult cli = CliRunner::cli({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("X")},
                                             tmp.project(), "v\n");
        QCOMPARE(cli.exitCode, 125);
        const QString cliReason = QString::fromUtf8(cli.err).trimmed().section(QStringLiteral(": "), 2);
        QVERIFY2(!cliReason.isEmpty() && reason.endsWith(cliReason), qPrintable(reason + QStringLiteral(" | ") + cliReason));
        QVERIFY(reason.contains(QStringLiteral("no keychain service is available")));
        QVERIFY(reason.contains(QStringLiteral("never stored in plain text")));

        // Operations are refused while unavailable: nothing is written anywhere.
        view.model()->store(QStringLiteral("NEW_TOKEN"), QStringLiteral("plain"));
        QCOMPARE(view.model()->state(), SecretListModel::State::Unavailable);
        QCOMPARE(TempHome::readFile(tmp.home() + QStringLiteral("/secrets.list")), QByteArray("OLD_TOKEN\n"));
    }
};

QTEST_MAIN(TestSecretsView)
#include "tst_secretsview.moc"
