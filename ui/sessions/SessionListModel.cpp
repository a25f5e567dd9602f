// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionListModel.h"

#include "sessions/SessionManager.h"
#include "widgets/FormatText.h"

#include <QDateTime>
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
    return parent.isValid() ? 0 : int(m_sessions.size());
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
}

void SessionListModel::onSampled(const QHash<qint64, ProcessUsage> &samples, qint64 takenAtMs)
{
    for (qsizetype row = 0; row < m_sessions.size(); ++row) {
        const Session *session = m_sessions.at(row);
        const auto found = samples.constFind(session->record().launcher.pid);
        if (found == samples.cend())
            continue;
        Usage &usage = m_usage[session];
        if (usage.takenAtMs > 0)
            usage.cpuPercent = ProcessUsage::cpuPercent(usage.sample, *found, takenAtMs - usage.takenAtMs);
        usage.sample = *found;
        usage.takenAtMs = takenAtMs;
        Q_EMIT dataChanged(index(int(row), Cpu), index(int(row), Memory));
    }
}
