// Timestamp and duration arithmetic and accessors (getFullYear, getHours, ...).
#include "cel/stdlib.hpp"

namespace ppsaudit::cel {

namespace {

Value timestamp_or_range(std::optional<Timestamp> timestamp) {
  return timestamp ? Value::timestamp(*timestamp) : Value::error("timestamp out of range");
}

Value duration_or_range(std::optional<Duration> duration) {
  return duration ? Value::duration(*duration) : Value::error("duration out of range");
}

void add_arithmetic(Env& env) {
  const Type t = Type::timestamp();
  const Type u = Type::duration();
  env.declare_function("_+_",
                       overload("add_timestamp_duration", {t, u}, t, [](std::span<const Value> args, EvalContext&) {
                         return timestamp_or_range(add(*args[0].get<Timestamp>(), *args[1].get<Duration>()));
                       }));
  env.declare_function("_+_",
                       overload("add_duration_timestamp", {u, t}, t, [](std::span<const Value> args, EvalContext&) {
                         return timestamp_or_range(add(*args[1].get<Timestamp>(), *args[0].get<Duration>()));
                       }));
  env.declare_function("_+_",
                       overload("add_duration_duration", {u, u}, u, [](std::span<const Value> args, EvalContext&) {
                         return duration_or_range(add(*args[0].get<Duration>(), *args[1].get<Duration>()));
                       }));
  env.declare_function(
      "_-_", overload("subtract_timestamp_timestamp", {t, t}, u, [](std::span<const Value> args, EvalContext&) {
        return duration_or_range(difference(*args[0].get<Timestamp>(), *args[1].get<Timestamp>()));
      }));
  env.declare_function(
      "_-_", overload("subtract_timestamp_duration", {t, u}, t, [](std::span<const Value> args, EvalContext&) {
        const auto negated = negate(*args[1].get<Duration>());
        if (!negated) {
          return Value::error("duration out of range");
        }
        return timestamp_or_range(add(*args[0].get<Timestamp>(), *negated));
      }));
  env.declare_function("_-_",
                       overload("subtract_duration_duration", {u, u}, u, [](std::span<const Value> args, EvalContext&) {
                         const auto negated = negate(*args[1].get<Duration>());
                         if (!negated) {
                           return Value::error("duration out of range");
                         }
                         return duration_or_range(add(*args[0].get<Duration>(), *negated));
                       }));
}

using CivilField = std::int64_t (*)(const CivilTime&);

// One accessor on timestamps, with and without a time zone argument.
void add_timestamp_accessor(Env& env, const std::string& name, CivilField field) {
  const Type t = Type::timestamp();
  env.declare_receiver_function(
      name, overload("timestamp_" + name, {t}, Type::integer(), [field](std::span<const Value> args, EvalContext&) {
        return Value::integer(field(to_civil(*args[0].get<Timestamp>(), 0)));
      }));
  env.declare_receiver_function(
      name, overload("timestamp_" + name + "_with_tz", {t, Type::string()}, Type::integer(),
                     [field](std::span<const Value> args, EvalContext&) {
                       const Timestamp timestamp = *args[0].get<Timestamp>();
                       auto offset = utc_offset(*args[1].get<std::string>(), timestamp);
                       if (auto* message = std::get_if<std::string>(&offset)) {
                         return Value::error(*message);
                       }
                       return Value::integer(field(to_civil(timestamp, std::get<std::int64_t>(offset))));
                     }));
}

using DurationField = std::int64_t (*)(const Duration&);

void add_duration_accessor(Env& env, const std::string& name, DurationField field) {
  env.declare_receiver_function(name, overload("duration_" + name, {Type::duration()}, Type::integer(),
                                               [field](std::span<const Value> args, EvalContext&) {
                                                 return Value::integer(field(*args[0].get<Duration>()));
                                               }));
}

// Whole nanoseconds would overflow at 292 years, so truncate toward zero from the parts.
std::int64_t truncated_seconds(const Duration& d) {
  return d.seconds < 0 && d.nanos > 0 ? d.seconds + 1 : d.seconds;
}

}  // namespace

void add_time_functions(Env& env) {
  add_arithmetic(env);
  // CEL's conventions: months, days of the month and of the year count from 0; getDate from 1.
  add_timestamp_accessor(env, "getFullYear", [](const CivilTime& c) -> std::int64_t { return c.year; });
  add_timestamp_accessor(env, "getMonth", [](const CivilTime& c) -> std::int64_t { return c.month - 1; });
  add_timestamp_accessor(env, "getDate", [](const CivilTime& c) -> std::int64_t { return c.day; });
  add_timestamp_accessor(env, "getDayOfMonth", [](const CivilTime& c) -> std::int64_t { return c.day - 1; });
  add_timestamp_accessor(env, "getDayOfWeek", [](const CivilTime& c) -> std::int64_t { return c.day_of_week; });
  add_timestamp_accessor(env, "getDayOfYear", [](const CivilTime& c) -> std::int64_t { return c.day_of_year; });
  add_timestamp_accessor(env, "getHours", [](const CivilTime& c) -> std::int64_t { return c.hour; });
  add_timestamp_accessor(env, "getMinutes", [](const CivilTime& c) -> std::int64_t { return c.minute; });
  add_timestamp_accessor(env, "getSeconds", [](const CivilTime& c) -> std::int64_t { return c.second; });
  add_timestamp_accessor(env, "getMilliseconds",
                         [](const CivilTime& c) -> std::int64_t { return c.nanos / 1'000'000; });
  add_duration_accessor(env, "getHours", [](const Duration& d) { return truncated_seconds(d) / 3600; });
  add_duration_accessor(env, "getMinutes", [](const Duration& d) { return truncated_seconds(d) / 60; });
  add_duration_accessor(env, "getSeconds", [](const Duration& d) { return truncated_seconds(d); });
  add_duration_accessor(env, "getMilliseconds", [](const Duration& d) -> std::int64_t {
    const std::int64_t nanos = d.seconds < 0 && d.nanos > 0 ? d.nanos - 1'000'000'000 : d.nanos;
    return truncated_seconds(d) * 1000 + nanos / 1'000'000;
  });
}

Env Env::standard() {
  Env env;
  add_operators(env);
  add_string_functions(env);
  add_conversions(env);
  add_time_functions(env);
  return env;
}

}  // namespace ppsaudit::cel
