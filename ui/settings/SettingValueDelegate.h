// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

/// The right editor for each settings key in the Value column — a combo box for booleans and
/// choices, a spin box with its unit for numbers, a folder picker for paths, a list editor for
/// packages, a URL field — committing every change at once so the model can judge it.
class SettingValueDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// The value an editor made by this delegate holds, as the file would spell it.
    static QString editorText(const QWidget *editor);

private:
    void commit(QWidget *editor) const;
};
