// SPDX-License-Identifier: GPL-3.0-or-later
#include "SessionsView.h"

#include "NewSessionDialog.h"
#include "SessionHistoryLoader.h"
#include "SessionListModel.h"
#include "SessionTerminalTab.h"
#include "ShellTerminalTab.h"
#include "config/Settings.h"
#include "images/ImageCache.h"
#include "sessions/SessionLog.h"
#include "sessions/SessionManager.h"
#include "sessions/SessionStore.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFutureWatcher>
#include <QHeaderView>
#include <QSaveFile>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <QtConcurrent>

SessionsView::SessionsView(SessionManager *manager, Settings *settings, QWidget *parent)
    : QWidget(parent)
    , m_manager(manager)
    , m_settings(settings)
    , m_model(new SessionListModel(manager, this))
    , m_messages(new MessageBar(this))
    , m_table(new QTableView(this))
    , m_tabs(new QTabWidget(this))
{
    auto *toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto icon = [this](const char *name, QStyle::StandardPixmap fallback) {
        return QIcon::fromTheme(QLatin1String(name), style()->standardIcon(fallback));
    };
    m_new = toolbar->addAction(icon("list-add", QStyle::SP_FileDialogNewFolder), tr("New Session…"), this,
                               [this] { showNewSessionDialog(); });
    m_stop = toolbar->addAction(icon("process-stop", QStyle::SP_MediaStop), tr("Stop"), this, [this] {
        if (Session *session = currentSession())
            session->stop();
        else if (const ForeignSession *foreign = m_model->foreign(m_table->currentIndex()))
            m_model->stopForeign(foreign->record.id);
    });
    m_openTerminal = toolbar->addAction(icon("utilities-terminal", QStyle::SP_ComputerIcon), tr("Open Terminal"), this,
                                        [this] {
                                            if (Session *session = currentSession())
                                                openTerminal(session);
                                        });
    m_openShell = toolbar->addAction(icon("system-run", QStyle::SP_CommandLink), tr("Open Shell"), this, [this] {
        if (Session *session = currentSession())
            openShell(session);
        else if (const ForeignSession *foreign = m_model->foreign(m_table->currentIndex()))
            openForeignShell(foreign->record);
    });
    m_saveLog = toolbar->addAction(icon("document-save", QStyle::SP_DialogSaveButton), tr("Save Log…"), this,
                                   &SessionsView::chooseLogFile);
    m_new->setShortcut(QKeySequence::New);
    m_openShell->setToolTip(tr("Open a second terminal inside the running session"));

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setAlternatingRowColors(true);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (Session *session = m_model->session(index))
            openTerminal(session);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &SessionsView::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &SessionsView::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &SessionsView::updateActions);
    connect(m_model, &SessionListModel::foreignStopFinished, this, [this](const QString &id, const QString &error) {
        if (error.isEmpty())
            m_messages->show(MessageBar::Kind::Success, tr("Session %1 stopped.").arg(id));
        else
            m_messages->show(MessageBar::Kind::Error, tr("Cannot stop session %1: %2").arg(id, error));
    });
    // Sessions started elsewhere (`--cli run`, another window) share the records in the cache.
    m_model->watchRecords(settings->pathValue(QStringLiteral("container_cache_dir")));
    connect(settings, &Settings::changed, this, [this](const QString &key) {
        if (key == QLatin1String("container_cache_dir"))
            m_model->watchRecords(m_settings->pathValue(key));
    });

    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &SessionsView::closeTab);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 3);
    // The list needs a few rows; the terminals get the rest.
    splitter->setSizes({160, 600});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(m_messages);
    layout->addWidget(splitter, 1);

    connect(manager, &SessionManager::sessionEnded, this, [this](Session *session) {
        if (session->state() == Session::State::Failed)
            m_messages->show(MessageBar::Kind::Error, tr("Session %1 failed: %2").arg(session->id(), session->reason()));
    });
    updateActions();
}

Session *SessionsView::currentSession() const
{
    return m_model->session(m_table->currentIndex());
}

void SessionsView::updateActions()
{
    if (const ForeignSession *foreign = m_model->foreign(m_table->currentIndex())) {
        const bool stopping = m_model->isStopping(foreign->record.id);
        m_stop->setEnabled(!stopping);
        m_openTerminal->setEnabled(false);
        m_openShell->setEnabled(foreign->ownerAlive && foreign->launcherAlive && !stopping);
        m_saveLog->setEnabled(foreign->ownerAlive);
        return;
    }
    const Session *session = currentSession();
    const bool running = session && session->state() == Session::State::Running;
    const bool ended = session && (session->state() == Session::State::Exited || session->state() == Session::State::Failed);
    m_stop->setEnabled(session && !ended && session->state() != Session::State::Stopping);
    m_openTerminal->setEnabled(session);
    m_openShell->setEnabled(running);
    m_saveLog->setEnabled(session);
}

NewSessionDialog *SessionsView::showNewSessionDialog()
{
    auto *dialog = new NewSessionDialog(*m_settings, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { startFromDialog(dialog); });
    // Reading the cache directory is quick, but it is disk I/O: not on the GUI thread.
    auto *names = new QFutureWatcher<QStringList>(dialog);
    connect(names, &QFutureWatcher<QStringList>::finished, dialog, [dialog, names] {
        dialog->setImageNames(names->result());
        names->deleteLater();
    });
    const QString cacheDir = m_settings->pathValue(QStringLiteral("container_cache_dir"));
    names->setFuture(QtConcurrent::run([cacheDir] { return ImageCache(cacheDir).names(); }));
    dialog->open();
    return dialog;
}

void SessionsView::startFromDialog(NewSessionDialog *dialog)
{
    // The chosen project's own scorpiox-env.txt applies, as it does for `--cli run --project`;
    // it is read on a worker, and the dialog is gone by the time it has been.
    struct ProjectSettings
    {
        QString error;
        SessionConfig config;
    };
    const SessionRequest request = dialog->request();
    const NewSessionDialog::Choice choice = dialog->choice();
    auto *watcher = new QFutureWatcher<ProjectSettings>(this);
    connect(watcher, &QFutureWatcher<ProjectSettings>::finished, this, [this, watcher, request, choice] {
        const ProjectSettings project = watcher->result();
        watcher->deleteLater();
        if (!project.error.isEmpty()) {
            m_messages->show(MessageBar::Kind::Error, tr("Cannot start the session: %1").arg(project.error));
            return;
        }
        const Result<Session *> started = m_manager->start(request, choice.applyTo(project.config));
        if (!started) {
            m_messages->show(MessageBar::Kind::Error, tr("Cannot start the session: %1").arg(started.error().message));
            return;
        }
        m_messages->clear();
        m_table->setCurrentIndex(m_model->indexOf(*started));
        openTerminal(*started);
    });
    watcher->setFuture(QtConcurrent::run([home = m_settings->home(), projectDir = request.projectDir] {
        Settings settings(home, projectDir);
        ProjectSettings project;
        for (const Diagnostic &diagnostic : settings.load()) {
            if (diagnostic.isError()) {
                project.error = diagnostic.toString();
                return project;
            }
        }
        project.config = SessionConfig::fromSettings(settings);
        return project;
    }));
}

SessionTerminalTab *SessionsView::openTerminal(Session *session)
{
    for (int i = 0; i < m_tabs->count(); ++i) {
        auto *tab = qobject_cast<SessionTerminalTab *>(m_tabs->widget(i));
        if (tab && tab->session() == session) {
            m_tabs->setCurrentIndex(i);
            return tab;
        }
    }
    auto *tab = new SessionTerminalTab(session, m_tabs);
    const int index = m_tabs->addTab(tab, QString());
    m_tabs->setCurrentIndex(index);
    // The id is known once the session has claimed its record, just after it starts.
    auto retitle = [this, tab, session] {
        const int at = m_tabs->indexOf(tab);
        if (at >= 0)
            m_tabs->setTabText(at, session->id().isEmpty() ? tr("new session") : tr("%1 · %2").arg(session->id(), session->image()));
    };
    retitle();
    connect(session, &Session::stateChanged, tab, retitle);
    // The tab outlives nothing: when the session is forgotten, its terminal goes too.
    connect(session, &QObject::destroyed, tab, &QObject::deleteLater);
    return tab;
}

ShellTerminalTab *SessionsView::openShell(Session *session)
{
    const Result<LaunchCommand> command = session->enterCommand();
    if (!command) {
        m_messages->show(MessageBar::Kind::Error, tr("Cannot open a shell: %1").arg(command.error().message));
        return nullptr;
    }
    return addShellTab(*command, session->id());
}

ShellTerminalTab *SessionsView::addShellTab(const LaunchCommand &command, const QString &id)
{
    auto *tab = new ShellTerminalTab(m_tabs);
    if (Result<void> started = tab->start(command); !started) {
        delete tab;
        m_messages->show(MessageBar::Kind::Error, tr("Cannot open a shell: %1").arg(started.error().message));
        return nullptr;
    }
    const int index = m_tabs->addTab(tab, tr("shell in %1").arg(id));
    m_tabs->setCurrentIndex(index);
    return tab;
}

void SessionsView::openForeignShell(const SessionRecord &record)
{
    // Finding the backend's tools (wsl.exe on PATH) touches the disk: a worker does it.
    auto *watcher = new QFutureWatcher<Result<LaunchCommand>>(this);
    connect(watcher, &QFutureWatcher<Result<LaunchCommand>>::finished, this, [this, watcher, id = record.id] {
        const Result<LaunchCommand> command = watcher->result();
        watcher->deleteLater();
        if (!command) {
            m_messages->show(MessageBar::Kind::Error, tr("Cannot open a shell: %1").arg(command.error().message));
            return;
        }
        Q_EMIT shellOpened(addShellTab(*command, id));
    });
    watcher->setFuture(QtConcurrent::run([record, config = SessionConfig::fromSettings(*m_settings)]() -> Result<LaunchCommand> {
        const Result<std::unique_ptr<Launcher>> launcher = SessionManager::makeLauncher(record.backend, config);
        if (!launcher)
            return launcher.error();
        return (*launcher)->enter(record, {});
    }));
}

void SessionsView::chooseLogFile()
{
    Session *session = currentSession();
    const ForeignSession *foreign = m_model->foreign(m_table->currentIndex());
    if (!session && !foreign)
        return;
    const QString id = session ? session->id() : foreign->record.id;
    auto *dialog = new QFileDialog(this, tr("Save Session Log"), QDir::home().filePath(QStringLiteral("scorpiox-%1.log").arg(id)));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QPointer<Session> target(session);
    connect(dialog, &QFileDialog::fileSelected, this, [this, target, id, own = session != nullptr](const QString &path) {
        if (!own)
            saveForeignLog(id, path);
        else if (target)
            saveLog(target, path);
    });
    dialog->open();
}

void SessionsView::saveLog(Session *session, const QString &path)
{
    SessionHistoryLoader::fetch(session, this, [this, path](const QByteArray &log) { writeLog(log, path); });
}

void SessionsView::saveForeignLog(const QString &id, const QString &path)
{
    const QString log = SessionStore(m_settings->pathValue(QStringLiteral("container_cache_dir"))).logPath(id);
    auto *watcher = new QFutureWatcher<QByteArray>(this);
    connect(watcher, &QFutureWatcher<QByteArray>::finished, this, [this, watcher, path] {
        writeLog(watcher->result(), path);
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run([log] { return SessionLog::tail(log); }));
}

void SessionsView::writeLog(const QByteArray &log, const QString &path)
{
    auto *watcher = new QFutureWatcher<QString>(this);
    connect(watcher, &QFutureWatcher<QString>::finished, this, [this, watcher, path] {
        const QString error = watcher->result();
        watcher->deleteLater();
        if (error.isEmpty())
            m_messages->show(MessageBar::Kind::Success, tr("Log saved to %1.").arg(path));
        else
            m_messages->show(MessageBar::Kind::Error, tr("Cannot save the log: %1").arg(error));
        Q_EMIT logSaved(path, error.isEmpty());
    });
    watcher->setFuture(QtConcurrent::run([path, log]() -> QString {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(log) != log.size() || !file.commit())
            return tr("%1: %2").arg(path, file.errorString());
        return {};
    }));
}

void SessionsView::closeTab(int index)
{
    QWidget *tab = m_tabs->widget(index);
    m_tabs->removeTab(index);
    tab->deleteLater();
}
