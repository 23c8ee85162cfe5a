#include "yaml/walker.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include <fmt/format.h>

#include "text/did_you_mean.hpp"

namespace ppsaudit::yaml {

namespace {

bool is_plain_integer(std::string_view text) {
  if (text.starts_with('-') || text.starts_with('+')) {
    text.remove_prefix(1);
  }
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Turns raw YAML into schema-typed nodes, reporting every mismatch.
class SchemaWalker {
 public:
  explicit SchemaWalker(Diagnostics& diagnostics) : m_diagnostics(diagnostics) {}

  // `what` names the value in messages: "'adopted'", "an item of 'people'".
  std::optional<Node> walk(const RawNode& raw, const TypeSpec& type, const std::string& what) {
    if (raw.shape == RawNode::Shape::null) {
      if (what.starts_with("an item of")) {
        m_diagnostics.error(raw.where, "{} is empty: give it a value, or remove the '-'", what);
      } else {
        m_diagnostics.error(raw.where, "{} has no value: give one, or remove the key", what);
      }
      return std::nullopt;
    }
    if (type.readings != nullptr && raw.shape == RawNode::Shape::map) {
      return walk_readings(raw, type, what);
    }
    switch (type.kind) {
      case Kind::list:
        return walk_list(raw, type, what);
      case Kind::record:
        return walk_record(raw, type, what);
      case Kind::yaml:
        return Node{&type, raw.where, std::make_shared<const RawNode>(raw), {}};
      default:
        return walk_scalar(raw, type, what);
    }
  }

 private:
  bool expect_shape(const RawNode& raw, RawNode::Shape shape, const TypeSpec& type, const std::string& what) {
    if (raw.shape == shape) {
      return true;
    }
    m_diagnostics.error(raw.where, "{} must be {}, found {}", what, describe_kind(type), describe_shape(raw));
    return false;
  }

  // Whether two scalar nodes hold the same value (lists, records and raw YAML never do).
  static bool same_scalar(const Node& a, const Node& b) {
    return a.value.index() == b.value.index() &&
           std::visit(
               [&](const auto& left) {
                 using T = std::decay_t<decltype(left)>;
                 if constexpr (std::is_same_v<T, List> || std::is_same_v<T, Record> ||
                               std::is_same_v<T, std::shared_ptr<const RawNode>>) {
                   return false;
                 } else {
                   return left == std::get<T>(b.value);
                 }
               },
               a.value);
  }

  // A value whose source reads two ways, {reading, alternative, source}: the node is the reading,
  // at the reading's position, and carries the alternative and the source's words.
  std::optional<Node> walk_readings(const RawNode& raw, const TypeSpec& type, const std::string& what) {
    auto record = walk_record(raw, *type.readings, what);
    if (!record) {
      return std::nullopt;
    }
    const Node* reading = record->find("reading");
    const Node* alternative = record->find("alternative");
    if (same_scalar(*reading, *alternative)) {
      m_diagnostics.error(alternative->where,
                          "{}: the alternative reading is the same as the reading; if the source reads only one way, "
                          "write the value alone",
                          what);
      return std::nullopt;
    }
    Node node = *reading;
    node.type = &type;
    node.alternative =
        std::make_shared<const Alternative>(Alternative{*alternative, *record->find("source")->as_text()});
    return node;
  }

  std::optional<Node> walk_list(const RawNode& raw, const TypeSpec& type, const std::string& what) {
    if (!expect_shape(raw, RawNode::Shape::sequence, type, what)) {
      return std::nullopt;
    }
    List items;
    bool ok = true;
    std::map<std::string, Location> ids;
    const std::string item_what = fmt::format("an item of {}", what);
    for (const auto& item : raw.items) {
      auto node = walk(item, *type.element, describe_item(item, *type.element, type.id_field, item_what));
      if (!node) {
        ok = false;
        continue;
      }
      if (!type.id_field.empty()) {
        ok = check_unique_id(*node, type.id_field, ids) && ok;
      }
      items.push_back(std::move(*node));
    }
    if (!ok) {
      return std::nullopt;
    }
    return Node{&type, raw.where, std::move(items), {}};
  }

  // "group 'pag'" when the item has an id, else "an item of 'groups'".
  static std::string describe_item(const RawNode& item, const TypeSpec& element, std::string_view id_field,
                                   const std::string& fallback) {
    if (id_field.empty() || item.shape != RawNode::Shape::map) {
      return fallback;
    }
    for (const auto& [key, value] : item.entries) {
      if (key.text == id_field && value.shape == RawNode::Shape::scalar) {
        std::string noun;
        for (char c : element.name) {
          if (c >= 'A' && c <= 'Z') {
            if (!noun.empty()) {
              noun += ' ';
            }
            noun += static_cast<char>(c - 'A' + 'a');
          } else {
            noun += c;
          }
        }
        return fmt::format("{} '{}'", noun, value.text);
      }
    }
    return fallback;
  }

  bool check_unique_id(const Node& node, std::string_view id_field, std::map<std::string, Location>& ids) {
    const Node* id = node.find(id_field);
    if (id == nullptr || id->as_text() == nullptr) {
      return true;
    }
    auto [it, inserted] = ids.emplace(*id->as_text(), id->where);
    if (!inserted) {
      m_diagnostics.error(id->where, "duplicate {} '{}': {}s must be unique in the list", id_field, *id->as_text(),
                          id_field);
      m_diagnostics.note(it->second, "'{}' is first used here", *id->as_text());
      return false;
    }
    return true;
  }

  std::optional<Node> walk_record(const RawNode& raw, const TypeSpec& type, const std::string& what) {
    if (!expect_shape(raw, RawNode::Shape::map, type, what)) {
      return std::nullopt;
    }
    Record fields;
    bool ok = true;
    std::map<std::string, Location> seen;
    std::set<std::string> suggested;  // a misspelt required key is reported once, as a misspelling
    for (const auto& [key, value] : raw.entries) {
      if (key.shape != RawNode::Shape::scalar) {
        m_diagnostics.error(key.where, "a key in {} must be a plain word, found {}", what, describe_shape(key));
        ok = false;
        continue;
      }
      auto [first, inserted] = seen.emplace(key.text, key.where);
      if (!inserted) {
        m_diagnostics.error(key.where, "duplicate key '{}' in {}", key.text, what);
        m_diagnostics.note(first->second, "'{}' is first given here", key.text);
        ok = false;
        continue;
      }
      const FieldSpec* spec = type.field(key.text);
      if (spec == nullptr) {
        std::vector<std::string_view> names;
        for (const auto& field : type.fields) {
          names.push_back(field.name);
        }
        auto suggestion = closest_match(key.text, names);
        m_diagnostics.error(key.where, "unknown key '{}' in {}{}", key.text, what, did_you_mean_suffix(suggestion));
        if (suggestion) {
          suggested.insert(*suggestion);
        }
        ok = false;
        continue;
      }
      auto node = walk(value, *spec->type, fmt::format("'{}'", key.text));
      if (!node) {
        ok = false;
        continue;
      }
      if (spec->required && node->as_list() != nullptr && node->as_list()->empty()) {
        m_diagnostics.error(value.where, "'{}' is empty: list at least one ({})", key.text, spec->doc);
        ok = false;
        continue;
      }
      fields.push_back(Field{key.text, key.where, std::make_shared<const Node>(std::move(*node))});
    }
    for (const auto& field : type.fields) {
      if (field.required && !seen.contains(std::string(field.name)) && !suggested.contains(std::string(field.name))) {
        m_diagnostics.error(raw.where, "{} is missing the required key '{}' ({})", what, field.name, field.doc);
        ok = false;
      }
    }
    if (!ok) {
      return std::nullopt;
    }
    return Node{&type, raw.where, std::move(fields), {}};
  }

  std::optional<Node> walk_scalar(const RawNode& raw, const TypeSpec& type, const std::string& what) {
    if (!expect_shape(raw, RawNode::Shape::scalar, type, what)) {
      return std::nullopt;
    }
    const std::string& text = raw.text;
    const auto fail = [&](const std::string& message) -> std::optional<Node> {
      m_diagnostics.error(raw.where, "{}", message);
      return std::nullopt;
    };
    const auto make = [&](auto value) { return std::optional<Node>(Node{&type, raw.where, std::move(value), {}}); };
    switch (type.kind) {
      case Kind::text:
      case Kind::reference:
        if (text.find_first_not_of(" \t\n") == std::string::npos) {
          return fail(fmt::format("{} is empty", what));
        }
        return make(text);
      case Kind::boolean:
        if (!raw.quoted && (text == "true" || text == "True" || text == "TRUE")) {
          return make(true);
        }
        if (!raw.quoted && (text == "false" || text == "False" || text == "FALSE")) {
          return make(false);
        }
        return fail(fmt::format("{} must be true or false, found {} '{}'", what,
                                raw.style == '\'' || raw.style == '"' ? "quoted text" : "text", text));
      case Kind::integer:
      case Kind::number:
        return walk_number(raw, type, what);
      case Kind::date: {
        auto date = parse_date(text);
        if (auto* message = std::get_if<std::string>(&date)) {
          return fail(fmt::format("{}: {}", what, *message));
        }
        return make(std::get<Date>(date));
      }
      case Kind::cadence: {
        auto cadence = parse_cadence(text);
        if (auto* message = std::get_if<std::string>(&cadence)) {
          m_diagnostics.error(raw.where, "{}: {}", what, *message);
          if (type.readings != nullptr && is_ambiguous_cadence(text)) {
            m_diagnostics.note(raw.where,
                               "if the source cannot be settled, keep both readings and its words: {{reading: every "
                               "2 years, alternative: twice-yearly, source: <the words>}}");
          }
          return std::nullopt;
        }
        return make(std::get<Cadence>(cadence));
      }
      case Kind::term_boundary: {
        auto boundary = parse_term_boundary(text);
        if (auto* message = std::get_if<std::string>(&boundary)) {
          return fail(fmt::format("{}: {}", what, *message));
        }
        return make(std::get<TermBoundary>(boundary));
      }
      case Kind::academic_year:
        return walk_academic_year(raw, type, what);
      case Kind::url:
        if (!(text.starts_with("https://") || text.starts_with("http://")) || text.size() < 10 ||
            text.find_first_of(" \t\n") != std::string::npos) {
          return fail(fmt::format("{}: '{}' is not a web address: write it in full, starting https://", what, text));
        }
        return make(text);
      case Kind::choice: {
        if (std::find(type.choices.begin(), type.choices.end(), text) != type.choices.end()) {
          return make(text);
        }
        return fail(fmt::format("{} is '{}', which is not a known {}{}; known: {}", what, text, type.name,
                                did_you_mean_suffix(closest_match(text, type.choices)), fmt::join(type.choices, ", ")));
      }
      case Kind::expression:
        if (text.find_first_not_of(" \t\n") == std::string::npos) {
          return fail(fmt::format("{} is empty", what));
        }
        return make(std::make_shared<const RawNode>(raw));
      case Kind::list:
      case Kind::record:
      case Kind::yaml:
        break;
    }
    return fail(fmt::format("{} has a type ppsaudit does not know", what));
  }

  std::optional<Node> walk_number(const RawNode& raw, const TypeSpec& type, const std::string& what) {
    const std::string& text = raw.text;
    const bool integer = type.kind == Kind::integer;
    const auto fail = [&](const std::string& message) -> std::optional<Node> {
      m_diagnostics.error(raw.where, "{}", message);
      return std::nullopt;
    };
    if (raw.quoted) {
      return fail(
          fmt::format("{} must be {}, found quoted text '{}': remove the quotes", what, describe_kind(type), text));
    }
    double value = 0;
    std::int64_t whole = 0;
    if (integer) {
      if (!is_plain_integer(text) || text.starts_with('+')) {
        return fail(fmt::format("{} must be {}, found '{}'", what, describe_kind(type), text));
      }
      std::string_view digits = text;
      if (digits.starts_with('-') || digits.starts_with('+')) {
        digits.remove_prefix(1);
      }
      if (digits.size() > 1 && digits.front() == '0') {
        return fail(
            fmt::format("{} is '{}', with a leading zero that YAML 1.1 reads as octal: write it without", what, text));
      }
      if (std::from_chars(text.data(), text.data() + text.size(), whole).ec != std::errc()) {
        return fail(fmt::format("{} is '{}', which is too large", what, text));
      }
      value = static_cast<double>(whole);
    } else {
      const std::string_view digits = text.starts_with('-') ? std::string_view(text).substr(1) : std::string_view(text);
      if (digits.size() > 1 && digits[0] == '0' && digits[1] != '.') {
        return fail(
            fmt::format("{} is '{}', with a leading zero that YAML 1.1 reads as octal: write it without", what, text));
      }
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (ec != std::errc() || end != text.data() + text.size() || value != value) {
        return fail(fmt::format("{} must be {}, found '{}'", what, describe_kind(type), text));
      }
    }
    if (type.format_version && value != type.minimum) {
      return fail(fmt::format("unsupported format version {}: this ppsaudit reads version {}", text,
                              static_cast<std::int64_t>(type.minimum)));
    }
    if (value < type.minimum || value > type.maximum) {
      return fail(fmt::format("{} is {}, outside the range {} to {} for {}", what, text, type.minimum, type.maximum,
                              type.name));
    }
    if (integer) {
      return Node{&type, raw.where, whole, {}};
    }
    return Node{&type, raw.where, value, {}};
  }

  std::optional<Node> walk_academic_year(const RawNode& raw, const TypeSpec& type, const std::string& what) {
    const std::string& text = raw.text;
    const auto digits = [&](std::size_t from, std::size_t count) {
      return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(from),
                         text.begin() + static_cast<std::ptrdiff_t>(from + count),
                         [](char c) { return c >= '0' && c <= '9'; });
    };
    if (text.size() != 7 || text[4] != '/' || !digits(0, 4) || !digits(5, 2)) {
      m_diagnostics.error(raw.where, "{}: '{}' is not an academic year: write it as YYYY/YY, e.g. 2007/08", what, text);
      return std::nullopt;
    }
    const int start = std::stoi(text.substr(0, 4));
    const int end = std::stoi(text.substr(5, 2));
    if ((start + 1) % 100 != end) {
      m_diagnostics.error(raw.where,
                          "{}: '{}' is not an academic year: one runs from a year into the next, so {} is {}/{:02}",
                          what, text, start, start, (start + 1) % 100);
      return std::nullopt;
    }
    return Node{&type, raw.where, AcademicYear{start}, {}};
  }

  Diagnostics& m_diagnostics;
};

}  // namespace

std::optional<Node> walk_schema(const RawNode& raw, const TypeSpec& type, const DocumentKind& kind,
                                Diagnostics& diagnostics) {
  SchemaWalker walker(diagnostics);
  return walker.walk(raw, type, fmt::format("the {}", kind.noun));
}

}  // namespace ppsaudit::yaml
