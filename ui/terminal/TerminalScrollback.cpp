// SPDX-License-Identifier: GPL-3.0-or-later
#include "TerminalScrollback.h"

#include <utility>

TerminalScrollback::TerminalScrollback(int capacity) : m_capacity(qMax(1, capacity))
{
}

const TerminalScrollback::Line &TerminalScrollback::line(int index) const
{
    return m_lines[size_t(slot(index))];
}

void TerminalScrollback::push(Line line)
{
    // Grows up to capacity, then overwrites the oldest slot: no reallocation while flooding.
    if (m_size < int(m_lines.size())) {
        m_lines[size_t(slot(m_size))] = std::move(line);
        ++m_size;
    } else if (m_size < m_capacity) {
        m_lines.push_back(std::move(line));
        ++m_size;
    } else {
        m_lines[size_t(m_first)] = std::move(line);
        m_first = (m_first + 1) % m_capacity;
    }
}

TerminalScrollback::Line TerminalScrollback::popNewest()
{
    if (m_size == 0)
        return {};
    --m_size;
    return std::exchange(m_lines[size_t(slot(m_size))], Line());
}

void TerminalScrollback::clear()
{
    m_lines.clear();
    m_first = 0;
    m_size = 0;
}
