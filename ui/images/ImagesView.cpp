// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImagesView.h"

#include "CachedImageModel.h"
#include "ImportImageDialog.h"
#include "RemoteImageModel.h"
#include "config/Settings.h"
#include "images/ImageCache.h"
#include "images/ImagePuller.h"
#include "widgets/FormatText.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QFutureWatcher>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace {

QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setModel(model);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setAlternatingRowColors(true);
    return table;
}

QWidget *titled(const QString &title, QWidget *content, QWidget *extra, QWidget *parent)
{
    auto *box = new QGroupBox(title, parent);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(content, 1);
    if (extra)
        layout->addWidget(extra);
    return box;
}

} // namespace

ImagesView::ImagesView(Settings *settings, QWidget *parent)
    : QWidget(parent)
    , m_settings(settings)
    , m_cached(new CachedImageModel(this))
    , m_remote(new RemoteImageModel(this))
    , m_messages(new MessageBar(this))
    , m_cachedTable(makeTable(m_cached, this))
    , m_remoteTable(makeTable(m_remote, this))
    , m_total(new QLabel(this))
    , m_remoteStatus(new QLabel(this))
    , m_jobPanel(new QWidget(this))
    , m_jobStatus(new QLabel(m_jobPanel))
    , m_jobProgress(new QProgressBar(m_jobPanel))
    , m_cancel(new QPushButton(tr("Cancel"), m_jobPanel))
{
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto icon = [this](const char *name, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QLatin1String(name), style()->standardIcon(fallback));
    };
    toolbar->addAction(icon("view-refresh", QStyle::SP_BrowserReload), tr("Refresh"), this, &ImagesView::refresh);
    m_pull = toolbar->addAction(icon("download", QStyle::SP_ArrowDown), tr("Pull"), this, [this] {
        const QModelIndex remote = m_remoteTable->currentIndex();
        const QModelIndex cached = m_cachedTable->currentIndex();
        if (m_remoteTable->hasFocus() && remote.isValid())
            pull(m_remote->name(remote.row()));
        else if (cached.isValid())
            pull(m_cached->name(cached.row()));
        else if (remote.isValid())
            pull(m_remote->name(remote.row()));
    });
    m_import = toolbar->addAction(icon("document-import", QStyle::SP_DialogOpenButton), tr("Import Tarball…"), this,
                                  [this] { showImportDialog(); });
    m_delete = toolbar->addAction(icon("edit-delete", QStyle::SP_TrashIcon), tr("Delete"), this, [this] {
        const QModelIndex cached = m_cachedTable->currentIndex();
        if (cached.isValid())
            askToDelete(m_cached->name(cached.row()));
    });
    m_pull->setToolTip(tr("Download the selected image from the registry (again, if its digest changed)"));

    m_jobProgress->setTextVisible(true);
    auto *jobLayout = new QHBoxLayout(m_jobPanel);
    jobLayout->setContentsMargins(0, 0, 0, 0);
    jobLayout->addWidget(m_jobStatus, 1);
    jobLayout->addWidget(m_jobProgress, 1);
    jobLayout->addWidget(m_cancel);
    m_jobPanel->hide();
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (!m_job)
            return;
        m_cancelling = true;
        m_job->cancel();
    });

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(titled(tr("Cached images"), m_cachedTable, m_total, splitter));
    splitter->addWidget(titled(tr("Registry"), m_remoteTable, m_remoteStatus, splitter));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(m_messages);
    auto *body = new QVBoxLayout;
    body->setContentsMargins(8, 0, 8, 8);
    body->addWidget(m_jobPanel);
    body->addWidget(splitter, 1);
    layout->addLayout(body, 1);

    connect(m_cached, &CachedImageModel::reloaded, this, [this] {
        m_total->setText(tr("%n image(s), %1 on disk in %2", nullptr, m_cached->rowCount())
                             .arg(FormatText::bytes(m_cached->totalBytes()), m_cached->cacheDir()));
        if (!m_cached->damagedMetadata().isEmpty())
            m_messages->show(MessageBar::Kind::Warning, m_cached->damagedMetadata().join(QLatin1Char('\n')));
        updateActions();
    });
    connect(m_remote, &RemoteImageModel::loaded, this, [this] {
        m_remoteStatus->setText(tr("%n image(s) at %1", nullptr, m_remote->rowCount())
                                    .arg(m_settings->value(QStringLiteral("IMAGE_BASE_URL"))));
    });
    connect(m_remote, &RemoteImageModel::failed, this, [this](const QString &message) {
        m_remoteStatus->setText(tr("The registry cannot be listed: %1").arg(message));
    });
    connect(m_cachedTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ImagesView::updateActions);
    connect(m_remoteTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ImagesView::updateActions);
    connect(m_settings, &Settings::changed, this, [this](const QString &key) {
        if (key == QLatin1String("container_cache_dir") || key == QLatin1String("IMAGE_BASE_URL"))
            refresh();
    });
    refresh();
}

void ImagesView::refresh()
{
    m_cached->setCacheDir(m_settings->pathValue(QStringLiteral("container_cache_dir")));
    m_cached->reload();
    m_remoteStatus->setText(tr("Asking %1…").arg(m_settings->value(QStringLiteral("IMAGE_BASE_URL"))));
    m_remote->load(QUrl(m_settings->value(QStringLiteral("IMAGE_BASE_URL"))),
                   int(m_settings->intValue(QStringLiteral("IMAGE_TIMEOUT"))));
}

void ImagesView::updateActions()
{
    const bool idle = m_job.isNull();
    m_pull->setEnabled(idle && (m_cachedTable->currentIndex().isValid() || m_remoteTable->currentIndex().isValid()));
    m_import->setEnabled(idle);
    m_delete->setEnabled(idle && m_cachedTable->currentIndex().isValid());
}

ImagePuller *ImagesView::startJob(const QString &what)
{
    if (m_job) {
        m_messages->show(MessageBar::Kind::Warning, tr("Wait for %1 to finish, or cancel it.").arg(m_jobWhat));
        return nullptr;
    }
    m_messages->clear();
    m_jobWhat = what;
    m_job = new ImagePuller(ImageCache(m_settings->pathValue(QStringLiteral("container_cache_dir"))),
                            QUrl(m_settings->value(QStringLiteral("IMAGE_BASE_URL"))), this);
    m_job->setTimeout(int(m_settings->intValue(QStringLiteral("IMAGE_TIMEOUT"))));
    connect(m_job, &ImagePuller::status, m_jobStatus, &QLabel::setText);
    connect(m_job, &ImagePuller::progress, this, &ImagesView::onJobProgress);
    connect(m_job, &ImagePuller::failed, this, &ImagesView::onJobFailed);
    connect(m_job, &ImagePuller::succeeded, this, [this](const ImageMetadata &image) {
        m_messages->show(MessageBar::Kind::Success,
                         tr("Image %1 is ready, %2 on disk.").arg(image.name, FormatText::bytes(image.diskSize)));
        endJob();
        Q_EMIT jobFinished(true);
    });
    m_jobStatus->setText(tr("%1…").arg(what));
    m_jobProgress->setRange(0, 0);
    m_jobPanel->show();
    updateActions();
    return m_job;
}

void ImagesView::endJob()
{
    if (m_job)
        m_job->deleteLater();
    m_job.clear();
    m_cancelling = false;
    m_jobPanel->hide();
    m_cached->reload();
    updateActions();
}

void ImagesView::onJobFailed(const Error &error)
{
    // A cancel ends the job through its failure path; the person asked for it, so it is no error.
    if (m_cancelling)
        m_messages->show(MessageBar::Kind::Information, tr("%1 cancelled.").arg(m_jobWhat));
    else
        m_messages->show(MessageBar::Kind::Error, tr("%1 failed: %2").arg(m_jobWhat, error.message));
    endJob();
    Q_EMIT jobFinished(false);
}

void ImagesView::onJobProgress(qint64 received, qint64 total, double bytesPerSecond, int etaSeconds)
{
    if (total <= 0) {
        m_jobProgress->setRange(0, 0);
        m_jobProgress->setFormat(FormatText::bytes(received));
        return;
    }
    m_jobProgress->setRange(0, int(total / 1024));
    m_jobProgress->setValue(int(received / 1024));
    QString text = tr("%1 of %2").arg(FormatText::bytes(received), FormatText::bytes(total));
    if (bytesPerSecond > 0)
        text += tr(", %1").arg(FormatText::rate(bytesPerSecond));
    if (etaSeconds >= 0)
        text += tr(", %1 left").arg(FormatText::duration(etaSeconds));
    m_jobProgress->setFormat(text);
}

void ImagesView::pull(const QString &name)
{
    if (ImagePuller *job = startJob(tr("Pulling %1").arg(name)))
        job->pull(name);
}

void ImagesView::importFile(const QString &file, const QString &name)
{
    if (ImagePuller *job = startJob(tr("Importing %1").arg(name)))
        job->importFile(file, name);
}

ImportImageDialog *ImagesView::showImportDialog()
{
    auto *dialog = new ImportImageDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { importFile(dialog->file(), dialog->name()); });
    dialog->open();
    return dialog;
}

void ImagesView::askToDelete(const QString &name)
{
    m_messages->show(MessageBar::Kind::Warning,
                     tr("Delete image %1 and its archive from the cache? Sessions will have to pull it again.").arg(name));
    m_messages->addButton(tr("Delete"), [this, name] { remove(name); });
    m_messages->addButton(tr("Keep"), [] { });
}

void ImagesView::remove(const QString &name)
{
    auto *watcher = new QFutureWatcher<Result<void>>(this);
    connect(watcher, &QFutureWatcher<Result<void>>::finished, this, [this, watcher, name] {
        const Result<void> removed = watcher->result();
        watcher->deleteLater();
        if (removed)
            m_messages->show(MessageBar::Kind::Success, tr("Image %1 deleted.").arg(name));
        else
            m_messages->show(MessageBar::Kind::Error, tr("Cannot delete %1: %2").arg(name, removed.error().message));
        m_cached->reload();
        Q_EMIT deleteFinished(removed.ok());
    });
    const QString cacheDir = m_settings->pathValue(QStringLiteral("container_cache_dir"));
    watcher->setFuture(QtConcurrent::run([cacheDir, name] { return ImageCache(cacheDir).remove(name); }));
}
