// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "config/Settings.h"
#include "config/SettingsSchema.h"

#include <QAbstractTableModel>

class SettingsDraft;

/// Every settings key as a row: the value one file's draft gives it (editable), the effective
/// value with its origin, and why the draft's value is rejected. Edits go to the draft, which
/// checks them against the schema at once.
class SettingsKeyModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Key, Value, Effective, Origin, Problem, ColumnCount };

    SettingsKeyModel(SettingsDraft *draft, const Settings *settings, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const SettingsSchema::Key &key(int row) const { return SettingsSchema::keys().at(row); }
    int rowOf(const QString &key) const;
    static QString originText(const Settings::Value &value);

private:
    void refreshAll();

    SettingsDraft *m_draft;
    const Settings *m_settings;
};
