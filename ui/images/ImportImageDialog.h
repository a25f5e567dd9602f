// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class PathChecker;

/// Asks for an image tarball and the name to cache it under (suggested from the file name).
class ImportImageDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ImportImageDialog(QWidget *parent = nullptr);

    void setFile(const QString &path);
    void setName(const QString &name);
    QString file() const;
    QString name() const;
    /// Why the import cannot start as entered, or empty.
    QString problem() const;
    /// Opens the file chooser (non-modal); the chosen file lands in the dialog.
    void chooseFile();

private:
    void validate();

    QLineEdit *m_file;
    QLineEdit *m_name;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    PathChecker *m_paths;
    bool m_nameEdited = false;
};
