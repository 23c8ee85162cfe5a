#include "cli/service_files.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>

#include <sys/stat.h>

#include "yaml/first_key.hpp"
#include "yaml/input_file.hpp"
#include "yaml/reader.hpp"

namespace ppsaudit {

namespace {

bool is_yaml_name(const std::filesystem::path& path) {
  const std::string extension = path.extension().string();
  return extension == ".yaml" || extension == ".yml";
}

// Why a file found in a folder is not read as a service file, or "" when it is one. A file
// whose first key cannot be found (a syntax error, an empty file) is read, so that its
// errors are reported rather than skipped.
std::string reason_to_skip(const std::string& path) {
  Diagnostics unreadable;  // a file that cannot be read is reported when it is loaded
  const auto text = yaml::read_file_text(path, unreadable);
  if (!text) {
    return {};
  }
  const auto key = yaml::first_key(*text);
  if (!key || *key == "ppsaudit") {
    return {};
  }
  if (*key == "ppsaudit-rules") {
    return "a rule pack, not a service file";
  }
  return "not a service file (its first key is '" + *key + "', not 'ppsaudit')";
}

// What a path found in a folder is, for a note: "a FIFO", or "a broken link".
std::string kind_of(const std::string& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) {
    return "a broken link";
  }
  return std::string(yaml::file_type_name(status.st_mode));
}

// Adds the service files under `folder` to `files`. Stops, with an error, as soon as the run
// would have more than k_max_service_files (false): before any file is opened.
bool add_folder(const std::string& folder, std::vector<std::string>& files, Diagnostics& diagnostics) {
  namespace fs = std::filesystem;
  std::error_code error;
  std::vector<std::string> found;
  std::vector<std::string> linked_folders;
  std::vector<std::string> not_files;
  fs::recursive_directory_iterator walk(folder, fs::directory_options::none, error);
  for (; !error && walk != fs::recursive_directory_iterator(); walk.increment(error)) {
    const fs::directory_entry& entry = *walk;
    std::error_code status_error;
    if (entry.is_symlink(status_error) && entry.is_directory(status_error)) {
      linked_folders.push_back(entry.path().string());
    } else if (entry.is_regular_file(status_error) && is_yaml_name(entry.path())) {
      found.push_back(entry.path().string());
      if (files.size() + found.size() > k_max_service_files) {
        diagnostics.error({},
                          "the folder '{}' takes the run past {} service files (*.yaml, *.yml), the limit for one "
                          "run: check the register in parts",
                          folder, k_max_service_files);
        return false;
      }
    } else if (!entry.is_directory(status_error) && is_yaml_name(entry.path())) {
      // A FIFO, a device, a socket or a broken link: never opened, which could wait for ever.
      not_files.push_back(entry.path().string());
    }
  }
  if (error) {
    diagnostics.error({}, "cannot read the folder '{}': {}", folder, error.message());
    return true;
  }
  std::sort(found.begin(), found.end());
  std::sort(linked_folders.begin(), linked_folders.end());
  for (const auto& link : linked_folders) {
    diagnostics.note(make_location(std::make_shared<const std::string>(link), 0, 0),
                     "skipped: a link to a folder, which is not followed");
  }
  std::sort(not_files.begin(), not_files.end());
  for (const auto& path : not_files) {
    diagnostics.note(make_location(std::make_shared<const std::string>(path), 0, 0), "skipped: {}, not a regular file",
                     kind_of(path));
  }
  std::size_t services = 0;
  for (const auto& file : found) {
    const std::string reason = reason_to_skip(file);
    if (reason.empty()) {
      files.push_back(file);
      ++services;
    } else {
      diagnostics.note(make_location(std::make_shared<const std::string>(file), 0, 0), "skipped: {}", reason);
    }
  }
  if (services == 0) {
    diagnostics.error({}, "the folder '{}' holds no service file (*.yaml, *.yml)", folder);
  }
  return true;
}

}  // namespace

std::vector<std::string> service_files(const std::vector<std::string>& paths, Diagnostics& diagnostics) {
  std::vector<std::string> files;
  for (const auto& path : paths) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      if (!add_folder(path, files, diagnostics)) {
        return {};
      }
    } else {
      files.push_back(path);
    }
  }
  if (files.size() > k_max_service_files) {
    diagnostics.error({}, "{} service files named, more than {}, the limit for one run: check the register in parts",
                      files.size(), k_max_service_files);
    return {};
  }
  return files;
}

}  // namespace ppsaudit
