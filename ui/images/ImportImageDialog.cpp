// SPDX-License-Identifier: GPL-3.0-or-later
#include "ImportImageDialog.h"

#include "images/ImageCache.h"
#include "images/RegistryIndex.h"
#include "widgets/PathChecker.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

ImportImageDialog::ImportImageDialog(QWidget *parent)
    : QDialog(parent)
    , m_file(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_paths(new PathChecker(this))
{
    setWindowTitle(tr("Import Image"));
    m_file->setPlaceholderText(tr("rootfs.tar.gz, .tar, .tgz, .tar.xz or .tar.zst"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ImportImageDialog::chooseFile);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);
    auto *form = new QFormLayout;
    form->addRow(tr("&Tarball:"), fileRow);
    form->addRow(tr("&Name:"), m_name);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole)->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_file, &QLineEdit::textChanged, this, [this](const QString &path) {
        if (!m_nameEdited)
            m_name->setText(RegistryIndex::imageNameForFile(QFileInfo(path).fileName()));
        validate();
    });
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameEdited = true; });
    connect(m_name, &QLineEdit::textChanged, this, &ImportImageDialog::validate);
    connect(m_paths, &PathChecker::answered, this, &ImportImageDialog::validate);
    validate();
    resize(520, 160);
}

void ImportImageDialog::setFile(const QString &path)
{
    m_file->setText(QDir::toNativeSeparators(path));
}

void ImportImageDialog::setName(const QString &name)
{
    m_nameEdited = true;
    m_name->setText(name);
}

QString ImportImageDialog::file() const
{
    return QDir::fromNativeSeparators(m_file->text().trimmed());
}

QString ImportImageDialog::name() const
{
    return m_name->text().trimmed();
}

QString ImportImageDialog::problem() const
{
    if (file().isEmpty())
        return tr("Choose the image tarball to import.");
    switch (m_paths->kind(file())) {
    case PathChecker::Kind::Unknown:
        return tr("Looking for %1…").arg(file());
    case PathChecker::Kind::File:
        break;
    case PathChecker::Kind::Missing:
    case PathChecker::Kind::Directory:
    case PathChecker::Kind::Other:
        return tr("%1 is not a file.").arg(file());
    }
    if (Result<void> name = ImageCache::checkName(this->name()); !name)
        return name.error().message;
    return {};
}

void ImportImageDialog::validate()
{
    const QString problem = this->problem();
    m_problem->setText(problem);
    for (QAbstractButton *button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(problem.isEmpty());
    }
}

void ImportImageDialog::chooseFile()
{
    auto *dialog = new QFileDialog(this, tr("Image Tarball"), QDir::homePath(),
                                   tr("Image tarballs (*.tar *.tar.gz *.tgz *.tar.xz *.tar.zst);;All files (*)"));
    dialog->setFileMode(QFileDialog::ExistingFile);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &ImportImageDialog::setFile);
    dialog->open();
}
