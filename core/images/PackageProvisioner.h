// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ImageCache.h"
#include "Result.h"
#include "launch/ProvisionRunner.h"

#include <QStringList>

#include <atomic>
#include <functional>
#include <memory>

/// CONTAINER_PACKAGES: on an image's first boot, installs the packages with the image's own
/// package manager (host network) and keeps the result as a layer under `layers/`, keyed by the
/// image digest and the package list, to be stacked over the image as a second lower layer.
/// Later boots find the layer and run nothing. Blocking: call it on a worker thread.
/// Concurrent installs of one layer (threads or processes) are serialised by a lock in tmp/; the
/// layer appears under layers/ by one rename, complete or not at all.
class PackageProvisioner
{
public:
    enum class PackageManager { None, Apk, AptGet, Dnf, Microdnf, Zypper, Pacman };

    struct Outcome
    {
        QStringList layers; ///< read-only layers for LaunchSpec::layers, lowest first
        QString notice;     ///< one line for the user, e.g. no package manager found
        bool installed = false; ///< true when this call ran the package manager
        bool needsInstall = false; ///< from lookUp(): no layer yet, provision() would install
    };

    /// Setting @p cancelled makes a provision() that waits for another process's install give up.
    PackageProvisioner(ImageCache cache, ProvisionRunner runner, std::shared_ptr<const std::atomic<bool>> cancelled = {});

    /// The longest an install may take (CONTAINER_PACKAGES_TIMEOUT); then it is killed and
    /// nothing is cached.
    void setTimeout(int seconds) { m_timeoutSec = seconds; }
    static constexpr int kDefaultTimeoutSec = 900;

    /// What provision() would do, without running anything: the cached layer, the notice, or
    /// needsInstall. Cheap (a few file look-ups), so a caller can announce the install first.
    Result<Outcome> lookUp(const ImageMetadata &image, const QStringList &packages) const;
    Result<Outcome> provision(const ImageMetadata &image, const QStringList &packages) const;

    /// Looks for a known package manager in @p rootfs without following any symlink out of it.
    static PackageManager detect(const QString &rootfs);
    static QString managerName(PackageManager manager);
    /// The command that installs @p packages non-interactively.
    static QStringList installCommand(PackageManager manager, const QStringList &packages);
    /// `<image digest>-<digest of the sorted, de-duplicated package list>`.
    static QString layerKey(const QString &imageDigest, const QStringList &packages);

private:
    ImageCache m_cache;
    ProvisionRunner m_runner;
    std::shared_ptr<const std::atomic<bool>> m_cancelled;
    int m_timeoutSec = kDefaultTimeoutSec;
};
