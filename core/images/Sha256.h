// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <memory>

struct evp_md_ctx_st;

/// Incremental SHA-256 through OpenSSL, which uses the CPU's SHA instructions: several times
/// faster than QCryptographicHash in Qt 6.4, and every downloaded or imported byte goes through it.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(QByteArrayView bytes);
    /// Lower-case hex of everything added; the hash starts over afterwards.
    QByteArray hexResult();
    void reset();

    /// Frees OpenSSL's state of the calling thread (its error queue). A pool task that hashed
    /// calls it when done: the pool's thread may end after OpenSSL's exit handler has deleted the
    /// key that would free it.
    static void releaseThreadState();

private:
    std::unique_ptr<evp_md_ctx_st, void (*)(evp_md_ctx_st *)> m_context;
};
