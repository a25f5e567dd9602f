// SPDX-License-Identifier: GPL-3.0-or-later
#include "CleanupView.h"

#include "OrphanListModel.h"
#include "config/Settings.h"
#include "widgets/FormatText.h"
#include "widgets/MessageBar.h"

#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

CleanupView::CleanupView(Settings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_model(new OrphanListModel(this))
    , m_messages(new MessageBar(this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_scan(new QPushButton(tr("Scan Again"), this))
    , m_remove(new QPushButton(tr("Remove All"), this))
{
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);
    m_remove->setIcon(QIcon::fromTheme(QStringLiteral("edit-clear")));
    m_remove->setToolTip(tr("Remove everything listed; live sessions are never touched"));
    m_summary->setWordWrap(true);

    auto *intro = new QLabel(tr("Sessions that crashed or were killed can leave records, overlays, staging "
                                "directories and WSL distributions behind. Live sessions are never listed."),
                             this);
    intro->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_scan);
    buttons->addWidget(m_remove);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messages);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);

    connect(m_scan, &QPushButton::clicked, this, &CleanupView::scan);
    connect(m_remove, &QPushButton::clicked, this, &CleanupView::removeAll);
    m_remove->setEnabled(false);
}

void CleanupView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    scan();
}

void CleanupView::setBusy(bool busy)
{
    m_busy = busy;
    m_scan->setEnabled(!busy);
    m_remove->setEnabled(!busy && m_model->rowCount() > 0);
}

void CleanupView::scan()
{
    if (m_busy)
        return;
    setBusy(true);
    m_summary->setText(tr("Looking…"));
    auto *watcher = new QFutureWatcher<Result<QList<Orphan>>>(this);
    connect(watcher, &QFutureWatcher<Result<QList<Orphan>>>::finished, this, [this, watcher] {
        const Result<QList<Orphan>> orphans = watcher->result();
        watcher->deleteLater();
        if (!orphans) {
            m_model->setOrphans({});
            m_summary->clear();
            m_messages->show(MessageBar::Kind::Error, tr("Cannot look for leftovers: %1").arg(orphans.error().message));
        } else {
            m_model->setOrphans(*orphans);
            m_summary->setText(orphans->isEmpty() ? tr("Nothing to clean up.")
                                                  : tr("%n item(s), %1 in all.", nullptr, int(orphans->size()))
                                                        .arg(FormatText::bytes(m_model->totalBytes())));
        }
        setBusy(false);
        Q_EMIT scanned();
    });
    const QString cacheDir = m_settings->pathValue(QStringLiteral("container_cache_dir"));
    watcher->setFuture(QtConcurrent::run([cacheDir] { return OrphanCleaner(cacheDir).scan(); }));
}

void CleanupView::removeAll()
{
    if (m_busy || m_model->rowCount() == 0)
        return;
    setBusy(true);
    m_summary->setText(tr("Removing…"));
    auto *watcher = new QFutureWatcher<OrphanCleaner::Report>(this);
    connect(watcher, &QFutureWatcher<OrphanCleaner::Report>::finished, this, [this, watcher] {
        const OrphanCleaner::Report report = watcher->result();
        watcher->deleteLater();
        const QString freed = tr("Removed %n item(s), freed %1.", nullptr, int(report.removed.size()))
                                  .arg(FormatText::bytes(report.bytesFreed));
        if (report.failures.isEmpty()) {
            m_messages->show(MessageBar::Kind::Success, freed);
        } else {
            QStringList problems;
            for (const Error &failure : report.failures)
                problems.append(failure.message);
            m_messages->show(MessageBar::Kind::Error, freed + QLatin1Char(' ')
                                                          + tr("Could not remove: %1").arg(problems.join(QStringLiteral("; "))));
        }
        setBusy(false);
        Q_EMIT removed();
        scan();
    });
    const QString cacheDir = m_settings->pathValue(QStringLiteral("container_cache_dir"));
    watcher->setFuture(QtConcurrent::run([cacheDir, orphans = m_model->orphans()] { return OrphanCleaner(cacheDir).remove(orphans); }));
}
