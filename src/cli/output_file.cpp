#include "cli/output_file.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <utility>

#include <fmt/format.h>

#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include "yaml/input_file.hpp"

namespace ppsaudit {

namespace {

// The temporary files of AtomicFiles not yet committed or removed, for the signal handler to
// remove: a fixed table, so the handler needs no allocation and no lock. A slot is claimed by
// one AtomicFile; `armed` says its path is complete and the file may exist.
struct PendingTemporary {
  std::atomic<bool> claimed{false};
  std::atomic<bool> armed{false};
  std::array<char, 4096> path{};
};
static_assert(std::atomic<bool>::is_always_lock_free, "the signal handler reads the flags");
constexpr std::array<int, 3> k_cleanup_signals{SIGINT, SIGTERM, SIGHUP};
std::array<PendingTemporary, 8> g_pending;  // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)

// Removes every pending temporary file, then dies of the signal as if it had not been caught,
// so that the exit status is the conventional one (128 + the signal's number in a shell).
// Only async-signal-safe calls: unlink, signal, raise.
void remove_pending_and_die(int number) {
  for (auto& slot : g_pending) {
    if (slot.armed.load()) {
      ::unlink(slot.path.data());
    }
  }
  std::signal(number, SIG_DFL);
  std::raise(number);
}

// Catches the signals a terminal or a CI runner stops a run with, once; a signal the run was
// started ignoring (nohup, a background job) stays ignored.
void install_cleanup_handlers() {
  static std::once_flag installed;
  std::call_once(installed, [] {
    for (const int number : k_cleanup_signals) {
      struct sigaction previous {};
      if (::sigaction(number, nullptr, &previous) != 0 || previous.sa_handler == SIG_IGN) {
        continue;
      }
      struct sigaction action {};
      action.sa_handler = remove_pending_and_die;
      sigemptyset(&action.sa_mask);
      ::sigaction(number, &action, nullptr);
    }
  });
}

// Blocks the cleanup signals while a temporary file is made and recorded, so that none can
// come between the two.
class CleanupSignalsBlocked {
 public:
  CleanupSignalsBlocked() {
    sigset_t blocked;
    sigemptyset(&blocked);
    for (const int number : k_cleanup_signals) {
      sigaddset(&blocked, number);
    }
    ::pthread_sigmask(SIG_BLOCK, &blocked, &m_previous);
  }
  CleanupSignalsBlocked(const CleanupSignalsBlocked&) = delete;
  CleanupSignalsBlocked& operator=(const CleanupSignalsBlocked&) = delete;
  CleanupSignalsBlocked(CleanupSignalsBlocked&&) = delete;
  CleanupSignalsBlocked& operator=(CleanupSignalsBlocked&&) = delete;
  ~CleanupSignalsBlocked() { ::pthread_sigmask(SIG_SETMASK, &m_previous, nullptr); }

 private:
  sigset_t m_previous{};
};

// Records `path` for the handler: the slot's index, or -1 when none is free or the path is too
// long to record (the file is then removed as before, only not on a signal).
int arm_pending(const std::string& path) {
  for (std::size_t i = 0; i < g_pending.size(); ++i) {
    bool expected = false;
    if (path.size() < g_pending[i].path.size() && g_pending[i].claimed.compare_exchange_strong(expected, true)) {
      std::copy(path.begin(), path.end(), g_pending[i].path.begin());
      g_pending[i].path[path.size()] = '\0';
      g_pending[i].armed.store(true);
      return static_cast<int>(i);
    }
  }
  return -1;
}

void disarm_pending(int slot) {
  if (slot >= 0) {
    g_pending[static_cast<std::size_t>(slot)].armed.store(false);
    g_pending[static_cast<std::size_t>(slot)].claimed.store(false);
  }
}

// The file an output path stands for: a symbolic link's target, so that the link stays a link.
std::string followed(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_symlink(path, error)) {
    const auto target = std::filesystem::canonical(path, error);
    if (!error) {
      return target.string();
    }
  }
  return path;
}

}  // namespace

AtomicFile::AtomicFile(std::string path, Replace replace) : m_path(std::move(path)), m_replace(replace) {
  install_cleanup_handlers();
  const std::filesystem::path target(followed(m_path));
  struct stat existing {};
  const bool exists = ::stat(target.c_str(), &existing) == 0;
  if (exists && !S_ISREG(existing.st_mode)) {
    // Renaming over a device or a FIFO would replace it with a regular file.
    m_refusal = S_ISDIR(existing.st_mode)
                    ? std::string(std::strerror(EISDIR))
                    : fmt::format("{}, not a regular file", yaml::file_type_name(existing.st_mode));
    return;
  }
  const std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  // A name too long for the folder's file system to take with the temporary's 8 more bytes
  // gets a short temporary name instead.
  const long name_max = ::pathconf(folder.c_str(), _PC_NAME_MAX);
  const std::string name = target.filename().string();
  const bool fits = name.size() + 8 <= static_cast<std::size_t>(name_max > 0 ? name_max : 255);
  m_temporary = (folder / (fits ? "." + name + ".XXXXXX" : std::string(".ppsaudit.XXXXXX"))).string();
  m_target = target.string();
  {
    const CleanupSignalsBlocked blocked;
    m_descriptor = mkstemp(m_temporary.data());
    m_error = m_descriptor < 0 ? errno : 0;
    if (m_descriptor >= 0) {
      m_slot = arm_pending(m_temporary);
    }
  }
  if (m_descriptor < 0) {
    m_temporary.clear();
    return;
  }
  if (exists) {
    // A report rewritten keeps its permissions, and its owner where the user may give it.
    if (::fchown(m_descriptor, existing.st_uid, existing.st_gid) != 0) {
      static_cast<void>(::fchown(m_descriptor, static_cast<uid_t>(-1), existing.st_gid));
    }
    if (::fchmod(m_descriptor, existing.st_mode & static_cast<mode_t>(07777)) != 0) {
      fail();
    }
    return;
  }
  // mkstemp makes the file private; a new report gets the permissions any new file would.
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
  disarm_pending(m_slot);
}

bool AtomicFile::fail() {
  if (m_error == 0) {
    m_error = errno != 0 ? errno : EIO;
  }
  return false;
}

bool AtomicFile::write(std::string_view bytes) {
  if (m_error != 0 || !m_refusal.empty()) {
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
  if (m_error != 0 || !m_refusal.empty()) {
    return false;
  }
  bool wrote = true;
  const bool read = read_chunks(from, [&](std::string_view chunk) { return wrote = write(chunk); });
  return wrote && (read || fail());
}

bool read_chunks(std::FILE* from, const std::function<bool(std::string_view)>& take) {
  if (std::fseek(from, 0, SEEK_SET) != 0) {
    return false;
  }
  std::array<char, 1 << 16> buffer{};
  for (std::size_t read = 0; (read = std::fread(buffer.data(), 1, buffer.size(), from)) > 0;) {
    if (!take({buffer.data(), read})) {
      return false;
    }
  }
  return std::ferror(from) == 0;
}

bool AtomicFile::move_into_place() {
  if (m_replace == Replace::allowed) {
    return std::rename(m_temporary.c_str(), m_target.c_str()) == 0;
  }
  // link() fails with EEXIST, never replacing; the temporary name is then removed as usual.
  return ::link(m_temporary.c_str(), m_target.c_str()) == 0 && ::unlink(m_temporary.c_str()) == 0;
}

bool AtomicFile::commit(Diagnostics& diagnostics) {
  if (!m_refusal.empty()) {
    diagnostics.error({}, "cannot write '{}': {}", m_path, m_refusal);
    return false;
  }
  if (m_error == 0 && ::fsync(m_descriptor) != 0) {
    fail();
  }
  const int closed = ::close(m_descriptor);
  m_descriptor = -1;
  if (m_error == 0 && closed != 0) {
    fail();
  }
  if (m_error == 0 && !move_into_place()) {
    fail();
  }
  if (m_error != 0) {
    diagnostics.error({}, "cannot write '{}': {}", m_path, std::strerror(m_error));
    return false;
  }
  m_temporary.clear();  // renamed: nothing left to remove
  disarm_pending(m_slot);
  m_slot = -1;
  return true;
}

ScratchFile::ScratchFile() {
  install_cleanup_handlers();
  std::string name = temporary_folder() + "/.ppsaudit.XXXXXX";
  int descriptor = -1;
  {
    const CleanupSignalsBlocked blocked;
    descriptor = ::mkstemp(name.data());
    m_error = descriptor < 0 ? errno : 0;
    if (descriptor >= 0) {
      m_slot = arm_pending(name);
    }
  }
  if (descriptor >= 0) {
    ::close(descriptor);
    m_path = std::move(name);
  }
}

ScratchFile::~ScratchFile() {
  if (!m_path.empty()) {
    std::remove(m_path.c_str());
  }
  disarm_pending(m_slot);
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
