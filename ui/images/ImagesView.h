// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class CachedImageModel;
class ImagePuller;
class ImportImageDialog;
class MessageBar;
class QAction;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class RemoteImageModel;
class Settings;
struct ImageMetadata;
struct Error;

/// The image cache and the registry: Pull (with progress and Cancel), Import tarball…, Delete,
/// and the total cache size. ImagePuller and ImageCache do the work; errors show inline.
class ImagesView : public QWidget
{
    Q_OBJECT

public:
    explicit ImagesView(Settings *settings, QWidget *parent = nullptr);

    CachedImageModel *cachedModel() const { return m_cached; }
    RemoteImageModel *remoteModel() const { return m_remote; }
    QTableView *cachedTable() const { return m_cachedTable; }
    QTableView *remoteTable() const { return m_remoteTable; }
    MessageBar *messageBar() const { return m_messages; }
    QAction *pullAction() const { return m_pull; }
    QAction *importAction() const { return m_import; }
    QAction *deleteAction() const { return m_delete; }
    QPushButton *cancelButton() const { return m_cancel; }
    QLabel *totalLabel() const { return m_total; }
    QLabel *remoteStatus() const { return m_remoteStatus; }
    bool isBusy() const { return !m_job.isNull(); }

    /// Reads the cache and asks the registry again.
    void refresh();
    void pull(const QString &name);
    void importFile(const QString &file, const QString &name);
    /// Asks in the message bar, then deletes @p name off the GUI thread.
    void askToDelete(const QString &name);
    ImportImageDialog *showImportDialog();

Q_SIGNALS:
    /// A pull or import ended (ok or not); a delete finished.
    void jobFinished(bool ok);
    void deleteFinished(bool ok);

private:
    ImagePuller *startJob(const QString &what);
    void endJob();
    void onJobFailed(const Error &error);
    void onJobProgress(qint64 received, qint64 total, double bytesPerSecond, int etaSeconds);
    void remove(const QString &name);
    void updateActions();

    Settings *m_settings;
    CachedImageModel *m_cached;
    RemoteImageModel *m_remote;
    MessageBar *m_messages;
    QTableView *m_cachedTable;
    QTableView *m_remoteTable;
    QLabel *m_total;
    QLabel *m_remoteStatus;
    QWidget *m_jobPanel;
    QLabel *m_jobStatus;
    QProgressBar *m_jobProgress;
    QPushButton *m_cancel;
    bool m_cancelling = false;
    QAction *m_pull;
    QAction *m_import;
    QAction *m_delete;
    QPointer<ImagePuller> m_job;
    QString m_jobWhat;
};
