#include "cel/value.hpp"

#include <algorithm>
#include <cmath>

#include "cel/env.hpp"

namespace ppsaudit::cel {

Value Value::list(List elements) {
  return Value(Storage{std::make_shared<const List>(std::move(elements))});
}

Value Value::map(Map entries) {
  return Value(Storage{std::make_shared<const Map>(std::move(entries))});
}

Kind Value::kind() const {
  switch (m_storage.index()) {
    case 0:
      return Kind::null;
    case 1:
      return Kind::boolean;
    case 2:
      return Kind::integer;
    case 3:
      return Kind::floating;
    case 4:
      return Kind::string;
    case 5:
      return Kind::list;
    case 6:
      return Kind::map;
    case 7:
      return Kind::timestamp;
    case 8:
      return Kind::duration;
    case 9:
      return Kind::object;
    case 10:
      return Kind::opaque;
    default:
      return Kind::error;
  }
}

std::string Value::type_name() const {
  if (const auto* object = as_object()) {
    return object->type_name();
  }
  if (const auto* opaque = as_opaque()) {
    return std::string(opaque->type_name());
  }
  return kind_name(kind());
}

const List* Value::as_list() const {
  const auto* list = get<std::shared_ptr<const List>>();
  return list ? list->get() : nullptr;
}

const Map* Value::as_map() const {
  const auto* map = get<std::shared_ptr<const Map>>();
  return map ? map->get() : nullptr;
}

const Object* Value::as_object() const {
  const auto* object = get<std::shared_ptr<const Object>>();
  return object ? object->get() : nullptr;
}

const Opaque* Value::as_opaque() const {
  const auto* opaque = get<std::shared_ptr<const Opaque>>();
  return opaque ? opaque->get() : nullptr;
}

std::optional<MapKey> to_map_key(const Value& value) {
  if (const auto* b = value.get<bool>()) {
    return MapKey{*b};
  }
  if (const auto* i = value.get<std::int64_t>()) {
    return MapKey{*i};
  }
  if (const auto* s = value.get<std::string>()) {
    return MapKey{*s};
  }
  if (const auto* d = value.get<double>()) {
    // Heterogeneous lookup: {1: x}[1.0] finds x.
    if (std::trunc(*d) == *d && *d >= -9.2e18 && *d <= 9.2e18) {
      return MapKey{static_cast<std::int64_t>(*d)};
    }
  }
  return std::nullopt;
}

bool Map::insert(Value key, Value value) {
  if (key.kind() == Kind::floating) {
    return false;
  }
  auto map_key = to_map_key(key);
  if (!map_key || m_index.contains(*map_key)) {
    return false;
  }
  m_index.emplace(std::move(*map_key), m_entries.size());
  m_entries.emplace_back(std::move(key), std::move(value));
  return true;
}

const Value* Map::find(const Value& key) const {
  const auto map_key = to_map_key(key);
  if (!map_key) {
    return nullptr;
  }
  const auto found = m_index.find(*map_key);
  return found == m_index.end() ? nullptr : &m_entries[found->second].second;
}

void Object::set(std::string name, Value value, std::optional<Location> location) {
  for (auto& [field_name, field] : m_fields) {
    if (field_name == name) {
      field = ObjectField{std::move(value), std::move(location)};
      return;
    }
  }
  m_fields.emplace_back(std::move(name), ObjectField{std::move(value), std::move(location)});
}

const ObjectField* Object::find(std::string_view name) const {
  for (const auto& [field_name, field] : m_fields) {
    if (field_name == name) {
      return &field;
    }
  }
  return nullptr;
}

namespace {

// Consistent with ordering (<, <=): the int is converted to double, as CEL implementations do.
bool int_equals_double(std::int64_t i, double d) {
  return static_cast<double>(i) == d;
}

}  // namespace

std::optional<bool> equals(const Value& a, const Value& b, EvalContext& context) {
  if (!context.charge(1)) {
    return std::nullopt;
  }
  if (const auto* ai = a.get<std::int64_t>()) {
    if (const auto* bd = b.get<double>()) {
      return int_equals_double(*ai, *bd);
    }
  }
  if (const auto* ad = a.get<double>()) {
    if (const auto* bi = b.get<std::int64_t>()) {
      return int_equals_double(*bi, *ad);
    }
  }
  if (a.kind() != b.kind()) {
    return false;
  }
  switch (a.kind()) {
    case Kind::null:
      return true;
    case Kind::boolean:
      return *a.get<bool>() == *b.get<bool>();
    case Kind::integer:
      return *a.get<std::int64_t>() == *b.get<std::int64_t>();
    case Kind::floating:
      return *a.get<double>() == *b.get<double>();
    case Kind::string: {
      const std::string& x = *a.get<std::string>();
      const std::string& y = *b.get<std::string>();
      if (!context.charge_bytes(std::min(x.size(), y.size()))) {
        return std::nullopt;
      }
      return x == y;
    }
    case Kind::timestamp:
      return *a.get<Timestamp>() == *b.get<Timestamp>();
    case Kind::duration:
      return *a.get<Duration>() == *b.get<Duration>();
    case Kind::list: {
      const List& x = *a.as_list();
      const List& y = *b.as_list();
      if (x.size() != y.size()) {
        return false;
      }
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (const auto same = equals(x[i], y[i], context); !same || !*same) {
          return same;
        }
      }
      return true;
    }
    case Kind::map: {
      const Map& x = *a.as_map();
      const Map& y = *b.as_map();
      if (x.size() != y.size()) {
        return false;
      }
      for (const auto& [key, value] : x.entries()) {
        const Value* other = y.find(key);
        if (other == nullptr) {
          return false;
        }
        if (const auto same = equals(value, *other, context); !same || !*same) {
          return same;
        }
      }
      return true;
    }
    case Kind::object: {
      const Object& x = *a.as_object();
      const Object& y = *b.as_object();
      if (x.type_name() != y.type_name() || x.fields().size() != y.fields().size()) {
        return false;
      }
      for (const auto& [name, field] : x.fields()) {
        const ObjectField* other = y.find(name);
        if (other == nullptr) {
          return false;
        }
        if (const auto same = equals(field.value, other->value, context); !same || !*same) {
          return same;
        }
      }
      return true;
    }
    case Kind::opaque:
      return a.as_opaque()->type_name() == b.as_opaque()->type_name() && a.as_opaque()->equals(*b.as_opaque());
    default:
      return false;
  }
}

}  // namespace ppsaudit::cel
