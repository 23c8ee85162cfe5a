#include "cli/output_paths.hpp"

#include <filesystem>
#include <optional>
#include <tuple>

#include <sys/stat.h>

#include "yaml/input_file.hpp"

namespace ppsaudit {

namespace {

// What a path names: a file's device and inode, or for a path not there yet, its folder's
// device and inode and its name.
struct Identity {
  dev_t device = 0;
  ino_t inode = 0;
  std::string name;  // empty for a file that exists

  bool operator==(const Identity& other) const {
    return std::tie(device, inode, name) == std::tie(other.device, other.inode, other.name);
  }
};

std::optional<Identity> identity_of(const std::string& path, struct stat& status) {
  if (::stat(path.c_str(), &status) == 0) {
    return Identity{status.st_dev, status.st_ino, {}};
  }
  const std::filesystem::path absent(path);
  const std::filesystem::path folder = absent.has_parent_path() ? absent.parent_path() : std::filesystem::path(".");
  struct stat folder_status {};
  if (::stat(folder.c_str(), &folder_status) != 0) {
    return std::nullopt;  // writing it fails, and says why
  }
  return Identity{folder_status.st_dev, folder_status.st_ino, absent.filename().string()};
}

}  // namespace

void refuse_unsafe_outputs(const std::vector<std::string>& outputs, const std::vector<RunInput>& inputs,
                           Diagnostics& diagnostics) {
  std::vector<std::pair<Identity, const RunInput*>> read;
  for (const auto& input : inputs) {
    struct stat status {};
    if (::stat(input.path.c_str(), &status) == 0 && S_ISREG(status.st_mode)) {
      read.emplace_back(Identity{status.st_dev, status.st_ino, {}}, &input);
    }
  }
  std::vector<std::pair<Identity, const std::string*>> written;
  for (const auto& output : outputs) {
    struct stat status {};
    const auto identity = identity_of(output, status);
    if (!identity) {
      continue;
    }
    if (identity->name.empty() && !S_ISREG(status.st_mode)) {
      diagnostics.error({}, "--output '{}' is {}, not a regular file: a report replaces only a regular file", output,
                        yaml::file_type_name(status.st_mode));
      continue;
    }
    bool refused = false;
    for (const auto& [input_identity, input] : read) {
      if (input_identity == *identity) {
        diagnostics.error({}, "--output '{}' is the {} '{}' that this run reads: a report never replaces an input",
                          output, input->kind, input->path);
        refused = true;
        break;
      }
    }
    for (const auto& [other_identity, other] : written) {
      if (!refused && other_identity == *identity) {
        diagnostics.error({}, "--output '{}' names the same file as --output '{}': each report needs a file of its own",
                          output, *other);
        refused = true;
      }
    }
    written.emplace_back(*identity, &output);
  }
}

}  // namespace ppsaudit
