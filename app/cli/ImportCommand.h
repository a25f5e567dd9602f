// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

/// `import FILE --name NAME`: makes a local rootfs tarball a cached image.
class ImportCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("import"); }
    QStringList synopsis() const override { return {QStringLiteral("import FILE --name NAME")}; }
    int run(const QStringList &args, Console &console) override;
};
