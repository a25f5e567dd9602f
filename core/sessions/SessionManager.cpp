// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionManager.h"

#include "launch/HostLauncher.h"
#include "launch/NamespaceLauncher.h"
#include "launch/WslLauncher.h"
#include "wsl/WslExecutable.h"

Result<QString> SessionManager::resolveBackend(const QString &requested, const SessionConfig &config)
{
    static const QStringList known = {QStringLiteral("auto"), QStringLiteral("namespace"), QStringLiteral("wsl"),
                                      QStringLiteral("host")};
    if (!known.contains(requested))
        return Error::invalid(QStringLiteral("unknown backend '%1'; accepted: auto, namespace, wsl, host").arg(requested));
    if (requested != QLatin1String("auto"))
        return requested;
    if (!config.containerEnabled)
        return QStringLiteral("host");
#ifdef Q_OS_WIN
    return QStringLiteral("wsl");
#else
    return QStringLiteral("namespace");
#endif
}

Result<std::unique_ptr<Launcher>> SessionManager::makeLauncher(const QString &backend, const SessionConfig &config)
{
    if (backend == QLatin1String("wsl")) {
        const Result<QString> exe = WslExecutable::locate();
        if (!exe)
            return exe.error();
        return std::unique_ptr<Launcher>(std::make_unique<WslLauncher>(
            WslLauncher::Options{*exe, config.cacheDir, config.packages}));
    }
    if (backend == QLatin1String("host"))
        return std::unique_ptr<Launcher>(std::make_unique<HostLauncher>());
    if (backend == QLatin1String("namespace")) {
#ifdef Q_OS_LINUX
        return std::unique_ptr<Launcher>(std::make_unique<NamespaceLauncher>());
#else
        return Error::unsupported(QStringLiteral("the namespace backend needs Linux; use --backend wsl"));
#endif
    }
    return Error::unsupported(QStringLiteral("backend '%1' is not available in this build").arg(backend));
}

Result<Session *> SessionManager::start(const SessionRequest &request, const SessionConfig &config)
{
    const Result<QString> backend = resolveBackend(request.backend, config);
    if (!backend)
        return backend.error();
    Result<std::unique_ptr<Launcher>> launcher = makeLauncher(*backend, config);
    if (!launcher)
        return launcher.error();
    auto *session = new Session(request, config, std::move(*launcher), this);
    m_sessions.append(session);
    connect(session, &Session::finished, this, [this, session] { Q_EMIT sessionEnded(session); });
    connect(session, &Session::failed, this, [this, session] { Q_EMIT sessionEnded(session); });
    Q_EMIT sessionAdded(session);
    // Queued, so the caller connects to the session before its first signal.
    QMetaObject::invokeMethod(session, &Session::start, Qt::QueuedConnection);
    return session;
}

Session *SessionManager::find(const QString &id) const
{
    for (Session *session : m_sessions) {
        if (session->id() == id)
            return session;
    }
    return nullptr;
}

void SessionManager::forget(Session *session)
{
    m_sessions.removeAll(session);
    session->deleteLater();
}
