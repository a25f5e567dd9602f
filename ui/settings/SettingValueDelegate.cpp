// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingValueDelegate.h"

#include "PackageListEdit.h"
#include "PathEdit.h"
#include "SettingsKeyModel.h"

#include <QComboBox>
#include <QLineEdit>
#include <QSpinBox>

namespace {

constexpr char kNotSet[] = QT_TRANSLATE_NOOP("SettingValueDelegate", "(not set)");

} // namespace

void SettingValueDelegate::commit(QWidget *editor) const
{
    // commitData is a signal; a persistent editor reports each change as it happens.
    Q_EMIT const_cast<SettingValueDelegate *>(this)->commitData(editor);
}

QWidget *SettingValueDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const
{
    const auto *model = qobject_cast<const SettingsKeyModel *>(index.model());
    if (!model)
        return nullptr;
    const SettingsSchema::Key &key = model->key(index.row());
    using Type = SettingsSchema::Type;
    switch (key.type) {
    case Type::Bool:
    case Type::Enum: {
        auto *combo = new QComboBox(parent);
        combo->addItem(tr(kNotSet), QString());
        const QStringList choices = key.type == Type::Bool ? QStringList{QStringLiteral("true"), QStringLiteral("false")}
                                                           : key.choices;
        for (const QString &choice : choices)
            combo->addItem(choice, choice);
        connect(combo, &QComboBox::activated, this, [this, combo] { commit(combo); });
        return combo;
    }
    case Type::Integer: {
        auto *spin = new QSpinBox(parent);
        const int maximum = int(std::min<qint64>(key.maximum, std::numeric_limits<int>::max()));
        spin->setRange(int(key.minimum) - 1, maximum);
        spin->setSpecialValueText(tr(kNotSet));
        if (!key.unit.isEmpty())
            spin->setSuffix(QLatin1Char(' ') + key.unit);
        connect(spin, &QSpinBox::valueChanged, this, [this, spin] { commit(spin); });
        return spin;
    }
    case Type::Path:
    case Type::PathList: {
        auto *path = new PathEdit(key.type == Type::PathList, parent);
        connect(path, &PathEdit::edited, this, [this, path] { commit(path); });
        return path;
    }
    case Type::PackageList: {
        auto *packages = new PackageListEdit(parent);
        connect(packages, &PackageListEdit::edited, this, [this, packages] { commit(packages); });
        return packages;
    }
    case Type::Url:
    case Type::Name:
    case Type::RelativePathList:
    case Type::Text: {
        auto *line = new QLineEdit(parent);
        if (key.type == Type::Url)
            line->setPlaceholderText(tr("https://…, http://… or file:///…"));
        else if (key.type == Type::RelativePathList)
            line->setPlaceholderText(tr("comma-separated paths inside the project, or none"));
        connect(line, &QLineEdit::textEdited, this, [this, line] { commit(line); });
        return line;
    }
    }
    return nullptr;
}

QString SettingValueDelegate::editorText(const QWidget *editor)
{
    if (const auto *combo = qobject_cast<const QComboBox *>(editor))
        return combo->currentData().toString();
    if (const auto *spin = qobject_cast<const QSpinBox *>(editor))
        return spin->value() == spin->minimum() ? QString() : QString::number(spin->value());
    if (const auto *path = qobject_cast<const PathEdit *>(editor))
        return path->text();
    if (const auto *packages = qobject_cast<const PackageListEdit *>(editor))
        return packages->text();
    if (const auto *line = qobject_cast<const QLineEdit *>(editor))
        return line->text();
    return {};
}

void SettingValueDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    const QString value = index.data(Qt::EditRole).toString();
    // Rewriting an editor that already shows the value would move the cursor while typing.
    if (editorText(editor) == value)
        return;
    const QSignalBlocker blocker(editor);
    if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        int found = combo->findData(value);
        if (found < 0) {
            // A value the file holds but the schema rejects: shown as it is, marked by the model.
            combo->addItem(value, value);
            found = combo->count() - 1;
        }
        combo->setCurrentIndex(found);
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        bool number = false;
        const int n = value.toInt(&number);
        spin->setValue(number ? n : spin->minimum());
    } else if (auto *path = qobject_cast<PathEdit *>(editor)) {
        path->setText(value);
    } else if (auto *packages = qobject_cast<PackageListEdit *>(editor)) {
        packages->setText(value);
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        line->setText(value);
    }
}

void SettingValueDelegate::setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const
{
    model->setData(index, editorText(editor), Qt::EditRole);
}

QSize SettingValueDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const auto *model = qobject_cast<const SettingsKeyModel *>(index.model());
    if (model && index.column() == SettingsKeyModel::Value) {
        const int line = option.fontMetrics.height();
        const bool packages = model->key(index.row()).type == SettingsSchema::Type::PackageList;
        size.setHeight(packages ? line * 5 + 16 : line + 14);
        size.setWidth(std::max(size.width(), 280));
    }
    return size;
}
