// SPDX-License-Identifier: GPL-3.0-or-later
#include "MainWindow.h"

#include "Paths.h"
#include "config/Settings.h"
#include "doctor/HostCheck.h"

#include <QDir>
#include <QHeaderView>
#include <QTreeWidget>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_checks(new QTreeWidget(this))
{
    setWindowTitle(tr("Scorpiox Desktop"));
    setWindowIcon(QIcon(QStringLiteral(":/scorpiox/icons/scorpiox-desktop.svg")));
    m_checks->setHeaderLabels({tr("Check"), tr("Status"), tr("Details"), tr("Fix")});
    m_checks->setRootIsDecorated(false);
    m_checks->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    setCentralWidget(m_checks);
    resize(960, 600);
    showHostChecks();
}

void MainWindow::showHostChecks()
{
    Settings settings(Paths::scorpioxHome(), QDir::currentPath());
    const QList<Diagnostic> diagnostics = settings.load();
    const QStringList statusNames = {tr("ok"), tr("warning"), tr("failed")};
    for (const Diagnostic &d : diagnostics)
        new QTreeWidgetItem(m_checks, {tr("settings"), d.isError() ? statusNames[2] : statusNames[1], d.toString()});
    for (const HostCheck &check : HostCheck::runAll(settings))
        new QTreeWidgetItem(m_checks, {check.subject, statusNames[int(check.status)], check.detail, check.fix});
}
