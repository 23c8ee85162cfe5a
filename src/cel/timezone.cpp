// Time zone arguments of the timestamp accessors: fixed offsets, and IANA names read from the
// system's compiled zone files (GCC 12 has no std::chrono time zone database).
#include <cstdint>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "cel/time.hpp"

namespace ppsaudit::cel {

namespace {

constexpr const char* k_zoneinfo_dir = "/usr/share/zoneinfo/";
constexpr std::size_t k_max_zone_file_size = 1 << 20;

// The transitions of one zone: at `times[i]` the offset becomes `offsets[i]`.
struct Zone {
  std::vector<std::int64_t> times;
  std::vector<std::int64_t> offsets;
  std::int64_t initial_offset = 0;
};

std::optional<std::int64_t> parse_fixed_offset(std::string_view zone) {
  bool negative = false;
  if (!zone.empty() && (zone[0] == '+' || zone[0] == '-')) {
    negative = zone[0] == '-';
    zone.remove_prefix(1);
  }
  auto digit = [](char c) { return c >= '0' && c <= '9'; };
  if (zone.size() != 5 || !digit(zone[0]) || !digit(zone[1]) || zone[2] != ':' || !digit(zone[3]) || !digit(zone[4])) {
    return std::nullopt;
  }
  const int hours = (zone[0] - '0') * 10 + (zone[1] - '0');
  const int minutes = (zone[3] - '0') * 10 + (zone[4] - '0');
  if (hours > 23 || minutes > 59) {
    return std::nullopt;
  }
  const std::int64_t offset = hours * 3600 + minutes * 60;
  return negative ? -offset : offset;
}

// Only plain relative names: the argument comes from a rule, so no "..", no absolute path.
bool is_safe_zone_name(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == '/' || name.find("..") != std::string_view::npos) {
    return false;
  }
  for (const char c : name) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                    c == '-' || c == '+' || c == '/';
    if (!ok) {
      return false;
    }
  }
  return true;
}

std::int64_t read_big_endian(const std::string& data, std::size_t pos, std::size_t width) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < width; ++i) {
    value = (value << 8) | static_cast<unsigned char>(data[pos + i]);
  }
  if (width == 4) {
    return static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
  }
  return static_cast<std::int64_t>(value);
}

// Parses a TZif file (RFC 8536), using the 64-bit block of version 2+ files.
std::optional<Zone> parse_tzif(const std::string& data) {
  std::size_t pos = 0;
  auto header = [&data](std::size_t at, std::size_t counts[6]) {
    if (at + 44 > data.size() || data.compare(at, 4, "TZif") != 0) {
      return false;
    }
    for (std::size_t i = 0; i < 6; ++i) {
      counts[i] = static_cast<std::size_t>(read_big_endian(data, at + 20 + 4 * i, 4));
    }
    return true;
  };
  std::size_t counts[6];
  if (!header(pos, counts)) {
    return std::nullopt;
  }
  std::size_t width = 4;
  if (data[4] >= '2') {
    // Skip the 32-bit block to reach the second header.
    pos += 44 + counts[3] * 5 + counts[4] * 6 + counts[5] + counts[2] * 8 + counts[1] + counts[0];
    if (!header(pos, counts)) {
      return std::nullopt;
    }
    width = 8;
  }
  pos += 44;
  const std::size_t time_count = counts[3];
  const std::size_t type_count = counts[4];
  if (type_count == 0 || pos + time_count * (width + 1) + type_count * 6 > data.size()) {
    return std::nullopt;
  }
  std::vector<std::int64_t> type_offsets;
  const std::size_t types_at = pos + time_count * (width + 1);
  for (std::size_t i = 0; i < type_count; ++i) {
    type_offsets.push_back(read_big_endian(data, types_at + i * 6, 4));
  }
  Zone zone;
  zone.initial_offset = type_offsets[0];
  for (std::size_t i = 0; i < time_count; ++i) {
    const auto type_index = static_cast<unsigned char>(data[pos + time_count * width + i]);
    if (type_index >= type_count) {
      return std::nullopt;
    }
    zone.times.push_back(read_big_endian(data, pos + i * width, width));
    zone.offsets.push_back(type_offsets[type_index]);
  }
  return zone;
}

// Zones are read once per process: rules call accessors in loops.
std::shared_ptr<const Zone> load_zone(const std::string& name) {
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const Zone>> cache;
  const std::lock_guard lock(mutex);
  if (const auto found = cache.find(name); found != cache.end()) {
    return found->second;
  }
  std::shared_ptr<const Zone> zone;
  std::ifstream file(k_zoneinfo_dir + name, std::ios::binary);
  if (file) {
    std::string data;
    data.resize(k_max_zone_file_size);
    file.read(data.data(), static_cast<std::streamsize>(data.size()));
    data.resize(static_cast<std::size_t>(file.gcount()));
    if (auto parsed = parse_tzif(data)) {
      zone = std::make_shared<const Zone>(std::move(*parsed));
    }
  }
  if (cache.size() < 512) {
    cache.emplace(name, zone);
  }
  return zone;
}

}  // namespace

std::variant<std::int64_t, std::string> utc_offset(std::string_view zone, Timestamp at) {
  if (const auto fixed = parse_fixed_offset(zone)) {
    return *fixed;
  }
  if (zone == "UTC" || zone == "Z" || zone == "GMT") {
    return std::int64_t{0};
  }
  const std::string unknown = "unknown time zone '" + std::string(zone) + "'";
  if (!is_safe_zone_name(zone)) {
    return unknown;
  }
  const auto loaded = load_zone(std::string(zone));
  if (!loaded) {
    return unknown;
  }
  // Past the last transition the last offset holds: the files list transitions up to 2037.
  std::int64_t offset = loaded->initial_offset;
  for (std::size_t i = 0; i < loaded->times.size() && loaded->times[i] <= at.seconds; ++i) {
    offset = loaded->offsets[i];
  }
  return offset;
}

}  // namespace ppsaudit::cel
