// `ppsaudit due` in its three formats.
#include "report/due.hpp"

#include <algorithm>
#include <cstdint>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "calendar/ics.hpp"
#include "report/json_parts.hpp"

namespace ppsaudit::report {

namespace {

using Json = nlohmann::ordered_json;

// FNV-1a, 64 bits: the same on every machine and in every version, unlike std::hash.
std::uint64_t fnv1a(std::string_view bytes, std::uint64_t hash = 0xcbf29ce484222325ULL) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

std::size_t overdue_count(const DueService& service) {
  return static_cast<std::size_t>(
      std::count_if(service.items.begin(), service.items.end(), [](const auto& item) { return item.overdue; }));
}

std::string render_text(const DueList& list) {
  std::string out;
  const std::string window = list.within_days
                                 ? fmt::format("within {} days of {}", *list.within_days, list.as_of.to_string())
                                 : fmt::format("after {}", list.as_of.to_string());
  for (const auto& service : list.services) {
    if (!out.empty()) {
      out += '\n';
    }
    const std::size_t overdue = overdue_count(service);
    out += fmt::format("{} ({}): {} overdue, {} due {}\n", service.name, service.file, overdue,
                       service.items.size() - overdue, window);
    for (const auto& item : service.items) {
      out += fmt::format("  {:<7}  {}  {}\n", item.overdue ? "overdue" : "due", item.due.to_string(), item.what);
      out += fmt::format("           {}; {}: {}\n", item.kind, item.rule, item.where.to_string());
    }
  }
  return out;
}

std::string render_json(const DueList& list) {
  Json root;
  root["format"] = "ppsaudit-due";
  root["version"] = 1;
  root["as_of"] = list.as_of.to_string();
  root["within_days"] = list.within_days ? Json(*list.within_days) : Json(nullptr);
  Json services = Json::array();
  for (const auto& service : list.services) {
    Json entry;
    entry["id"] = service.id;
    entry["name"] = service.name;
    entry["file"] = service.file;
    const std::size_t overdue = overdue_count(service);
    entry["overdue"] = overdue;
    entry["upcoming"] = service.items.size() - overdue;
    Json items = Json::array();
    for (const auto& item : service.items) {
      Json json;
      json["uid"] = due_uid(service.id, item);
      json["status"] = item.overdue ? "overdue" : "upcoming";
      json["due"] = item.due.to_string();
      json["kind"] = item.kind;
      json["what"] = item.what;
      json["rule"] = item.rule;
      json["element"] = item.element;
      json["location"] = location_json(item.where);
      items.push_back(std::move(json));
    }
    entry["items"] = std::move(items);
    services.push_back(std::move(entry));
  }
  root["services"] = std::move(services);
  return root.dump(2) + "\n";
}

std::string render_ics(const DueList& list) {
  std::vector<ics::Event> events;
  std::vector<std::string_view> names;
  for (const auto& service : list.services) {
    names.push_back(service.name);
    for (const auto& item : service.items) {
      ics::Event event;
      event.uid = due_uid(service.id, item);
      event.day = item.due;
      event.summary = fmt::format("{}{}: {}", item.overdue ? "OVERDUE: " : "", service.name, item.what);
      event.description =
          fmt::format("{} {} ({}), as of {}.\nRule: {}\nRecorded at {}\nService: {} ({})",
                      item.overdue ? "Overdue since" : "Due", item.due.to_string(), item.kind, list.as_of.to_string(),
                      item.rule, item.where.to_string(), service.name, service.id);
      events.push_back(std::move(event));
    }
  }
  return ics::calendar(events, fmt::format("ppsaudit: {}", fmt::join(names, "; ")), list.as_of);
}

}  // namespace

const std::vector<std::pair<std::string_view, DueFormat>>& due_format_words() {
  static const std::vector<std::pair<std::string_view, DueFormat>> k_words{
      {"text", DueFormat::text}, {"json", DueFormat::json}, {"ics", DueFormat::ics}};
  return k_words;
}

std::string due_uid(std::string_view service_id, const rules::Deadline& item) {
  // A unit separator between the parts, so that ("ab", "c") and ("a", "bc") differ.
  std::uint64_t hash = fnv1a(service_id);
  for (const std::string_view part :
       {std::string_view(item.rule), std::string_view(item.kind), std::string_view(item.element)}) {
    hash = fnv1a(part, fnv1a("\x1f", hash));
  }
  return fmt::format("{:016x}-{}@ppsaudit", hash, item.kind);
}

std::string render_due(const DueList& list, DueFormat format) {
  switch (format) {
    case DueFormat::json:
      return render_json(list);
    case DueFormat::ics:
      return render_ics(list);
    case DueFormat::text:
      break;
  }
  return render_text(list);
}

}  // namespace ppsaudit::report
