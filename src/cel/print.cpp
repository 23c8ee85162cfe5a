// Values in CEL literal syntax, for `rules eval` and for messages.
#include <charconv>
#include <cmath>
#include <cstdio>

#include "cel/value.hpp"

namespace ppsaudit::cel {

namespace {

std::string quote(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buffer;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

std::string format_double(double value) {
  if (std::isnan(value)) {
    return "double(\"NaN\")";
  }
  if (std::isinf(value)) {
    return value > 0 ? "double(\"Infinity\")" : "double(\"-Infinity\")";
  }
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  std::string text(buffer, result.ptr);
  // A double must read back as a double: 1.0, not 1.
  if (text.find_first_of(".e") == std::string::npos) {
    text += ".0";
  }
  return text;
}

}  // namespace

std::string to_cel_literal(const Value& value) {
  switch (value.kind()) {
    case Kind::null:
      return "null";
    case Kind::boolean:
      return *value.get<bool>() ? "true" : "false";
    case Kind::integer:
      return std::to_string(*value.get<std::int64_t>());
    case Kind::floating:
      return format_double(*value.get<double>());
    case Kind::string:
      return quote(*value.get<std::string>());
    case Kind::timestamp:
      return "timestamp(" + quote(format_timestamp(*value.get<Timestamp>())) + ")";
    case Kind::duration:
      return "duration(" + quote(format_duration(*value.get<Duration>())) + ")";
    case Kind::list: {
      std::string out = "[";
      for (const Value& element : *value.as_list()) {
        out += (out.size() > 1 ? ", " : "") + to_cel_literal(element);
      }
      return out + "]";
    }
    case Kind::map: {
      std::string out = "{";
      for (const auto& [key, element] : value.as_map()->entries()) {
        out += (out.size() > 1 ? ", " : "") + to_cel_literal(key) + ": " + to_cel_literal(element);
      }
      return out + "}";
    }
    case Kind::object: {
      const Object& object = *value.as_object();
      std::string out = object.type_name() + "{";
      bool first = true;
      for (const auto& [name, field] : object.fields()) {
        out += (first ? "" : ", ") + name + ": " + to_cel_literal(field.value);
        first = false;
      }
      return out + "}";
    }
    case Kind::opaque:
      return value.as_opaque()->debug_string();
    case Kind::error:
      return "error(" + quote(value.as_error()->message) + ")";
    default:
      return "?";
  }
}

// Shortest round-trip text of a double, as CEL's string(double) gives it.
std::string double_to_string(double value) {
  if (std::isnan(value)) {
    return "NaN";
  }
  if (std::isinf(value)) {
    return value > 0 ? "+Inf" : "-Inf";
  }
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

}  // namespace ppsaudit::cel
