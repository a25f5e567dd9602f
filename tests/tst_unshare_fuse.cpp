// SPDX-License-Identifier: GPL-3.0-or-later
// The fuse-overlayfs fallback of scorpiox-unshare, forced with SCORPIOX_UNSHARE_OVERLAY=fuse, as an
// ordinary user with a real /dev/fuse: the overlay works, its daemon lives outside the container's
// PID namespace and never outlives the launcher.
#include "ProcessWait.h"
#include "ScratchDir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

#include <csignal>
#include <memory>
#include <unistd.h>

namespace {

QString qs(const char *text)
{
    return QString::fromUtf8(text);
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

struct ProcStat
{
    qint64 pid = 0;
    qint64 ppid = 0;
    QByteArray comm;
    char state = '?';
};

// /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses.
ProcStat procStat(const QString &pid)
{
    const QByteArray stat = readFile(qs("/proc/") + pid + qs("/stat"));
    const int open = stat.indexOf('(');
    const int close = stat.lastIndexOf(')');
    ProcStat s;
    if (open < 0 || close < open)
        return s;
    s.pid = stat.left(open).trimmed().toLongLong();
    s.comm = stat.mid(open + 1, close - open - 1);
    const QList<QByteArray> rest = stat.mid(close + 2).split(' ');
    if (rest.size() > 1) {
        s.state = rest[0].isEmpty() ? '?' : rest[0][0];
        s.ppid = rest[1].toLongLong();
    }
    return s;
}

QList<ProcStat> childrenOf(qint64 parent)
{
    QList<ProcStat> children;
    const QStringList pids = QDir(qs("/proc")).entryList({qs("[0-9]*")}, QDir::Dirs);
    for (const QString &pid : pids) {
        const ProcStat s = procStat(pid);
        if (s.ppid == parent && s.state != 'Z')
            children << s;
    }
    return children;
}

bool alive(qint64 pid)
{
    const ProcStat s = procStat(QString::number(pid));
    return s.pid == pid && s.state != 'Z';
}

// The namespace as the kernel names it, e.g. `mnt:[4026531841]`; empty when unreadable.
QByteArray namespaceAt(const QString &link)
{
    char target[64];
    const ssize_t n = readlink(QFile::encodeName(link).constData(), target, sizeof target);
    return n > 0 ? QByteArray(target, static_cast<int>(n)) : QByteArray();
}

QByteArray namespaceOf(qint64 pid, const char *kind)
{
    return namespaceAt(qs("/proc/%1/ns/%2").arg(pid).arg(qs(kind)));
}

// How many processes this user can see in the mount namespace @p ns.
int processesInMountNamespace(const QByteArray &ns)
{
    int count = 0;
    const QStringList pids = QDir(qs("/proc")).entryList({qs("[0-9]*")}, QDir::Dirs);
    for (const QString &pid : pids) {
        if (namespaceAt(qs("/proc/") + pid + qs("/ns/mnt")) == ns)
            ++count;
    }
    return count;
}

} // namespace

class TestUnshareFuse : public QObject
{
    Q_OBJECT

private:
    ScratchDir m_scratch;

    /// Starts a container over fuse-overlayfs that writes /etc/hostname, lists the processes it
    /// sees into /workspace/comms, and waits for /workspace/go.
    std::unique_ptr<QProcess> startWaitingContainer(const QString &overlay)
    {
        QFile::remove(m_scratch.project() + qs("/go"));
        QFile::remove(m_scratch.project() + qs("/comms"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(qs("SCORPIOX_UNSHARE_OVERLAY"), qs("fuse"));
        auto p = std::make_unique<QProcess>();
        p->setProgram(qs(SCORPIOX_UNSHARE_BIN));
        p->setProcessEnvironment(env);
        p->setArguments({qs("--rootfs"), m_scratch.rootfs(), qs("--overlay"), overlay, qs("--bind"),
                         m_scratch.project() + qs(":/workspace"), qs("--"), qs("/bin/sh"), qs("-c"),
                         qs("echo fused > /etc/hostname && cat /proc/[0-9]*/comm > /workspace/comms.tmp && "
                            "mv /workspace/comms.tmp /workspace/comms && "
                            "while [ ! -e /workspace/go ]; do sleep 0.05; done")});
        p->start();
        return p;
    }

    /// The daemon and the container's init, the launcher's two children, once the container runs.
    bool findChildren(const QProcess &launcher, qint64 *daemon, qint64 *init)
    {
        const QString comms = m_scratch.project() + qs("/comms");
        const bool ready = ProcessWait::until([&] { return QFileInfo::exists(comms); }, 15000);
        *daemon = *init = 0;
        for (const ProcStat &child : childrenOf(launcher.processId())) {
            if (child.comm == "fuse-overlayfs")
                *daemon = child.pid;
            else
                *init = child.pid;
        }
        return ready && *daemon > 0 && *init > 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (access("/usr/bin/fuse-overlayfs", X_OK) != 0)
            QSKIP("fuse-overlayfs is not installed (apt-get install fuse-overlayfs)");
        if (access("/dev/fuse", R_OK | W_OK) != 0)
            QSKIP("/dev/fuse is not readable and writable for this user (the test fixture grants it with an "
                  "ACL when ctest runs as root)");
        const QString error = m_scratch.create();
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void overlayWorksAndEverythingEndsWithTheContainer()
    {
        const QByteArray baseHostname = readFile(m_scratch.rootfs() + qs("/etc/hostname"));
        const QString overlay = m_scratch.fresh("ov");
        auto p = startWaitingContainer(overlay);
        qint64 daemon = 0, init = 0;
        QVERIFY2(findChildren(*p, &daemon, &init), p->readAllStandardError().constData());

        // Writes land in the upper directory; the image stays as it was.
        QCOMPARE(readFile(overlay + qs("/upper/etc/hostname")), QByteArray("fused\n"));
        QCOMPARE(readFile(m_scratch.rootfs() + qs("/etc/hostname")), baseHostname);

        // The daemon serves the container from outside its PID namespace: the container lists
        // its own processes (sh at least) but not the daemon.
        const QByteArray comms = readFile(m_scratch.project() + qs("/comms"));
        QVERIFY2(comms.contains("sh\n"), comms.constData());
        QVERIFY2(!comms.contains("fuse-overlayfs"), comms.constData());
        QVERIFY(!namespaceOf(daemon, "pid").isEmpty());
        QVERIFY(namespaceOf(daemon, "pid") != namespaceOf(init, "pid"));
        QCOMPARE(namespaceOf(daemon, "pid"), namespaceOf(getpid(), "pid"));
        const QByteArray containerMounts = namespaceOf(init, "mnt");
        QVERIFY(!containerMounts.isEmpty());

        QFile go(m_scratch.project() + qs("/go"));
        QVERIFY(go.open(QIODevice::WriteOnly));
        go.close();
        const ProcessOutcome r = ProcessWait::finish(*p, 15000);
        QVERIFY2(r.code == 0, r.err.constData());

        // The daemon is gone, and so is the mount: nothing is left in the container's mount
        // namespace. The overlay directory went with it.
        QVERIFY(!alive(daemon));
        QCOMPARE(processesInMountNamespace(containerMounts), 0);
        QVERIFY(!QFileInfo::exists(overlay));
        QCOMPARE(readFile(m_scratch.rootfs() + qs("/etc/hostname")), baseHostname);
    }

    void killingTheLauncherEndsTheDaemon()
    {
        auto p = startWaitingContainer(m_scratch.fresh("ov"));
        qint64 daemon = 0, init = 0;
        QVERIFY2(findChildren(*p, &daemon, &init), p->readAllStandardError().constData());
        ::kill(static_cast<pid_t>(p->processId()), SIGKILL);
        p->waitForFinished(5000);
        QVERIFY2(ProcessWait::until([&] { return !alive(daemon) && !alive(init); }, 5000),
                 "fuse-overlayfs or the container outlived a killed launcher");
    }
};

QTEST_GUILESS_MAIN(TestUnshareFuse)
#include "tst_unshare_fuse.moc"
