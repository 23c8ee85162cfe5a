#pragma once

#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include "diag/diagnostics.hpp"

namespace ppsaudit {

// Whether an AtomicFile may replace a file that exists at its path (see below).
enum class Replace { allowed, refused };

// A file written whole or not at all: what is written goes to a temporary file in the same
// folder, which commit() renames over the path, so that a reader never sees half a report and
// an error leaves an existing file untouched. Without commit() the temporary file is removed;
// so it is when SIGINT, SIGTERM or SIGHUP ends the run, which then dies of that signal. A
// report rewritten keeps its mode (and owner, where permitted); a symbolic link is followed,
// so the file it points to is replaced and the link stays. A path that exists and is not a
// regular file (a device, a FIFO, a folder) is refused, never replaced.
//
// With Replace::refused the file is linked into place instead of renamed, so that a path that
// exists by then, whatever made it, is left as it is and commit() reports it.
class AtomicFile {
 public:
  explicit AtomicFile(std::string path, Replace replace = Replace::allowed);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  AtomicFile(AtomicFile&&) = delete;
  AtomicFile& operator=(AtomicFile&&) = delete;
  ~AtomicFile();

  // Each returns false once anything has failed; commit() then reports the first failure.
  bool write(std::string_view bytes);
  // The rest of `from`, read from its start.
  bool copy(std::FILE* from);
  bool commit(Diagnostics& diagnostics);

 private:
  bool fail();
  // Renames the temporary file over the target, or links it there when it may not replace one.
  bool move_into_place();

  std::string m_path;       // as the user named it
  std::string m_target;     // what is replaced: the path, or a link's target
  std::string m_temporary;  // empty when there is none to remove
  std::string m_refusal;    // why the path cannot be written, when it exists and is not a file
  int m_slot = -1;          // the temporary's entry for the signal handler
  int m_descriptor = -1;
  int m_error = 0;  // the first failure's errno; 0 while all is well
  Replace m_replace = Replace::allowed;
};

// A named temporary file in temporary_folder(), for a library that writes only to a file name
// (libxlsxwriter): removed when destroyed, or when SIGINT, SIGTERM or SIGHUP ends the run.
class ScratchFile {
 public:
  ScratchFile();
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  ScratchFile(ScratchFile&&) = delete;
  ScratchFile& operator=(ScratchFile&&) = delete;
  ~ScratchFile();

  // Its name; empty when it could not be made, and then error() is why (an errno).
  [[nodiscard]] const std::string& path() const { return m_path; }
  [[nodiscard]] int error() const { return m_error; }

 private:
  std::string m_path;
  int m_slot = -1;
  int m_error = 0;
};

// Calls `take` with each part of `from`, from its start, until it returns false or the file
// ends; false when `take` did or the file could not be read.
bool read_chunks(std::FILE* from, const std::function<bool(std::string_view)>& take);

// Where temporary files go: $TMPDIR, or /tmp when it is unset or empty.
std::string temporary_folder();

// A temporary file with no name, in temporary_folder(), open for reading and writing: gone when
// closed, or when the program ends however it ends. nullptr, with errno, when it cannot be made.
std::FILE* anonymous_temporary_file();

// Writes `content` to `path` as an AtomicFile.
bool write_file_atomically(const std::string& path, std::string_view content, Diagnostics& diagnostics);

}  // namespace ppsaudit
