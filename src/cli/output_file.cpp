#include "cli/output_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <sys/stat.h>
#include <unistd.h>

namespace ppsaudit {

bool write_file_atomically(const std::string& path, std::string_view content, Diagnostics& diagnostics) {
  const std::filesystem::path target(path);
  const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::string temporary = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  const int descriptor = mkstemp(temporary.data());
  if (descriptor < 0) {
    diagnostics.error({}, "cannot write '{}': {}", path, std::strerror(errno));
    return false;
  }
  // mkstemp makes the file private; a report gets the permissions any new file would.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  bool ok = ::fchmod(descriptor, static_cast<mode_t>(0666) & ~mask) == 0;
  for (std::size_t written = 0; ok && written < content.size();) {
    const ssize_t step = ::write(descriptor, content.data() + written, content.size() - written);
    ok = step > 0;
    written += ok ? static_cast<std::size_t>(step) : 0;
  }
  ok = ::fsync(descriptor) == 0 && ok;
  const int saved = errno;
  ok = ::close(descriptor) == 0 && ok;
  if (!ok || std::rename(temporary.c_str(), path.c_str()) != 0) {
    diagnostics.error({}, "cannot write '{}': {}", path, std::strerror(ok ? errno : saved));
    std::remove(temporary.c_str());
    return false;
  }
  return true;
}

}  // namespace ppsaudit
