// SPDX-License-Identifier: GPL-3.0-or-later
// Faults (issue 11): processes killed mid-session, corrupted records and metadata, settings files
// that cannot be read or written. Run as an ordinary user with the built-in default image.
// tst_cli_run::killedCliLeavesAnOrphanThatCleanupRemoves covers kill -9 of the CLI process.
#include "CliRunner.h"
#include "ProcessWait.h"
#include "TempHome.h"
#include "cleanup/OrphanListModel.h"
#include "images/CachedImageModel.h"
#include "images/ImageCache.h"
#include "sessions/OrphanCleaner.h"
#include "sessions/SessionStore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <sys/stat.h>

namespace {

QString qs(const char *text)
{
    return QString::fromUtf8(text);
}

// "sleep\0<digit><tag>" as it appears in /proc/<pid>/cmdline.
QByteArray sleeper(const char *digit, const QByteArray &tag)
{
    return QByteArray("sleep", 6) + digit + tag;
}

QByteArray hostMounts()
{
    return TempHome::readFile(qs("/proc/self/mountinfo"));
}

mode_t modeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 07777 : 0;
}

} // namespace

class TestFaults : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempHome> m_home;

    QString cacheDir() const { return m_home->home() + qs("/containers"); }
    SessionStore store() const { return SessionStore(cacheDir()); }
    QStringList entries(const char *sub) const
    {
        return QDir(cacheDir() + QLatin1Char('/') + qs(sub)).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    }
    CliResult cli(const QStringList &args) const { return CliRunner::cli(args, m_home->project()); }

    /// Starts the session owner running two sleepers tagged @p tag and waits until its record
    /// names the launcher and the container.
    std::unique_ptr<QProcess> startOwner(const QByteArray &tag, SessionRecord *record)
    {
        auto owner = std::make_unique<QProcess>();
        owner->setWorkingDirectory(m_home->project());
        owner->start(qs(SESSION_OWNER_BIN), {qs("--"), qs("sh"), qs("-c"),
                                             qs("sleep 6%1 & exec sleep 7%1").arg(QString::fromLatin1(tag))});
        const bool running = ProcessWait::until(
            [&] {
                const QList<SessionRecord> records = store().list().records;
                for (const SessionRecord &r : records) {
                    if (r.owner.pid == owner->processId() && r.containerPid > 0 && r.launcher.pid > 0) {
                        *record = r;
                        return ProcessWait::countWithCmdline(sleeper("6", tag)) == 1
                            && ProcessWait::countWithCmdline(sleeper("7", tag)) == 1;
                    }
                }
                return false;
            },
            30000);
        if (!running)
            qWarning() << "the session did not start:" << owner->readAllStandardError();
        return owner;
    }

    void verifyNothingLeft()
    {
        QVERIFY2(entries("sessions").isEmpty(), qPrintable(entries("sessions").join(u' ')));
        QVERIFY2(entries("overlays").isEmpty(), qPrintable(entries("overlays").join(u' ')));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(getuid() != 0, "run as an ordinary user: the containers are rootless");
        m_home = std::make_unique<TempHome>();
        QVERIFY(TempHome::writeFile(m_home->home() + qs("/scorpiox-env.txt"),
                                    "container_memory_mb=0\nIMAGE_BASE_URL=http://127.0.0.1:9/\n"));
    }

    void killedGuiProcessLeavesAnOrphanThatCleanupRemoves()
    {
        const QByteArray tag = QByteArray::number(QRandomGenerator::global()->bounded(1000000, 9999999));
        SessionRecord record;
        auto owner = startOwner(tag, &record);
        QVERIFY(!record.id.isEmpty());
        QVERIFY(hostMounts().contains(QFile::encodeName(cacheDir())) == false);
        ::kill(pid_t(owner->processId()), SIGKILL);
        QVERIFY(owner->waitForFinished(10000));

        // The launcher follows its owner (parent-death signal) and takes the container with it;
        // the overlay was mounted only in the container's mount namespace, so it went too.
        QVERIFY(ProcessWait::until([&] { return !record.launcher.isAlive(); }, 10000));
        QVERIFY(ProcessWait::until([&] {
            return ProcessWait::countWithCmdline(sleeper("6", tag)) + ProcessWait::countWithCmdline(sleeper("7", tag)) == 0;
        }, 10000));
        QVERIFY2(!hostMounts().contains(QFile::encodeName(cacheDir())), hostMounts().constData());

        QVERIFY(QFileInfo::exists(store().recordPath(record.id)));
        const CliResult dry = cli({qs("cleanup"), qs("--dry-run")});
        QCOMPARE(dry.exitCode, 0);
        QVERIFY2(dry.out.contains(store().recordPath(record.id).toUtf8()), dry.out.constData());
        // The launcher usually removes the overlay as it follows its owner; whatever it left is listed.
        if (QFileInfo::exists(store().overlayDir(record.id)))
            QVERIFY2(dry.out.contains(store().overlayDir(record.id).toUtf8()), dry.out.constData());
        QVERIFY(QFileInfo::exists(store().recordPath(record.id)));
        const CliResult clean = cli({qs("cleanup")});
        QVERIFY2(clean.exitCode == 0, clean.err.constData());
        verifyNothingLeft();
    }

    void killedLauncherEndsTheSessionAndLeavesNothing()
    {
        const QByteArray tag = QByteArray::number(QRandomGenerator::global()->bounded(1000000, 9999999));
        SessionRecord record;
        auto owner = startOwner(tag, &record);
        QVERIFY(!record.id.isEmpty());
        ::kill(pid_t(record.launcher.pid), SIGKILL);
        // The owner sees its launcher die, reports the signal and cleans up after it.
        QVERIFY(owner->waitForFinished(20000));
        QCOMPARE(owner->exitCode(), 128 + SIGKILL);
        QVERIFY(ProcessWait::until([&] {
            return ProcessWait::countWithCmdline(sleeper("6", tag)) + ProcessWait::countWithCmdline(sleeper("7", tag)) == 0;
        }, 10000));
        QVERIFY2(!hostMounts().contains(QFile::encodeName(cacheDir())), hostMounts().constData());
        const CliResult dry = cli({qs("cleanup"), qs("--dry-run")});
        QCOMPARE(dry.out, QByteArray("nothing to clean up\n"));
        verifyNothingLeft();
    }

    void corruptSessionRecordsAreSkippedReportedAndRepaired()
    {
        const SessionStore sessions = store();
        QVERIFY(QDir().mkpath(sessions.recordsDir()));
        // A live process whose pid a dead session's record names with another start time: a reused pid.
        QProcess bystander;
        bystander.start(qs("/bin/sleep"), {qs("60")});
        QVERIFY(bystander.waitForStarted());
        const std::optional<ProcessIdentity> live = ProcessIdentity::of(bystander.processId());
        QVERIFY(live.has_value());
        SessionRecord reused;
        reused.id = qs("aaaaa5");
        reused.backend = qs("namespace");
        reused.owner = {live->pid, live->startTime + 1};
        reused.launcher = reused.owner;
        reused.created = QDateTime::currentDateTimeUtc();
        const QByteArray valid = QJsonDocument(reused.toJson()).toJson();
        QVERIFY(TempHome::writeFile(sessions.recordPath(qs("aaaaa5")), valid));
        QVERIFY(TempHome::writeFile(sessions.overlayDir(qs("aaaaa5")) + qs("/upper/file"), "left\n"));
        const QStringList bad {qs("aaaaa1"), qs("aaaaa2"), qs("aaaaa3"), qs("aaaaa4")};
        QVERIFY(TempHome::writeFile(sessions.recordPath(bad[0]), valid.left(valid.size() / 2)));
        QVERIFY(TempHome::writeFile(sessions.recordPath(bad[1]), QByteArray("\x00\xff garbage", 10)));
        QVERIFY(TempHome::writeFile(sessions.recordPath(bad[2]),
                                    R"({"id":"aaaaa3","owner":"me","launcher":[1],"container_pid":"7","command":"sh"})"));
        QVERIFY(TempHome::writeFile(sessions.recordPath(bad[3]), QByteArray()));
        const QString unreadable = sessions.recordPath(qs("aaaaa6"));
        QVERIFY(TempHome::writeFile(unreadable, valid));
        QVERIFY(::chmod(QFile::encodeName(unreadable).constData(), 0) == 0);

        for (const QStringList &args : {QStringList {qs("sessions")}, QStringList {qs("sessions"), qs("--json")}}) {
            const CliResult listed = cli(args);
            QCOMPARE(listed.exitCode, 0);
            const QList<QByteArray> lines = listed.err.trimmed().split('\n');
            QCOMPARE(lines.size(), bad.size() + 1);
            for (const QString &id : bad)
                QVERIFY2(listed.err.contains(QByteArray(sessions.recordPath(id).toUtf8() + ": not a session record (")), listed.err.constData());
            QVERIFY2(listed.err.contains(QByteArray("cannot read " + unreadable.toUtf8() + ": ")), listed.err.constData());
            for (const QByteArray &line : lines)
                QVERIFY2(line.endsWith("'cleanup' removes it"), line.constData());
            QVERIFY2(listed.err.contains("field 'owner' is not an object"), listed.err.constData());
            QVERIFY(!listed.out.contains("aaaaa"));
        }
        QCOMPARE(QJsonDocument::fromJson(cli({qs("sessions"), qs("--json")}).out).array().size(), 0);

        // The desktop's clean-up list shows them too, and a model of them draws without crashing.
        const Result<QList<Orphan>> scanned = OrphanCleaner(cacheDir()).scan();
        QVERIFY(scanned);
        OrphanListModel model;
        model.setOrphans(*scanned);
        QCOMPARE(model.rowCount(), 7); // six records and one overlay
        for (int row = 0; row < model.rowCount(); ++row) {
            for (int column = 0; column < model.columnCount(); ++column)
                (void)model.data(model.index(row, column));
        }

        const CliResult dry = cli({qs("cleanup"), qs("--dry-run")});
        QCOMPARE(dry.exitCode, 0);
        for (const QString &id : bad + QStringList {qs("aaaaa5")})
            QVERIFY2(dry.out.contains(sessions.recordPath(id).toUtf8()), dry.out.constData());
        QVERIFY2(dry.out.contains("its pid now belongs to another process"), dry.out.constData());
        QVERIFY(dry.out.contains(sessions.overlayDir(qs("aaaaa5")).toUtf8()));
        QVERIFY(dry.out.contains(unreadable.toUtf8()));

        // 'stop' of the reused-pid session signals nobody: the pid is someone else's now.
        const CliResult stopped = cli({qs("stop"), qs("aaaaa5")});
        QVERIFY2(stopped.exitCode == 0, stopped.err.constData());
        QCOMPARE(bystander.state(), QProcess::Running);
        QVERIFY(!QFileInfo::exists(sessions.recordPath(qs("aaaaa5"))));

        const CliResult clean = cli({qs("cleanup")});
        QVERIFY2(clean.exitCode == 0, clean.err.constData());
        verifyNothingLeft();
        QCOMPARE(bystander.state(), QProcess::Running); // cleanup never signals what a record names
        bystander.kill();
        bystander.waitForFinished();
        const CliResult after = cli({qs("sessions")});
        QCOMPARE(after.err, QByteArray());
    }

    void corruptImageMetadataIsReportedAndTheOthersListed()
    {
        TempHome home;
        const ImageCache cache(home.home() + qs("/containers"));
        QVERIFY(cache.ensureLayout());
        for (const char *name : {"good", "broken", "typed"})
            QVERIFY(TempHome::writeFile(cache.rootfsPath(qs(name)) + qs("/etc/os-release"), "ID=test\n"));
        ImageMetadata good;
        good.name = qs("good");
        good.source = qs("test");
        good.diskSize = 8;
        QVERIFY(cache.writeMetadata(good));
        QVERIFY(TempHome::writeFile(cache.metadataPath(qs("broken")), "{\"name\": \"bro"));
        QVERIFY(TempHome::writeFile(cache.metadataPath(qs("typed")), R"({"name":"typed","diskSize":"huge"})"));
        const QByteArray brokenBytes = TempHome::readFile(cache.metadataPath(qs("broken")));

        const CliResult listed = CliRunner::cli({qs("images"), qs("--json")}, home.project());
        QCOMPARE(listed.exitCode, 0);
        QStringList names;
        for (const QJsonValue &image : QJsonDocument::fromJson(listed.out).array())
            names.append(image[qs("name")].toString());
        QCOMPARE(names, (QStringList {qs("broken"), qs("good"), qs("typed")}));
        const QList<QByteArray> lines = listed.err.trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].contains(QByteArray(cache.metadataPath(qs("broken")).toUtf8() + ": not valid image metadata"))
                     && lines[0].contains("'rm broken' removes the image"),
                 listed.err.constData());
        QVERIFY2(lines[1].contains("field 'diskSize' is not a number") && lines[1].contains("'rm typed'"),
                 listed.err.constData());

        // cleanup names the repair but leaves the image (intact, maybe in use) and its file alone.
        const CliResult clean = CliRunner::cli({qs("cleanup")}, home.project());
        QCOMPARE(clean.exitCode, 0);
        QVERIFY2(clean.err.contains("'rm broken' removes the image"), clean.err.constData());
        QCOMPARE(TempHome::readFile(cache.metadataPath(qs("broken"))), brokenBytes);

        CachedImageModel model;
        model.setCacheDir(home.home() + qs("/containers"));
        QSignalSpy reloaded(&model, &CachedImageModel::reloaded);
        model.reload();
        QVERIFY(reloaded.wait(10000));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.damagedMetadata().size(), 2);
        QVERIFY(model.damagedMetadata().first().contains(cache.metadataPath(qs("broken"))));

        // The repair the message names works.
        const CliResult removed = CliRunner::cli({qs("rm"), qs("broken")}, home.project());
        QVERIFY2(removed.exitCode == 0, removed.err.constData());
        QVERIFY(!QFileInfo::exists(cache.metadataPath(qs("broken"))));
        QVERIFY(!cache.contains(qs("broken")));
    }

    void unreadableOrReadOnlyEnvFile_data()
    {
        QTest::addColumn<bool>("global");
        QTest::addColumn<int>("mode");
        QTest::newRow("global, unreadable") << true << 0000;
        QTest::newRow("global, read-only") << true << 0444;
        QTest::newRow("project, unreadable") << false << 0000;
        QTest::newRow("project, read-only") << false << 0444;
    }

    void unreadableOrReadOnlyEnvFile()
    {
        QFETCH(bool, global);
        QFETCH(int, mode);
        TempHome home;
        const QString path = (global ? home.home() : home.project()) + qs("/scorpiox-env.txt");
        const QByteArray bytes = "# mine\r\ncontainer_memory_mb=0\r\nIMAGE_BASE_URL=http://127.0.0.1:9/\r\n";
        QVERIFY(TempHome::writeFile(path, bytes));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0);
        auto run = [&](const QStringList &args) { return CliRunner::cli(args, home.project()); };
        QStringList setArgs {qs("config"), qs("set"), qs("container_timeout"), qs("77")};
        if (global)
            setArgs.append(qs("--global"));

        const CliResult set = run(setArgs);
        QCOMPARE(set.exitCode, 125);
        QCOMPARE(set.err.count('\n'), 1);
        QVERIFY2(set.err.contains(path.toUtf8()), set.err.constData());
        QVERIFY2(set.err.contains(mode == 0 ? "chmod u+rw " : "chmod u+w "), set.err.constData());

        const CliResult list = run({qs("config"), qs("list")});
        const CliResult session = run({qs("run"), qs("--"), qs("true")});
        if (mode == 0) {
            for (const CliResult &r : {list, session}) {
                QCOMPARE(r.exitCode, 125);
                QCOMPARE(r.err.count('\n'), 1);
                QVERIFY2(r.err.contains(QByteArray("cannot read " + path.toUtf8() + ": permission denied; make it readable (chmod u+rw ")),
                         r.err.constData());
            }
        } else {
            QCOMPARE(list.exitCode, 0); // a read-only file is fine to read from
            QVERIFY2(session.exitCode == 0, session.err.constData());
        }
        // Nothing was overwritten: same bytes, same mode, no temporary file beside it.
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0600) == 0);
        QCOMPARE(TempHome::readFile(path), bytes);
        QVERIFY(::chmod(QFile::encodeName(path).constData(), mode_t(mode)) == 0);
        QCOMPARE(modeOf(path), mode_t(mode));
        const QStringList beside = QFileInfo(path).dir().entryList(QDir::Files | QDir::Hidden);
        QVERIFY2(beside.filter(qs("scorpiox-env")).size() == 1, qPrintable(beside.join(u' ')));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0600) == 0); // so TempHome can delete it
    }
};

QTEST_MAIN(TestFaults)
#include "tst_faults.moc"
