// SPDX-License-Identifier: GPL-3.0-or-later
#include "Sha256.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

Sha256::Sha256() : m_context(EVP_MD_CTX_new(), &EVP_MD_CTX_free)
{
    reset();
}

Sha256::~Sha256() = default;

void Sha256::reset()
{
    EVP_DigestInit_ex(m_context.get(), EVP_sha256(), nullptr);
}

void Sha256::addData(QByteArrayView bytes)
{
    EVP_DigestUpdate(m_context.get(), bytes.data(), size_t(bytes.size()));
}

void Sha256::releaseThreadState()
{
    OPENSSL_thread_stop();
}

QByteArray Sha256::hexResult()
{
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    EVP_DigestFinal_ex(m_context.get(), digest, &size);
    reset();
    return QByteArray(reinterpret_cast<const char *>(digest), int(size)).toHex();
}
