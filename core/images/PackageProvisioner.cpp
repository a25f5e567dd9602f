// SPDX-License-Identifier: GPL-3.0-or-later
#include "PackageProvisioner.h"

#include "DirectoryTree.h"
#include "Logging.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace {

constexpr int kLockPollMs = 100;
constexpr int kOutputTailLines = 20;

QString lastLines(const QByteArray &output)
{
    const QStringList lines = QString::fromUtf8(output).trimmed().split(QLatin1Char('\n'));
    return lines.mid(std::max<qsizetype>(0, lines.size() - kOutputTailLines)).join(QStringLiteral("\n"));
}

/// True when @p relative (`usr/local/bin`) is a directory inside @p rootfs reached without a
/// symlink on the way.
bool isPlainDirectory(const QString &rootfs, QLatin1String relative)
{
    QString path = rootfs;
    for (const QString &part : QString(relative).split(QLatin1Char('/'))) {
        path += QLatin1Char('/') + part;
        const QFileInfo info(path);
        if (info.isSymLink() || !info.isDir())
            return false;
    }
    return true;
}

} // namespace

PackageProvisioner::PackageProvisioner(ImageCache cache, ProvisionRunner runner,
                                       std::shared_ptr<const std::atomic<bool>> cancelled)
    : m_cache(std::move(cache)), m_runner(std::move(runner)), m_cancelled(std::move(cancelled))
{
}

PackageProvisioner::PackageManager PackageProvisioner::detect(const QString &rootfs)
{
    // An image's /usr/bin/apk, or its /bin itself, may be an absolute symlink that, followed on
    // the host, would name the host's file: no link on the way is followed, and existing inside
    // the image, as a file or a link, is what counts.
    static const std::pair<const char *, PackageManager> candidates[] = {
        {"apk", PackageManager::Apk},       {"apt-get", PackageManager::AptGet}, {"dnf", PackageManager::Dnf},
        {"microdnf", PackageManager::Microdnf}, {"zypper", PackageManager::Zypper}, {"pacman", PackageManager::Pacman},
    };
    static const char *const dirs[] = {"usr/bin", "bin", "usr/sbin", "sbin", "usr/local/bin"};
    for (const auto &[name, manager] : candidates) {
        for (const char *dir : dirs) {
            if (!isPlainDirectory(rootfs, QLatin1String(dir)))
                continue;
            const QFileInfo program(rootfs + QLatin1Char('/') + QLatin1String(dir) + QLatin1Char('/') + QLatin1String(name));
            if (program.isSymLink() || program.isFile())
                return manager;
        }
    }
    return PackageManager::None;
}

QString PackageProvisioner::managerName(PackageManager manager)
{
    switch (manager) {
    case PackageManager::Apk: return QStringLiteral("apk");
    case PackageManager::AptGet: return QStringLiteral("apt-get");
    case PackageManager::Dnf: return QStringLiteral("dnf");
    case PackageManager::Microdnf: return QStringLiteral("microdnf");
    case PackageManager::Zypper: return QStringLiteral("zypper");
    case PackageManager::Pacman: return QStringLiteral("pacman");
    case PackageManager::None: break;
    }
    return QStringLiteral("none");
}

QStringList PackageProvisioner::installCommand(PackageManager manager, const QStringList &packages)
{
    switch (manager) {
    case PackageManager::Apk:
        return QStringList{QStringLiteral("apk"), QStringLiteral("add"), QStringLiteral("--no-cache")} + packages;
    case PackageManager::AptGet:
        // Package names are validated by the settings schema ([A-Za-z0-9+._:-]), so joining is safe.
        return {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                QStringLiteral("apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y "
                               "--no-install-recommends ")
                    + packages.join(QLatin1Char(' ')) + QStringLiteral(" && rm -rf /var/lib/apt/lists/*")};
    case PackageManager::Dnf:
        return QStringList{QStringLiteral("dnf"), QStringLiteral("install"), QStringLiteral("-y")} + packages;
    case PackageManager::Microdnf:
        return QStringList{QStringLiteral("microdnf"), QStringLiteral("install"), QStringLiteral("-y")} + packages;
    case PackageManager::Zypper:
        return QStringList{QStringLiteral("zypper"), QStringLiteral("--non-interactive"), QStringLiteral("install")}
               + packages;
    case PackageManager::Pacman:
        return QStringList{QStringLiteral("pacman"), QStringLiteral("-Sy"), QStringLiteral("--noconfirm")} + packages;
    case PackageManager::None:
        break;
    }
    return {};
}

QString PackageProvisioner::layerKey(const QString &imageDigest, const QStringList &packages)
{
    QStringList sorted = packages;
    sorted.sort();
    sorted.removeDuplicates();
    const QByteArray list = sorted.join(QLatin1Char(',')).toUtf8();
    return imageDigest + QLatin1Char('-')
           + QString::fromLatin1(QCryptographicHash::hash(list, QCryptographicHash::Sha256).toHex().left(16));
}

Result<PackageProvisioner::Outcome> PackageProvisioner::lookUp(const ImageMetadata &image,
                                                               const QStringList &packages) const
{
    Outcome outcome;
    if (packages.isEmpty())
        return outcome;
    if (detect(m_cache.rootfsPath(image.name)) == PackageManager::None) {
        outcome.notice = QStringLiteral("image '%1' has no known package manager (apk, apt-get, dnf, microdnf, zypper, "
                                        "pacman); running it as is, without %2")
                             .arg(image.name, packages.join(QStringLiteral(", ")));
        return outcome;
    }
    if (image.sha256.isEmpty()) {
        return Error::invalid(QStringLiteral("image '%1' has no digest to key its package layer; pull or import it "
                                             "again, or set CONTAINER_PACKAGES=none").arg(image.name));
    }
    const QString layer = m_cache.layersDir() + QLatin1Char('/') + layerKey(image.sha256, packages);
    if (QFileInfo(layer).isDir())
        outcome.layers = {layer};
    else
        outcome.needsInstall = true;
    return outcome;
}

Result<PackageProvisioner::Outcome> PackageProvisioner::provision(const ImageMetadata &image,
                                                                  const QStringList &packages) const
{
    Result<Outcome> found = lookUp(image, packages);
    if (!found || !found->needsInstall)
        return found;
    Outcome outcome;
    const QString key = layerKey(image.sha256, packages);
    const QString layer = m_cache.layersDir() + QLatin1Char('/') + key;
    const QString rootfs = m_cache.rootfsPath(image.name);
    const PackageManager manager = detect(rootfs);

    // One install per layer, across processes: the others wait, then use it. The lock and the
    // staging share one short name, so clean() leaves the staging of a live install alone.
    const QString lockName = QStringLiteral("layer-") + image.sha256.left(16) + key.mid(image.sha256.size());
    ImageLock lock = m_cache.lockFor(lockName);
    for (;;) {
        const Result<bool> locked = lock.tryLock();
        if (!locked)
            return locked.error();
        if (*locked)
            break;
        if (m_cancelled && m_cancelled->load())
            return Error::busy(QStringLiteral("stopped while another process installed %1").arg(packages.join(QStringLiteral(", "))));
        QThread::msleep(kLockPollMs);
    }
    if (QFileInfo(layer).isDir()) {
        outcome.layers = {layer};
        return outcome;
    }
    const Result<QString> staging = m_cache.makeStagingDir(lockName, QStringLiteral("provision"));
    if (!staging)
        return staging.error();
    auto cleanUp = [&] {
        if (const Result<void> removed = DirectoryTree::remove(*staging); !removed)
            qCWarning(lcImages).noquote() << removed.error().message;
    };

    LaunchSpec spec;
    spec.rootfs = rootfs;
    spec.overlayDir = *staging + QStringLiteral("/overlay");
    spec.network = NetworkMode::Host;
    spec.workingDir = QStringLiteral("/");
    spec.hostname = QStringLiteral("scorpiox-provision");
    spec.environment = {QStringLiteral("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
                        QStringLiteral("HOME=/root"), QStringLiteral("LANG=C.UTF-8")};
    spec.command = installCommand(manager, packages);
    spec.timeoutSec = m_timeoutSec;
    qCInfo(lcImages).noquote() << "installing" << packages.join(QLatin1Char(' ')) << "into" << image.name << "with"
                               << managerName(manager);
    const Result<ProvisionRun> run = m_runner(spec);
    if (!run) {
        cleanUp();
        return run.error();
    }
    if (run->timedOut) {
        cleanUp();
        return Error::io(QStringLiteral("installing %1 into image '%2' with %3 took more than %4 s and was stopped; "
                                        "raise CONTAINER_PACKAGES_TIMEOUT (now %4), or set CONTAINER_PACKAGES=none to "
                                        "skip it")
                             .arg(packages.join(QStringLiteral(", ")), image.name, managerName(manager))
                             .arg(m_timeoutSec));
    }
    if (run->exitCode != 0) {
        cleanUp();
        return Error::invalid(QStringLiteral("installing %1 into image '%2' with %3 failed (exit %4); set "
                                             "CONTAINER_PACKAGES=none to skip it. %3 said:\n%5")
                                  .arg(packages.join(QStringLiteral(", ")), image.name, managerName(manager))
                                  .arg(run->exitCode)
                                  .arg(lastLines(run->output)));
    }
    const QString upper = spec.overlayDir + QStringLiteral("/upper");
    if (!QFileInfo(upper).isDir()) {
        cleanUp();
        return Error::io(QStringLiteral("the package install left no overlay upper directory at %1").arg(upper));
    }
    if (::rename(QFile::encodeName(upper).constData(), QFile::encodeName(layer).constData()) != 0) {
        const int error = errno;
        cleanUp();
        return Error::io(QStringLiteral("cannot move the package layer to %1: %2")
                             .arg(layer, QString::fromLocal8Bit(std::strerror(error))));
    }
    cleanUp();
    outcome.layers = {layer};
    outcome.installed = true;
    return outcome;
}
