// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ForeignSession.h"
#include "sessions/ProcessUsage.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <QTimer>

class Session;
class SessionManager;

/// The sessions as a table: first one row per Session of this process's SessionManager, kept
/// current from the sessions' signals, then — once watchRecords() is called — one row per
/// session another process runs, from the shared records. Records, CPU and memory are read
/// off the GUI thread on every tick.
class SessionListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Id, Image, Backend, Network, Status, Uptime, Cpu, Memory, ExitCode, ColumnCount };

    explicit SessionListModel(SessionManager *manager, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    /// This process's session in that row; nullptr for another process's.
    Session *session(const QModelIndex &index) const;
    /// Another process's session in that row; nullptr for this process's.
    const ForeignSession *foreign(const QModelIndex &index) const;
    /// The row of another process's session @p id, or an invalid index.
    QModelIndex indexOfForeign(const QString &id) const;
    QModelIndex indexOf(Session *session) const;
    /// How often uptime, CPU and memory are refreshed.
    void setSampleInterval(int ms) { m_tick.setInterval(ms); }
    /// Lists the sessions of other processes from the records under @p cacheDir from now on.
    void watchRecords(const QString &cacheDir);
    /// Stops another process's session the way `--cli stop` does, off the GUI thread.
    void stopForeign(const QString &id);
    bool isStopping(const QString &foreignId) const { return m_stopping.contains(foreignId); }

    static QString statusText(const Session *session);

Q_SIGNALS:
    /// The records were read again and the rows of other processes' sessions updated.
    void recordsScanned();
    /// stopForeign() ended; @p error is empty when the session stopped.
    void foreignStopFinished(const QString &id, const QString &error);

private:
    struct Usage
    {
        ProcessUsage sample;
        qint64 takenAtMs = 0;
        double cpuPercent = -1.0; ///< unknown until two samples exist
    };

    void add(Session *session);
    void remove(QObject *session);
    void refresh(Session *session);
    void sample();
    void onSampled(const QHash<qint64, ProcessUsage> &samples, qint64 takenAtMs);
    void scanRecords();
    void onScanned(const QList<ForeignSession> &found, qint64 takenAtMs);
    QVariant foreignData(const ForeignSession &session, int column, int role) const;
    static void account(Usage &usage, const ProcessUsage &sample, qint64 takenAtMs);

    QList<Session *> m_sessions;
    QHash<const Session *, Usage> m_usage;
    QList<ForeignSession> m_foreign;
    QHash<QString, Usage> m_foreignUsage;
    QSet<QString> m_stopping;
    QString m_cacheDir;
    QTimer m_tick;
    bool m_sampling = false;
    bool m_scanning = false;
};
