// SPDX-License-Identifier: GPL-3.0-or-later
#include "TempHome.h"
#include "sessions/SessionStore.h"

#include <QDir>
#include <QProcess>
#include <QSet>
#include <QTest>

class TestSessionStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createPublishesAUniqueRecord()
    {
        TempHome tmp;
        SessionStore store(tmp.path(QStringLiteral("cache")));
        SessionRecord proto;
        proto.backend = QStringLiteral("namespace");
        proto.image = QStringLiteral("default");
        proto.command = {QStringLiteral("echo"), QStringLiteral("a b")};
        QSet<QString> ids;
        for (int i = 0; i < 50; ++i) {
            const Result<SessionRecord> r = store.create(proto);
            QVERIFY2(r.ok(), qPrintable(r ? QString() : r.error().message));
            QVERIFY(SessionRecord::isValidId(r->id));
            QCOMPARE(r->name(), QStringLiteral("scorpiox-") + r->id);
            ids.insert(r->id);
            QVERIFY(QFile::exists(store.recordPath(r->id)));
        }
        QCOMPARE(ids.size(), 50);
        // nothing but the records: no temporary files left behind
        QCOMPARE(QDir(store.recordsDir()).entryList(QDir::Files | QDir::Hidden).size(), 50);

        const SessionStore::Listing listing = store.list();
        QCOMPARE(listing.records.size(), 50);
        QVERIFY(listing.unreadable.isEmpty());
        const SessionRecord &first = listing.records.first();
        QCOMPARE(first.command, proto.command);
        QCOMPARE(first.owner, ProcessIdentity::self());
        QVERIFY(first.isOwnerAlive());
        QVERIFY(first.created.isValid());
    }

    void skipsTakenNamesAndOverlays()
    {
        TempHome tmp;
        SessionStore store(tmp.path(QStringLiteral("cache")));
        // Occupy every id but one through the 'taken' list is impractical; instead check that
        // a taken distro name and an existing overlay are never reused over many draws.
        QStringList taken;
        for (int i = 0; i < 200; ++i) {
            const Result<SessionRecord> r = store.create({}, taken);
            QVERIFY(r.ok());
            QVERIFY(!taken.contains(r->name()));
            QVERIFY(QDir().mkpath(store.overlayDir(r->id)));
            taken.append(r->name());
            store.remove(r->id);
        }
    }

    void updateAndRemove()
    {
        TempHome tmp;
        SessionStore store(tmp.path(QStringLiteral("cache")));
        Result<SessionRecord> r = store.create({});
        QVERIFY(r.ok());
        r->launcher = ProcessIdentity::self();
        r->distro = QStringLiteral("scorpiox-") + r->id;
        QVERIFY(store.update(*r).ok());
        const Result<SessionRecord> again = store.find(r->id);
        QVERIFY(again.ok());
        QCOMPARE(again->launcher, ProcessIdentity::self());
        QCOMPARE(again->distro, r->distro);
        store.remove(r->id);
        QCOMPARE(store.find(r->id).error().kind, Error::Kind::NotFound);
        QCOMPARE(store.find(QStringLiteral("../etc")).error().kind, Error::Kind::Invalid);
    }

    void corruptRecordsAreReportedNotFatal()
    {
        TempHome tmp;
        SessionStore store(tmp.path(QStringLiteral("cache")));
        QVERIFY(store.create({}).ok());
        QVERIFY(TempHome::writeFile(store.recordsDir() + QStringLiteral("/abcdef.json"), "{not json"));
        QVERIFY(TempHome::writeFile(store.recordsDir() + QStringLiteral("/123456.json"), "{\"id\":\"654321\"}"));
        const SessionStore::Listing listing = store.list();
        QCOMPARE(listing.records.size(), 1);
        QCOMPARE(listing.unreadable.size(), 2);
        QVERIFY(listing.unreadablePaths.contains(store.recordsDir() + QStringLiteral("/abcdef.json")));
        QVERIFY(listing.unreadable.first().message.contains(QStringLiteral("'cleanup' removes it")));
    }

    void deadOwnerAndReusedPidAreNotAlive()
    {
        QProcess child;
        child.start(QStringLiteral("/bin/sleep"), {QStringLiteral("30")});
        QVERIFY(child.waitForStarted());
        const std::optional<ProcessIdentity> identity = ProcessIdentity::of(child.processId());
        QVERIFY(identity.has_value());
        QVERIFY(identity->isAlive());
        // Same PID, different start time: what a reused PID looks like.
        const ProcessIdentity reused{identity->pid, identity->startTime + 1};
        QVERIFY(!reused.isAlive());
        child.kill();
        QVERIFY(child.waitForFinished());
        QVERIFY(!identity->isAlive());
        QVERIFY(!ProcessIdentity::of(0).has_value());
    }
};

QTEST_GUILESS_MAIN(TestSessionStore)
#include "tst_sessionstore.moc"
