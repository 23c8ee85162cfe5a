#include "yaml/input_file.hpp"

#include <array>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace ppsaudit::yaml {

namespace {

// Whether `path` names a descriptor the process inherited, as a shell's `<(...)` or
// `/dev/stdin` does: a pipe reached that way is what the user asked to be read.
bool names_inherited_descriptor(std::string_view path) {
  return path == "/dev/stdin" || path.starts_with("/dev/fd/") || path.starts_with("/proc/self/fd/");
}

// Closes the descriptor however the reading ends.
class Descriptor {
 public:
  explicit Descriptor(int fd) : m_fd(fd) {}
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  Descriptor(Descriptor&&) = delete;
  Descriptor& operator=(Descriptor&&) = delete;
  ~Descriptor() { ::close(m_fd); }

 private:
  int m_fd;
};

}  // namespace

std::string_view file_type_name(mode_t mode) {
  if (S_ISDIR(mode)) {
    return "a folder";
  }
  if (S_ISFIFO(mode)) {
    return "a FIFO";
  }
  if (S_ISCHR(mode)) {
    return "a character device";
  }
  if (S_ISBLK(mode)) {
    return "a block device";
  }
  if (S_ISSOCK(mode)) {
    return "a socket";
  }
  if (S_ISLNK(mode)) {
    return "a symbolic link";
  }
  return S_ISREG(mode) ? "a regular file" : "not a regular file";
}

std::optional<std::string> read_input_file(const std::string& path, std::size_t limit, std::string_view what,
                                           Diagnostics& diagnostics) {
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);  // NOLINT(cppcoreguidelines-pro-type-vararg)
  if (fd < 0) {
    diagnostics.error({}, "cannot open {}'{}': {}", what, path, std::strerror(errno));
    return std::nullopt;
  }
  const Descriptor closed_at_end(fd);
  struct stat status {};
  if (::fstat(fd, &status) != 0) {
    diagnostics.error({}, "cannot read {}'{}': {}", what, path, std::strerror(errno));
    return std::nullopt;
  }
  if (S_ISDIR(status.st_mode)) {
    diagnostics.error({}, "cannot read {}'{}': {}", what, path, std::strerror(EISDIR));
    return std::nullopt;
  }
  const bool pipe = S_ISFIFO(status.st_mode) && names_inherited_descriptor(path);
  if (!S_ISREG(status.st_mode) && !pipe) {
    diagnostics.error({}, "{}'{}' is {}, not a regular file", what, path, file_type_name(status.st_mode));
    return std::nullopt;
  }
  if (pipe) {
    // The user named it: wait for what the writer sends.
    const int flags = ::fcntl(fd, F_GETFL);     // NOLINT(cppcoreguidelines-pro-type-vararg)
    ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);  // NOLINT(cppcoreguidelines-pro-type-vararg)
  }
  std::string text;
  std::array<char, 65536> buffer{};
  while (text.size() <= limit) {
    const ssize_t read = ::read(fd, buffer.data(), buffer.size());
    if (read < 0 && errno == EINTR) {
      continue;
    }
    if (read < 0) {
      diagnostics.error({}, "cannot read {}'{}': {}", what, path, std::strerror(errno));
      return std::nullopt;
    }
    if (read == 0) {
      break;
    }
    text.append(buffer.data(), static_cast<std::size_t>(read));
  }
  if (text.size() > limit) {
    text.resize(limit + 1);
  }
  return text;
}

}  // namespace ppsaudit::yaml
