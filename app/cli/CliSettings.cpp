// SPDX-License-Identifier: GPL-3.0-or-later
#include "CliSettings.h"

#include "Paths.h"

#include <QDir>

std::unique_ptr<Settings> loadCliSettings(Console &console, const QString &projectDir)
{
    auto settings = std::make_unique<Settings>(Paths::scorpioxHome(), projectDir.isEmpty() ? QDir::currentPath() : projectDir);
    bool valid = true;
    bool lineErrors = false;
    for (const Diagnostic &diagnostic : settings->load()) {
        if (diagnostic.isError()) {
            console.err << "scorpiox-desktop: " << diagnostic.toString() << '\n';
            valid = false;
            lineErrors = lineErrors || diagnostic.line > 0 || !diagnostic.key.isEmpty();
        }
    }
    // A file that cannot be read at all needs no pointer to 'config validate': its one line says how.
    if (!valid && !lineErrors) {
        console.err.flush();
        return nullptr;
    }
    if (!valid) {
        console.err << "scorpiox-desktop: fix the settings above ('config validate' checks them)\n";
        console.err.flush();
        return nullptr;
    }
    return settings;
}
