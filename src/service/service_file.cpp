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

}  // namespace ppsaudit::service
