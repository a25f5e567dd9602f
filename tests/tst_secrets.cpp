// SPDX-License-Identifier: GPL-3.0-or-later
// Runs twice: under a real GNOME Keyring (SCORPIOX_TEST_KEYRING=running) and with no Secret
// Service at all (SCORPIOX_TEST_KEYRING=absent).
#include "CliRunner.h"
#include "TempHome.h"
#include "secrets/SecretStore.h"

#include <QDirIterator>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

namespace {

template<typename T>
Result<T> wait(const std::function<void(std::function<void(Result<T>)>)> &call)
{
    std::optional<Result<T>> result;
    call([&result](Result<T> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000))
        return Error::io(QStringLiteral("timed out waiting for the keychain"));
    return *result;
}

bool keyringRunning()
{
    return qgetenv("SCORPIOX_TEST_KEYRING") == "running";
}

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const QByteArray mode = qgetenv("SCORPIOX_TEST_KEYRING");
        QVERIFY2(mode == "running" || mode == "absent", "set SCORPIOX_TEST_KEYRING to running or absent");
    }

    void roundTrip()
    {
        if (!keyringRunning())
            QSKIP("this run has no keychain service by design");
        TempHome tmp;
        SecretStore store(tmp.home());
        const QString value = QStringLiteral("sk-ant-%1").arg(QCoreApplication::applicationPid());
        QVERIFY(wait<void>([&](auto done) { store.store(QStringLiteral("ANTHROPIC_API_KEY"), value, done); }).ok());
        QVERIFY(wait<void>([&](auto done) { store.store(QStringLiteral("OTHER_TOKEN"), QStringLiteral("o"), done); }).ok());
        QCOMPARE(store.names(), (QStringList{QStringLiteral("ANTHROPIC_API_KEY"), QStringLiteral("OTHER_TOKEN")}));

        // A second store object (another process would do the same) reads the values back.
        SecretStore other(tmp.home());
        const Result<QHash<QString, QString>> all = wait<QHash<QString, QString>>([&](auto done) { other.readAll(done); });
        QVERIFY2(all.ok(), qPrintable(all ? QString() : all.error().message));
        QCOMPARE(all->value(QStringLiteral("ANTHROPIC_API_KEY")), value);
        QCOMPARE(all->value(QStringLiteral("OTHER_TOKEN")), QStringLiteral("o"));

        // The value lives in the keychain only: no file under SCORPIOX_HOME holds it.
        for (QDirIterator it(tmp.home(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();)
            QVERIFY2(!TempHome::readFile(it.next()).contains(value.toUtf8()), qPrintable(it.filePath()));

        QVERIFY(wait<void>([&](auto done) { store.remove(QStringLiteral("ANTHROPIC_API_KEY"), done); }).ok());
        QCOMPARE(store.names(), QStringList{QStringLiteral("OTHER_TOKEN")});
        const Result<QHash<QString, QString>> left = wait<QHash<QString, QString>>([&](auto done) { other.readAll(done); });
        QVERIFY(left.ok());
        QVERIFY(!left->contains(QStringLiteral("ANTHROPIC_API_KEY")));
        QVERIFY(wait<void>([&](auto done) { store.remove(QStringLiteral("OTHER_TOKEN"), done); }).ok());
        QVERIFY(store.names().isEmpty());
    }

    void injectedIntoSessionsButNeverOnACommandLine()
    {
        if (!keyringRunning())
            QSKIP("this run has no keychain service by design");
        TempHome tmp;
        QVERIFY(TempHome::writeFile(tmp.home() + QStringLiteral("/scorpiox-env.txt"), "container_memory_mb=0\n"));
        const QByteArray value = "sk-injected-" + QByteArray::number(QCoreApplication::applicationPid());
        QCOMPARE(CliRunner::cli({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("API_TOKEN")}, tmp.project(),
                                value + '\n')
                     .exitCode,
                 0);
        QCOMPARE(CliRunner::cli({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("OVERRIDDEN")}, tmp.project(),
                                "from-keychain\n")
                     .exitCode,
                 0);
        QProcess session;
        session.setWorkingDirectory(tmp.project());
        session.start(QStringLiteral(SCORPIOX_DESKTOP_BIN),
                      {QStringLiteral("--cli"), QStringLiteral("run"), QStringLiteral("-e"), QStringLiteral("OVERRIDDEN="),
                       QStringLiteral("--"), QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("echo token=$API_TOKEN; echo overridden=$OVERRIDDEN; sleep 3")});
        QVERIFY(session.waitForStarted());
        QByteArray out;
        QVERIFY(QTest::qWaitFor([&] {
            out += session.readAllStandardOutput();
            return out.contains("overridden=");
        }, 20000));
        // While the session runs: no process's command line and no file under SCORPIOX_HOME
        // (records, logs, settings) holds the value.
        for (const QFileInfo &proc : QDir(QStringLiteral("/proc")).entryInfoList(QDir::Dirs)) {
            const QByteArray cmdline = TempHome::readFile(proc.filePath() + QStringLiteral("/cmdline"));
            QVERIFY2(!cmdline.contains(value), qPrintable(proc.filePath()));
        }
        for (QDirIterator it(tmp.home(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories); it.hasNext();)
            QVERIFY2(!TempHome::readFile(it.next()).contains(value), qPrintable(it.filePath()));
        QVERIFY(session.waitForFinished(20000));
        out += session.readAllStandardOutput();
        QCOMPARE(session.exitCode(), 0);
        QVERIFY2(out.contains(QByteArray("token=" + value + "\n")), out.constData());
        QVERIFY(out.contains("overridden=\n"));
        QVERIFY(!session.readAllStandardError().contains(value));
    }

    void badNamesRefused()
    {
        TempHome tmp;
        SecretStore store(tmp.home());
        const Result<void> r = wait<void>([&](auto done) { store.store(QStringLiteral("bad name"), QStringLiteral("v"), done); });
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, Error::Kind::Invalid);
        QCOMPARE(wait<void>([&](auto done) { store.remove(QStringLiteral("ABSENT"), done); }).error().kind,
                 Error::Kind::NotFound);
    }

    void cliEndToEnd()
    {
        TempHome tmp;
        const CliResult set = CliRunner::cli({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("API_TOKEN")},
                                             tmp.project(), "tok-from-stdin\n");
        if (!keyringRunning()) {
            QCOMPARE(set.exitCode, 125);
            QVERIFY2(set.err.contains("no keychain service is available"), set.err.constData());
            QVERIFY(set.err.contains("never stored in plain text"));
            QCOMPARE(set.err.count('\n'), 1);
            QVERIFY(!QFile::exists(tmp.home() + QStringLiteral("/secrets.list")));
            return;
        }
        QCOMPARE(set.exitCode, 0);
        const CliResult list = CliRunner::cli({QStringLiteral("secret"), QStringLiteral("list")}, tmp.project());
        QCOMPARE(list.out, QByteArray("API_TOKEN\n"));
        SecretStore store(tmp.home());
        const Result<QHash<QString, QString>> all = wait<QHash<QString, QString>>([&](auto done) { store.readAll(done); });
        QVERIFY(all.ok());
        QCOMPARE(all->value(QStringLiteral("API_TOKEN")), QStringLiteral("tok-from-stdin"));
        QCOMPARE(CliRunner::cli({QStringLiteral("secret"), QStringLiteral("rm"), QStringLiteral("API_TOKEN")}, tmp.project())
                     .exitCode,
                 0);
        QCOMPARE(CliRunner::cli({QStringLiteral("secret"), QStringLiteral("list")}, tmp.project()).out, QByteArray());
        const CliResult empty = CliRunner::cli({QStringLiteral("secret"), QStringLiteral("set"), QStringLiteral("X")},
                                               tmp.project(), "");
        QCOMPARE(empty.exitCode, 125);
        QVERIFY(empty.err.contains("no value on standard input"));
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
