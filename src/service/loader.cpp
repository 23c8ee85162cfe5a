#include "service/loader.hpp"

#include "service/schema.hpp"
#include "service/semantics.hpp"
#include "text/sha256.hpp"
#include "yaml/reader.hpp"
#include "yaml/walker.hpp"

namespace ppsaudit::service {

using yaml::describe_shape;
using yaml::RawNode;

std::optional<ServiceFile> parse_service_tree(const RawNode& raw, const std::shared_ptr<const std::string>& file,
                                              Diagnostics& diagnostics) {
  Diagnostics local;
  if (raw.shape != RawNode::Shape::map) {
    local.error(raw.where, "a service file must be a map of keys ('ppsaudit', 'service', …), found {}",
                describe_shape(raw));
    diagnostics.merge(local);
    return std::nullopt;
  }
  // A rule pack or a configuration file named as a service: one error saying what it is and
  // where it goes, not an unknown key for each of its keys. (Their first keys are those of
  // rules/pack_schema.hpp and cli/config.hpp, which this module does not depend on.)
  if (!raw.entries.empty() && raw.entries.front().key.shape == RawNode::Shape::scalar) {
    const RawNode& first = raw.entries.front().key;
    if (first.text == "ppsaudit-rules") {
      local.error(first.where,
                  "this is a rule pack ('ppsaudit-rules'), not a service file: give it with --rules, or name it "
                  "in the service's 'local_packs'");
    } else if (first.text == "ppsaudit-config") {
      local.error(first.where,
                  "this is a configuration file ('ppsaudit-config'), not a service file: name it with --config, "
                  "or leave it at the register's root, where check finds it");
    }
    if (local.has_errors()) {
      diagnostics.merge(local);
      return std::nullopt;
    }
  }
  auto root = yaml::walk_schema(raw, service_file_schema(), k_service_file, local);
  std::optional<ServiceFile> result;
  if (root) {
    result = ServiceFile{file, std::move(*root), SchoolCalendar::english_default(), {}};
    check_semantics(*result, local);
  }
  diagnostics.merge(local);
  if (local.has_errors()) {
    return std::nullopt;
  }
  return result;
}

std::optional<ServiceFile> parse_service(std::string_view text, std::string_view name, Diagnostics& diagnostics) {
  auto file = std::make_shared<const std::string>(name);
  auto raw = yaml::read_yaml(text, file, k_service_file, diagnostics);
  if (!raw) {
    return std::nullopt;
  }
  auto service = parse_service_tree(*raw, file, diagnostics);
  if (service) {
    service->sha256 = text::sha256_hex(text);
  }
  return service;
}

std::optional<ServiceFile> load_service(const std::string& path, Diagnostics& diagnostics) {
  auto text = yaml::read_file_text(path, diagnostics);
  if (!text) {
    return std::nullopt;
  }
  return parse_service(*text, path, diagnostics);
}

}  // namespace ppsaudit::service
