// SPDX-License-Identifier: GPL-3.0-or-later
// CONTAINER_PACKAGES end to end, as an ordinary user: an image built here from the busybox rootfs
// with a fake /sbin/apk (a shell script that records its arguments inside the image, installs
// marker files, deletes base files and chowns like a package manager) is imported with the real
// CLI; `--cli run` installs once through scorpiox-unshare --keep-overlay, later runs use the
// cached layer and call nothing.
#include "BusyboxRootfs.h"
#include "CliRunner.h"
#include "TempHome.h"
#include "config/Settings.h"
#include "sessions/SessionManager.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

QString qs(const char *text)
{
    return QString::fromUtf8(text);
}

// `apk add --no-cache PKG...`. A package named `broken` fails as apk does, `slow` takes a
// second (to overlap two installs), `sleepy` a minute (to be stopped), `chatty` prints a line a
// second, `hang` ignores SIGTERM and never ends.
const char kFakeApk[] = R"(#!/bin/sh
mkdir -p /var/lib/fake-apk /usr/lib/fake-apk/installed
echo "$*" >> /var/lib/fake-apk/calls
for p in "$@"; do
    case "$p" in
    add|--no-cache) ;;
    broken) echo "ERROR: unable to select packages:"; echo "  broken (no such package):"; exit 1 ;;
    slow) sleep 1; echo slow > /usr/lib/fake-apk/installed/slow ;;
    sleepy) sleep 60 ;;
    chatty) for i in 1 2 3; do echo "chatty step $i"; sleep 1; done ;;
    hang) trap '' TERM; echo "hanging"; sleep 86399; sleep 86399 ;;
    *) echo "installed $p" > /usr/lib/fake-apk/installed/$p; chown 100:101 /usr/lib/fake-apk/installed/$p 2>/dev/null ;;
    esac
done
rm /etc/base-file
rm -r /usr/share/base-doc
rm -r /opt/base-dir && mkdir /opt/base-dir && echo new > /opt/base-dir/new
echo "OK: $# arguments"
)";

} // namespace

class TestProvisioning : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempHome> m_home;
    QTemporaryDir m_dir;
    bool m_foreignOwned = false; ///< the install's chown gave a layer file to a subordinate id

    QString cacheDir() const { return m_home->home() + qs("/containers"); }
    QStringList layers() const { return QDir(cacheDir() + qs("/layers")).entryList(QDir::Dirs | QDir::NoDotAndDotDot); }
    QStringList staging() const
    {
        return QDir(cacheDir() + qs("/tmp")).entryList(QStringList{qs("*@*")}, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
    }
    bool setPackages(const QByteArray &packages, const QByteArray &more = {})
    {
        return TempHome::writeFile(m_home->project() + qs("/scorpiox-env.txt"), "CONTAINER_PACKAGES=" + packages + "\n" + more);
    }
    // A session on the test image that runs `true`, started as the GUI starts one.
    Session *startOnTestImage(SessionManager &manager)
    {
        Settings settings(m_home->home(), m_home->project());
        if (!settings.load().isEmpty())
            return nullptr;
        SessionConfig config = SessionConfig::fromSettings(settings);
        config.image = qs("test");
        SessionRequest request;
        request.projectDir = m_home->project();
        request.command = {qs("true")};
        request.terminal = false;
        const Result<Session *> started = manager.start(request, config);
        return started ? *started : nullptr;
    }
    // Processes of this user still running `sleep 86399` (the hanging install's).
    static int hangingSleeps()
    {
        int count = 0;
        for (const QString &pid : QDir(qs("/proc")).entryList(QDir::Dirs)) {
            QFile cmdline(qs("/proc/") + pid + qs("/cmdline"));
            if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll() == QByteArray("sleep\0" "86399\0", 12))
                ++count;
        }
        return count;
    }
    CliResult run(const QString &script)
    {
        return CliRunner::cli({qs("run"), qs("--image"), qs("test"), qs("--"), qs("sh"), qs("-c"), script},
                              m_home->project());
    }
    // What every run prints about the image: the install calls, the markers, the deleted files.
    static QString probe()
    {
        return qs("wc -l < /var/lib/fake-apk/calls; cat /var/lib/fake-apk/calls; cat /usr/lib/fake-apk/installed/*; "
                  "ls /etc/base-file /usr/share/base-doc 2>&1; ls /opt/base-dir");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(getuid() != 0, "run as an ordinary user: root proves nothing about a rootless runtime");
        QVERIFY(m_dir.isValid());
        m_home = std::make_unique<TempHome>();
        QVERIFY(TempHome::writeFile(m_home->home() + qs("/scorpiox-env.txt"),
                                    "container_memory_mb=0\nIMAGE_BASE_URL=http://127.0.0.1:9/\n"));

        const QString rootfs = m_dir.filePath(qs("rootfs"));
        const QString error = BusyboxRootfs::create(rootfs);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(TempHome::writeFile(rootfs + qs("/sbin/apk"), kFakeApk));
        QVERIFY(QFile::setPermissions(rootfs + qs("/sbin/apk"), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                                                    | QFile::ReadOther | QFile::ExeOther));
        QVERIFY(TempHome::writeFile(rootfs + qs("/etc/base-file"), "from the image\n"));
        QVERIFY(TempHome::writeFile(rootfs + qs("/usr/share/base-doc/a/b"), "doc\n"));
        QVERIFY(TempHome::writeFile(rootfs + qs("/opt/base-dir/old"), "old\n"));

        const QString tarball = m_dir.filePath(qs("test.tar.gz"));
        QProcess tar;
        tar.start(qs("tar"), {qs("-C"), rootfs, qs("-czf"), tarball, qs(".")});
        QVERIFY(tar.waitForFinished(60000));
        QCOMPARE(tar.exitCode(), 0);
        const CliResult imported = CliRunner::cli({qs("import"), tarball, qs("--name"), qs("test")}, m_home->project());
        QVERIFY2(imported.exitCode == 0, imported.err.constData());
    }

    void firstBootInstallsIntoALayer()
    {
        QVERIFY(setPackages("git,curl"));
        const CliResult r = run(probe());
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("1\nadd --no-cache git curl\ninstalled curl\ninstalled git\n"
                                   "ls: /etc/base-file: No such file or directory\n"
                                   "ls: /usr/share/base-doc: No such file or directory\nnew\n"));
        QCOMPARE(layers().size(), 1);
        QVERIFY2(staging().isEmpty(), qPrintable(staging().join(u' ')));
        // The image itself is untouched: everything the install did lives in the layer.
        const QString image = cacheDir() + qs("/images/test");
        QVERIFY(!QFileInfo::exists(image + qs("/var/lib/fake-apk")));
        QVERIFY(QFileInfo::exists(image + qs("/etc/base-file")));
        QVERIFY(QFileInfo::exists(image + qs("/usr/share/base-doc/a/b")));
        QVERIFY(QFileInfo::exists(image + qs("/opt/base-dir/old")));
        const QString layer = cacheDir() + qs("/layers/") + layers().first();
        QVERIFY(QFileInfo::exists(layer + qs("/usr/lib/fake-apk/installed/git")));
        m_foreignOwned = QFileInfo(layer + qs("/usr/lib/fake-apk/installed/git")).ownerId() != getuid();
        QVERIFY2(!QFileInfo::exists(layer + qs("/work")), "the overlay's work directory was kept");
    }

    void laterBootsUseTheLayer()
    {
        QVERIFY(setPackages("curl,git"));
        const CliResult r = run(probe() + qs("; echo session-write > /etc/base-file"));
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        // The package manager was not called again, and the install's deletions (a file, a
        // directory, a directory replaced by a new one) stay deleted.
        QVERIFY2(r.out.startsWith("1\nadd --no-cache git curl\ninstalled curl\ninstalled git\n"), r.out.constData());
        QVERIFY(r.out.endsWith("ls: /usr/share/base-doc: No such file or directory\nnew\n"));
        QCOMPARE(layers().size(), 1);
        // A session's writes go to its own overlay, never into the layer.
        const CliResult again = run(qs("cat /etc/base-file 2>&1"));
        QCOMPARE(again.out, QByteArray("cat: can't open '/etc/base-file': No such file or directory\n"));
    }

    void anotherPackageListMakesAnotherLayer()
    {
        QVERIFY(setPackages("git"));
        const CliResult r = run(probe());
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.startsWith("1\nadd --no-cache git\ninstalled git\n"), r.out.constData());
        QCOMPARE(layers().size(), 2);
    }

    void noneInstallsNothing()
    {
        QVERIFY(setPackages("none"));
        const CliResult r = run(qs("ls /var/lib/fake-apk 2>&1; cat /etc/base-file"));
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("ls: /var/lib/fake-apk: No such file or directory\nfrom the image\n"));
        QCOMPARE(layers().size(), 2);
    }

    void failedInstallFailsTheSession()
    {
        QVERIFY(setPackages("git,broken"));
        const CliResult r = run(qs("echo must-not-run"));
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 125);
        QVERIFY(!r.out.contains("must-not-run"));
        QVERIFY2(r.err.contains("installing git, broken into image 'test' with apk failed (exit 1)"), r.err.constData());
        QVERIFY2(r.err.contains("ERROR: unable to select packages:\n  broken (no such package):"), r.err.constData());
        QCOMPARE(layers().size(), 2);
        QVERIFY2(staging().isEmpty(), qPrintable(staging().join(u' ')));
        QVERIFY(QDir(cacheDir() + qs("/overlays")).isEmpty());
    }

    void concurrentFirstBootsInstallOnce()
    {
        QVERIFY(setPackages("slow,git"));
        QList<std::shared_ptr<QProcess>> runs;
        for (int i = 0; i < 2; ++i) {
            auto process = std::make_shared<QProcess>();
            process->setWorkingDirectory(m_home->project());
            process->start(qs(SCORPIOX_DESKTOP_BIN), {qs("--cli"), qs("run"), qs("--image"), qs("test"), qs("--"), qs("sh"),
                                                      qs("-c"), qs("wc -l < /var/lib/fake-apk/calls; cat /usr/lib/fake-apk/installed/slow")});
            runs.append(process);
        }
        for (const auto &process : runs) {
            QVERIFY(process->waitForFinished(60000));
            QCOMPARE(process->exitCode(), 0);
            QCOMPARE(process->readAllStandardOutput(), QByteArray("1\nslow\n"));
        }
        QCOMPARE(layers().size(), 3);
        QVERIFY2(staging().isEmpty(), qPrintable(staging().join(u' ')));
    }

    void sessionReportsTheInstallAndTheNotice()
    {
        QVERIFY(setPackages("make"));
        Settings settings(m_home->home(), m_home->project());
        QVERIFY(settings.load().isEmpty());
        SessionConfig config = SessionConfig::fromSettings(settings);
        SessionRequest request;
        request.projectDir = m_home->project();
        request.command = {qs("true")};
        request.terminal = false;

        config.image = qs("test");
        SessionManager manager;
        Result<Session *> started = manager.start(request, config);
        QVERIFY(started);
        QList<Session::State> states;
        QStringList messages;
        connect(*started, &Session::stateChanged, this, [&states](Session::State s) { states.append(s); });
        connect(*started, &Session::statusMessage, this, [&messages](const QString &m) { messages.append(m); });
        QSignalSpy finished(*started, &Session::finished);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(0).toInt(), 0);
        QVERIFY(states.contains(Session::State::Provisioning));
        QCOMPARE(Session::stateName(Session::State::Provisioning), qs("installing packages"));
        QVERIFY2(messages.contains(qs("installing packages: make")), qPrintable(messages.join(u'|')));

        // The built-in image has no package manager: a notice, and the session runs as is.
        config.image = qs("default");
        started = manager.start(request, config);
        QVERIFY(started);
        states.clear();
        messages.clear();
        connect(*started, &Session::stateChanged, this, [&states](Session::State s) { states.append(s); });
        connect(*started, &Session::statusMessage, this, [&messages](const QString &m) { messages.append(m); });
        QSignalSpy ended(*started, &Session::finished);
        QVERIFY(ended.wait(30000));
        QCOMPARE(ended.first().at(0).toInt(), 0);
        QVERIFY(!states.contains(Session::State::Provisioning));
        QVERIFY2(messages.contains(qs("image 'default' has no known package manager (apk, apt-get, dnf, microdnf, zypper, "
                                      "pacman); running it as is, without make")),
                 qPrintable(messages.join(u'|')));
    }

    void stoppingASessionStopsItsInstall()
    {
        QVERIFY(setPackages("sleepy"));
        const QStringList layersBefore = layers();
        SessionManager manager;
        Session *session = startOnTestImage(manager);
        QVERIFY(session);
        QSignalSpy failed(session, &Session::failed);
        QVERIFY(QTest::qWaitFor([&] { return session->state() == Session::State::Provisioning; }, 20000));
        QVERIFY(QTest::qWaitFor([&] { return !staging().isEmpty(); }, 5000));
        QElapsedTimer clock;
        clock.start();
        session->stop();
        QVERIFY(failed.wait(10000));
        // The install ends too (SIGTERM through scorpiox-unshare), well before its minute, and
        // leaves neither a layer nor its staging behind.
        QVERIFY2(QTest::qWaitFor([&] { return staging().isEmpty(); }, 15000), qPrintable(staging().join(u' ')));
        QVERIFY2(clock.elapsed() < 15000, "the install was not stopped");
        QCOMPARE(layers(), layersBefore);
    }

    void installOutputArrivesWhileItRuns()
    {
        QVERIFY(setPackages("chatty"));
        SessionManager manager;
        Session *session = startOnTestImage(manager);
        QVERIFY(session);
        QElapsedTimer clock;
        clock.start();
        QStringList lines;
        QList<qint64> arrivals;
        qint64 installEnded = -1;
        connect(session, &Session::provisionOutput, this, [&](const QString &line) {
            lines.append(line);
            arrivals.append(clock.elapsed());
        });
        connect(session, &Session::stateChanged, this, [&](Session::State state) {
            if (state == Session::State::CreatingOverlay)
                installEnded = clock.elapsed();
        });
        QSignalSpy finished(session, &Session::finished);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(0).toInt(), 0);
        QCOMPARE(lines, (QStringList{qs("chatty step 1"), qs("chatty step 2"), qs("chatty step 3"), qs("OK: 3 arguments")}));
        // Line by line as printed, not all at the end: the first came two sleeps before the end.
        QVERIFY2(installEnded > 0 && arrivals.first() + 1500 < installEnded,
                 qPrintable(QStringLiteral("first line at %1 ms, install ended at %2 ms").arg(arrivals.first()).arg(installEnded)));
        const QByteArray history = session->history().result();
        QVERIFY2(history.contains("chatty step 2\r\n"), history.constData());

        // The CLI prints them on stderr (plain: it is not a terminal here), never on stdout.
        QVERIFY(setPackages("chatty,git"));
        const CliResult r = run(qs("echo ran"));
        QVERIFY2(r.finished && r.exitCode == 0, r.err.constData());
        QCOMPARE(r.out, QByteArray("ran\n"));
        QVERIFY2(r.err.contains("chatty step 1\nchatty step 2\nchatty step 3\n"), r.err.constData());
    }

    void hangingInstallIsKilledAtItsTimeout()
    {
        QVERIFY(setPackages("hang", "CONTAINER_PACKAGES_TIMEOUT=2\n"));
        const QStringList layersBefore = layers();
        QElapsedTimer clock;
        clock.start();
        const CliResult r = run(qs("echo must-not-run"));
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 125);
        QVERIFY(!r.out.contains("must-not-run"));
        QVERIFY2(r.err.contains("hanging\n"), r.err.constData());
        QVERIFY2(r.err.endsWith("scorpiox-desktop: installing hang into image 'test' with apk took more than 2 s and was "
                                "stopped; raise CONTAINER_PACKAGES_TIMEOUT (now 2), or set CONTAINER_PACKAGES=none to skip it\n"),
                 r.err.constData());
        // Ignoring SIGTERM did not help it: the launcher's SIGKILL after its grace took the tree.
        QVERIFY2(clock.elapsed() < 25000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(hangingSleeps(), 0);
        QCOMPARE(layers(), layersBefore);
        QVERIFY2(staging().isEmpty(), qPrintable(staging().join(u' ')));
        QVERIFY(QDir(cacheDir() + qs("/overlays")).isEmpty());
    }

    void cleanRemovesLayersOfRemovedImages()
    {
        // Files the install chowned belong to subordinate ids on the host; clean removes them too.
        if (!m_foreignOwned)
            qWarning("no subordinate id range for this user: the layers hold only its own files");
        const CliResult removed = CliRunner::cli({qs("rm"), qs("test")}, m_home->project());
        QVERIFY2(removed.exitCode == 0, removed.err.constData());
        const CliResult cleaned = CliRunner::cli({qs("clean")}, m_home->project());
        QVERIFY2(cleaned.exitCode == 0, cleaned.err.constData());
        QVERIFY2(layers().isEmpty(), qPrintable(layers().join(u' ')));
    }
};

QTEST_GUILESS_MAIN(TestProvisioning)
#include "tst_provisioning.moc"
