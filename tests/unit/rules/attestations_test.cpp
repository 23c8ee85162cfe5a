#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "deadlines_support.hpp"
#include "rules/attestations.hpp"

// An attestation must name a rule in use (rules::check_attestations): what it says when one
// does not, given a few rules as a profile would have them.

namespace {

using ppsaudit::rules::Rule;

struct InUse {
  std::vector<Rule> rules;
  InUse() {
    rules.push_back(deadlines_test::attested_rule("send-cop-2015/impartial-in-practice", std::nullopt));
    rules.back().criteria = {"SENDCOP-2.8-a"};
    rules.emplace_back();
    rules.back().id = "send-cop-2015/arms-length";
    rules.back().criteria = {"SENDCOP-2.8-a"};
    rules.emplace_back();
    rules.back().id = "send-cop-2015/joint-commissioning";
    rules.back().criteria = {"LAW-CFA14-s26"};
    rules.emplace_back();
    rules.back().id = "iass-2018/joint-commissioning";
  }
  [[nodiscard]] std::vector<const Rule*> pointers() const {
    std::vector<const Rule*> out;
    for (const auto& rule : rules) {
      out.push_back(&rule);
    }
    return out;
  }
};

// The diagnostics for an attestations list naming `key: id`, one per line.
std::string checked(std::string_view key, std::string_view id) {
  const auto file = deadlines_test::load(std::string("attestations:\n  - ") + std::string(key) + ": " +
                                         std::string(id) + "\n    statement: S\n    by: M\n    date: 2024-01-01\n");
  const InUse in_use;
  ppsaudit::Diagnostics diagnostics;
  ppsaudit::rules::check_attestations(file, in_use.pointers(), diagnostics);
  std::string out;
  for (const auto& item : diagnostics.all()) {
    out += ppsaudit::format_diagnostic(item) + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("an attestation of a rule in use, in 'rule' or in its older name 'criterion', is accepted") {
  CHECK(checked("rule", "send-cop-2015/impartial-in-practice").empty());
  CHECK(checked("criterion", "send-cop-2015/impartial-in-practice").empty());
}

TEST_CASE("an attestation that names no rule in use is an error with the closest rule id, prefix or not") {
  CHECK(checked("rule", "joint-comissioning") ==
        "t.yaml:9:11: error: 'joint-comissioning' is not the id of any rule in use (did you mean "
        "'send-cop-2015/joint-commissioning'?)\n");
  CHECK(checked("rule", "send-cop-2015/impartial-in-practise") ==
        "t.yaml:9:11: error: 'send-cop-2015/impartial-in-practise' is not the id of any rule in use (did you mean "
        "'send-cop-2015/impartial-in-practice'?)\n");
  CHECK(checked("rule", "sen-cop-2001/regard-to-guidance") ==
        "t.yaml:9:11: error: 'sen-cop-2001/regard-to-guidance' is not the id of any rule in use\n");
}

TEST_CASE("an attestation that names a criterion is answered with the attested rule that encodes it") {
  CHECK(checked("criterion", "SENDCOP-2.8-a") ==
        "t.yaml:9:16: error: 'SENDCOP-2.8-a' is a criterion, not a rule: name a rule in 'criterion' (did you mean "
        "'send-cop-2015/impartial-in-practice'?)\n");
  CHECK(checked("rule", "LAW-CFA14-s26") ==
        "t.yaml:9:11: error: 'LAW-CFA14-s26' is a criterion, not a rule: name a rule in 'rule'; no rule in use that "
        "encodes it is attested\n");
}

TEST_CASE("an attestation of a rule checked from the file's data is a warning, for it changes nothing") {
  CHECK(checked("rule", "send-cop-2015/arms-length") ==
        "t.yaml:9:11: warning: rule 'send-cop-2015/arms-length' is checked from the file's data, not attested: this "
        "attestation changes nothing\n");
}
