#pragma once

#include <ostream>
#include <streambuf>
#include <string>

namespace ppsaudit {

// What --quiet leaves of standard error: its errors. Lines pass through whole; a line whose
// first severity word (": error: ", ": warning: ", ": note: ") is a warning's or a note's is
// dropped, and a line with none (a continuation of an error, say) is kept.
class ErrorsOnlyBuffer : public std::streambuf {
 public:
  explicit ErrorsOnlyBuffer(std::ostream& target) : m_target(target) {}
  ErrorsOnlyBuffer(const ErrorsOnlyBuffer&) = delete;
  ErrorsOnlyBuffer& operator=(const ErrorsOnlyBuffer&) = delete;
  ~ErrorsOnlyBuffer() override;

 protected:
  int_type overflow(int_type c) override;
  std::streamsize xsputn(const char* text, std::streamsize count) override;
  int sync() override;

 private:
  void end_line();

  std::ostream& m_target;
  std::string m_line;
};

// Whether --quiet keeps `line` (one line, without its newline).
bool quiet_keeps(const std::string& line);

// A stream that takes everything and writes nothing (and never fails): standard output under
// --quiet.
class DiscardBuffer : public std::streambuf {
 protected:
  int_type overflow(int_type c) override { return traits_type::not_eof(c); }
  std::streamsize xsputn(const char* /*text*/, std::streamsize count) override { return count; }
};

// The buffer is a base before std::ostream, so it is built before the stream is given it.
struct DiscardBufferHolder {
  DiscardBuffer buffer;
};

class NullStream : private DiscardBufferHolder, public std::ostream {
 public:
  NullStream() : std::ostream(&buffer) {}
};

// Runs `action` with standard output and standard error as --quiet leaves them when `quiet`.
template <typename Action>
auto run_quietly(bool quiet, std::ostream& out, std::ostream& err, Action action) {
  if (!quiet) {
    return action(out, err);
  }
  NullStream nothing;
  ErrorsOnlyBuffer errors_only(err);
  std::ostream errors(&errors_only);
  return action(nothing, errors);
}

}  // namespace ppsaudit
