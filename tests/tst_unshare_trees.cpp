// SPDX-License-Identifier: GPL-3.0-or-later
// scorpiox-unshare and the host trees it leaves: --writable-rootfs (a persistent root, as a WSL
// distro's, through the WSL simulator too), --keep-overlay (an upper directory reused as a
// read-only --layer) and --remove-tree (overlays a kill -9 left behind,
// with files of subordinate ids). As an ordinary user.
#include "BusyboxRootfs.h"
#include "HostFacts.h"
#include "ProcessWait.h"
#include "ScratchDir.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

#include <csignal>
#include <memory>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace {

QString qs(const char *text)
{
    return QString::fromUtf8(text);
}


// Files below @p dir (itself excluded) whose owner is not this user.
int foreignOwned(const QString &dir)
{
    int count = 0;
    QDirIterator it(dir, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        struct stat st {};
        if (lstat(QFile::encodeName(it.next()).constData(), &st) == 0 && st.st_uid != getuid())
            ++count;
    }
    return count;
}

} // namespace

class TestUnshareTrees : public QObject
{
    Q_OBJECT

private:
    ScratchDir m_scratch;

    ProcessOutcome run(const QString &program, const QStringList &args, const QProcessEnvironment &env = {})
    {
        QProcess p;
        p.setProgram(program);
        p.setArguments(args);
        p.setProcessEnvironment(env.isEmpty() ? QProcessEnvironment::systemEnvironment() : env);
        p.start();
        return ProcessWait::finish(p, 20000);
    }

    ProcessOutcome unshare(const QStringList &args) { return run(qs(SCORPIOX_UNSHARE_BIN), args); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString error = m_scratch.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void writableRootfsPersists()
    {
        const QString root = m_scratch.fresh("writable-root");
        QVERIFY2(BusyboxRootfs::create(root).isEmpty(), "cannot build a second rootfs");
        // A distro's name service file is often a link into /run, dangling while it is down.
        QFile::remove(root + qs("/etc/resolv.conf"));
        QVERIFY(QFile::link(qs("/run/resolvconf/resolv.conf"), root + qs("/etc/resolv.conf")));
        const QStringList base {qs("--rootfs"), root, qs("--writable-rootfs"), qs("--net"), qs("host"),
                                qs("--bind"), m_scratch.project() + qs(":/workspace")};
        ProcessOutcome r = unshare(base + QStringList {qs("--"), qs("/bin/sh"), qs("-c"),
                                                       qs("echo one > /etc/persisted && mkdir -p /root/home "
                                                          "&& echo scratch > /tmp/scratch && id -u")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("0\n"));
        QFile persisted(root + qs("/etc/persisted"));
        QVERIFY(persisted.open(QIODevice::ReadOnly));
        QCOMPARE(persisted.readAll(), QByteArray("one\n"));
        QCOMPARE(QFileInfo(persisted).ownerId(), getuid());
        QVERIFY(QFileInfo(root + qs("/root/home")).isDir());
        QVERIFY(!QFileInfo::exists(root + qs("/tmp/scratch"))); // /tmp stays a fresh tmpfs
        QCOMPARE(QFileInfo(root + qs("/etc/resolv.conf")).symLinkTarget(), qs("/run/resolvconf/resolv.conf"));

        // The next container sees what the last one left, as `wsl -d` does.
        r = unshare(base + QStringList {qs("--"), qs("/bin/sh"), qs("-c"),
                                        qs("cat /etc/persisted; rm /etc/persisted; ls -d /root/home")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("one\n/root/home\n"));
        QVERIFY(!QFileInfo::exists(root + qs("/etc/persisted")));

        // Without the switch the same root is read-only again.
        r = unshare({qs("--rootfs"), root, qs("--"), qs("/bin/sh"), qs("-c"), qs("touch /etc/x")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains("Read-only file system"), r.err.constData());
    }

    void keptUpperDirectoryIsALayer()
    {
        const QString root = m_scratch.fresh("layer-root");
        QVERIFY2(BusyboxRootfs::create(root).isEmpty(), "cannot build a second rootfs");
        QVERIFY(QDir().mkpath(root + qs("/opt/gone/deep")) && QDir().mkpath(root + qs("/opt/replaced/old")));
        QFile file(root + qs("/opt/gone/deep/file"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();

        // An install as a package manager does it: delete a file, a tree, replace a directory.
        const QString overlay = m_scratch.fresh("ov");
        ProcessOutcome r = unshare({qs("--rootfs"), root, qs("--overlay"), overlay, qs("--keep-overlay"), qs("--"),
                                    qs("/bin/sh"), qs("-c"),
                                    qs("rm /etc/hostname && rm -r /opt/gone && rm -r /opt/replaced && mkdir /opt/replaced "
                                       "&& echo new > /opt/replaced/new && echo pkg > /etc/pkg")});
        QVERIFY2(r.code == 0, r.err.constData());
        const QString upper = overlay + qs("/upper");
        QVERIFY(QFileInfo(upper).isDir());
        QVERIFY2(!QFileInfo::exists(overlay + qs("/work")), "the work directory must go");
        // Kernel overlayfs whiteouts (0/0 character devices) and an opaque directory marked in
        // the user.overlay namespace, the one an unprivileged mount may write.
        struct stat st {};
        QCOMPARE(lstat(QFile::encodeName(upper + qs("/etc/hostname")).constData(), &st), 0);
        QVERIFY(S_ISCHR(st.st_mode) && st.st_rdev == 0);
        char opaque[8] = {};
        QCOMPARE(lgetxattr(QFile::encodeName(upper + qs("/opt/replaced")).constData(), "user.overlay.opaque", opaque,
                           sizeof opaque),
                 ssize_t(1));
        QCOMPARE(opaque[0], 'y');

        // Stacked over the image, read-only and under a fresh writable overlay alike, the
        // deletions stay deleted and the replaced directory shows only its new content.
        const QString probe = qs("cat /etc/pkg; ls /etc/hostname /opt/gone 2>&1; ls /opt/replaced");
        const QByteArray expected("pkg\nls: /etc/hostname: No such file or directory\n"
                                  "ls: /opt/gone: No such file or directory\nnew\n");
        r = unshare({qs("--rootfs"), root, qs("--layer"), upper, qs("--"), qs("/bin/sh"), qs("-c"), probe});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.out, expected);
        const QString session = m_scratch.fresh("ov");
        r = unshare({qs("--rootfs"), root, qs("--layer"), upper, qs("--overlay"), session, qs("--"), qs("/bin/sh"),
                     qs("-c"), probe + qs("; echo again > /etc/hostname; rm -r /opt/replaced")});
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.out, expected);
        QVERIFY(!QFileInfo::exists(session)); // without --keep-overlay, all of it goes
        // The session wrote into its own overlay only.
        QCOMPARE(lstat(QFile::encodeName(upper + qs("/etc/hostname")).constData(), &st), 0);
        QVERIFY(S_ISCHR(st.st_mode));
        QVERIFY(QFileInfo::exists(upper + qs("/opt/replaced/new")));
    }

    void wslSimulatorDistroPersistsBetweenRuns()
    {
        const QString tar = m_scratch.fresh("distro") + qs(".tar");
        QCOMPARE(run(qs("tar"), {qs("-C"), m_scratch.rootfs(), qs("-cf"), tar, qs(".")}).code, 0);
        const QString wsl = qs(SCORPIOX_SOURCE_DIR "/tests/fixtures/wsl-sim/wsl.exe");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(qs("SCORPIOX_WSL_SIM_STATE"), m_scratch.fresh("wsl-state"));
        env.insert(qs("SCORPIOX_UNSHARE"), qs(SCORPIOX_UNSHARE_BIN));
        env.insert(qs("SCORPIOX_UNSHARE_SINGLE_ID"), qs("1"));
        ProcessOutcome r = run(wsl, {qs("--import"), qs("sim"), m_scratch.fresh("wsl-location"), tar}, env);
        QVERIFY2(r.code == 0, r.err.constData());
        r = run(wsl, {qs("-d"), qs("sim"), qs("--exec"), qs("/bin/sh"), qs("-c"),
                      qs("echo kept > /root/note; hostname; tr -s ' ' < /proc/self/uid_map")},
                env);
        QVERIFY2(r.code == 0, r.err.constData());
        // The simulator's switch reaches scorpiox-unshare under its real name: one id mapped.
        QCOMPARE(r.out, qs("sim\n 0 %1 1\n").arg(getuid()).toUtf8());
        r = run(wsl, {qs("-d"), qs("sim"), qs("--exec"), qs("cat"), qs("/root/note")}, env);
        QVERIFY2(r.code == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("kept\n"));
    }

    void removeTreeCleansAnOverlayLeftByKill9()
    {
        if (!HostFacts::hasSubordinateRange())
            QSKIP("needs a subordinate uid range (/etc/subuid) and newuidmap for files of other ids");
        const QString overlay = m_scratch.fresh("ov");
        const QString ready = m_scratch.project() + QLatin1Char('/') + m_scratch.uniqueName("ready-");
        QProcess launcher;
        launcher.setProgram(qs(SCORPIOX_UNSHARE_BIN));
        launcher.setArguments({qs("--rootfs"), m_scratch.rootfs(), qs("--overlay"), overlay, qs("--bind"),
                               m_scratch.project() + qs(":/workspace"), qs("--"), qs("/bin/sh"), qs("-c"),
                               qs("mkdir -p /opt/d/e && touch /opt/d/e/f /owned && chown -R 1000:1000 /opt/d /owned "
                                  "&& chmod 700 /opt/d /opt/d/e && touch /workspace/%1; exec sleep 60")
                                   .arg(QFileInfo(ready).fileName())});
        launcher.start();
        QVERIFY(ProcessWait::until([&] { return QFileInfo::exists(ready); }, 10000));
        ::kill(static_cast<pid_t>(launcher.processId()), SIGKILL);
        launcher.waitForFinished(5000);
        // Left behind, with files of a subordinate id the user cannot delete as itself.
        QVERIFY(QFileInfo(overlay + qs("/upper/opt/d")).exists());
        QVERIFY(foreignOwned(overlay) > 0);
        QVERIFY(run(qs("rm"), {qs("-rf"), overlay}).code != 0);
        QVERIFY(QFileInfo::exists(overlay));

        ProcessOutcome r = unshare({qs("--remove-tree"), overlay});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(!QFileInfo::exists(overlay));
        // Idempotent: a second cleanup of the same path is fine.
        QCOMPARE(unshare({qs("--remove-tree"), overlay}).code, 0);
    }

    void removeTreeOfSingleIdOverlayWithModeZeroWorkDir()
    {
        const QString overlay = m_scratch.fresh("ov");
        QVERIFY(QDir().mkpath(overlay + qs("/work/work")) && QDir().mkpath(overlay + qs("/upper/etc")));
        QVERIFY(QFile::setPermissions(overlay + qs("/work/work"), QFileDevice::Permissions {}));
        const ProcessOutcome r = unshare({qs("--remove-tree"), overlay});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(!QFileInfo::exists(overlay));
    }

    void removeTreeLargerThanAnEvictionBatch()
    {
        // More inodes with blocks than one batch of held descriptors (EvictionPool::kBatch, 128),
        // so removal flushes while it walks; plus a link out of the tree and a second name of a
        // file outside it, both of which must survive.
        const QString outside = m_scratch.fresh("outside");
        QVERIFY(QDir().mkpath(outside));
        QFile kept(outside + qs("/kept"));
        QVERIFY(kept.open(QIODevice::WriteOnly) && kept.write("still here\n") > 0);
        kept.close();
        const QString tree = m_scratch.fresh("tree");
        for (int d = 0; d < 40; ++d) {
            const QString dir = tree + qs("/d") + QString::number(d);
            QVERIFY(QDir().mkpath(dir + qs("/sub")));
            for (int f = 0; f < 5; ++f) {
                QFile file(dir + qs("/f") + QString::number(f));
                QVERIFY(file.open(QIODevice::WriteOnly) && file.write("content\n") > 0);
            }
        }
        QVERIFY(QFile::link(outside, tree + qs("/d0/escape")));
        QCOMPARE(::link(QFile::encodeName(outside + qs("/kept")).constData(),
                        QFile::encodeName(tree + qs("/d1/hardlink")).constData()), 0);

        const ProcessOutcome r = unshare({qs("--remove-tree"), tree});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(!QFileInfo::exists(tree));
        QVERIFY(QFileInfo(outside).isDir());
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("still here\n"));
    }

    void overlayIsGoneAtExitAndItsCloserSoonAfter()
    {
        // The names go before the launcher exits; the descriptors that free the blocks are closed
        // by a detached process, which must end too (it carries the launcher's command line).
        const QString overlay = m_scratch.fresh("ov-closer-");
        const ProcessOutcome r = unshare({qs("--rootfs"), m_scratch.rootfs(), qs("--overlay"), overlay, qs("--"),
                                          qs("/bin/sh"), qs("-c"),
                                          qs("mkdir -p /opt/a/b /opt/c && echo data > /opt/a/b/f")});
        QVERIFY2(r.code == 0, r.err.constData());
        QVERIFY(!QFileInfo::exists(overlay));
        QVERIFY(ProcessWait::until([&] { return ProcessWait::countWithCmdline(QFile::encodeName(overlay)) == 0; },
                                   5000));
    }

    void removeTreeRefusesWhatIsNotTheCallers()
    {
        // Owned by root.
        ProcessOutcome r = unshare({qs("--remove-tree"), qs("/usr/share/doc")});
        QCOMPARE(r.code, 125);
        QVERIFY2(r.err.contains("refused, it belongs to uid 0, not to you"), r.err.constData());
        QVERIFY(QFileInfo(qs("/usr/share/doc")).isDir());

        // A link to the caller's own directory is not followed.
        const QString target = m_scratch.fresh("target");
        QVERIFY(QDir().mkpath(target + qs("/inner")));
        const QString link = m_scratch.fresh("link");
        QVERIFY(QFile::link(target, link));
        r = unshare({qs("--remove-tree"), link});
        QCOMPARE(r.code, 125);
        QVERIFY2(r.err.contains("not a directory (a symbolic link is never followed)"), r.err.constData());
        QVERIFY(QFileInfo(target + qs("/inner")).isDir());

        r = unshare({qs("--remove-tree"), qs("relative/dir")});
        QCOMPARE(r.code, 125);
    }
};

QTEST_GUILESS_MAIN(TestUnshareTrees)
#include "tst_unshare_trees.moc"
