#pragma once

#include <string>
#include <string_view>

namespace ppsaudit::text {

// The SHA-256 digest of `bytes` in lower-case hexadecimal (64 characters), by Debian's Nettle.
std::string sha256_hex(std::string_view bytes);

}  // namespace ppsaudit::text
