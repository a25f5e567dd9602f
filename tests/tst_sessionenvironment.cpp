// SPDX-License-Identifier: GPL-3.0-or-later
#include "sessions/SessionEnvironment.h"

#include <QTest>

class TestSessionEnvironment : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filtersResetsAndLayers()
    {
        QProcessEnvironment host;
        host.insert(QStringLiteral("DISPLAY"), QStringLiteral(":0"));
        host.insert(QStringLiteral("WAYLAND_DISPLAY"), QStringLiteral("wayland-0"));
        host.insert(QStringLiteral("XDG_RUNTIME_DIR"), QStringLiteral("/run/user/1000"));
        host.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/x"));
        host.insert(QStringLiteral("SSH_AUTH_SOCK"), QStringLiteral("/tmp/agent"));
        host.insert(QStringLiteral("PATH"), QStringLiteral("/home/u/bin:/usr/bin"));
        host.insert(QStringLiteral("TERM"), QStringLiteral("xterm-256color"));
        host.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        host.insert(QStringLiteral("FROM_HOST"), QStringLiteral("h"));
        const QHash<QString, QString> secrets = {{QStringLiteral("ANTHROPIC_API_KEY"), QStringLiteral("sk-secret")},
                                                 {QStringLiteral("OTHER_KEY"), QStringLiteral("o")}};
        const Result<QStringList> env = SessionEnvironment::build(
            host, secrets, {QStringLiteral("OTHER_KEY="), QStringLiteral("A=1=2"), QStringLiteral("FROM_HOST"),
                            QStringLiteral("ABSENT")});
        QVERIFY(env.ok());
        const QStringList expected = {
            QStringLiteral("A=1=2"),
            QStringLiteral("ANTHROPIC_API_KEY=sk-secret"),
            QStringLiteral("FROM_HOST=h"),
            QStringLiteral("LANG=C.UTF-8"),
            QStringLiteral("OTHER_KEY="),
            QStringLiteral("PATH=") + SessionEnvironment::containerPath(),
            QStringLiteral("TERM=xterm-256color"),
        };
        QCOMPARE(*env, expected);
    }

    void rejectsBadNames()
    {
        const Result<QStringList> env = SessionEnvironment::build({}, {}, {QStringLiteral("1X=2")});
        QVERIFY(!env.ok());
        QVERIFY(env.error().message.contains(QStringLiteral("bad -e '1X=2'")));
        QVERIFY(!SessionEnvironment::build({}, {}, {QStringLiteral("=v")}).ok());
    }
};

QTEST_GUILESS_MAIN(TestSessionEnvironment)
#include "tst_sessionenvironment.moc"
