// SPDX-License-Identifier: GPL-3.0-or-later
#include "WslSessionScript.h"

#include "WslPath.h"
#include "launch/VolumeSpec.h"

#include <QDir>
#include <QRegularExpression>

namespace WslSessionScript {

namespace {

const QString kEnvPrefix = QStringLiteral("SCORPIOX_E_");

bool isShellName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    return pattern.match(name).hasMatch();
}

/// The `K=V` entries that can cross into the distribution, one per name ignoring case
/// (Windows environment names are case-insensitive): the upper-case spelling wins.
QList<std::pair<QString, QString>> passable(const QStringList &environment)
{
    QHash<QString, std::pair<QString, QString>> byKey;
    QStringList order;
    for (const QString &entry : environment) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        const QString name = entry.left(eq);
        if (eq <= 0 || !isShellName(name))
            continue;
        const QString key = name.toUpper();
        if (!byKey.contains(key))
            order.append(key);
        else if (byKey.value(key).first == key && name != key)
            continue;
        byKey.insert(key, {name, entry.mid(eq + 1)});
    }
    QList<std::pair<QString, QString>> result;
    for (const QString &key : order)
        result.append(byKey.value(key));
    return result;
}

struct PlannedMount
{
    QString windowsPath; ///< host path with backslashes, no trailing one
    QString source;      ///< drvfs source, or the path inside the session for a bind
    QString target;
    bool readOnly = false;
    bool bind = false;
};

QString windowsForm(QString path)
{
    path.replace(QLatin1Char('/'), QLatin1Char('\\'));
    while (path.contains(QStringLiteral("\\\\")))
        path.replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
    if (path.size() > 3 && path.endsWith(QLatin1Char('\\')))
        path.chop(1);
    return path;
}

Result<QString> targetOf(const MountSpec &mount)
{
    const QString where = QStringLiteral("cannot mount %1 at %2: ").arg(mount.hostPath, mount.containerPath);
    QString target = mount.containerPath;
    if (VolumeSpec::isWindowsAbsolute(target)) {
        // container_mount_ro mounts a host path "at the same path": inside WSL that is /mnt/<drive>/...
        const Result<QString> translated = WslPath::toLinux(target);
        if (!translated)
            return Error::invalid(where + translated.error().message);
        target = *translated;
    }
    if (!target.startsWith(QLatin1Char('/')) || target.split(QLatin1Char('/')).contains(QStringLiteral("..")))
        return Error::invalid(where + QStringLiteral("the container path must be absolute and free of '..'"));
    target = QDir::cleanPath(target);
    if (target == QStringLiteral("/") || target == QStringLiteral("/proc") || target.startsWith(QStringLiteral("/proc/")))
        return Error::invalid(where + QStringLiteral("the root and /proc belong to the session"));
    return target;
}

Result<QList<PlannedMount>> plan(const QList<MountSpec> &mounts)
{
    QList<PlannedMount> planned;
    for (const MountSpec &mount : mounts) {
        const QString where = QStringLiteral("cannot mount %1 at %2: ").arg(mount.hostPath, mount.containerPath);
        if (VolumeSpec::isUnc(mount.hostPath)) {
            const Result<QString> refused = WslPath::toLinux(mount.hostPath);
            return Error::invalid(where + refused.error().message);
        }
        if (!VolumeSpec::isWindowsAbsolute(mount.hostPath))
            return Error::invalid(where + QStringLiteral("a WSL session sees only Windows drives; give a path like C:\\src "
                                                         "(--project, --bind, --persist, -v)"));
        const Result<QString> target = targetOf(mount);
        if (!target)
            return target.error();
        PlannedMount next{windowsForm(mount.hostPath), {}, *target, mount.readOnly, false};
        next.source = next.windowsPath;
        // A path inside an earlier mount (the protected .git/hooks of the workspace) is bound from
        // that mount: drvfs mounts directories only, and this keeps one view of the files.
        for (const PlannedMount &earlier : planned) {
            const QString prefix = earlier.windowsPath.endsWith(QLatin1Char('\\')) ? earlier.windowsPath
                                                                                    : earlier.windowsPath + QLatin1Char('\\');
            if (next.windowsPath.startsWith(prefix, Qt::CaseInsensitive)) {
                QString rest = next.windowsPath.mid(prefix.size());
                rest.replace(QLatin1Char('\\'), QLatin1Char('/'));
                next.source = earlier.target + QLatin1Char('/') + rest;
                next.bind = true;
            }
        }
        planned.append(next);
    }
    return planned;
}

QString validPackages(const QStringList &packages)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9+._:@=-]*$"));
    QStringList words;
    for (const QString &package : packages) {
        if (pattern.match(package).hasMatch())
            words.append(package);
    }
    return words.join(QLatin1Char(' '));
}

} // namespace

QString quote(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

QStringList configure(const QString &hostname, const QStringList &packages, bool noNetworkFromStdin)
{
    const QString wslConf = QStringLiteral("[automount]\nenabled=false\nmountFsTab=false\n"
                                           "[interop]\nenabled=false\nappendWindowsPath=false\n"
                                           "[network]\nhostname=%1\n"
                                           "[boot]\nsystemd=false\n")
                                .arg(hostname);
    QString script = QStringLiteral("set -e\nmkdir -p /etc\nprintf '%s' ") + quote(wslConf) + QStringLiteral(" >/etc/wsl.conf\n");
    if (noNetworkFromStdin) {
        // Before the package manager, which may read standard input too.
        const QString helper = quote(QLatin1String(kNoNetworkHelper));
        script += QStringLiteral("mkdir -p \"$(dirname %1)\"\ncat >%1\nchmod 0755 %1\n").arg(helper);
    }
    const QString words = validPackages(packages);
    if (!words.isEmpty() && packages != QStringList{QStringLiteral("none")}) {
        script += QStringLiteral("set -- %1\n").arg(words)
                  + QStringLiteral(
                      "if command -v apk >/dev/null 2>&1; then apk add --no-cache \"$@\"\n"
                      "elif command -v apt-get >/dev/null 2>&1; then\n"
                      "  export DEBIAN_FRONTEND=noninteractive; apt-get update -q && apt-get install -y -q --no-install-recommends \"$@\"\n"
                      "elif command -v dnf >/dev/null 2>&1; then dnf install -y \"$@\"\n"
                      "elif command -v zypper >/dev/null 2>&1; then zypper --non-interactive install \"$@\"\n"
                      "elif command -v pacman >/dev/null 2>&1; then pacman -Sy --noconfirm \"$@\"\n"
                      "else echo \"scorpiox: the image has no known package manager; CONTAINER_PACKAGES not installed\" >&2\n"
                      "fi\n");
    }
    return {QStringLiteral("/bin/sh"), QStringLiteral("-c"), script};
}

Result<QStringList> session(const LaunchSpec &spec)
{
    if (spec.command.isEmpty() || spec.command.first().isEmpty())
        return Error::invalid(QStringLiteral("no command to run in the WSL session"));
    const QString workdir = spec.workingDir.isEmpty() ? QStringLiteral("/") : spec.workingDir;
    if (!workdir.startsWith(QLatin1Char('/')))
        return Error::invalid(QStringLiteral("working directory %1 must be an absolute container path").arg(workdir));
    const Result<QList<PlannedMount>> mounts = plan(spec.mounts);
    if (!mounts)
        return mounts.error();

    const QString run = QLatin1String(kRunDir);
    // The overlay's upper and work dirs live on a tmpfs: the distribution's whole disk is the
    // lower layer, and the kernel refuses an upper dir inside its own lower tree (overlapping
    // layers), so no directory on that disk can hold them. The tmpfs goes with the distribution.
    QString script = QStringLiteral(
        "fail() { echo \"scorpiox: $*\" >&2; exit 125; }\n"
        "_sx_r=%1\n"
        "_sx_chroot=$(command -v chroot) || fail 'the image has no chroot'\n"
        "mkdir -p \"$_sx_r\" && mount -t tmpfs -o mode=0755 scorpiox \"$_sx_r\" || fail \"cannot mount a tmpfs at $_sx_r\"\n"
        "mkdir -p \"$_sx_r/upper\" \"$_sx_r/work\" \"$_sx_r/root\"\n"
        "mount -t overlay scorpiox -o \"lowerdir=/,upperdir=$_sx_r/upper,workdir=$_sx_r/work\" \"$_sx_r/root\" "
        "|| fail 'cannot mount the overlay over the distribution root (kernel overlayfs)'\n"
        "for _sx_d in dev proc sys; do\n"
        "  [ -d \"/$_sx_d\" ] || continue\n"
        "  mkdir -p \"$_sx_r/root/$_sx_d\" && mount --rbind \"/$_sx_d\" \"$_sx_r/root/$_sx_d\" || fail \"cannot bind /$_sx_d into the session\"\n"
        "done\n"
        "ro() { mount -o remount,bind,ro \"$_sx_r/root$1\" || fail \"cannot make $1 read-only\"; }\n"
        "drvfs() {\n"
        "  mkdir -p \"$_sx_r/root$2\" || fail \"cannot create $2 for $1\"\n"
        "  mount -t drvfs \"$1\" \"$_sx_r/root$2\" || fail \"cannot mount $1 at $2 (drvfs): does it exist on Windows?\"\n"
        "}\n"
        "inner() {\n"
        "  if [ -d \"$_sx_r/root$1\" ]; then mkdir -p \"$_sx_r/root$2\"; else mkdir -p \"$(dirname \"$_sx_r/root$2\")\" && touch \"$_sx_r/root$2\"; fi\n"
        "  mount --bind \"$_sx_r/root$1\" \"$_sx_r/root$2\" || fail \"cannot bind $1 at $2\"\n"
        "}\n")
                         .arg(quote(run));
    for (const PlannedMount &mount : *mounts) {
        script += (mount.bind ? QStringLiteral("inner ") : QStringLiteral("drvfs ")) + quote(mount.source) + QLatin1Char(' ')
                  + quote(mount.target) + QLatin1Char('\n');
        if (mount.readOnly)
            script += QStringLiteral("ro ") + quote(mount.target) + QLatin1Char('\n');
    }

    // The environment arrives as SCORPIOX_E_<NAME> (see environment()); everything else the
    // distribution set, WSLENV included, is dropped so the command sees exactly the spec's.
    QStringList names;
    for (const auto &[name, value] : passable(spec.environment))
        names.append(name);
    script += QStringLiteral("_sx_keep=' %1 '\n").arg(names.join(QLatin1Char(' ')))
              + QStringLiteral("_sx_drop=$(env | sed -n 's/^\\([A-Za-z_][A-Za-z0-9_]*\\)=.*/\\1/p')\n"
                               "for _sx_n in $_sx_keep; do eval \"export $_sx_n=\\\"\\${%1$_sx_n-}\\\"\"; done\n"
                               "for _sx_n in $_sx_drop; do case $_sx_keep in *\" $_sx_n \"*) ;; *) unset \"$_sx_n\" 2>/dev/null ;; esac; done\n"
                               "echo $$ >\"$_sx_r/pid\"\n")
                    .arg(kEnvPrefix);

    const QString inRoot = QStringLiteral("\"$_sx_chroot\" \"$_sx_r/root\" /bin/sh -c 'cd \"$0\" || exit 125; exec \"$@\"' ") + quote(workdir)
                           + QStringLiteral(" \"$@\"\n");
    switch (spec.network) {
    case NetworkMode::Host:
        script += QStringLiteral("exec ") + inRoot;
        break;
    case NetworkMode::Isolated:
        // Every distribution shares the WSL VM's network namespace: a new one per session, with loopback.
        script += QStringLiteral("exec unshare -n /bin/sh -c 'ip link set lo up 2>/dev/null || ifconfig lo up 2>/dev/null "
                                 "|| echo \"scorpiox: cannot bring up loopback\" >&2; exec \"$@\"' sh ")
                  + inRoot;
        break;
    case NetworkMode::None:
        script += QStringLiteral("[ -x %1 ] || fail 'the distribution lacks %1 for --net none'\n"
                                 "exec unshare -n %1 ")
                      .arg(quote(QLatin1String(kNoNetworkHelper)))
                  + inRoot;
        break;
    }
    return QStringList{QStringLiteral("/bin/sh"), QStringLiteral("-c"), script, QStringLiteral("sh")} + spec.command;
}

QStringList enter(NetworkMode network, const QStringList &command)
{
    const QString script =
        QStringLiteral("_sx_r=%1\n"
                       "[ -f \"$_sx_r/pid\" ] || { echo 'scorpiox: the session has not started yet' >&2; exit 125; }\n"
                       "set -- chroot \"$_sx_r/root\" /bin/sh -c 'cd /workspace 2>/dev/null || cd /; exec \"$@\"' sh \"$@\"\n")
            .arg(quote(QLatin1String(kRunDir)))
        + (network == NetworkMode::Host       ? QStringLiteral("exec \"$@\"\n")
           : network == NetworkMode::Isolated ? QStringLiteral("exec nsenter -t \"$(cat \"$_sx_r/pid\")\" -n \"$@\"\n")
                                              : QStringLiteral("exec nsenter -t \"$(cat \"$_sx_r/pid\")\" -n %1 \"$@\"\n")
                                                    .arg(quote(QLatin1String(kNoNetworkHelper))));
    const QStringList words = command.isEmpty() ? QStringList{QStringLiteral("/bin/sh"), QStringLiteral("-l")} : command;
    return QStringList{QStringLiteral("/bin/sh"), QStringLiteral("-c"), script, QStringLiteral("sh")} + words;
}

QProcessEnvironment environment(const QStringList &environment)
{
    QProcessEnvironment env;
    QStringList wslenv;
    for (const auto &[name, value] : passable(environment)) {
        env.insert(kEnvPrefix + name, value);
        wslenv.append(kEnvPrefix + name);
    }
    env.insert(QStringLiteral("WSLENV"), wslenv.join(QLatin1Char(':')));
    return env;
}

} // namespace WslSessionScript
