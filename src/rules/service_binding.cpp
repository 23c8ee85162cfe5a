#include "rules/service_binding.hpp"

#include <set>

#include <fmt/format.h>

#include "rules/cadence_value.hpp"
#include "rules/missing_evidence.hpp"
#include "service/schema.hpp"

namespace ppsaudit::rules {

namespace {

using yaml::Kind;
using yaml::TypeSpec;

cel::Type cel_type(const TypeSpec& spec) {
  switch (spec.kind) {
    case Kind::text:
    case Kind::choice:
    case Kind::reference:
    case Kind::url:
    case Kind::term_boundary:
    case Kind::academic_year:
    case Kind::expression:
      return cel::Type::string();
    case Kind::yaml:
      return cel::Type::dyn();
    case Kind::boolean:
      return cel::Type::boolean();
    case Kind::integer:
      return cel::Type::integer();
    case Kind::number:
      return cel::Type::floating();
    case Kind::date:
      return cel::Type::timestamp();
    case Kind::cadence:
      return cel::Type::opaque(std::string(CadenceValue::k_type_name));
    case Kind::list:
      return cel::Type::list(cel_type(*spec.element));
    case Kind::record:
      return cel::Type::object(std::string(spec.name));
  }
  return cel::Type::dyn();
}

void declare_records(cel::Env& env, const TypeSpec& spec, std::set<std::string_view>& done) {
  if (spec.kind == Kind::list) {
    declare_records(env, *spec.element, done);
    return;
  }
  if (spec.kind != Kind::record || !done.insert(spec.name).second) {
    return;
  }
  cel::ObjectTypeDecl decl;
  decl.name = std::string(spec.name);
  for (const auto& field : spec.fields) {
    decl.fields.emplace_back(std::string(field.name), cel_type(*field.type));
    declare_records(env, *field.type, done);
  }
  env.declare_object_type(std::move(decl));
}

// The node as a CEL value; each record remembers `path`, where it sits in the file
// ("policies[]", "groups[].quorum"; "" for the file itself), for errors about its absent keys.
cel::Value to_value(const yaml::Node& node, const std::string& path) {
  return std::visit(
      [&node, &path](const auto& value) -> cel::Value {
        using T = std::decay_t<decltype(value)>;
        if constexpr (std::is_same_v<T, bool>) {
          return cel::Value::boolean(value);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          return cel::Value::integer(value);
        } else if constexpr (std::is_same_v<T, double>) {
          return cel::Value::floating(value);
        } else if constexpr (std::is_same_v<T, std::string>) {
          return cel::Value::string(value);
        } else if constexpr (std::is_same_v<T, Date>) {
          return date_value(value);
        } else if constexpr (std::is_same_v<T, Cadence>) {
          return cel::Value::opaque(std::make_shared<const CadenceValue>(value));
        } else if constexpr (std::is_same_v<T, TermBoundary>) {
          return cel::Value::string(value.easter ? std::string("easter")
                                                 : fmt::format("{:02}-{:02}", value.month, value.day));
        } else if constexpr (std::is_same_v<T, yaml::AcademicYear>) {
          return cel::Value::string(SchoolCalendar::academic_year_label(value.start));
        } else if constexpr (std::is_same_v<T, std::shared_ptr<const yaml::RawNode>>) {
          return cel::Value::string(value->text);  // not in the service schema; kept total for safety
        } else if constexpr (std::is_same_v<T, yaml::List>) {
          cel::List items;
          items.reserve(value.size());
          for (const auto& item : value) {
            items.push_back(to_value(item, path + "[]"));
          }
          return cel::Value::list(std::move(items));
        } else {
          static_assert(std::is_same_v<T, yaml::Record>);
          auto object = std::make_shared<cel::Object>(std::string(node.type->name));
          object->set_location(node.where);  // so that a finding can point at the record at fault
          object->set_path(path);
          for (const auto& field : value) {
            const std::string field_path = path.empty() ? field.name : fmt::format("{}.{}", path, field.name);
            object->set(field.name, to_value(*field.value, field_path), field.value->where);
          }
          return cel::Value::object(std::move(object));
        }
      },
      node.value);
}

}  // namespace

cel::Value date_value(Date date) {
  const auto timestamp = cel::make_timestamp(date.days_since_1970() * 86400, 0);
  return cel::Value::timestamp(timestamp.value_or(cel::Timestamp{}));
}

std::optional<Date> date_of(const cel::Value& value) {
  const auto* timestamp = value.get<cel::Timestamp>();
  if (timestamp == nullptr) {
    return std::nullopt;
  }
  std::int64_t seconds = timestamp->seconds;
  std::int64_t days = seconds / 86400;
  if (seconds % 86400 < 0) {
    --days;
  }
  return Date::from_days(days);
}

void declare_service(cel::Env& env) {
  const TypeSpec& root = service::service_file_schema();
  std::set<std::string_view> done;
  env.declare_opaque_type(std::string(CadenceValue::k_type_name));
  declare_records(env, root, done);
  env.declare_variable("file", cel::Type::object(std::string(root.name)));
  for (const auto& field : root.fields) {
    env.declare_variable(std::string(field.name), cel_type(*field.type));
  }
  env.declare_variable("as_of", cel::Type::timestamp());
}

cel::Activation bind_service(const service::ServiceFile& file, Date as_of) {
  cel::Activation activation;
  const TypeSpec& schema = service::service_file_schema();
  const cel::Value root = to_value(file.root, "");
  for (const auto& field : schema.fields) {
    const cel::ObjectField* value = root.as_object()->find(field.name);
    activation.bind(std::string(field.name),
                    value != nullptr ? value->value
                                     : cel::Value::error(cel::Error{
                                           missing_key_sentence(field.name), cel::k_no_offset,
                                           cel::MissingField{std::string(schema.name), "", std::string(field.name)}}));
  }
  activation.bind("file", root);
  activation.bind("as_of", date_value(as_of));
  return activation;
}

}  // namespace ppsaudit::rules
