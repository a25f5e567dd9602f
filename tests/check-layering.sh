#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when a lower layer reaches into a higher one: core must not use Widgets or ui/,
# ui must not use app/, and scorpiox-unshare must not use Qt at all.
set -uo pipefail
src=${1:?usage: check-layering.sh SOURCE_DIR}
status=0
check() { # DIR PATTERN WHY
    local hits
    hits=$(grep -rnE "$2" "$src/$1" --include='*.h' --include='*.cpp' --include='*.txt' 2>/dev/null)
    if [ -n "$hits" ]; then
        echo "layering violation: $3"
        echo "$hits"
        status=1
    fi
}
check core '#include *<(QtWidgets|QApplication|QWidget|QtGui/QGuiApplication)|Qt6::Widgets|#include *"(ui|app)/' \
    "core/ must not use Widgets, ui/ or app/"
check core/unshare '#include *<Q|Qt6::' "core/unshare must not use Qt"
check ui '#include *"(app|cli)/' "ui/ must not use app/"
[ $status -eq 0 ] && echo "layering ok"
exit $status
