#pragma once

#include <memory>
#include <string>

namespace ppsaudit {

// A 1-based position in an input file; line 0 means "the file as a whole".
// The file name is shared, so that every value of a service file can carry its position cheaply.
struct Location {
  std::shared_ptr<const std::string> file;
  int line = 0;
  int column = 0;

  // "file:line:col", "file" when the line is unknown, or "" when there is no file.
  [[nodiscard]] std::string to_string() const;
  [[nodiscard]] const std::string& file_name() const;
};

// Makes a location in the named file.
Location make_location(const std::shared_ptr<const std::string>& file, int line, int column);

}  // namespace ppsaudit
