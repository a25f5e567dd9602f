// SPDX-License-Identifier: GPL-3.0-or-later
#include "FormatText.h"

#include <QCoreApplication>
#include <QLocale>

namespace FormatText {

QString bytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString rate(double bytesPerSecond)
{
    return QCoreApplication::translate("FormatText", "%1/s").arg(bytes(qint64(bytesPerSecond)));
}

QString duration(qint64 seconds)
{
    if (seconds < 60)
        return QCoreApplication::translate("FormatText", "%1 s").arg(seconds);
    if (seconds < 3600)
        return QCoreApplication::translate("FormatText", "%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("FormatText", "%1 h %2 min")
        .arg(seconds / 3600)
        .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

} // namespace FormatText
