// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsFileEditor.h"

#include "SettingValueDelegate.h"
#include "SettingsKeyModel.h"
#include "config/Settings.h"
#include "config/SettingsDraft.h"
#include "widgets/MessageBar.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QFontDatabase>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent>

SettingsFileEditor::SettingsFileEditor(const QString &path, Settings *settings, QWidget *parent)
    : QWidget(parent)
    , m_path(path)
    , m_settings(settings)
    , m_draft(new SettingsDraft(path, this))
    , m_model(new SettingsKeyModel(m_draft, settings, this))
    , m_messages(new MessageBar(this))
    , m_tabs(new QTabWidget(this))
    , m_form(new QTableView(this))
    , m_raw(new QPlainTextEdit(this))
    , m_problem(new QLabel(this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_revert(new QPushButton(tr("&Revert"), this))
    , m_watcher(new QFileSystemWatcher(this))
{
    m_form->setModel(m_model);
    m_form->setItemDelegateForColumn(SettingsKeyModel::Value, new SettingValueDelegate(m_form));
    m_form->verticalHeader()->hide();
    m_form->setSelectionMode(QAbstractItemView::NoSelection);
    m_form->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_form->setWordWrap(true);
    m_form->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_form->horizontalHeader()->setSectionResizeMode(SettingsKeyModel::Value, QHeaderView::Interactive);
    m_form->horizontalHeader()->setStretchLastSection(true);
    m_form->setColumnWidth(SettingsKeyModel::Value, 300);
    for (int row = 0; row < m_model->rowCount(); ++row)
        m_form->openPersistentEditor(m_model->index(row, SettingsKeyModel::Value));
    m_form->resizeRowsToContents();

    m_raw->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_raw->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_tabs->addTab(m_form, tr("Form"));
    m_tabs->addTab(m_raw, tr("Raw text"));

    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    auto *pathLabel = new QLabel(tr("File: %1").arg(QDir::toNativeSeparators(path)), this);
    pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_problem, 1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_messages);
    layout->addWidget(pathLabel);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(buttons);

    connect(m_draft, &SettingsDraft::changed, this, &SettingsFileEditor::onDraftChanged);
    connect(m_raw, &QPlainTextEdit::textChanged, this, [this] { m_draft->setText(m_raw->toPlainText().toUtf8()); });
    connect(m_save, &QPushButton::clicked, this, &SettingsFileEditor::save);
    connect(m_revert, &QPushButton::clicked, this, &SettingsFileEditor::revert);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &SettingsFileEditor::onFileChanged);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &SettingsFileEditor::onFileChanged);
    load();
}

SettingsFileEditor::Disk SettingsFileEditor::readDisk(const QString &path, const QString &home,
                                                     const QString &projectDir, bool withSettings)
{
    Disk disk;
    const QFileInfo info(path);
    disk.folderExists = info.dir().exists();
    disk.fileExists = info.exists();
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        disk.bytes = file.readAll();
    Result<EnvFile> document = EnvFile::load(path);
    if (document)
        disk.document = *document;
    else
        disk.error = document.error().message;
    if (withSettings)
        disk.settings = Settings::read(home, projectDir);
    return disk;
}

void SettingsFileEditor::readThen(std::function<void(const Disk &)> then)
{
    // Only the newest read counts: file events come in bursts and reads may finish out of order.
    const quint64 generation = ++m_reads;
    auto *watcher = new QFutureWatcher<Disk>(this);
    connect(watcher, &QFutureWatcher<Disk>::finished, this, [this, watcher, generation, then = std::move(then)] {
        const Disk disk = watcher->result();
        watcher->deleteLater();
        if (generation != m_reads)
            return;
        watch(disk);
        // A load asked for (Revert, Reload) takes whichever read is newest, even one a file
        // event started after it.
        if (m_loadWanted) {
            m_loadWanted = false;
            take(disk);
            return;
        }
        then(disk);
    });
    watcher->setFuture(QtConcurrent::run(&SettingsFileEditor::readDisk, m_path, m_settings->home(),
                                         m_settings->projectDir(), true));
}

void SettingsFileEditor::load()
{
    m_loadWanted = true;
    readThen([](const Disk &) { });
}

void SettingsFileEditor::take(const Disk &disk)
{
    if (disk.document)
        m_draft->setLoaded(*disk.document);
    else
        m_messages->show(MessageBar::Kind::Error, tr("Cannot read the file: %1").arg(disk.error));
    if (disk.settings)
        m_settings->apply(*disk.settings);
    Q_EMIT loaded();
}

void SettingsFileEditor::watch(const Disk &disk)
{
    // An atomic save replaces the file, which drops it from the watcher: watch it again, and
    // watch its folder so a file created later is noticed too.
    const QString folder = QFileInfo(m_path).absolutePath();
    if (disk.folderExists && !m_watcher->directories().contains(folder))
        m_watcher->addPath(folder);
    if (disk.fileExists && !m_watcher->files().contains(m_path))
        m_watcher->addPath(m_path);
}

void SettingsFileEditor::onDraftChanged()
{
    const QByteArray text = m_draft->text();
    // The raw tab follows form edits; while it is the one being typed in, it already shows them.
    if (m_raw->toPlainText().toUtf8() != text) {
        const QSignalBlocker blocker(m_raw);
        m_raw->setPlainText(QString::fromUtf8(text));
    }
    const Result<void> savable = m_draft->savable();
    m_problem->setText(savable ? QString() : tr("Cannot save: %1").arg(savable.error().message));
    m_save->setEnabled(savable.ok() && m_draft->isModified() && !m_saving);
    m_revert->setEnabled(m_draft->isModified() && !m_saving);
    m_form->setEnabled(m_draft->textError().isEmpty());
}

void SettingsFileEditor::save()
{
    if (Result<void> savable = m_draft->savable(); !savable) {
        m_messages->show(MessageBar::Kind::Error, tr("Cannot save: %1").arg(savable.error().message));
        return;
    }
    m_saving = true;
    onDraftChanged();
    const QByteArray text = m_draft->text();
    struct Written
    {
        Result<void> written;
        Disk disk;
    };
    auto *watcher = new QFutureWatcher<Written>(this);
    connect(watcher, &QFutureWatcher<Written>::finished, this, [this, watcher, text] {
        const Written result = watcher->result();
        watcher->deleteLater();
        m_saving = false;
        // Reads the write's own file events started may have seen the old file: drop them.
        ++m_reads;
        if (m_loadWanted)
            load();
        if (result.written) {
            m_draft->markSaved(text);
            m_messages->show(MessageBar::Kind::Success, tr("Saved."));
            const QList<Diagnostic> diagnostics = m_settings->apply(*result.disk.settings);
            if (hasErrors(diagnostics))
                m_messages->show(MessageBar::Kind::Warning, tr("Saved, but another settings file has a problem: %1")
                                                                .arg(diagnostics.constFirst().toString()));
        } else {
            m_messages->show(MessageBar::Kind::Error, tr("Cannot save: %1").arg(result.written.error().message));
        }
        onDraftChanged();
        watch(result.disk);
        Q_EMIT saved(result.written.ok());
    });
    // The settings are read again right after the write, on the same worker.
    watcher->setFuture(QtConcurrent::run([path = m_path, text, home = m_settings->home(), project = m_settings->projectDir()] {
        Written result{SettingsDraft::write(path, text), {}};
        result.disk = readDisk(path, home, project, result.written.ok());
        return result;
    }));
}

void SettingsFileEditor::revert()
{
    m_messages->clear();
    load();
}

void SettingsFileEditor::onFileChanged()
{
    readThen([this](const Disk &disk) {
        if (m_saving)
            return;
        // The folder's other files (lock files, sessions/) change too: only a new content counts.
        if (disk.bytes == m_draft->savedText())
            return;
        if (!m_draft->isModified()) {
            take(disk);
            m_messages->show(MessageBar::Kind::Information, tr("The file changed on disk and was reloaded."));
            Q_EMIT externalChangeHandled();
            return;
        }
        m_messages->show(MessageBar::Kind::Warning, tr("The file changed on disk. Reload it and discard your edits?"));
        m_messages->addButton(tr("Reload"), [this] { load(); });
        m_messages->addButton(tr("Keep My Edits"), [] { });
        Q_EMIT externalChangeHandled();
    });
}
