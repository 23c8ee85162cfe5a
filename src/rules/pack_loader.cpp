#include "rules/pack_loader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "rules/domain_functions.hpp"
#include "rules/evidence_path.hpp"
#include "rules/pack_schema.hpp"
#include "rules/service_binding.hpp"
#include "service/loader.hpp"
#include "yaml/reader.hpp"
#include "yaml/walker.hpp"

namespace ppsaudit::rules {

namespace {

using yaml::Node;
using yaml::RawNode;

template <typename Enum, std::size_t N>
Enum enum_of(const std::string& word, const std::array<std::pair<std::string_view, Enum>, N>& table) {
  for (const auto& [name, value] : table) {
    if (name == word) {
      return value;
    }
  }
  return table.front().second;  // unreachable: the schema allows only the table's words
}

constexpr std::array<std::pair<std::string_view, Strength>, 7> k_strengths{{
    {"must", Strength::must},
    {"must_have_regard", Strength::must_have_regard},
    {"should", Strength::should},
    {"commitment", Strength::commitment},
    {"minimum_standard", Strength::minimum_standard},
    {"good_practice", Strength::good_practice},
    {"best_practice", Strength::best_practice},
}};

constexpr std::array<std::pair<std::string_view, Confidence>, 3> k_confidences{{
    {"high", Confidence::high},
    {"medium", Confidence::medium},
    {"low", Confidence::low},
}};

constexpr std::array<std::pair<std::string_view, SourceKind>, 5> k_source_kinds{{
    {"statute", SourceKind::statute},
    {"code", SourceKind::code},
    {"guidance", SourceKind::guidance},
    {"standard", SourceKind::standard},
    {"policy", SourceKind::policy},
}};

constexpr std::array<std::pair<std::string_view, Outcome>, 5> k_outcomes{{
    {"met", Outcome::met},
    {"not_met", Outcome::not_met},
    {"not_applicable", Outcome::not_applicable},
    {"needs_attestation", Outcome::needs_attestation},
    {"not_assessable", Outcome::not_assessable},
}};

// Whether `id` is made only of ASCII letters, digits and "-_.", and "/" where `slash` allows.
// Ids name rules in every report (SARIF ruleId, JUnit test names, HTML anchors, a baseline's
// keys), so they hold nothing that a terminal, a markup or a file name would read otherwise.
bool plain_id(std::string_view id, bool slash) {
  return std::all_of(id.begin(), id.end(), [slash](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
           c == '.' || (slash && c == '/');
  });
}

class PackReader {
 public:
  PackReader(std::shared_ptr<const std::string> file, Diagnostics& diagnostics)
      : m_file(std::move(file)), m_diagnostics(diagnostics), m_env(rule_env()) {}

  std::unique_ptr<Pack> read(const Node& root) {
    auto pack = std::make_unique<Pack>();
    const Node& meta = *root.find("pack");
    pack->id = meta.text_of("id");
    if (!plain_id(pack->id, false)) {
      m_diagnostics.error(meta.find("id")->where, "pack id '{}' may hold only letters, digits, '-', '_' and '.'",
                          pack->id);
    }
    pack->title = meta.text_of("title");
    pack->publisher = meta.text_of("publisher");
    pack->edition = meta.text_of("edition");
    pack->year = static_cast<int>(std::get<std::int64_t>(meta.find("year")->value));
    pack->jurisdiction = meta.text_of("jurisdiction");
    pack->framework = meta.text_of("framework");
    if (const Node* from = meta.find("effective_from")) {
      pack->effective_from = *from->as_date();
    }
    if (const Node* until = meta.find("effective_until")) {
      pack->effective_until = *until->as_date();
    }
    if (const Node* transitional = meta.find("transitional_until")) {
      pack->transitional_until = *transitional->as_date();
      if (!pack->effective_until || !(*pack->effective_until < *pack->transitional_until)) {
        m_diagnostics.error(transitional->where,
                            "'transitional_until' must come after 'effective_until': transitional cases run on after "
                            "the framework stops applying to new ones");
      }
    }
    pack->where = meta.where;
    m_base = root.find("fixture_base") != nullptr ? root.find("fixture_base")->as_raw() : nullptr;
    if (m_base != nullptr && m_base->shape != RawNode::Shape::map) {
      m_diagnostics.error(m_base->where, "'fixture_base' must be a map of service file keys");
      m_base = nullptr;
    }
    for (const auto& item : *root.find("rules")->as_list()) {
      pack->rules.push_back(read_rule(item, *pack));
    }
    for (auto& rule : pack->rules) {
      rule.pack = pack.get();
    }
    return pack;
  }

 private:
  Rule read_rule(const Node& spec, const Pack& pack) {
    Rule rule;
    rule.id = spec.text_of("id");
    rule.where = spec.find("id")->where;
    if (!rule.id.starts_with(pack.id + "/") || rule.id.size() == pack.id.size() + 1) {
      m_diagnostics.error(rule.where, "rule id '{}' must start with its pack's id: '{}/…'", rule.id, pack.id);
    } else if (!plain_id(rule.id, true)) {
      m_diagnostics.error(rule.where, "rule id '{}' may hold only letters, digits, '-', '_', '.' and '/'", rule.id);
    }
    rule.title = spec.text_of("title");
    rule.area = spec.text_of("area");
    rule.strength = enum_of(spec.text_of("strength"), k_strengths);
    rule.level = spec.text_of("level");
    rule.rationale = spec.text_of("rationale");
    rule.when_not = spec.text_of("when_not");
    rule.fix = spec.text_of("fix");
    for (const auto& citation : *spec.find("citations")->as_list()) {
      rule.citations.push_back(Citation{citation.text_of("source"), citation.text_of("locator"),
                                        enum_of(citation.text_of("confidence"), k_confidences),
                                        citation.text_of("verification"), citation.text_of("note")});
      if (citation.find("kind") != nullptr) {
        rule.citations.back().kind = enum_of(citation.text_of("kind"), k_source_kinds);
      }
    }
    if (rule.citations.empty()) {
      m_diagnostics.error(spec.find("citations")->where, "rule '{}' cites nothing: every rule needs a source", rule.id);
    }
    for_each_item(spec.find("criteria"), [&](const Node& item) { rule.criteria.push_back(*item.as_text()); });
    for_each_item(spec.find("evidence"), [&](const Node& item) {
      if (auto problem = check_evidence_path(*item.as_text())) {
        m_diagnostics.error(item.where, "evidence '{}': {}", *item.as_text(), *problem);
      }
      rule.evidence.push_back(*item.as_text());
    });
    if (const Node* when = spec.find("when")) {
      rule.when = compile_bool(*when, "when");
    }
    const Node* check = spec.find("check");
    const Node* attestation = spec.find("attestation");
    if ((check == nullptr) == (attestation == nullptr)) {
      m_diagnostics.error(spec.where, "rule '{}' needs either 'check' or 'attestation', {}", rule.id,
                          check == nullptr ? "and has neither" : "not both");
    }
    if (check != nullptr) {
      rule.check = compile_bool(*check, "check");
      if (spec.find("message") == nullptr) {
        m_diagnostics.error(spec.where, "rule '{}' has a check but no 'message' to say what is wrong", rule.id);
      }
    }
    if (attestation != nullptr) {
      Attestation spec_attestation{attestation->text_of("statement"), std::nullopt};
      if (const Node* valid = attestation->find("valid_for")) {
        spec_attestation.valid_for = std::get<Cadence>(valid->value);
      }
      rule.attestation = spec_attestation;
    }
    if (const Node* message = spec.find("message")) {
      rule.message = parse_message(*message);
    }
    if (const Node* at = spec.find("at")) {
      if (check == nullptr) {
        m_diagnostics.error(at->where, "rule '{}' has 'at' but no 'check': only a check's finding points at a record",
                            rule.id);
      }
      rule.at = compile_records(*at);
    }
    for_each_item(spec.find("fixtures"), [&](const Node& fixture) {  // none in an audit's copy
      if (auto read = read_fixture(fixture, rule.id)) {
        rule.fixtures.push_back(std::move(*read));
      }
    });
    return rule;
  }

  template <typename Visit>
  static void for_each_item(const Node* list, Visit visit) {
    if (list != nullptr) {
      for (const auto& item : *list->as_list()) {
        visit(item);
      }
    }
  }

  // Compiles an expression, reporting each error at its own line and column in the file.
  // `text` is the expression; it starts `shift` bytes into the scalar `written`.
  std::optional<Expression> compile(const RawNode& written, std::string_view what, std::string_view text = {},
                                    std::size_t shift = 0) {
    if (text.empty()) {
      text = written.text;
    }
    auto compiled = cel::compile(m_env, text);
    if (auto* errors = std::get_if<std::vector<cel::CompileError>>(&compiled)) {
      for (const auto& error : *errors) {
        m_diagnostics.error(yaml::locate_in_scalar(written, shift + error.offset), "{}: {}", what, error.message);
      }
      return std::nullopt;
    }
    return Expression{std::string(text),
                      std::make_shared<const cel::Program>(std::move(std::get<cel::Program>(compiled))),
                      std::make_shared<const RawNode>(written)};
  }

  std::optional<Expression> compile_bool(const Node& node, std::string_view what) {
    auto expression = compile(*node.as_raw(), what);
    if (expression) {
      const cel::Type& type = expression->program->result_type();
      if (type.kind() != cel::Kind::boolean && type.kind() != cel::Kind::dyn) {
        m_diagnostics.error(node.where, "'{}' must be true or false, but this expression gives {}", what,
                            type.to_string());
        return std::nullopt;
      }
    }
    return expression;
  }

  // `at` gives the service record(s) at fault: a record (an object) or a list of them.
  std::optional<Expression> compile_records(const Node& node) {
    auto expression = compile(*node.as_raw(), "at");
    if (expression) {
      const cel::Type& type = expression->program->result_type();
      const cel::Type* record = type.kind() == cel::Kind::list ? &type.first_param() : &type;
      if (record->kind() != cel::Kind::object && record->kind() != cel::Kind::dyn) {
        m_diagnostics.error(node.where,
                            "'at' must give a service record or a list of records, but this expression gives {}",
                            type.to_string());
        return std::nullopt;
      }
    }
    return expression;
  }

  // Splits "text ${expr} text" into parts; each expression is compiled where it stands.
  MessageTemplate parse_message(const Node& node) {
    MessageTemplate message;
    const RawNode& written = *node.as_raw();
    const std::string& text = written.text;
    std::size_t at = 0;
    while (at < text.size()) {
      const std::size_t open = text.find("${", at);
      if (open == std::string::npos) {
        message.parts.emplace_back(text.substr(at));
        break;
      }
      message.parts.emplace_back(text.substr(at, open - at));
      int depth = 1;
      std::size_t close = open + 2;
      for (; close < text.size() && depth > 0; ++close) {
        depth += text[close] == '{' ? 1 : text[close] == '}' ? -1 : 0;
      }
      if (depth != 0) {
        m_diagnostics.error(node.where, "message: '${{' at offset {} is never closed with '}}'", open);
        return message;
      }
      const std::string_view part = std::string_view(text).substr(open + 2, close - 1 - (open + 2));
      if (auto expression = compile(written, "message", part, open + 2)) {
        message.parts.emplace_back(std::move(*expression));
      }
      at = close;
    }
    return message;
  }

  std::optional<Fixture> read_fixture(const Node& spec, const std::string& rule_id) {
    Fixture fixture;
    fixture.name = spec.text_of("name");
    fixture.expect = enum_of(spec.text_of("expect"), k_outcomes);
    fixture.as_of = *spec.find("as_of")->as_date();
    fixture.where = spec.where;
    const RawNode& overlay = *spec.find("service")->as_raw();
    if (overlay.shape != RawNode::Shape::map) {
      m_diagnostics.error(overlay.where, "a fixture's 'service' must be a map of service file keys");
      return std::nullopt;
    }
    // Lay the fixture's top-level keys over the base, key by key.
    RawNode merged = m_base != nullptr ? *m_base : overlay;
    if (m_base != nullptr) {
      for (const auto& entry : overlay.entries) {
        auto same = std::find_if(merged.entries.begin(), merged.entries.end(),
                                 [&](const RawNode::Entry& base) { return base.key.text == entry.key.text; });
        if (same != merged.entries.end()) {
          same->value = entry.value;
        } else {
          merged.entries.push_back(entry);
        }
      }
    }
    Diagnostics local;
    auto service = service::parse_service_tree(merged, m_file, local);
    if (!service) {
      m_diagnostics.merge(local);
      m_diagnostics.note(fixture.where, "in fixture '{}' of rule '{}'", fixture.name, rule_id);
      return std::nullopt;
    }
    fixture.service = std::make_shared<const service::ServiceFile>(std::move(*service));
    if (const Node* at = spec.find("at")) {
      fixture.at = *at->as_text();
      if (auto problem = check_evidence_path(fixture.at)) {
        m_diagnostics.error(at->where, "at '{}': {}", fixture.at, *problem);
        return std::nullopt;
      }
      fixture.at_location = find_evidence(*fixture.service, fixture.at);
      if (!fixture.at_location) {
        m_diagnostics.error(at->where, "at '{}' points at nothing in the service file of fixture '{}'", fixture.at,
                            fixture.name);
        return std::nullopt;
      }
    }
    return fixture;
  }

  std::shared_ptr<const std::string> m_file;
  Diagnostics& m_diagnostics;
  std::shared_ptr<const cel::Env> m_env;
  const RawNode* m_base = nullptr;
};

}  // namespace

std::shared_ptr<const cel::Env> rule_env() {
  static const std::shared_ptr<const cel::Env> k_env = [] {
    auto env = std::make_shared<cel::Env>(cel::Env::standard());
    declare_service(*env);
    declare_domain_functions(*env);
    return env;
  }();
  return k_env;
}

std::unique_ptr<Pack> parse_pack(std::string_view text, std::string_view name, Diagnostics& diagnostics,
                                 PackText what) {
  auto file = std::make_shared<const std::string>(name);
  Diagnostics local;
  auto raw = yaml::read_yaml(text, file, k_rule_pack, local);
  std::unique_ptr<Pack> pack;
  if (raw) {
    auto root = yaml::walk_schema(*raw, pack_file_schema(what), k_rule_pack, local);
    if (root) {
      pack = PackReader(file, local).read(*root);
    }
  }
  diagnostics.merge(local);
  return local.has_errors() ? nullptr : std::move(pack);
}

std::unique_ptr<Pack> load_pack_file(const std::string& path, Diagnostics& diagnostics) {
  auto text = yaml::read_file_text(path, diagnostics);
  if (!text) {
    return nullptr;
  }
  return parse_pack(*text, path, diagnostics);
}

}  // namespace ppsaudit::rules
