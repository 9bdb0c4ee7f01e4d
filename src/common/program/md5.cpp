#include "program/md5.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace batt::program {

struct Md5::Impl {
  EVP_MD_CTX* ctx = nullptr;
};

Md5::Md5() : impl_(std::make_unique<Impl>()) {
  impl_->ctx = EVP_MD_CTX_new();
  if (!impl_->ctx || EVP_DigestInit_ex(impl_->ctx, EVP_md5(), nullptr) != 1) {
    throw std::runtime_error("OpenSSL: cannot initialise MD5");
  }
}

Md5::~Md5() {
  EVP_MD_CTX_free(impl_->ctx);
}

void Md5::update(std::string_view bytes) {
  if (!bytes.empty()) EVP_DigestUpdate(impl_->ctx, bytes.data(), bytes.size());
}

std::string Md5::hex() {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_DigestFinal_ex(impl_->ctx, digest, &n);
  EVP_DigestInit_ex(impl_->ctx, EVP_md5(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(2 * n, '0');
  for (unsigned int k = 0; k < n; ++k) {
    out[2 * k] = kHex[digest[k] >> 4];
    out[2 * k + 1] = kHex[digest[k] & 15];
  }
  return out;
}

std::string Md5::of(std::string_view bytes) {
  Md5 m;
  m.update(bytes);
  return m.hex();
}

}  // namespace batt::program
