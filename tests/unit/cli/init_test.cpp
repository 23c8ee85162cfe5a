#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include <doctest/doctest.h>

#include "cli/output_file.hpp"
#include "cli/starter.hpp"
#include "diag/diagnostics.hpp"
#include "service/loader.hpp"

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("each framework init takes has a built-in starter that reads clean under that framework") {
  const auto& words = ppsaudit::starter_framework_words();
  REQUIRE(words.size() == 2);
  CHECK(words.front().first == "send_cop_2015");  // the default: the current Code
  for (const auto& word : words) {
    // Named apart, not as a structured binding, which CAPTURE's lambda cannot take before C++23.
    const std::string_view framework = word.first;
    const std::string_view path = word.second;
    CAPTURE(framework);
    const auto text = ppsaudit::starter_text(framework);
    REQUIRE_FALSE(text.empty());
    // The same bytes as the file in the tree.
    CHECK(read_file(std::filesystem::path(PPSAUDIT_SOURCE_DIR) / path) == text);
    ppsaudit::Diagnostics diagnostics;
    const auto service = ppsaudit::service::parse_service(text, path, diagnostics);
    std::ostringstream printed;
    diagnostics.print(printed);
    CHECK(printed.str().empty());
    REQUIRE(service.has_value());
    CHECK(service->name().starts_with("FILL IN"));
    const auto* section = service->root.find("service");
    REQUIRE(section != nullptr);
    const auto* declared = section->find("framework");
    REQUIRE(declared != nullptr);
    REQUIRE(declared->as_text() != nullptr);
    CHECK(*declared->as_text() == framework);
  }
  CHECK(ppsaudit::starter_text("sen_cop_1994").empty());
}

TEST_CASE("an atomic file that may not replace one leaves a file made while it was written") {
  const auto folder = std::filesystem::temp_directory_path() / "ppsaudit-init-replace-test";
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  const auto path = (folder / "service.yaml").string();
  {
    ppsaudit::AtomicFile file(path, ppsaudit::Replace::refused);
    std::ofstream(path, std::ios::binary) << "the manager's own\n";
    CHECK(file.write("the starter\n"));
    ppsaudit::Diagnostics diagnostics;
    CHECK_FALSE(file.commit(diagnostics));
    std::ostringstream printed;
    diagnostics.print(printed);
    CHECK(printed.str() == "ppsaudit: error: cannot write '" + path + "': File exists\n");
  }
  CHECK(read_file(path) == "the manager's own\n");
  {
    // Where nothing is in the way, it is written as with Replace::allowed.
    const auto fresh = (folder / "fresh.yaml").string();
    ppsaudit::AtomicFile file(fresh, ppsaudit::Replace::refused);
    CHECK(file.write("the starter\n"));
    ppsaudit::Diagnostics diagnostics;
    CHECK(file.commit(diagnostics));
    CHECK(read_file(fresh) == "the starter\n");
  }
  // Neither leaves its temporary file behind.
  CHECK(std::distance(std::filesystem::directory_iterator(folder), std::filesystem::directory_iterator()) == 2);
  std::filesystem::remove_all(folder);
}
