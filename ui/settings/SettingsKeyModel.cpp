// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsKeyModel.h"

#include "config/Settings.h"
#include "config/SettingsDraft.h"

#include <QBrush>
#include <QColor>

SettingsKeyModel::SettingsKeyModel(SettingsDraft *draft, const Settings *settings, QObject *parent)
    : QAbstractTableModel(parent)
    , m_draft(draft)
    , m_settings(settings)
{
    connect(draft, &SettingsDraft::changed, this, &SettingsKeyModel::refreshAll);
    connect(settings, &Settings::changed, this, [this](const QString &key) {
        const int row = rowOf(key);
        if (row >= 0)
            Q_EMIT dataChanged(index(row, Effective), index(row, Origin));
    });
}

int SettingsKeyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(SettingsSchema::keys().size());
}

int SettingsKeyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SettingsKeyModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SettingsSchema::Key &schema = key(index.row());
    const QString problem = m_draft->error(schema.name);
    if (role == Qt::ToolTipRole && index.column() == Origin)
        return m_settings->effective(schema.name).file;
    if (role == Qt::ToolTipRole) {
        QString tip = schema.description;
        if (!schema.unit.isEmpty())
            tip += tr(" (%1)").arg(schema.unit);
        tip += tr("\nDefault: %1").arg(schema.defaultValue.isEmpty() ? tr("(empty)") : schema.defaultValue);
        return problem.isEmpty() ? tip : problem + QLatin1String("\n\n") + tip;
    }
    if (role == Qt::ForegroundRole && index.column() == Problem)
        return QBrush(QColor(0xb0, 0x00, 0x20));
    if (role == Qt::BackgroundRole && index.column() == Value && !problem.isEmpty())
        return QBrush(QColor(0xf6, 0xd8, 0xd8));
    if (role == Qt::EditRole && index.column() == Value)
        return m_draft->value(schema.name);
    if (role != Qt::DisplayRole)
        return {};
    const Settings::Value effective = m_settings->effective(schema.name);
    switch (Column(index.column())) {
    case Key:
        return schema.name;
    case Value:
        return m_draft->contains(schema.name) ? m_draft->value(schema.name) : QString();
    case Effective:
        return effective.text.isEmpty() ? tr("(empty)") : effective.text;
    case Origin:
        return originText(effective);
    case Problem:
        return problem;
    case ColumnCount:
        break;
    }
    return {};
}

bool SettingsKeyModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || index.column() != Value
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    // The draft validates and announces the change; refreshAll() follows from its signal.
    m_draft->setValue(key(index.row()).name, value.toString().trimmed());
    return true;
}

Qt::ItemFlags SettingsKeyModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.column() == Value && m_draft->textError().isEmpty())
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant SettingsKeyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Key:
        return tr("Key");
    case Value:
        return tr("Value in this file");
    case Effective:
        return tr("Effective value");
    case Origin:
        return tr("From");
    case Problem:
        return tr("Problem");
    case ColumnCount:
        break;
    }
    return {};
}

QString SettingsKeyModel::originText(const Settings::Value &value)
{
    switch (value.origin) {
    case Settings::Origin::Default:
        return tr("default");
    case Settings::Origin::Global:
        return tr("global file, line %1").arg(value.line);
    case Settings::Origin::Project:
        return tr("project file, line %1").arg(value.line);
    case Settings::Origin::CommandLine:
        return tr("command line");
    }
    return {};
}

int SettingsKeyModel::rowOf(const QString &name) const
{
    const QList<SettingsSchema::Key> &keys = SettingsSchema::keys();
    for (qsizetype i = 0; i < keys.size(); ++i) {
        if (keys.at(i).name == name)
            return int(i);
    }
    return -1;
}

void SettingsKeyModel::refreshAll()
{
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}
