#pragma once
// MD5 through OpenSSL's EVP interface (libcrypto), fed incrementally: a candidate's id is the
// MD5 of its canonical text, which is streamed rather than built (canonical.hpp).
#include <memory>
#include <string>
#include <string_view>

namespace batt::program {

class Md5 {
 public:
  Md5();
  ~Md5();
  Md5(const Md5&) = delete;
  Md5& operator=(const Md5&) = delete;

  void update(std::string_view bytes);
  // Lowercase hex of the digest; the object can then be reused (it starts over).
  std::string hex();

  // MD5 of one buffer, lowercase hex.
  static std::string of(std::string_view bytes);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace batt::program
