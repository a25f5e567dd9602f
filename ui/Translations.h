// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>

class QCoreApplication;

/// Loads the program's translations (share/scorpiox/translations beside the program, as in the
/// build tree and an installation) and Qt's own for the standard dialogs.
namespace Translations {

/// The folder the .qm files are read from.
QString directory();
/// Installs the translators for @p locale; returns false when the program has none for it
/// (English then stays).
bool install(QCoreApplication *app, const QLocale &locale);

} // namespace Translations
