#pragma once

#include <memory>
#include <string>

#include "calendar/school_calendar.hpp"
#include "yaml/node.hpp"

namespace ppsaudit::service {

// A loaded, validated service file.
struct ServiceFile {
  std::shared_ptr<const std::string> path;
  yaml::Node root;
  SchoolCalendar calendar = SchoolCalendar::english_default();
  // The SHA-256 of the file's bytes as read, in hexadecimal: which file a report is of.
  std::string sha256;

  // The service's name, for reports.
  [[nodiscard]] std::string name() const;
  // What a baseline matches the service by: `service.id`, or else "local authority / name".
  [[nodiscard]] std::string id() const;

  // Lets go of everything but what names the service (its path, and the name, local
  // authority and id under `service`), once it has been audited: a register's reports need
  // only those, and a register of thousands then holds one tree per thread, not one per file.
  void keep_only_identity();
};

}  // namespace ppsaudit::service
