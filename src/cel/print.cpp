// Values in CEL literal syntax, for `rules eval` and for messages.
#include <charconv>
#include <cmath>
#include <cstdio>

#include "cel/value.hpp"
#include "text/bounded_text.hpp"

namespace ppsaudit::cel {

namespace {

void append_quoted(text::BoundedText& out, std::string_view text) {
  out.append("\"");
  for (const char c : text) {
    if (out.full()) {
      return;
    }
    switch (c) {
      case '"':
        out.append("\\\"");
        break;
      case '\\':
        out.append("\\\\");
        break;
      case '\n':
        out.append("\\n");
        break;
      case '\r':
        out.append("\\r");
        break;
      case '\t':
        out.append("\\t");
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
          out.append(buffer);
        } else {
          out.append(std::string_view(&c, 1));
        }
    }
  }
  out.append("\"");
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

// Writes `value` until `out` is full: every place visited writes at least one byte, so the
// walk is as long as the text it may write, however many times a list is shared.
void print(const Value& value, text::BoundedText& out) {
  if (!out.visit()) {
    return;
  }
  switch (value.kind()) {
    case Kind::null:
      out.append("null");
      return;
    case Kind::boolean:
      out.append(*value.get<bool>() ? "true" : "false");
      return;
    case Kind::integer:
      out.append(std::to_string(*value.get<std::int64_t>()));
      return;
    case Kind::floating:
      out.append(format_double(*value.get<double>()));
      return;
    case Kind::string:
      append_quoted(out, *value.get<std::string>());
      return;
    case Kind::timestamp:
      out.append("timestamp(");
      append_quoted(out, format_timestamp(*value.get<Timestamp>()));
      out.append(")");
      return;
    case Kind::duration:
      out.append("duration(");
      append_quoted(out, format_duration(*value.get<Duration>()));
      out.append(")");
      return;
    case Kind::list: {
      out.append("[");
      const char* separator = "";
      for (const Value& element : *value.as_list()) {
        if (out.full()) {
          return;
        }
        out.append(separator);
        print(element, out);
        separator = ", ";
      }
      out.append("]");
      return;
    }
    case Kind::map: {
      out.append("{");
      const char* separator = "";
      for (const auto& [key, element] : value.as_map()->entries()) {
        if (out.full()) {
          return;
        }
        out.append(separator);
        print(key, out);
        out.append(": ");
        print(element, out);
        separator = ", ";
      }
      out.append("}");
      return;
    }
    case Kind::object: {
      const Object& object = *value.as_object();
      out.append(object.type_name());
      out.append("{");
      const char* separator = "";
      for (const auto& [name, field] : object.fields()) {
        if (out.full()) {
          return;
        }
        out.append(separator);
        out.append(name);
        out.append(": ");
        print(field.value, out);
        separator = ", ";
      }
      out.append("}");
      return;
    }
    case Kind::opaque:
      out.append(value.as_opaque()->debug_string());
      return;
    case Kind::error:
      out.append("error(");
      append_quoted(out, value.as_error()->message);
      out.append(")");
      return;
    default:
      out.append("?");
  }
}

}  // namespace

std::string to_cel_literal(const Value& value, std::size_t max_bytes) {
  text::BoundedText out(max_bytes);
  print(value, out);
  return std::move(out).take();
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
