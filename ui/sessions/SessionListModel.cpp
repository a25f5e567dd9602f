// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionListModel.h"

#include "sessions/SessionManager.h"
#include "sessions/SessionStopper.h"
#include "widgets/FormatText.h"

#include <QDateTime>
#include <QFont>
#include <QFutureWatcher>
#include <QtConcurrent>

SessionListModel::SessionListModel(SessionManager *manager, QObject *parent)
    : QAbstractTableModel(parent)
{
    for (Session *session : manager->sessions())
        add(session);
    connect(manager, &SessionManager::sessionAdded, this, &SessionListModel::add);
    m_tick.setInterval(2000);
    connect(&m_tick, &QTimer::timeout, this, &SessionListModel::sample);
    m_tick.start();
}

int SessionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size() + m_foreign.size());
}

int SessionListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SessionListModel::statusText(const Session *session)
{
    switch (session->state()) {
    case Session::State::Resolving:
        return tr("Resolving");
    case Session::State::PreparingImage:
        return tr("Preparing image");
    case Session::State::Provisioning:
        return tr("Installing packages");
    case Session::State::CreatingOverlay:
        return tr("Creating overlay");
    case Session::State::Starting:
        return tr("Starting");
    case Session::State::Running:
        return tr("Running");
    case Session::State::Stopping:
        return tr("Stopping");
    case Session::State::Exited:
        return tr("Exited");
    case Session::State::Failed:
        return tr("Failed");
    }
    return {};
}

QVariant SessionListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.row() >= m_sessions.size())
        return foreignData(m_foreign.at(index.row() - m_sessions.size()), index.column(), role);
    const Session *session = m_sessions.at(index.row());
    const bool ended = session->state() == Session::State::Exited || session->state() == Session::State::Failed;
    if (role == Qt::ToolTipRole && index.column() == Status)
        return ended ? session->reason() : QVariant();
    if (role == Qt::TextAlignmentRole && (index.column() == Cpu || index.column() == Memory || index.column() == ExitCode))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const Usage usage = m_usage.value(session);
    const bool measured = session->state() == Session::State::Running && usage.takenAtMs > 0;
    switch (Column(index.column())) {
    case Id:
        return session->id();
    case Image:
        return session->backend() == QLatin1String("host") ? tr("(host)") : session->image();
    case Backend:
        return session->backend();
    case Network:
        return networkModeName(session->network());
    case Status:
        return statusText(session);
    case Uptime:
        if (session->startedAtMs() <= 0 || ended)
            return {};
        return FormatText::duration((QDateTime::currentMSecsSinceEpoch() - session->startedAtMs()) / 1000);
    case Cpu:
        return measured && usage.cpuPercent >= 0 ? QStringLiteral("%1 %").arg(usage.cpuPercent, 0, 'f', 1) : QVariant();
    case Memory:
        return measured ? FormatText::bytes(usage.sample.rssBytes) : QVariant();
    case ExitCode:
        return ended ? QVariant(session->exitCode()) : QVariant();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SessionListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Id:
        return tr("Session");
    case Image:
        return tr("Image");
    case Backend:
        return tr("Backend");
    case Network:
        return tr("Network");
    case Status:
        return tr("Status");
    case Uptime:
        return tr("Uptime");
    case Cpu:
        return tr("CPU");
    case Memory:
        return tr("Memory");
    case ExitCode:
        return tr("Exit code");
    case ColumnCount:
        break;
    }
    return {};
}

Session *SessionListModel::session(const QModelIndex &index) const
{
    return index.isValid() && index.row() < m_sessions.size() ? m_sessions.at(index.row()) : nullptr;
}

const ForeignSession *SessionListModel::foreign(const QModelIndex &index) const
{
    const qsizetype row = index.isValid() ? index.row() - m_sessions.size() : -1;
    return row >= 0 && row < m_foreign.size() ? &m_foreign.at(row) : nullptr;
}

QModelIndex SessionListModel::indexOfForeign(const QString &id) const
{
    for (qsizetype row = 0; row < m_foreign.size(); ++row) {
        if (m_foreign.at(row).record.id == id)
            return index(int(m_sessions.size() + row), 0);
    }
    return {};
}

QModelIndex SessionListModel::indexOf(Session *session) const
{
    const qsizetype row = m_sessions.indexOf(session);
    return row < 0 ? QModelIndex() : index(int(row), 0);
}

void SessionListModel::add(Session *session)
{
    const int row = int(m_sessions.size());
    beginInsertRows({}, row, row);
    m_sessions.append(session);
    endInsertRows();
    connect(session, &Session::stateChanged, this, [this, session] { refresh(session); });
    // forget() deletes the session later; its row goes with it.
    connect(session, &QObject::destroyed, this, &SessionListModel::remove);
}

void SessionListModel::remove(QObject *session)
{
    const qsizetype row = m_sessions.indexOf(static_cast<Session *>(session));
    if (row < 0)
        return;
    beginRemoveRows({}, int(row), int(row));
    m_sessions.removeAt(row);
    endRemoveRows();
    m_usage.remove(static_cast<Session *>(session));
}

void SessionListModel::refresh(Session *session)
{
    const qsizetype row = m_sessions.indexOf(session);
    if (row >= 0)
        Q_EMIT dataChanged(index(int(row), 0), index(int(row), ColumnCount - 1));
}

void SessionListModel::sample()
{
    QList<qint64> pids;
    for (const Session *session : std::as_const(m_sessions)) {
        if (session->state() == Session::State::Running && session->record().launcher.pid > 0)
            pids.append(session->record().launcher.pid);
    }
    if (!pids.isEmpty() && !m_sampling) {
        m_sampling = true;
        auto *watcher = new QFutureWatcher<QHash<qint64, ProcessUsage>>(this);
        connect(watcher, &QFutureWatcher<QHash<qint64, ProcessUsage>>::finished, this, [this, watcher] {
            m_sampling = false;
            onSampled(watcher->result(), QDateTime::currentMSecsSinceEpoch());
            watcher->deleteLater();
        });
        watcher->setFuture(QtConcurrent::run([pids] {
            QHash<qint64, ProcessUsage> samples;
            for (qint64 pid : pids) {
                if (const std::optional<ProcessUsage> usage = ProcessUsage::ofTree(pid))
                    samples.insert(pid, *usage);
            }
            return samples;
        }));
    }
    if (!m_sessions.isEmpty())
        Q_EMIT dataChanged(index(0, Uptime), index(int(m_sessions.size()) - 1, Uptime));
    scanRecords();
}

void SessionListModel::onSampled(const QHash<qint64, ProcessUsage> &samples, qint64 takenAtMs)
{
    for (qsizetype row = 0; row < m_sessions.size(); ++row) {
        const Session *session = m_sessions.at(row);
        const auto found = samples.constFind(session->record().launcher.pid);
        if (found == samples.cend())
            continue;
        account(m_usage[session], *found, takenAtMs);
        Q_EMIT dataChanged(index(int(row), Cpu), index(int(row), Memory));
    }
}

void SessionListModel::account(Usage &usage, const ProcessUsage &sample, qint64 takenAtMs)
{
    if (usage.takenAtMs > 0)
        usage.cpuPercent = ProcessUsage::cpuPercent(usage.sample, sample, takenAtMs - usage.takenAtMs);
    usage.sample = sample;
    usage.takenAtMs = takenAtMs;
}

void SessionListModel::watchRecords(const QString &cacheDir)
{
    m_cacheDir = cacheDir;
    scanRecords();
}

void SessionListModel::scanRecords()
{
    if (m_cacheDir.isEmpty() || m_scanning)
        return;
    m_scanning = true;
    auto *watcher = new QFutureWatcher<QList<ForeignSession>>(this);
    connect(watcher, &QFutureWatcher<QList<ForeignSession>>::finished, this, [this, watcher] {
        m_scanning = false;
        onScanned(watcher->result(), QDateTime::currentMSecsSinceEpoch());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(&ForeignSession::scan, m_cacheDir));
}

void SessionListModel::onScanned(const QList<ForeignSession> &found, qint64 takenAtMs)
{
    // Records that name a session of this process are its own rows already (a record is
    // published a moment before the manager's session learns its id).
    QSet<QString> own;
    for (const Session *session : std::as_const(m_sessions))
        own.insert(session->id());
    QHash<QString, ForeignSession> current;
    for (const ForeignSession &session : found) {
        if (!own.contains(session.record.id))
            current.insert(session.record.id, session);
    }
    for (qsizetype row = m_foreign.size() - 1; row >= 0; --row) {
        const QString id = m_foreign.at(row).record.id;
        if (current.contains(id))
            continue;
        const int at = int(m_sessions.size() + row);
        beginRemoveRows({}, at, at);
        m_foreign.removeAt(row);
        endRemoveRows();
        m_foreignUsage.remove(id);
    }
    for (qsizetype row = 0; row < m_foreign.size(); ++row) {
        ForeignSession &known = m_foreign[row];
        known = current.take(known.record.id);
        if (known.usage)
            account(m_foreignUsage[known.record.id], *known.usage, takenAtMs);
        const int at = int(m_sessions.size() + row);
        Q_EMIT dataChanged(index(at, 0), index(at, ColumnCount - 1));
    }
    if (!current.isEmpty()) {
        QList<ForeignSession> added = current.values();
        std::sort(added.begin(), added.end(), [](const ForeignSession &a, const ForeignSession &b) {
            return a.record.created < b.record.created;
        });
        const int first = rowCount();
        beginInsertRows({}, first, first + int(added.size()) - 1);
        for (const ForeignSession &session : std::as_const(added)) {
            if (session.usage)
                account(m_foreignUsage[session.record.id], *session.usage, takenAtMs);
            m_foreign.append(session);
        }
        endInsertRows();
    }
    Q_EMIT recordsScanned();
}

void SessionListModel::stopForeign(const QString &id)
{
    if (m_cacheDir.isEmpty() || m_stopping.contains(id))
        return;
    m_stopping.insert(id);
    if (const QModelIndex row = indexOfForeign(id); row.isValid())
        Q_EMIT dataChanged(row, row.siblingAtColumn(ColumnCount - 1));
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, id] {
        const QString error = watcher->result();
        watcher->deleteLater();
        m_stopping.remove(id);
        if (const QModelIndex row = indexOfForeign(id); row.isValid())
            Q_EMIT dataChanged(row, row.siblingAtColumn(ColumnCount - 1));
        Q_EMIT foreignStopFinished(id, error);
        scanRecords();
    });
    watcher->setFuture(QtConcurrent::run([cacheDir = m_cacheDir, id]() -> QString {
        const Result<SessionRecord> stopped = SessionStopper(cacheDir).stop(id);
        return stopped ? QString() : stopped.error().message;
    }));
}

QVariant SessionListModel::foreignData(const ForeignSession &session, int column, int role) const
{
    const SessionRecord &record = session.record;
    const bool stopping = m_stopping.contains(record.id);
    if (role == Qt::ToolTipRole) {
        if (!session.ownerAlive)
            return tr("Its process %1 has ended; Cleanup removes what it left.").arg(record.owner.pid);
        return tr("Run by another process (%1); its terminal is there, Open Shell works here.").arg(record.owner.pid);
    }
    if (role == Qt::FontRole) {
        QFont font;
        font.setItalic(true);
        return font;
    }
    if (role == Qt::TextAlignmentRole && (column == Cpu || column == Memory || column == ExitCode))
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole)
        return {};
    const bool running = session.ownerAlive && session.launcherAlive && !stopping;
    const Usage usage = m_foreignUsage.value(record.id);
    switch (Column(column)) {
    case Id:
        return record.id;
    case Image:
        return record.backend == QLatin1String("host") ? tr("(host)") : record.image;
    case Backend:
        return record.backend;
    case Network:
        return record.network;
    case Status:
        if (stopping)
            return tr("Stopping");
        if (!session.ownerAlive)
            return tr("Orphaned");
        return session.launcherAlive ? tr("Running") : tr("Starting");
    case Uptime:
        return running && record.created.isValid()
                   ? QVariant(FormatText::duration(record.created.secsTo(QDateTime::currentDateTimeUtc())))
                   : QVariant();
    case Cpu:
        return running && usage.cpuPercent >= 0 ? QStringLiteral("%1 %").arg(usage.cpuPercent, 0, 'f', 1) : QVariant();
    case Memory:
        return running && usage.takenAtMs > 0 ? FormatText::bytes(usage.sample.rssBytes) : QVariant();
    case ExitCode:
    case ColumnCount:
        break;
    }
    return {};
}
