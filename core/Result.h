// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

/// A failure a user can act on: the message names what failed, where, and how to fix it.
struct Error
{
    enum class Kind {
        Invalid,     ///< bad input: a flag, a value in a file, a spec
        NotFound,    ///< a file, image, key or session that does not exist
        Io,          ///< reading or writing the file system failed
        Network,     ///< a registry could not be reached or answered badly
        Permission,  ///< the operating system refused
        Unsupported, ///< the machine lacks a feature (user namespaces, WSL, ...)
        Busy,        ///< in use by a live session or another process
        NoSpace,     ///< the disk (or the user's quota) is full
        Internal,
    };

    Kind kind = Kind::Internal;
    QString message;

    static Error invalid(QString message) { return {Kind::Invalid, std::move(message)}; }
    static Error notFound(QString message) { return {Kind::NotFound, std::move(message)}; }
    static Error io(QString message) { return {Kind::Io, std::move(message)}; }
    static Error network(QString message) { return {Kind::Network, std::move(message)}; }
    static Error permission(QString message) { return {Kind::Permission, std::move(message)}; }
    static Error unsupported(QString message) { return {Kind::Unsupported, std::move(message)}; }
    static Error busy(QString message) { return {Kind::Busy, std::move(message)}; }
    static Error noSpace(QString message) { return {Kind::NoSpace, std::move(message)}; }
};

/// Either a value or an Error. Core functions that can fail return this instead of throwing.
template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_data(std::move(value)) { }
    Result(Error error) : m_data(std::move(error)) { }

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_data); }
    T &value() & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template<>
class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) { }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};
