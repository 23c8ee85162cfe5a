// String functions: contains, startsWith, endsWith, matches (RE2 syntax).
#include <list>
#include <memory>
#include <mutex>
#include <unordered_map>

#include <re2/re2.h>

#include "cel/stdlib.hpp"

namespace ppsaudit::cel {

namespace {

constexpr std::size_t k_regex_cache_size = 256;
constexpr std::int64_t k_regex_max_memory = 8 << 20;

// Rules call matches() with the same few patterns over and over, so compiled regexes are kept.
std::shared_ptr<const RE2> compiled_regex(const std::string& pattern) {
  static std::mutex mutex;
  static std::unordered_map<std::string, std::shared_ptr<const RE2>> cache;
  const std::lock_guard lock(mutex);
  if (const auto found = cache.find(pattern); found != cache.end()) {
    return found->second;
  }
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(k_regex_max_memory);
  auto regex = std::make_shared<const RE2>(pattern, options);
  if (cache.size() >= k_regex_cache_size) {
    cache.clear();
  }
  cache.emplace(pattern, regex);
  return regex;
}

Value matches(std::span<const Value> args, EvalContext& context) {
  const auto& text = *args[0].get<std::string>();
  const auto& pattern = *args[1].get<std::string>();
  // RE2 runs in linear time; charge for the text it scans.
  if (!context.charge(text.size() + pattern.size())) {
    return Value::error(context.budget_message());
  }
  const auto regex = compiled_regex(pattern);
  if (!regex->ok()) {
    return Value::error("invalid regular expression '" + pattern + "': " + regex->error());
  }
  return Value::boolean(RE2::PartialMatch(text, *regex));
}

using StringTest = bool (*)(const std::string&, const std::string&);

FunctionImpl string_test(StringTest test) {
  return [test](std::span<const Value> args, EvalContext& context) {
    const auto& text = *args[0].get<std::string>();
    if (!context.charge_bytes(text.size())) {
      return Value::error(context.budget_message());
    }
    return Value::boolean(test(text, *args[1].get<std::string>()));
  };
}

}  // namespace

void add_string_functions(Env& env) {
  const std::vector<Type> two_strings = {Type::string(), Type::string()};
  const Type b = Type::boolean();
  env.declare_receiver_function(
      "contains",
      overload("contains_string", two_strings, b,
               string_test([](const std::string& s, const std::string& t) { return s.find(t) != std::string::npos; })));
  env.declare_receiver_function(
      "startsWith", overload("starts_with_string", two_strings, b,
                             string_test([](const std::string& s, const std::string& t) { return s.starts_with(t); })));
  env.declare_receiver_function(
      "endsWith", overload("ends_with_string", two_strings, b,
                           string_test([](const std::string& s, const std::string& t) { return s.ends_with(t); })));
  env.declare_receiver_function("matches", overload("matches_string", two_strings, b, matches));
  env.declare_function("matches", overload("matches", two_strings, b, matches));
  add_string_extensions(env);
}

}  // namespace ppsaudit::cel
