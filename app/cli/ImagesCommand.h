// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "CliCommand.h"

class ImageJob;

/// `images [--remote] [--json]`: the cached images, or what the registry offers.
class ImagesCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("images"); }
    QStringList synopsis() const override { return {QStringLiteral("images [--remote] [--json]")}; }
    int run(const QStringList &args, Console &console) override;

private:
    int listCached(ImageJob &job, bool json, Console &console);
    int listRemote(ImageJob &job, bool json, Console &console);
};
