// SPDX-License-Identifier: GPL-3.0-or-later
#include "HostCheckView.h"

#include "config/Settings.h"
#include "doctor/HostCheck.h"

#include <QFutureWatcher>
#include <QHeaderView>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace {

struct Row
{
    QString subject;
    int status = 0; ///< 0 ok, 1 warning, 2 failed
    QString detail;
    QString fix;
};

} // namespace

HostCheckView::HostCheckView(QString home, QString projectDir, QWidget *parent)
    : QWidget(parent)
    , m_home(std::move(home))
    , m_projectDir(std::move(projectDir))
    , m_checks(new QTreeWidget(this))
{
    m_checks->setHeaderLabels({tr("Check"), tr("Status"), tr("Details"), tr("Fix")});
    m_checks->setRootIsDecorated(false);
    m_checks->setWordWrap(true);
    m_checks->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    auto *again = new QPushButton(tr("Check Again"), this);
    connect(again, &QPushButton::clicked, this, &HostCheckView::refresh);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_checks, 1);
    layout->addWidget(again, 0, Qt::AlignRight);
    refresh();
}

void HostCheckView::refresh()
{
    if (m_running)
        return;
    m_running = true;
    auto *watcher = new QFutureWatcher<QList<Row>>(this);
    connect(watcher, &QFutureWatcher<QList<Row>>::finished, this, [this, watcher] {
        m_running = false;
        m_checks->clear();
        const QStringList statusNames = {tr("ok"), tr("warning"), tr("failed")};
        for (const Row &row : watcher->result()) {
            auto *item = new QTreeWidgetItem(m_checks, {row.subject, statusNames.value(row.status), row.detail, row.fix});
            if (row.status == 2)
                item->setForeground(1, QColor(0xb0, 0x00, 0x20));
            else if (row.status == 1)
                item->setForeground(1, QColor(0x9a, 0x60, 0x00));
        }
        watcher->deleteLater();
        Q_EMIT checksDone();
    });
    watcher->setFuture(QtConcurrent::run([home = m_home, project = m_projectDir] {
        QList<Row> rows;
        Settings settings(home, project);
        for (const Diagnostic &d : settings.load())
            rows.append({QStringLiteral("settings"), d.isError() ? 2 : 1, d.toString(), {}});
        for (const HostCheck &check : HostCheck::runAll(settings))
            rows.append({check.subject, int(check.status), check.detail, check.fix});
        return rows;
    }));
}
