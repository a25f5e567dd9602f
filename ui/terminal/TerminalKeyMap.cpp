// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerminalKeyMap.h"

#include "TerminalScreen.h"

#include <QKeyEvent>

bool TerminalKeyMap::forward(const QKeyEvent &event, TerminalScreen &screen)
{
    const Qt::KeyboardModifiers modifiers = event.modifiers() & (Qt::ShiftModifier | Qt::ControlModifier | Qt::AltModifier);
    if (screen.sendKey(event.key(), modifiers))
        return true;
    const int key = event.key();
    // With Ctrl or Alt the text is already transformed (or empty); the key says what was pressed.
    if ((modifiers & (Qt::ControlModifier | Qt::AltModifier)) && key >= 0x20 && key < 0x7f) {
        const QString text = event.text();
        char32_t character = key >= 'A' && key <= 'Z' ? char32_t(key + 32) : char32_t(key);
        if (!(modifiers & Qt::ControlModifier) && text.size() == 1 && text[0].isPrint())
            character = text[0].unicode(); // Alt+Shift+x is ESC X
        screen.sendCharacter(character, modifiers);
        return true;
    }
    const QString text = event.text();
    if (text.isEmpty())
        return false;
    if (modifiers & Qt::AltModifier) {
        for (const char32_t c : text.toUcs4())
            screen.sendCharacter(c, modifiers);
        return true;
    }
    screen.sendText(text);
    return true;
}
