#include "cli/output_file.hpp"

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ppsaudit {

AtomicFile::AtomicFile(std::string path) : m_path(std::move(path)) {
  const std::filesystem::path target(m_path);
  const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  m_temporary = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
  m_descriptor = mkstemp(m_temporary.data());
  if (m_descriptor < 0) {
    m_error = errno;
    m_temporary.clear();
    return;
  }
  // mkstemp makes the file private; a report gets the permissions any new file would.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  if (::fchmod(m_descriptor, static_cast<mode_t>(0666) & ~mask) != 0) {
    fail();
  }
}

AtomicFile::~AtomicFile() {
  if (m_descriptor >= 0) {
    ::close(m_descriptor);
  }
  if (!m_temporary.empty()) {
    std::remove(m_temporary.c_str());
  }
}

bool AtomicFile::fail() {
  if (m_error == 0) {
    m_error = errno != 0 ? errno : EIO;
  }
  return false;
}

bool AtomicFile::write(std::string_view bytes) {
  if (m_error != 0) {
    return false;
  }
  for (std::size_t written = 0; written < bytes.size();) {
    const ssize_t step = ::write(m_descriptor, bytes.data() + written, bytes.size() - written);
    if (step <= 0) {
      return fail();
    }
    written += static_cast<std::size_t>(step);
  }
  return true;
}

bool AtomicFile::copy(std::FILE* from) {
  if (m_error != 0) {
    return false;
  }
  if (std::fseek(from, 0, SEEK_SET) != 0) {
    return fail();
  }
  std::array<char, 1 << 16> buffer{};
  for (std::size_t read = 0; (read = std::fread(buffer.data(), 1, buffer.size(), from)) > 0;) {
    if (!write({buffer.data(), read})) {
      return false;
    }
  }
  return std::ferror(from) == 0 || fail();
}

bool AtomicFile::commit(Diagnostics& diagnostics) {
  if (m_error == 0 && ::fsync(m_descriptor) != 0) {
    fail();
  }
  const int closed = ::close(m_descriptor);
  m_descriptor = -1;
  if (m_error == 0 && closed != 0) {
    fail();
  }
  if (m_error == 0 && std::rename(m_temporary.c_str(), m_path.c_str()) != 0) {
    fail();
  }
  if (m_error != 0) {
    diagnostics.error({}, "cannot write '{}': {}", m_path, std::strerror(m_error));
    return false;
  }
  m_temporary.clear();  // renamed: nothing left to remove
  return true;
}

std::string temporary_folder() {
  const char* tmpdir = std::getenv("TMPDIR");  // NOLINT(concurrency-mt-unsafe): read before any thread starts
  return tmpdir != nullptr && *tmpdir != '\0' ? tmpdir : "/tmp";
}

std::FILE* anonymous_temporary_file() {
  const std::string folder = temporary_folder();
  // O_TMPFILE: the file never has a name. Where the file system cannot, a name removed at once.
  int descriptor =
      ::open(folder.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);  // NOLINT(cppcoreguidelines-pro-type-vararg)
  if (descriptor < 0) {
    std::string name = folder + "/.ppsaudit.XXXXXX";
    descriptor = ::mkstemp(name.data());
    if (descriptor < 0) {
      return nullptr;
    }
    ::unlink(name.c_str());
  }
  std::FILE* file = ::fdopen(descriptor, "w+b");
  if (file == nullptr) {
    const int saved = errno;
    ::close(descriptor);
    errno = saved;
  }
  return file;
}

bool write_file_atomically(const std::string& path, std::string_view content, Diagnostics& diagnostics) {
  AtomicFile file(path);
  file.write(content);
  return file.commit(diagnostics);
}

}  // namespace ppsaudit
