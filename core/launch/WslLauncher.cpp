// SPDX-License-Identifier: GPL-3.0-or-later
#include "WslLauncher.h"

#include "Logging.h"
#include "images/DirectoryTree.h"
#include "sessions/SessionStore.h"
#include "sessions/SessionRecord.h"
#include "wsl/WslExecutable.h"
#include "wsl/WslOutput.h"
#include "wsl/WslSessionScript.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

namespace {

constexpr int kShortCallMs = 60000;
constexpr int kConfigureMs = 120000;
constexpr int kPackagesMs = 20 * 60000;
constexpr int kNameAttempts = 3;

bool isNotFound(const WslExecutable::Output &output)
{
    return output.errorCode.endsWith(QLatin1String("DISTRO_NOT_FOUND"));
}

} // namespace

WslLauncher::WslLauncher(Options options)
    : m_options(std::move(options))
{
}

QString WslLauncher::installDir(const QString &name) const
{
    return m_options.cacheDir + QStringLiteral("/wsl/") + name;
}

QString WslLauncher::nameFor(const SessionRecord &record) const
{
    if (!m_distro.isEmpty())
        return m_distro;
    return record.distro.isEmpty() ? record.name() : record.distro;
}

Result<void> WslLauncher::prepare(const LaunchSpec &spec, const SessionRecord &record)
{
    const QString archive = spec.imageArchive;
    if (archive.isEmpty() || !QFileInfo(archive).isFile())
        return Error::notFound(QStringLiteral("the image has no tarball in archives/ for WSL to import; remove the image "
                                              "and pull or import it again"));
    // A bad mount or command fails here, before a distribution is imported for nothing.
    if (Result<QStringList> script = WslSessionScript::session(spec); !script)
        return script.error();
    QByteArray noNetworkHelper;
    if (spec.network == NetworkMode::None) {
        QFile helper(m_options.noNetworkHelper);
        if (!helper.open(QIODevice::ReadOnly) || (noNetworkHelper = helper.readAll()).isEmpty())
            return Error::notFound(QStringLiteral("cannot read %1, which WSL sessions with --net none run under: reinstall "
                                                  "scorpiox-desktop or point SCORPIOX_WSL_NO_NETWORK at it")
                                       .arg(m_options.noNetworkHelper));
    }
    if (!QDir().mkpath(m_options.cacheDir + QStringLiteral("/wsl")))
        return Error::io(QStringLiteral("cannot create %1/wsl: check container_cache_dir is writable").arg(m_options.cacheDir));

    const QString base = nameFor(record);
    QString name = base;
    Result<void> imported;
    for (int attempt = 1; attempt <= kNameAttempts; ++attempt) {
        imported = importDistro(name, archive);
        if (imported || imported.error().kind != Error::Kind::Busy || attempt == kNameAttempts)
            break;
        // Taken by a distribution a crash left behind: cleanup removes it; this session moves aside.
        name = base + QLatin1Char('-') + QString::number(attempt + 1);
    }
    if (!imported)
        return imported;
    m_distro = name;
    qCDebug(lcLaunch) << "imported" << name << "from" << archive;

    Result<void> configured = configure(name, noNetworkHelper);
    if (!configured) {
        if (Result<void> released = unregister(name); !released)
            qCWarning(lcLaunch).noquote() << released.error().message;
        m_distro.clear();
        return configured;
    }
    return {};
}

Result<void> WslLauncher::importDistro(const QString &name, const QString &archive) const
{
    const WslExecutable wsl(m_options.wslExe);
    const QString dir = installDir(name);
    if (QFileInfo::exists(dir)) {
        // Left by an earlier crash without a registered distribution, or a live one's: never reuse it.
        return Error::busy(QStringLiteral("%1 already exists").arg(dir));
    }
    int timeoutMs = m_options.importTimeoutMs;
    if (timeoutMs <= 0)
        timeoutMs = int(std::min<qint64>(300000 + QFileInfo(archive).size() / (300LL << 20) * 60000, INT_MAX));
    const Result<WslExecutable::Output> output =
        wsl.run({QStringLiteral("--import"), name, QDir::toNativeSeparators(dir), QDir::toNativeSeparators(archive),
                 QStringLiteral("--version"), QStringLiteral("2")},
                timeoutMs);
    const QString what = QStringLiteral("wsl --import %1").arg(name);
    if (!output || output->exitCode != 0) {
        if (output && output->errorCode.endsWith(QLatin1String("ERROR_ALREADY_EXISTS")))
            return Error::busy(QStringLiteral("a WSL distribution named %1 already exists").arg(name));
        // A timed-out or failed import may have registered the name or half-filled the folder.
        (void)unregister(name);
        (void)DirectoryTree::remove(dir);
        if (!output)
            return Error::busy(QStringLiteral("importing %1 into WSL took longer than %2 s and was abandoned; check the "
                                              "tarball and free disk space, or run 'wsl --shutdown'")
                                   .arg(QFileInfo(archive).fileName())
                                   .arg(timeoutMs / 1000));
        return WslExecutable::describeFailure(what, *output);
    }
    return {};
}

Result<void> WslLauncher::configure(const QString &name, const QByteArray &noNetworkHelper) const
{
    const WslExecutable wsl(m_options.wslExe);
    const bool packages = !m_options.packages.isEmpty() && m_options.packages != QStringList{QStringLiteral("none")};
    const Result<WslExecutable::Output> written =
        wsl.run(QStringList{QStringLiteral("-d"), name, QStringLiteral("-u"), QStringLiteral("root"), QStringLiteral("--cd"),
                            QStringLiteral("/"), QStringLiteral("--exec")}
                    + WslSessionScript::configure(name, m_options.packages, !noNetworkHelper.isEmpty()),
                packages ? kPackagesMs : kConfigureMs, {}, noNetworkHelper);
    if (!written)
        return written.error();
    if (written->exitCode != 0) {
        if (written->infrastructureFailure)
            return WslExecutable::describeFailure(QStringLiteral("booting %1").arg(name), *written);
        return Error::io(QStringLiteral("configuring %1 failed (exit status %2): %3; set CONTAINER_PACKAGES=none if the "
                                        "packages cannot be installed")
                             .arg(name)
                             .arg(written->exitCode)
                             .arg(WslOutput::firstLine(written->text.section(QLatin1Char('\n'), -3))));
    }
    // wsl.conf is read when a distribution boots: stop it, so the session's boot is the first
    // without drive automount and interop.
    const Result<WslExecutable::Output> stopped = wsl.run({QStringLiteral("--terminate"), name}, kShortCallMs);
    if (!stopped)
        return stopped.error();
    if (stopped->exitCode != 0)
        return WslExecutable::describeFailure(QStringLiteral("wsl --terminate %1").arg(name), *stopped);
    return {};
}

Result<LaunchCommand> WslLauncher::command(const LaunchSpec &spec, const SessionRecord &record) const
{
    Result<QStringList> script = WslSessionScript::session(spec);
    if (!script)
        return script.error();
    LaunchCommand launch;
    launch.program = m_options.wslExe;
    launch.arguments = QStringList{QStringLiteral("-d"), nameFor(record), QStringLiteral("-u"), QStringLiteral("root"),
                                   QStringLiteral("--cd"), QStringLiteral("/"), QStringLiteral("--exec")}
                       + *script;
    QProcessEnvironment env = WslExecutable::environment();
    for (const QString &key : env.keys()) {
        if (key.startsWith(QLatin1String("SCORPIOX_E_")))
            env.remove(key);
    }
    env.insert(WslSessionScript::environment(spec.environment));
    launch.environment = env.toStringList();
    return launch;
}

Result<LaunchCommand> WslLauncher::enter(const SessionRecord &record, const QStringList &command) const
{
    NetworkMode network = NetworkMode::Host;
    if (!record.network.isEmpty() && !parseNetworkMode(record.network, &network))
        return Error::invalid(QStringLiteral("session %1 has an unknown network mode '%2'").arg(record.id, record.network));
    LaunchCommand launch;
    launch.program = m_options.wslExe;
    launch.arguments = QStringList{QStringLiteral("-d"), nameFor(record), QStringLiteral("-u"), QStringLiteral("root"),
                                   QStringLiteral("--cd"), QStringLiteral("/"), QStringLiteral("--exec")}
                       + WslSessionScript::enter(network, command);
    launch.environment = WslExecutable::environment().toStringList();
    return launch;
}

Result<void> WslLauncher::release(const SessionRecord &record)
{
    return unregister(nameFor(record));
}

Result<void> WslLauncher::unregister(const QString &name) const
{
    const WslExecutable wsl(m_options.wslExe);
    Error last = Error::io(QStringLiteral("cannot unregister %1").arg(name));
    bool gone = false;
    int delayMs = m_options.retryDelayMs;
    for (int attempt = 1; attempt <= std::max(1, m_options.unregisterAttempts) && !gone; ++attempt) {
        if (attempt > 1) {
            QThread::msleep(ulong(delayMs));
            delayMs *= 2;
        }
        // A running distribution may refuse to unregister ("in use"): stop it first, every time.
        (void)wsl.run({QStringLiteral("--terminate"), name}, kShortCallMs);
        const Result<WslExecutable::Output> output = wsl.run({QStringLiteral("--unregister"), name}, kShortCallMs);
        if (!output) {
            last = output.error();
        } else if (output->exitCode == 0 || isNotFound(*output)) {
            gone = true;
        } else {
            last = WslExecutable::describeFailure(QStringLiteral("wsl --unregister %1").arg(name), *output);
            qCDebug(lcLaunch).noquote() << "attempt" << attempt << ":" << last.message;
        }
    }
    if (!gone)
        return Error{last.kind, QStringLiteral("%1, %2 attempts; run 'wsl --unregister %3' or 'scorpiox-desktop --cli "
                                               "cleanup' later")
                                    .arg(last.message)
                                    .arg(std::max(1, m_options.unregisterAttempts))
                                    .arg(name)};
    const QString dir = installDir(name);
    if (QFileInfo::exists(dir)) {
        if (Result<void> removed = SessionStore::removeTree(dir); !removed)
            return Error::io(QStringLiteral("%1 was unregistered but %2 remains: %3").arg(name, dir, removed.error().message));
    }
    return {};
}

OrphanCleaner::DistroControl WslLauncher::distroControl(const QString &cacheDir)
{
    const Result<QString> exe = WslExecutable::locate();
    if (!exe)
        return {};
    const Options options{*exe, cacheDir, {}, 0, 4, 500};
    OrphanCleaner::DistroControl control;
    control.list = [options]() -> Result<QStringList> {
        const Result<WslExecutable::Output> output =
            WslExecutable(options.wslExe).run({QStringLiteral("--list"), QStringLiteral("--quiet")}, kShortCallMs);
        if (!output)
            return output.error();
        QStringList names;
        if (output->exitCode == 0) {
            names = WslOutput::parseQuietList(output->text.toUtf8());
        } else if (!output->errorCode.endsWith(QLatin1String("DEFAULT_DISTRO_NOT_FOUND"))) {
            // That code only means "no distributions at all".
            return WslExecutable::describeFailure(QStringLiteral("wsl --list"), *output);
        }
        QStringList ours;
        for (const QString &name : names) {
            if (name.startsWith(QLatin1String("scorpiox-")))
                ours.append(name);
        }
        // An install folder without its distribution: the import or unregister was cut short.
        for (const QString &dir : QDir(options.cacheDir + QStringLiteral("/wsl"))
                                      .entryList({QStringLiteral("scorpiox-*")}, QDir::Dirs | QDir::NoDotAndDotDot)) {
            if (!ours.contains(dir, Qt::CaseInsensitive))
                ours.append(dir);
        }
        return ours;
    };
    control.remove = [options](const QString &name) -> Result<void> {
        WslLauncher launcher(options);
        return launcher.unregister(name);
    };
    return control;
}
