#include "service/service_file.hpp"

namespace ppsaudit::service {

std::string ServiceFile::name() const {
  if (const auto* service = root.find("service")) {
    if (const auto* name = service->find("name")) {
      if (const auto* text = name->as_text()) {
        return *text;
      }
    }
  }
  return path ? *path : std::string();
}

std::string ServiceFile::id() const {
  const auto* service = root.find("service");
  if (service == nullptr) {
    return name();
  }
  if (const auto* id = service->find("id"); id != nullptr && id->as_text() != nullptr) {
    return *id->as_text();
  }
  return service->text_of("local_authority") + " / " + name();
}

void ServiceFile::keep_only_identity() {
  const auto* service = root.find("service");
  const auto* fields = service != nullptr ? service->as_record() : nullptr;
  if (fields == nullptr) {
    return;
  }
  yaml::Record kept;
  for (const auto& field : *fields) {
    if (field.name == "name" || field.name == "local_authority" || field.name == "id") {
      kept.push_back(field);  // shares the small value node
    }
  }
  yaml::Node identity{service->type, service->where, std::move(kept), nullptr};
  Location key_where = root.key_location("service");
  yaml::Node slim{root.type, root.where, yaml::Record{}, nullptr};
  std::get<yaml::Record>(slim.value)
      .push_back({"service", std::move(key_where), std::make_shared<const yaml::Node>(std::move(identity))});
  root = std::move(slim);
}

}  // namespace ppsaudit::service
