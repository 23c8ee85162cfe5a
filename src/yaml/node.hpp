#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "calendar/cadence.hpp"
#include "calendar/date.hpp"
#include "calendar/school_calendar.hpp"
#include "diag/location.hpp"
#include "yaml/raw_node.hpp"
#include "yaml/schema.hpp"

namespace ppsaudit::yaml {

struct Node;
struct Alternative;

// A key of a map, with where the key itself stands.
struct Field {
  std::string name;
  Location key_where;
  std::shared_ptr<const Node> value;
};

using List = std::vector<Node>;
using Record = std::vector<Field>;

// An academic year, e.g. 2007/08: `start` is 2007.
struct AcademicYear {
  int start = 0;
  bool operator==(const AcademicYear&) const = default;
};

// One validated value of a document, typed by its schema, with its position: what the
// schema walker makes of a RawNode.
struct Node {
  const TypeSpec* type = nullptr;
  Location where;
  std::variant<bool, std::int64_t, double, std::string, Date, Cadence, TermBoundary, AcademicYear, List, Record,
               std::shared_ptr<const RawNode>>
      value;

  // The other reading of an ambiguous source, when the file records one (the value above is the
  // reading the file takes).
  std::shared_ptr<const Alternative> alternative;

  // The field of a record, or nullptr when the record has no such key (or this is no record).
  [[nodiscard]] const Node* find(std::string_view key) const;
  // The field's key position, or this node's position when the key is absent.
  [[nodiscard]] Location key_location(std::string_view key) const;

  [[nodiscard]] const Record* as_record() const { return std::get_if<Record>(&value); }
  [[nodiscard]] const List* as_list() const { return std::get_if<List>(&value); }
  [[nodiscard]] const std::string* as_text() const { return std::get_if<std::string>(&value); }
  // The text of a record's key, or "" when the key is absent or not text.
  [[nodiscard]] const std::string& text_of(std::string_view key) const;
  [[nodiscard]] const Date* as_date() const { return std::get_if<Date>(&value); }
  // The value as written in YAML (expression and yaml kinds).
  [[nodiscard]] const RawNode* as_raw() const {
    const auto* raw = std::get_if<std::shared_ptr<const RawNode>>(&value);
    return raw != nullptr ? raw->get() : nullptr;
  }
};

// How else a value's source can be read: the other value, where the file gives it, and the
// source's own words.
struct Alternative {
  Node value;
  std::string source;
};

}  // namespace ppsaudit::yaml
