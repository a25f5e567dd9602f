// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sessions/ProcessUsage.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QTimer>

class Session;
class SessionManager;

/// This process's sessions as a table, one row per Session of a SessionManager, kept current
/// from the sessions' signals. CPU and memory are sampled from /proc off the GUI thread.
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

    Session *session(const QModelIndex &index) const;
    QModelIndex indexOf(Session *session) const;
    /// How often uptime, CPU and memory are refreshed.
    void setSampleInterval(int ms) { m_tick.setInterval(ms); }

    static QString statusText(const Session *session);

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

    QList<Session *> m_sessions;
    QHash<const Session *, Usage> m_usage;
    QTimer m_tick;
    bool m_sampling = false;
};
