// Runs upstream CEL conformance vectors (see ../shared/conformance/cel/README.md) against our
// engine and reports, per file and in total, how many core tests pass.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cel/program.hpp"
#include "tagged_value.hpp"

namespace {

using ppsaudit::cel::Activation;
using ppsaudit::cel::CompileError;
using ppsaudit::cel::Env;
using ppsaudit::cel::Program;
using ppsaudit::cel::Type;
using ppsaudit::cel::Value;

constexpr int k_skip_exit = 77;
constexpr double k_required_pass_rate = 0.95;

const std::set<std::string> k_unsupported_features = {
    "uint", "bytes", "proto", "type", "optional", "container", "type_env", "typed_result", "check_only", "no_macros"};

struct Tally {
  int passed = 0;
  int failed = 0;
  int skipped = 0;
};

// Runs one test; on failure returns why.
std::optional<std::string> run_test(const nlohmann::json& test) {
  auto env = std::make_shared<Env>(Env::standard());
  Activation activation;
  if (test.contains("bindings")) {
    for (const auto& [name, tagged] : test["bindings"].items()) {
      std::string unsupported;
      auto value = ppsaudit::conformance::from_tagged(tagged, unsupported);
      if (!value) {
        return "binding '" + name + "' has an unsupported value (" + unsupported + ")";
      }
      env->declare_variable(name, Type::dyn());
      activation.bind(name, std::move(*value));
    }
  }
  ppsaudit::cel::CompileOptions options;
  options.check = test.value("check", true);
  auto compiled = ppsaudit::cel::compile(env, test["expr"].get<std::string>(), options);
  if (auto* errors = std::get_if<std::vector<CompileError>>(&compiled)) {
    return "compile error at offset " + std::to_string(errors->front().offset) + ": " + errors->front().message;
  }
  const Value result = std::get<Program>(compiled).evaluate(activation);
  const auto& expect = test["expect"];
  if (expect.contains("error") || expect.contains("error_any")) {
    if (result.is_error()) {
      return std::nullopt;
    }
    return "expected an error, got " + ppsaudit::cel::to_cel_literal(result);
  }
  std::string unsupported;
  const auto expected = ppsaudit::conformance::from_tagged(expect["value"], unsupported);
  if (!expected) {
    return "expected value is unsupported (" + unsupported + ")";
  }
  if (ppsaudit::conformance::same_value(*expected, result)) {
    return std::nullopt;
  }
  return "expected " + ppsaudit::cel::to_cel_literal(*expected) + ", got " + ppsaudit::cel::to_cel_literal(result);
}

bool is_core(const nlohmann::json& test) {
  for (const auto& feature : test.value("features", nlohmann::json::array())) {
    if (k_unsupported_features.contains(feature.get<std::string>())) {
      return false;
    }
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const std::filesystem::path directory = argc > 1 ? argv[1] : PPSAUDIT_CEL_VECTORS;
  if (!std::filesystem::is_directory(directory)) {
    std::cout << "CEL conformance vectors not found at " << directory.string() << ": skipped\n";
    return k_skip_exit;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(directory)) {
    if (entry.path().extension() == ".json") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());

  Tally total;
  std::vector<std::string> failures;
  for (const auto& file : files) {
    std::ifstream input(file);
    const auto suite = nlohmann::json::parse(input);
    Tally tally;
    for (const auto& test : suite["tests"]) {
      if (!is_core(test)) {
        ++tally.skipped;
        continue;
      }
      const auto failure = run_test(test);
      if (failure) {
        ++tally.failed;
        failures.push_back(test["file"].get<std::string>() + "/" + test["section"].get<std::string>() + "/" +
                           test["name"].get<std::string>() + ": " + test["expr"].get<std::string>() + "\n    " +
                           *failure);
      } else {
        ++tally.passed;
      }
    }
    std::cout << file.stem().string() << ": " << tally.passed << " passed, " << tally.failed << " failed, "
              << tally.skipped << " skipped (unsupported feature)\n";
    total.passed += tally.passed;
    total.failed += tally.failed;
    total.skipped += tally.skipped;
  }
  if (!failures.empty()) {
    std::cout << "\nfailing core tests:\n";
    for (const auto& failure : failures) {
      std::cout << "  " << failure << '\n';
    }
  }
  const int core = total.passed + total.failed;
  std::cout << "\ncore tests: " << core << "; skipped tests use uint, bytes, proto, type, optional, container, "
            << "type_env, typed_result, check_only or no_macros\n";
  std::cout << total.passed << " passed, " << total.failed << " failed, " << total.skipped << " skipped\n";
  return total.passed >= k_required_pass_rate * core ? 0 : 1;
}
