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

void SettingsFileEditor::load()
{
    if (Result<void> loaded = m_draft->load(); !loaded)
        m_messages->show(MessageBar::Kind::Error, tr("Cannot read the file: %1").arg(loaded.error().message));
    watch();
}

void SettingsFileEditor::watch()
{
    // An atomic save replaces the file, which drops it from the watcher: watch it again, and
    // watch its folder so a file created later is noticed too.
    const QFileInfo info(m_path);
    if (info.dir().exists() && !m_watcher->directories().contains(info.absolutePath()))
        m_watcher->addPath(info.absolutePath());
    if (info.exists() && !m_watcher->files().contains(m_path))
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
    auto *watcher = new QFutureWatcher<Result<void>>(this);
    connect(watcher, &QFutureWatcher<Result<void>>::finished, this, [this, watcher, text] {
        const Result<void> written = watcher->result();
        watcher->deleteLater();
        m_saving = false;
        if (written) {
            m_draft->markSaved(text);
            m_messages->show(MessageBar::Kind::Success, tr("Saved."));
            const QList<Diagnostic> diagnostics = m_settings->load();
            if (hasErrors(diagnostics))
                m_messages->show(MessageBar::Kind::Warning, tr("Saved, but another settings file has a problem: %1")
                                                                .arg(diagnostics.constFirst().toString()));
        } else {
            m_messages->show(MessageBar::Kind::Error, tr("Cannot save: %1").arg(written.error().message));
        }
        onDraftChanged();
        watch();
        Q_EMIT saved(written.ok());
    });
    watcher->setFuture(QtConcurrent::run([path = m_path, text] { return SettingsDraft::write(path, text); }));
}

void SettingsFileEditor::revert()
{
    m_messages->clear();
    load();
}

void SettingsFileEditor::onFileChanged()
{
    watch();
    if (m_saving)
        return;
    // The folder's other files (lock files, sessions/) change too: only a new content counts.
    QFile file(m_path);
    const QByteArray onDisk = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    if (onDisk == m_draft->savedText())
        return;
    if (!m_draft->isModified()) {
        load();
        m_settings->load();
        m_messages->show(MessageBar::Kind::Information, tr("The file changed on disk and was reloaded."));
        Q_EMIT externalChangeHandled();
        return;
    }
    m_messages->show(MessageBar::Kind::Warning, tr("The file changed on disk. Reload it and discard your edits?"));
    m_messages->addButton(tr("Reload"), [this] {
        load();
        m_settings->load();
    });
    m_messages->addButton(tr("Keep My Edits"), [] { });
    Q_EMIT externalChangeHandled();
}
