// Type conversions: int(), double(), string(), bool(), timestamp(), duration(), dyn().
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "cel/stdlib.hpp"

namespace ppsaudit::cel {

namespace {

Value identity(std::span<const Value> args, EvalContext&) {
  return args[0];
}

Value conversion_error(std::string_view what, const std::string& text) {
  return Value::error("cannot convert '" + text + "' to " + std::string(what));
}

Value double_to_int(std::span<const Value> args, EvalContext&) {
  const double d = *args[0].get<double>();
  // Strictly inside the int range, as the conformance tests expect at both ends.
  if (std::isnan(d) || d <= -9223372036854775808.0 || d >= 9223372036854775808.0) {
    return Value::error("double value " + double_to_string(d) + " is out of the int range");
  }
  return Value::integer(static_cast<std::int64_t>(d));
}

Value string_to_int(std::span<const Value> args, EvalContext&) {
  const auto& text = *args[0].get<std::string>();
  std::int64_t value = 0;
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  if (!text.empty() && text[0] == '+') {
    ++begin;
  }
  const auto result = std::from_chars(begin, end, value);
  if (result.ec == std::errc::result_out_of_range) {
    return Value::error("int value '" + text + "' is out of range");
  }
  if (result.ec != std::errc() || result.ptr != end || begin == end) {
    return conversion_error("int", text);
  }
  return Value::integer(value);
}

Value string_to_double(std::span<const Value> args, EvalContext&) {
  const auto& text = *args[0].get<std::string>();
  if (text.empty() || text.find_first_of(" \t\n") != std::string::npos) {
    return conversion_error("double", text);
  }
  char* end = nullptr;
  errno = 0;
  const double value = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) {
    return conversion_error("double", text);
  }
  return Value::floating(value);
}

Value string_to_bool(std::span<const Value> args, EvalContext&) {
  const auto& text = *args[0].get<std::string>();
  for (const char* yes : {"1", "t", "true", "TRUE", "True"}) {
    if (text == yes) {
      return Value::boolean(true);
    }
  }
  for (const char* no : {"0", "f", "false", "FALSE", "False"}) {
    if (text == no) {
      return Value::boolean(false);
    }
  }
  return conversion_error("bool", text);
}

Value to_string(std::span<const Value> args, EvalContext&) {
  const Value& value = args[0];
  switch (value.kind()) {
    case Kind::integer:
      return Value::string(std::to_string(*value.get<std::int64_t>()));
    case Kind::floating:
      return Value::string(double_to_string(*value.get<double>()));
    case Kind::boolean:
      return Value::string(*value.get<bool>() ? "true" : "false");
    case Kind::timestamp:
      return Value::string(format_timestamp(*value.get<Timestamp>()));
    case Kind::duration:
      return Value::string(format_duration(*value.get<Duration>()));
    default:
      return value;
  }
}

Value string_to_timestamp(std::span<const Value> args, EvalContext&) {
  auto parsed = parse_timestamp(*args[0].get<std::string>());
  if (auto* message = std::get_if<std::string>(&parsed)) {
    return Value::error(*message);
  }
  return Value::timestamp(std::get<Timestamp>(parsed));
}

Value int_to_timestamp(std::span<const Value> args, EvalContext&) {
  const auto timestamp = make_timestamp(*args[0].get<std::int64_t>(), 0);
  if (!timestamp) {
    return Value::error("timestamp " + std::to_string(*args[0].get<std::int64_t>()) + " is out of range");
  }
  return Value::timestamp(*timestamp);
}

Value string_to_duration(std::span<const Value> args, EvalContext&) {
  auto parsed = parse_duration(*args[0].get<std::string>());
  if (auto* message = std::get_if<std::string>(&parsed)) {
    return Value::error(*message);
  }
  return Value::duration(std::get<Duration>(parsed));
}

}  // namespace

void add_conversions(Env& env) {
  const Type i = Type::integer();
  const Type d = Type::floating();
  const Type s = Type::string();
  const Type b = Type::boolean();
  const Type t = Type::timestamp();
  const Type u = Type::duration();
  env.declare_function("int", overload("int64_to_int64", {i}, i, identity));
  env.declare_function("int", overload("double_to_int64", {d}, i, double_to_int));
  env.declare_function("int", overload("string_to_int64", {s}, i, string_to_int));
  env.declare_function("int", overload("timestamp_to_int64", {t}, i, [](std::span<const Value> args, EvalContext&) {
                         return Value::integer(args[0].get<Timestamp>()->seconds);
                       }));
  env.declare_function("double", overload("double_to_double", {d}, d, identity));
  env.declare_function("double", overload("int64_to_double", {i}, d, [](std::span<const Value> args, EvalContext&) {
                         return Value::floating(static_cast<double>(*args[0].get<std::int64_t>()));
                       }));
  env.declare_function("double", overload("string_to_double", {s}, d, string_to_double));
  for (const auto& [type, id] : {std::pair{s, "string"}, std::pair{i, "int64"}, std::pair{d, "double"},
                                 std::pair{b, "bool"}, std::pair{t, "timestamp"}, std::pair{u, "duration"}}) {
    env.declare_function("string", overload(std::string(id) + "_to_string", {type}, s, to_string));
  }
  env.declare_function("bool", overload("bool_to_bool", {b}, b, identity));
  env.declare_function("bool", overload("string_to_bool", {s}, b, string_to_bool));
  env.declare_function("timestamp", overload("timestamp_to_timestamp", {t}, t, identity));
  env.declare_function("timestamp", overload("string_to_timestamp", {s}, t, string_to_timestamp));
  env.declare_function("timestamp", overload("int64_to_timestamp", {i}, t, int_to_timestamp));
  env.declare_function("duration", overload("duration_to_duration", {u}, u, identity));
  env.declare_function("duration", overload("string_to_duration", {s}, u, string_to_duration));
  env.declare_function("dyn", overload("to_dyn", {param_a()}, Type::dyn(), identity));
}

}  // namespace ppsaudit::cel
