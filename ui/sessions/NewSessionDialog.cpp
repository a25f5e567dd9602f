// SPDX-License-Identifier: GPL-3.0-or-later
#include "NewSessionDialog.h"

#include "MountTableModel.h"
#include "config/Settings.h"
#include "config/SettingsSchema.h"
#include "images/ImageCache.h"
#include "launch/CommandWords.h"
#include "widgets/PathChecker.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace {

QSpinBox *makeSpinBox(const QString &key, QWidget *parent)
{
    auto *box = new QSpinBox(parent);
    if (const SettingsSchema::Key *schema = SettingsSchema::find(key)) {
        box->setRange(int(schema->minimum), int(std::min<qint64>(schema->maximum, std::numeric_limits<int>::max())));
        box->setToolTip(schema->description);
    }
    return box;
}

} // namespace

NewSessionDialog::NewSessionDialog(const Settings &settings, QWidget *parent)
    : QDialog(parent)
    , m_image(new QComboBox(this))
    , m_project(new QLineEdit(this))
    , m_network(new QComboBox(this))
    , m_mounts(new MountTableModel(this))
    , m_mountView(new QTableView(this))
    , m_command(new QLineEdit(this))
    , m_timeout(makeSpinBox(QStringLiteral("container_timeout"), this))
    , m_memory(makeSpinBox(QStringLiteral("container_memory_mb"), this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_paths(new PathChecker(this))
{
    setWindowTitle(tr("New Session"));
    m_image->setEditable(true);
    m_image->setObjectName(QStringLiteral("image"));
    m_project->setObjectName(QStringLiteral("project"));
    m_command->setObjectName(QStringLiteral("command"));
    m_network->addItem(tr("Host network"), QStringLiteral("host"));
    m_network->addItem(tr("Isolated (loopback only)"), QStringLiteral("isolated"));
    m_network->addItem(tr("None (no sockets)"), QStringLiteral("none"));
    m_timeout->setSuffix(tr(" s"));
    m_timeout->setSpecialValueText(tr("never"));
    m_memory->setSuffix(tr(" MiB"));
    m_memory->setSpecialValueText(tr("no limit"));
    m_command->setPlaceholderText(settings.value(QStringLiteral("agent_command")));
    m_command->setToolTip(tr("Empty: agent_command from the settings."));

    auto *browseProject = new QPushButton(tr("Browse…"), this);
    connect(browseProject, &QPushButton::clicked, this, &NewSessionDialog::chooseProjectDir);
    auto *projectRow = new QHBoxLayout;
    projectRow->addWidget(m_project, 1);
    projectRow->addWidget(browseProject);

    m_mountView->setModel(m_mounts);
    m_mountView->horizontalHeader()->setSectionResizeMode(MountTableModel::HostPath, QHeaderView::Stretch);
    m_mountView->horizontalHeader()->setSectionResizeMode(MountTableModel::ContainerPath, QHeaderView::Stretch);
    m_mountView->horizontalHeader()->setSectionResizeMode(MountTableModel::ReadOnly, QHeaderView::ResizeToContents);
    m_mountView->verticalHeader()->hide();
    m_mountView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_mountView->setMinimumHeight(110);
    auto *addMount = new QPushButton(tr("Add…"), this);
    auto *removeMount = new QPushButton(tr("Remove"), this);
    connect(addMount, &QPushButton::clicked, this, &NewSessionDialog::chooseMountFolder);
    connect(removeMount, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_mountView->currentIndex();
        if (current.isValid())
            m_mounts->removeRows(current.row(), 1);
    });
    auto *mountButtons = new QVBoxLayout;
    mountButtons->addWidget(addMount);
    mountButtons->addWidget(removeMount);
    mountButtons->addStretch();
    auto *mountRow = new QHBoxLayout;
    mountRow->addWidget(m_mountView, 1);
    mountRow->addLayout(mountButtons);

    auto *form = new QFormLayout;
    form->addRow(tr("&Image:"), m_image);
    // A row holding a layout gets no buddy by itself: without one the & would show as is.
    auto *projectLabel = new QLabel(tr("&Project folder:"), this);
    projectLabel->setBuddy(m_project);
    form->addRow(projectLabel, projectRow);
    form->addRow(tr("&Network:"), m_network);
    auto *mountsLabel = new QLabel(tr("&Mounts:"), this);
    mountsLabel->setBuddy(m_mountView);
    form->addRow(mountsLabel, mountRow);
    form->addRow(tr("&Command:"), m_command);
    form->addRow(tr("&Timeout:"), m_timeout);
    form->addRow(tr("M&emory limit:"), m_memory);

    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    QPushButton *start = m_buttons->addButton(tr("&Start"), QDialogButtonBox::AcceptRole);
    start->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    setImage(settings.value(QStringLiteral("container_image")));
    setProjectDir(settings.projectDir());
    NetworkMode network = NetworkMode::Host;
    parseNetworkMode(settings.value(QStringLiteral("container_network")), &network);
    setNetwork(network);
    setTimeoutSeconds(int(settings.intValue(QStringLiteral("container_timeout"))));
    setMemoryMb(int(settings.intValue(QStringLiteral("container_memory_mb"))));

    connect(m_image, &QComboBox::currentTextChanged, this, &NewSessionDialog::validate);
    connect(m_project, &QLineEdit::textChanged, this, &NewSessionDialog::validate);
    connect(m_mounts, &QAbstractItemModel::dataChanged, this, &NewSessionDialog::validate);
    connect(m_mounts, &QAbstractItemModel::rowsInserted, this, &NewSessionDialog::validate);
    connect(m_mounts, &QAbstractItemModel::rowsRemoved, this, &NewSessionDialog::validate);
    connect(m_command, &QLineEdit::textChanged, this, &NewSessionDialog::validate);
    connect(m_paths, &PathChecker::answered, this, &NewSessionDialog::validate);
    validate();
    resize(620, 520);
}

void NewSessionDialog::setImageNames(const QStringList &names)
{
    const QString typed = m_image->currentText();
    const QSignalBlocker blocker(m_image);
    m_image->clear();
    QStringList offered = names;
    if (!offered.contains(QStringLiteral("default")))
        offered.prepend(QStringLiteral("default"));
    m_image->addItems(offered);
    m_image->setCurrentText(typed);
}

void NewSessionDialog::setImage(const QString &name)
{
    m_image->setCurrentText(name);
}

void NewSessionDialog::setProjectDir(const QString &dir)
{
    m_project->setText(QDir::toNativeSeparators(dir));
}

void NewSessionDialog::setCommand(const QString &command)
{
    m_command->setText(command);
}

void NewSessionDialog::setNetwork(NetworkMode mode)
{
    m_network->setCurrentIndex(m_network->findData(networkModeName(mode)));
}

void NewSessionDialog::setTimeoutSeconds(int seconds)
{
    m_timeout->setValue(seconds);
}

void NewSessionDialog::setMemoryMb(int megabytes)
{
    m_memory->setValue(megabytes);
}

QString NewSessionDialog::projectDir() const
{
    return QDir::cleanPath(QDir::fromNativeSeparators(m_project->text().trimmed()));
}

SessionRequest NewSessionDialog::request() const
{
    SessionRequest request;
    request.projectDir = projectDir();
    request.volumes = m_mounts->mounts();
    const Result<QStringList> command = CommandWords::split(m_command->text());
    request.command = command ? *command : QStringList();
    return request;
}

NewSessionDialog::Choice NewSessionDialog::choice() const
{
    Choice choice;
    choice.image = m_image->currentText().trimmed();
    parseNetworkMode(m_network->currentData().toString(), &choice.network);
    choice.timeoutSec = m_timeout->value();
    choice.memoryMb = m_memory->value();
    return choice;
}

SessionConfig NewSessionDialog::Choice::applyTo(SessionConfig base) const
{
    base.image = image;
    base.network = network;
    base.timeoutSec = timeoutSec;
    base.memoryMb = memoryMb;
    return base;
}

QString NewSessionDialog::problem() const
{
    if (Result<void> name = ImageCache::checkName(m_image->currentText().trimmed()); !name)
        return name.error().message;
    const QString project = m_project->text().trimmed();
    if (project.isEmpty())
        return tr("Choose the project folder the session works on.");
    if (const Result<QStringList> command = CommandWords::split(m_command->text()); !command)
        return command.error().message;
    switch (m_paths->kind(projectDir())) {
    case PathChecker::Kind::Unknown:
        return tr("Looking for the project folder %1…").arg(project);
    case PathChecker::Kind::Directory:
        break;
    case PathChecker::Kind::Missing:
    case PathChecker::Kind::File:
    case PathChecker::Kind::Other:
        return tr("The project folder %1 does not exist.").arg(project);
    }
    if (const QString mounts = m_mounts->problem(*m_paths); !mounts.isEmpty())
        return mounts;
    return {};
}

void NewSessionDialog::validate()
{
    const QString problem = this->problem();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    for (QAbstractButton *button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(problem.isEmpty());
    }
}

void NewSessionDialog::chooseProjectDir()
{
    auto *dialog = new QFileDialog(this, tr("Project folder"), projectDir());
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, &NewSessionDialog::setProjectDir);
    dialog->open();
}

void NewSessionDialog::chooseMountFolder()
{
    auto *dialog = new QFileDialog(this, tr("Folder to mount"), QDir::homePath());
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &dir) {
        const int row = m_mounts->addMount({dir, dir, true});
        m_mountView->setCurrentIndex(m_mounts->index(row, MountTableModel::ContainerPath));
    });
    dialog->open();
}
