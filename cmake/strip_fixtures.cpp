// Writes, for each rule pack named, a copy without its fixtures (rules/fixture_free.hpp), which
// the build embeds for audits beside the full pack that `rules lint` and `rules test` read.
//   strip_fixtures SOURCE_DIR OUTPUT_DIR rules/a.yaml rules/b.yaml...
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <span>
#include <string>

#include "rules/fixture_free.hpp"

namespace {

bool read(const std::filesystem::path& path, std::string& text) {
  std::ifstream in(path, std::ios::binary);
  text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad() && in.is_open();
}

}  // namespace

int main(int argc, char** argv) {
  const std::span<char*> args(argv, static_cast<std::size_t>(argc));
  if (args.size() < 3) {
    std::cerr << "usage: strip_fixtures SOURCE_DIR OUTPUT_DIR PACK...\n";
    return 2;
  }
  const std::filesystem::path source = args[1];
  const std::filesystem::path output = args[2];
  for (const char* name : args.subspan(3)) {
    std::string text;
    if (!read(source / name, text)) {
      std::cerr << "strip_fixtures: cannot read '" << (source / name).string() << "'\n";
      return 1;
    }
    const std::filesystem::path target = output / name;
    std::filesystem::create_directories(target.parent_path());
    std::ofstream out(target, std::ios::binary | std::ios::trunc);
    out << ppsaudit::rules::without_fixtures(text);
    if (!out.flush()) {
      std::cerr << "strip_fixtures: cannot write '" << target.string() << "'\n";
      return 1;
    }
  }
  return 0;
}
