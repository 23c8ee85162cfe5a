#include "rules/domain_functions.hpp"

#include <fmt/format.h>

#include "calendar/cadence.hpp"
#include "rules/cadence_value.hpp"
#include "rules/service_binding.hpp"

namespace ppsaudit::rules {

namespace {

using cel::EvalContext;
using cel::Type;
using cel::Value;
using Args = std::span<const Value>;

constexpr std::string_view k_term_type = "SchoolTerm";

const AuditContext& audit(EvalContext& context) {
  return *static_cast<const AuditContext*>(context.host());
}

const SchoolCalendar& calendar(EvalContext& context) {
  static const SchoolCalendar k_default = SchoolCalendar::english_default();
  const AuditContext& current = audit(context);
  return current.file != nullptr ? current.file->calendar : k_default;
}

Date date_arg(const Value& value) {
  return *date_of(value);
}

const Cadence& cadence_arg(const Value& value) {
  return static_cast<const CadenceValue&>(*value.as_opaque()).cadence();
}

Value term_value(const SchoolTerm& term) {
  auto object = std::make_shared<cel::Object>(std::string(k_term_type));
  object->set("name", Value::string(term.name));
  object->set("academic_year", Value::string(SchoolCalendar::academic_year_label(term.academic_year)));
  object->set("starts", date_value(term.starts));
  object->set("ends", date_value(term.ends));
  object->set("label", Value::string(term.label()));
  return Value::object(std::move(object));
}

Value terms_value(const std::vector<SchoolTerm>& terms) {
  cel::List items;
  for (const auto& term : terms) {
    items.push_back(term_value(term));
  }
  return Value::list(std::move(items));
}

// The year an "academic year" label like "2007/08" starts in, or nothing.
std::optional<int> academic_year_start(const std::string& label) {
  if (label.size() != 7 || label[4] != '/') {
    return std::nullopt;
  }
  int start = 0;
  for (int i = 0; i < 4; ++i) {
    if (label[static_cast<std::size_t>(i)] < '0' || label[static_cast<std::size_t>(i)] > '9') {
      return std::nullopt;
    }
    start = start * 10 + (label[static_cast<std::size_t>(i)] - '0');
  }
  if (SchoolCalendar::academic_year_label(start) != label) {
    return std::nullopt;
  }
  return start;
}

bool flag(const cel::Object& member, std::string_view field) {
  const auto* value = member.find(field);
  return value != nullptr && value->value.get<bool>() != nullptr && *value->value.get<bool>();
}

std::string text(const cel::Object& member, std::string_view field) {
  const auto* value = member.find(field);
  return value != nullptr && value->value.get<std::string>() != nullptr ? *value->value.get<std::string>()
                                                                        : std::string();
}

// Counts members, each once, that `is_counted` accepts.
template <typename Predicate>
Value count_members(const Value& list, EvalContext& context, Predicate is_counted) {
  std::int64_t count = 0;
  for (const auto& item : *list.as_list()) {
    if (!context.charge(1)) {
      return Value::error(context.budget_message());
    }
    if (const auto* member = item.as_object(); member != nullptr && is_counted(*member)) {
      ++count;
    }
  }
  return Value::integer(count);
}

bool is_parent_member(const cel::Object& member) {
  const std::string represents = text(member, "represents");
  return flag(member, "is_parent_carer") || represents == "parents" || represents == "parent_network" ||
         represents == "parent_carer_forum";
}

bool is_young_person_member(const cel::Object& member) {
  return flag(member, "is_young_person") || text(member, "represents") == "young_people";
}

}  // namespace

void declare_domain_functions(cel::Env& env) {
  const Type timestamp = Type::timestamp();
  const Type cadence = Type::opaque(std::string(CadenceValue::k_type_name));
  const Type term = Type::object(std::string(k_term_type));
  const Type terms = Type::list(term);
  const Type members = Type::list(Type::object("Member"));

  env.declare_object_type({std::string(k_term_type),
                           {{"name", Type::string()},
                            {"academic_year", Type::string()},
                            {"starts", timestamp},
                            {"ends", timestamp},
                            {"label", Type::string()}}});

  env.declare_function("months_since",
                       {"months_since_timestamp", {timestamp}, Type::integer(), [](Args args, EvalContext& context) {
                          return Value::integer(months_between(date_arg(args[0]), audit(context).as_of));
                        }});
  env.declare_function(
      "days_since",
      {"days_since_timestamp", {timestamp}, Type::integer(), [](Args args, EvalContext& context) {
         return Value::integer(audit(context).as_of.days_since_1970() - date_arg(args[0]).days_since_1970());
       }});
  env.declare_function(
      "add_months", {"add_months_timestamp_int", {timestamp, Type::integer()}, timestamp, [](Args args, EvalContext&) {
                       const std::int64_t months = *args[1].get<std::int64_t>();
                       if (months < -120000 || months > 120000) {
                         return Value::error("add_months: too many months");
                       }
                       const Date result = date_arg(args[0]).add_months(static_cast<int>(months));
                       if (result.year() < 1 || result.year() > 9999) {
                         return Value::error("add_months: the date is out of range");
                       }
                       return date_value(result);
                     }});
  env.declare_function("cadence",
                       {"cadence_string", {Type::string()}, cadence, [](Args args, EvalContext&) {
                          auto parsed = parse_cadence(*args[0].get<std::string>());
                          if (const auto* message = std::get_if<std::string>(&parsed)) {
                            return Value::error(*message);
                          }
                          return Value::opaque(std::make_shared<const CadenceValue>(std::get<Cadence>(parsed)));
                        }});
  env.declare_function("string", {"string_cadence", {cadence}, Type::string(), [](Args args, EvalContext&) {
                                    return Value::string(cadence_arg(args[0]).to_string());
                                  }});
  env.declare_function("is_termly", {"is_termly_cadence", {cadence}, Type::boolean(), [](Args args, EvalContext&) {
                                       return Value::boolean(cadence_arg(args[0]).unit == Cadence::Unit::term);
                                     }});
  env.declare_function("months",
                       {"months_cadence", {cadence}, Type::integer(), [](Args args, EvalContext&) {
                          const Cadence& value = cadence_arg(args[0]);
                          if (value.unit != Cadence::Unit::month) {
                            return Value::error(fmt::format("'{}' is not a number of months", value.to_string()));
                          }
                          return Value::integer(value.count);
                        }});
  env.declare_function("due",
                       {"due_timestamp_cadence", {timestamp, cadence}, timestamp, [](Args args, EvalContext& context) {
                          return date_value(calendar(context).due_after(date_arg(args[0]), cadence_arg(args[1])));
                        }});
  env.declare_function(
      "within",
      {"within_timestamp_cadence", {timestamp, cadence}, Type::boolean(), [](Args args, EvalContext& context) {
         const Date due_date = calendar(context).due_after(date_arg(args[0]), cadence_arg(args[1]));
         return Value::boolean(audit(context).as_of <= due_date);
       }});
  env.declare_function("iso_date", {"iso_date_timestamp", {timestamp}, Type::string(), [](Args args, EvalContext&) {
                                      return Value::string(date_arg(args[0]).to_string());
                                    }});
  env.declare_function(
      "academic_year",
      {"academic_year_timestamp", {timestamp}, Type::string(), [](Args args, EvalContext&) {
         return Value::string(SchoolCalendar::academic_year_label(SchoolCalendar::academic_year_of(date_arg(args[0]))));
       }});
  env.declare_function("terms", {"terms_string", {Type::string()}, terms, [](Args args, EvalContext& context) {
                                   const auto start = academic_year_start(*args[0].get<std::string>());
                                   if (!start) {
                                     return Value::error(fmt::format("'{}' is not an academic year such as '2007/08'",
                                                                     *args[0].get<std::string>()));
                                   }
                                   return terms_value(calendar(context).terms_of(*start));
                                 }});
  env.declare_function(
      "completed_terms",
      {"completed_terms_int", {Type::integer()}, terms, [](Args args, EvalContext& context) {
         const std::int64_t count = *args[0].get<std::int64_t>();
         if (count < 1 || count > 60) {
           return Value::error("completed_terms: give between 1 and 60 terms");
         }
         const Date as_of = audit(context).as_of;
         std::vector<SchoolTerm> ended;
         for (const auto& candidate : calendar(context).terms_between(as_of.add_months(-24 * 12), as_of)) {
           if (candidate.ends <= as_of) {
             ended.push_back(candidate);
           }
         }
         const auto keep = std::min<std::size_t>(ended.size(), static_cast<std::size_t>(count));
         return terms_value(std::vector<SchoolTerm>(ended.end() - static_cast<std::ptrdiff_t>(keep), ended.end()));
       }});
  env.declare_function("in_term",
                       {"in_term_timestamp_term", {timestamp, term}, Type::boolean(), [](Args args, EvalContext&) {
                          const auto& object = *args[1].as_object();
                          const Date day = date_arg(args[0]);
                          return Value::boolean(*date_of(object.find("starts")->value) <= day &&
                                                day <= *date_of(object.find("ends")->value));
                        }});
  env.declare_function("parent_members",
                       {"parent_members_list", {members}, Type::integer(), [](Args args, EvalContext& context) {
                          return count_members(args[0], context, is_parent_member);
                        }});
  env.declare_function("young_person_members",
                       {"young_person_members_list", {members}, Type::integer(), [](Args args, EvalContext& context) {
                          return count_members(args[0], context, is_young_person_member);
                        }});
}

}  // namespace ppsaudit::rules
