#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "cel/time.hpp"
#include "cel/type.hpp"
#include "diag/location.hpp"

namespace ppsaudit::cel {

class Value;
class Map;
class Object;
class EvalContext;

// A host value of a type the host declared by name (a cadence, a school term): CEL code can
// compare it, print it, and pass it to host functions, nothing more.
class Opaque {
 public:
  virtual ~Opaque() = default;
  [[nodiscard]] virtual std::string_view type_name() const = 0;
  // Only ever called with a value of the same type name, so a static_cast is safe.
  [[nodiscard]] virtual bool equals(const Opaque& other) const = 0;
  // How `rules eval` prints it, ideally as a CEL expression that would build it.
  [[nodiscard]] virtual std::string debug_string() const = 0;
};

struct NullValue {
  bool operator==(const NullValue&) const = default;
};

inline constexpr std::size_t k_no_offset = std::numeric_limits<std::size_t>::max();

// A declared field of a host record that an expression read and the input left out, so that
// the host can say which key of its input is missing without reading the message.
struct MissingField {
  std::string type_name;  // the record's declared type, as Object::type_name(): "ArmsLength"
  // Where the record sits in the host's input, as Object::path(): "arms_length", "policies[]"
  // ("" for the top level); nothing when the host did not say.
  std::optional<std::string> record_path;
  std::string field;  // "own_website"
};

// An evaluation error travels as a value, so that `&&`, `||` and the macros can absorb it as
// CEL requires; `offset` is the byte offset of the failing node in the expression, and
// `missing` says which field it is when the error is the absence of a declared field.
struct Error {
  std::string message;
  std::size_t offset = k_no_offset;
  std::optional<MissingField> missing;
};

using List = std::vector<Value>;

// Every CEL value: null, bool, int, double, string, list, map, timestamp, duration, host objects
// (records with declared fields) and opaque host values; plus errors. Cheap to copy: lists,
// maps and host values are shared and immutable.
class Value {
 public:
  using Storage = std::variant<NullValue, bool, std::int64_t, double, std::string, std::shared_ptr<const List>,
                               std::shared_ptr<const Map>, Timestamp, Duration, std::shared_ptr<const Object>,
                               std::shared_ptr<const Opaque>, Error>;

  Value() = default;
  static Value null() { return Value(Storage{NullValue{}}); }
  static Value boolean(bool value) { return Value(Storage{value}); }
  static Value integer(std::int64_t value) { return Value(Storage{value}); }
  static Value floating(double value) { return Value(Storage{value}); }
  static Value string(std::string value) { return Value(Storage{std::move(value)}); }
  static Value list(List elements);
  static Value map(Map entries);
  static Value timestamp(Timestamp value) { return Value(Storage{value}); }
  static Value duration(Duration value) { return Value(Storage{value}); }
  static Value object(std::shared_ptr<const Object> value) { return Value(Storage{std::move(value)}); }
  static Value opaque(std::shared_ptr<const Opaque> value) { return Value(Storage{std::move(value)}); }
  static Value error(std::string message, std::size_t offset = k_no_offset) {
    return Value(Storage{Error{std::move(message), offset, std::nullopt}});
  }
  static Value error(Error error) { return Value(Storage{std::move(error)}); }

  [[nodiscard]] Kind kind() const;
  // "int", "list", or the declared name of an object or opaque type.
  [[nodiscard]] std::string type_name() const;
  [[nodiscard]] bool is_error() const { return std::holds_alternative<Error>(m_storage); }

  template <class T>
  [[nodiscard]] const T* get() const {
    return std::get_if<T>(&m_storage);
  }
  [[nodiscard]] const List* as_list() const;
  [[nodiscard]] const Map* as_map() const;
  [[nodiscard]] const Object* as_object() const;
  [[nodiscard]] const Opaque* as_opaque() const;
  [[nodiscard]] const Error* as_error() const { return get<Error>(); }
  [[nodiscard]] const Storage& storage() const { return m_storage; }

 private:
  explicit Value(Storage storage) : m_storage(std::move(storage)) {}
  Storage m_storage;
};

// A map key: CEL allows bool, int (and uint, left out) and string keys.
using MapKey = std::variant<bool, std::int64_t, std::string>;

// The key a value stands for, also for doubles with an integral value; nothing otherwise.
std::optional<MapKey> to_map_key(const Value& value);

// A CEL map; it keeps insertion order, which is also the order in which it prints.
class Map {
 public:
  // Adds an entry; false when the key is already there or is not a valid key type.
  bool insert(Value key, Value value);
  [[nodiscard]] const Value* find(const Value& key) const;
  [[nodiscard]] const std::vector<std::pair<Value, Value>>& entries() const { return m_entries; }
  [[nodiscard]] std::size_t size() const { return m_entries.size(); }

 private:
  struct KeyHash {
    std::size_t operator()(const MapKey& key) const { return std::hash<MapKey>{}(key); }
  };
  std::vector<std::pair<Value, Value>> m_entries;
  std::unordered_map<MapKey, std::size_t, KeyHash> m_index;
};

// One field of a host object, with where in the input it came from (for findings to cite).
struct ObjectField {
  Value value;
  std::optional<Location> location;
};

// A record of a declared object type; a declared field may be absent (not in the input).
class Object {
 public:
  explicit Object(std::string type_name) : m_type_name(std::move(type_name)) {}

  // Adds or replaces a field; `location` is where in the input the value came from.
  void set(std::string name, Value value, std::optional<Location> location = std::nullopt);
  // Where the record as a whole came from, e.g. the start of a policy's entry.
  void set_location(Location location) { m_location = std::move(location); }
  [[nodiscard]] const std::optional<Location>& location() const { return m_location; }
  // Where the record sits in the input, in the host's terms ("policies[]"), for errors about
  // its absent fields to carry (MissingField::record_path).
  void set_path(std::string path) { m_path = std::move(path); }
  [[nodiscard]] const std::optional<std::string>& path() const { return m_path; }
  [[nodiscard]] const ObjectField* find(std::string_view name) const;
  [[nodiscard]] const std::string& type_name() const { return m_type_name; }
  [[nodiscard]] const std::vector<std::pair<std::string, ObjectField>>& fields() const { return m_fields; }

 private:
  std::string m_type_name;
  std::vector<std::pair<std::string, ObjectField>> m_fields;
  std::optional<Location> m_location;
  std::optional<std::string> m_path;
};

// CEL equality: heterogeneous numbers compare by value, NaN is unequal to everything, lists and
// maps element-wise; values of different types are unequal. Errors are the caller's business.
// Lists are shared, so a value can hold far more elements than it cost to build: each pair of
// values compared costs one unit of `context`'s budget (and strings their bytes), and the
// answer is nothing once the budget is spent.
std::optional<bool> equals(const Value& a, const Value& b, EvalContext& context);

// How much text printing a value may make: a value shared many times over could otherwise
// print for ever.
inline constexpr std::size_t k_print_limit = std::size_t{64} * 1024;

// The value in CEL literal syntax: `"a\"b"`, `[1, 2]`, `{"a": 1}`, `timestamp("...")`. Past
// `max_bytes` the walk stops and the text is cut at a code point and ends in "…"
// (text::k_ellipsis), which no whole literal ends in.
std::string to_cel_literal(const Value& value, std::size_t max_bytes = k_print_limit);

// A double as CEL's string() converts it: shortest round-trip text ("1.5", "1e+100", "NaN").
std::string double_to_string(double value);

}  // namespace ppsaudit::cel
