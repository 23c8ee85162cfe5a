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

}  // namespace ppsaudit::service
