// String extension functions from cel-go's strings library, for rule messages: substring,
// indexOf, lowerAscii, upperAscii, trim, replace, split, join. Indexes count code points.
#include <cctype>

#include "cel/stdlib.hpp"
#include "text/utf8.hpp"

namespace ppsaudit::cel {

namespace {

Value charged(EvalContext& context, std::size_t cost, Value value) {
  return context.charge(cost) ? std::move(value) : Value::error(context.budget_message());
}

Value substring(std::span<const Value> args, EvalContext& context) {
  const std::string& text = *args[0].get<std::string>();
  const auto offsets = text::code_point_offsets(text);
  const auto length = static_cast<std::int64_t>(offsets.size() - 1);
  const std::int64_t start = *args[1].get<std::int64_t>();
  const std::int64_t end = args.size() > 2 ? *args[2].get<std::int64_t>() : length;
  if (start < 0 || start > length || end < start || end > length) {
    return Value::error("substring: index out of range: [" + std::to_string(start) + ", " + std::to_string(end) +
                        ") of a string of length " + std::to_string(length));
  }
  const std::size_t from = offsets[static_cast<std::size_t>(start)];
  const std::size_t to = offsets[static_cast<std::size_t>(end)];
  return charged(context, text.size(), Value::string(text.substr(from, to - from)));
}

Value index_of(std::span<const Value> args, EvalContext& context) {
  const std::string& text = *args[0].get<std::string>();
  const std::size_t found = text.find(*args[1].get<std::string>());
  if (found == std::string::npos) {
    return charged(context, text.size(), Value::integer(-1));
  }
  const auto index = text::code_point_count(std::string_view(text).substr(0, found));
  return charged(context, text.size(), Value::integer(static_cast<std::int64_t>(index)));
}

template <typename Change>
Value map_ascii(std::span<const Value> args, EvalContext& context, Change change) {
  std::string text = *args[0].get<std::string>();
  for (char& c : text) {
    c = static_cast<char>(change(static_cast<unsigned char>(c)));
  }
  const std::size_t size = text.size();
  return charged(context, size, Value::string(std::move(text)));
}

Value trim(std::span<const Value> args, EvalContext& context) {
  const std::string& text = *args[0].get<std::string>();
  const auto first = text.find_first_not_of(" \t\n\r\f\v");
  const auto last = text.find_last_not_of(" \t\n\r\f\v");
  return charged(context, text.size(),
                 Value::string(first == std::string::npos ? std::string() : text.substr(first, last - first + 1)));
}

Value replace(std::span<const Value> args, EvalContext& context) {
  const std::string& text = *args[0].get<std::string>();
  const std::string& from = *args[1].get<std::string>();
  const std::string& to = *args[2].get<std::string>();
  if (from.empty()) {
    return Value::error("replace: the text to replace is empty");
  }
  std::string result;
  std::size_t at = 0;
  for (std::size_t found = text.find(from); found != std::string::npos; found = text.find(from, at)) {
    result.append(text, at, found - at).append(to);
    at = found + from.size();
    if (!context.charge(to.size() + 1)) {
      return Value::error(context.budget_message());
    }
  }
  result.append(text, at);
  return charged(context, text.size(), Value::string(std::move(result)));
}

Value split(std::span<const Value> args, EvalContext& context) {
  const std::string& text = *args[0].get<std::string>();
  const std::string& separator = *args[1].get<std::string>();
  if (separator.empty()) {
    return Value::error("split: the separator is empty");
  }
  List parts;
  std::size_t at = 0;
  for (std::size_t found = text.find(separator); found != std::string::npos; found = text.find(separator, at)) {
    parts.push_back(Value::string(text.substr(at, found - at)));
    at = found + separator.size();
  }
  parts.push_back(Value::string(text.substr(at)));
  const std::size_t cost = text.size() + parts.size();
  return charged(context, cost, Value::list(std::move(parts)));
}

Value join(std::span<const Value> args, EvalContext& context) {
  const std::string separator = args.size() > 1 ? *args[1].get<std::string>() : std::string();
  std::string result;
  bool first = true;
  for (const auto& item : *args[0].as_list()) {
    const auto* text = item.get<std::string>();
    if (text == nullptr) {
      return Value::error("join: the list holds a " + item.type_name() + ", not only strings");
    }
    if (!first) {
      result += separator;
    }
    result += *text;
    first = false;
    if (!context.charge(text->size() + separator.size() + 1)) {
      return Value::error(context.budget_message());
    }
  }
  return Value::string(std::move(result));
}

}  // namespace

void add_string_extensions(Env& env) {
  const Type s = Type::string();
  const Type i = Type::integer();
  env.declare_receiver_function("substring", overload("string_substring_int", {s, i}, s, substring));
  env.declare_receiver_function("substring", overload("string_substring_int_int", {s, i, i}, s, substring));
  env.declare_receiver_function("indexOf", overload("string_index_of_string", {s, s}, i, index_of));
  env.declare_receiver_function("lowerAscii", overload("string_lower_ascii", {s}, s, [](auto args, EvalContext& c) {
                                  return map_ascii(args, c, [](int ch) { return std::tolower(ch); });
                                }));
  env.declare_receiver_function("upperAscii", overload("string_upper_ascii", {s}, s, [](auto args, EvalContext& c) {
                                  return map_ascii(args, c, [](int ch) { return std::toupper(ch); });
                                }));
  env.declare_receiver_function("trim", overload("string_trim", {s}, s, trim));
  env.declare_receiver_function("replace", overload("string_replace_string_string", {s, s, s}, s, replace));
  env.declare_receiver_function("split", overload("string_split_string", {s, s}, Type::list(s), split));
  env.declare_receiver_function("join", overload("list_join", {Type::list(s)}, s, join));
  env.declare_receiver_function("join", overload("list_join_string", {Type::list(s), s}, s, join));
}

}  // namespace ppsaudit::cel
