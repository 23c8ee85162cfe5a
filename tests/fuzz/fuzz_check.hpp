#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>

// What the fuzz targets assert: a broken promise aborts with a message, which libFuzzer reports
// as a crash and saves the input of.
namespace ppsaudit::fuzz {

// Stops the run with `what` when `holds` is false.
inline void require(bool holds, std::string_view what, std::string_view output = {}) {
  if (holds) {
    return;
  }
  std::fprintf(stderr, "fuzz: %.*s\n", static_cast<int>(what.size()), what.data());
  if (!output.empty()) {
    std::fprintf(stderr, "--- output (first 2000 bytes)\n%.*s\n---\n",
                 static_cast<int>(std::min<std::size_t>(output.size(), 2000)), output.data());
  }
  std::abort();
}

// Where `text` holds a raw control byte (C0 or DEL) other than a line break or a tab, or npos:
// what reaches a terminal or an XML parser must hold none.
inline std::size_t raw_control_at(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if ((byte < 0x20 && byte != '\n' && byte != '\t') || byte == 0x7f) {
      return i;
    }
  }
  return std::string_view::npos;
}

}  // namespace ppsaudit::fuzz
