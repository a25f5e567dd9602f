// SPDX-License-Identifier: GPL-3.0-or-later
// The Qt-free argument parser of scorpiox-unshare, through the static library it shares with
// the launcher.
#include "Options.h"

#include <QTest>

#include <vector>

namespace {

ParseResult parse(std::vector<const char *> args)
{
    args.insert(args.begin(), "scorpiox-unshare");
    return parseArguments(static_cast<int>(args.size()), args.data());
}

} // namespace

class TestUnshareArgs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seedCommandLine()
    {
        const ParseResult r = parse({"--rootfs", "/img", "--overlay", "/ov", "--bind", "/home/u/p:/workspace",
                                     "--bind", "/etc/ssl:/etc/ssl:ro", "--net", "isolated", "--hostname",
                                     "scorpiox-1", "--workdir", "/workspace", "--env", "A=1", "--env", "B=x=y",
                                     "--timeout", "30", "--memory-mb", "512", "--info-fd", "7", "--layer", "/l1",
                                     "--layer", "/l2", "--", "/bin/sh", "-c", "echo hi"});
        QVERIFY2(r.ok(), r.error.c_str());
        const Options &o = r.options;
        QCOMPARE(o.rootfs, std::string("/img"));
        QCOMPARE(o.overlay, std::string("/ov"));
        QCOMPARE(o.binds.size(), size_t(2));
        QCOMPARE(o.binds[0].host, std::string("/home/u/p"));
        QCOMPARE(o.binds[0].container, std::string("/workspace"));
        QVERIFY(!o.binds[0].readOnly);
        QVERIFY(o.binds[1].readOnly);
        QVERIFY(o.net == NetMode::Isolated);
        QCOMPARE(o.hostname, std::string("scorpiox-1"));
        QCOMPARE(o.workdir, std::string("/workspace"));
        QCOMPARE(o.env, (std::vector<std::string> {"A=1", "B=x=y"}));
        QCOMPARE(o.timeoutSec, 30L);
        QCOMPARE(o.memoryMb, 512L);
        QCOMPARE(o.infoFd, 7);
        QCOMPARE(o.layers, (std::vector<std::string> {"/l1", "/l2"}));
        QCOMPARE(o.command, (std::vector<std::string> {"/bin/sh", "-c", "echo hi"}));
    }

    void equalsFormAndDefaults()
    {
        const ParseResult r = parse({"--rootfs=/img", "--net=none", "--", "true"});
        QVERIFY2(r.ok(), r.error.c_str());
        QVERIFY(r.options.net == NetMode::None);
        QCOMPARE(r.options.workdir, std::string("/"));
        QVERIFY(r.options.overlay.empty());
        QCOMPARE(r.options.infoFd, -1);
        QVERIFY(parse({"--rootfs", "/img", "--"}).error.find("no command") != std::string::npos);
    }

    void everythingAfterDashDashIsTheCommand()
    {
        const ParseResult r = parse({"--rootfs", "/img", "--", "--rootfs", "--net", "none", "--"});
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.options.command, (std::vector<std::string> {"--rootfs", "--net", "none", "--"}));
        QVERIFY(r.options.net == NetMode::Host);
        const ParseResult bare = parse({"--rootfs", "/img", "echo", "--net"});
        QVERIFY2(bare.ok(), bare.error.c_str());
        QCOMPARE(bare.options.command, (std::vector<std::string> {"echo", "--net"}));
    }

    void manyBinds()
    {
        std::vector<std::string> storage;
        std::vector<const char *> args {"--rootfs", "/img"};
        for (int i = 0; i < 40; ++i)
            storage.push_back("/host/" + std::to_string(i) + ":/mnt/" + std::to_string(i) + (i % 2 ? ":ro" : ""));
        for (const std::string &s : storage) {
            args.push_back("--bind");
            args.push_back(s.c_str());
        }
        args.push_back("--");
        args.push_back("true");
        const ParseResult r = parse(args);
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.options.binds.size(), size_t(40));
        QVERIFY(r.options.binds[39].readOnly);
        QCOMPARE(r.options.binds[39].container, std::string("/mnt/39"));
    }

    void containerPathsAreNormalised()
    {
        QCOMPARE(normaliseContainerPath("//a/./b//"), std::string("/a/b"));
        QCOMPARE(normaliseContainerPath("/"), std::string("/"));
        QVERIFY(normaliseContainerPath("a/b").empty());
        QVERIFY(normaliseContainerPath("/a/../b").empty());
        const ParseResult r = parse({"--rootfs", "/img", "--bind", "/h:/x//y/", "--", "true"});
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.options.binds[0].container, std::string("/x/y"));
    }

    void enterRemoveTreeAndWritableRootfs()
    {
        ParseResult r = parse({"--enter", "4242", "--net", "none", "--workdir", "/workspace", "--env", "A=1",
                               "--info-fd", "3", "--", "/bin/sh", "-l"});
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.options.enterPid, 4242L);
        QVERIFY(r.options.netGiven && r.options.net == NetMode::None);
        QVERIFY(r.options.rootfs.empty());
        QCOMPARE(r.options.command, (std::vector<std::string> {"/bin/sh", "-l"}));
        QVERIFY(!parse({"--enter", "4242", "--", "true"}).options.netGiven);

        r = parse({"--remove-tree", "/tmp//ov/"});
        QVERIFY2(r.ok(), r.error.c_str());
        QCOMPARE(r.options.removeTree, std::string("/tmp/ov"));

        r = parse({"--rootfs", "/img", "--writable-rootfs", "--", "true"});
        QVERIFY2(r.ok(), r.error.c_str());
        QVERIFY(r.options.writableRootfs);
        QVERIFY(!parse({"--rootfs", "/img", "--", "true"}).options.writableRootfs);
        r = parse({"--rootfs", "/img", "--writable-rootfs", "--all-capabilities", "--", "true"});
        QVERIFY2(r.ok(), r.error.c_str());
        QVERIFY(r.options.allCapabilities);
        QVERIFY(!parse({"--rootfs", "/img", "--", "true"}).options.allCapabilities);
        QVERIFY(parse({"--enter", "42", "--all-capabilities", "--", "true"}).options.allCapabilities);

        r = parse({"--rootfs", "/img", "--overlay", "/ov", "--keep-overlay", "--", "true"});
        QVERIFY2(r.ok(), r.error.c_str());
        QVERIFY(r.options.keepOverlay);
        QVERIFY(!parse({"--rootfs", "/img", "--overlay", "/ov", "--", "true"}).options.keepOverlay);
    }

    void rejects_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("needle");
        const auto row = [](const char *name, QStringList args, const char *needle) {
            QTest::newRow(name) << args << QString::fromLatin1(needle);
        };
        row("no rootfs", {QStringLiteral("--"), QStringLiteral("true")}, "--rootfs DIR is required");
        row("rootfs twice", {QStringLiteral("--rootfs"), QStringLiteral("/a"), QStringLiteral("--rootfs"), QStringLiteral("/b"), QStringLiteral("--"), QStringLiteral("x")}, "twice");
        row("unknown", {QStringLiteral("--rootfs"), QStringLiteral("/a"), QStringLiteral("--frobnicate"), QStringLiteral("--"), QStringLiteral("x")}, "unknown option --frobnicate");
        row("short unknown", {QStringLiteral("--rootfs"), QStringLiteral("/a"), QStringLiteral("-x"), QStringLiteral("--"), QStringLiteral("x")}, "unknown option -x");
        row("missing value", {QStringLiteral("--rootfs")}, "needs a value");
        row("empty value", {QStringLiteral("--rootfs="), QStringLiteral("--"), QStringLiteral("x")}, "non-empty");
        row("bad net", {QStringLiteral("--rootfs"), QStringLiteral("/a"), QStringLiteral("--net"), QStringLiteral("bridge"), QStringLiteral("--"), QStringLiteral("x")}, "expected host, isolated or none");
        row("bind without colon", {QStringLiteral("--rootfs"), QStringLiteral("/a"), QStringLiteral("--bind"), QStringLiteral("/h"), QStringLiteral("--"), QStringLiteral("x")}, "HOST:CONT");
        row("bind relative target", {QStringLiteral("--rootfs"), QStringLiteral("/a"), QStringLiteral("--bind"), QStringLiteral("/h:rel"), QStringLiteral("--"), QStringLiteral("x")}, "absolute");
        row("bind dotdot", {QStringLiteral("--rootfs"), QStringLiteral("/a"), QStringLiteral("--bind"), QStringLiteral("/h:/a/../../etc"), QStringLiteral("--"), QStringLiteral("x")}, "'..'");
        row("bind root", {QStringLiteral("--rootfs"), QStringLiteral("/a"), QStringLiteral("--bind"), QStringLiteral("/h:/"), QStringLiteral("--"), QStringLiteral("x")}, "root");
        row("bind proc", {QStringLiteral("--rootfs"), QStringLiteral("/a"), QStringLiteral("--bind"), QStringLiteral("/h:/proc/sys"), QStringLiteral("--"), QStringLiteral("x")}, "/proc");
        row("bad hostname", {QStringLiteral("--rootfs"), QStringLiteral("/a"), QStringLiteral("--hostname"), QStringLiteral("a b"), QStringLiteral("--"), QStringLiteral("x")}, "--hostname");
        row("relative workdir", {QStringLiteral("--rootfs"), QStringLiteral("/a"), QStringLiteral("--workdir"), QStringLiteral("w"), QStringLiteral("--"), QStringLiteral("x")}, "--workdir");
        row("env without key", {QStringLiteral("--rootfs"), QStringLiteral("/a"), QStringLiteral("--env"), QStringLiteral("=v"), QStringLiteral("--"), QStringLiteral("x")}, "K=V");
        row("negative timeout", {QStringLiteral("--rootfs"), QStringLiteral("/a"), QStringLiteral("--timeout"), QStringLiteral("-1"), QStringLiteral("--"), QStringLiteral("x")}, "--timeout");
        row("timeout junk", {QStringLiteral("--rootfs"), QStringLiteral("/a"), QStringLiteral("--timeout"), QStringLiteral("5s"), QStringLiteral("--"), QStringLiteral("x")}, "--timeout");
        row("memory junk", {QStringLiteral("--rootfs"), QStringLiteral("/a"), QStringLiteral("--memory-mb"), QStringLiteral("lots"), QStringLiteral("--"), QStringLiteral("x")}, "--memory-mb");
        row("info fd junk", {QStringLiteral("--rootfs"), QStringLiteral("/a"), QStringLiteral("--info-fd"), QStringLiteral("x"), QStringLiteral("--"), QStringLiteral("x")}, "--info-fd");
        row("help with value", {QStringLiteral("--help=1")}, "takes no value");
        const auto q = [](const char *text) { return QString::fromLatin1(text); };
        row("enter with rootfs", {q("--enter"), q("12"), q("--rootfs"), q("/a"), q("--"), q("x")}, "--rootfs cannot be combined with --enter");
        row("enter with bind", {q("--enter"), q("12"), q("--bind"), q("/h:/x"), q("--"), q("x")}, "--bind cannot be combined with --enter");
        row("enter with timeout", {q("--enter"), q("12"), q("--timeout"), q("5"), q("--"), q("x")}, "--timeout cannot be combined");
        row("enter without command", {q("--enter"), q("12")}, "no command");
        row("enter junk", {q("--enter"), q("12x"), q("--"), q("x")}, "expected the host PID");
        row("enter zero", {q("--enter"), q("0"), q("--"), q("x")}, "expected the host PID");
        row("remove-tree with command", {q("--remove-tree"), q("/tmp/x"), q("--"), q("rm")}, "takes no command");
        row("remove-tree with rootfs", {q("--remove-tree"), q("/tmp/x"), q("--rootfs"), q("/a")}, "--rootfs cannot be combined with --remove-tree");
        row("remove-tree relative", {q("--remove-tree"), q("tmp/x")}, "absolute");
        row("remove-tree root", {q("--remove-tree"), q("//")}, "not /");
        row("remove-tree dotdot", {q("--remove-tree"), q("/tmp/../etc")}, "'..'");
        row("writable with overlay", {q("--rootfs"), q("/a"), q("--writable-rootfs"), q("--overlay"), q("/o"), q("--"), q("x")}, "drop --overlay");
        row("writable with layer", {q("--rootfs"), q("/a"), q("--layer"), q("/l"), q("--writable-rootfs"), q("--"), q("x")}, "drop --overlay and --layer");
        row("keep-overlay without overlay", {q("--rootfs"), q("/a"), q("--keep-overlay"), q("--"), q("x")}, "give --overlay too");
        row("keep-overlay with value", {q("--rootfs"), q("/a"), q("--overlay"), q("/o"), q("--keep-overlay=1"), q("--"), q("x")}, "takes no value");
        row("keep-overlay with enter", {q("--enter"), q("12"), q("--keep-overlay"), q("--"), q("x")}, "--keep-overlay cannot be combined with --enter");
        row("writable with value", {q("--rootfs"), q("/a"), q("--writable-rootfs=yes"), q("--"), q("x")}, "takes no value");
    }

    void rejects()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, needle);
        std::vector<std::string> storage;
        for (const QString &a : args)
            storage.push_back(a.toStdString());
        std::vector<const char *> argv;
        for (const std::string &s : storage)
            argv.push_back(s.c_str());
        const ParseResult r = parse(argv);
        QVERIFY(!r.ok());
        QVERIFY2(r.error.find(needle.toStdString()) != std::string::npos, r.error.c_str());
    }

    void helpAndVersion()
    {
        QVERIFY(parse({"--help"}).options.help);
        QVERIFY(parse({"-h"}).options.help);
        QVERIFY(parse({"--version"}).options.version);
    }
};

QTEST_GUILESS_MAIN(TestUnshareArgs)
#include "tst_unshare_args.moc"
