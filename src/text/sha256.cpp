#include "text/sha256.hpp"

#include <array>
#include <cstdint>

#include <nettle/sha2.h>

namespace ppsaudit::text {

std::string sha256_hex(std::string_view bytes) {
  sha256_ctx context{};
  sha256_init(&context);
  // Nettle takes a size_t length, so a view of any size is hashed in one call.
  sha256_update(&context, bytes.size(), reinterpret_cast<const std::uint8_t*>(bytes.data()));
  std::array<std::uint8_t, SHA256_DIGEST_SIZE> digest{};
  sha256_digest(&context, digest.size(), digest.data());
  static constexpr std::string_view k_hex = "0123456789abcdef";
  std::string out;
  out.reserve(2 * digest.size());
  for (const std::uint8_t byte : digest) {
    out += k_hex[byte >> 4U];
    out += k_hex[byte & 0xFU];
  }
  return out;
}

}  // namespace ppsaudit::text
