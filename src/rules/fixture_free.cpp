#include "rules/fixture_free.hpp"

#include <cstddef>

namespace ppsaudit::rules {

namespace {

// One line of the text, without its line break (kept apart, so that CRLF stays CRLF).
struct Line {
  std::string_view content;
  std::string_view newline;
};

Line line_at(std::string_view text, std::size_t start) {
  const std::size_t end = text.find('\n', start);
  if (end == std::string_view::npos) {
    return {text.substr(start), {}};
  }
  std::size_t content_end = end;
  if (content_end > start && text[content_end - 1] == '\r') {
    --content_end;
  }
  return {text.substr(start, content_end - start), text.substr(content_end, end + 1 - content_end)};
}

std::size_t indent_of(std::string_view content) {
  const std::size_t first = content.find_first_not_of(' ');
  return first == std::string_view::npos ? content.size() : first;
}

// Whether the line holds nothing but spaces or a comment.
bool is_blank_or_comment(std::string_view content) {
  const std::size_t first = content.find_first_not_of(" \t");
  return first == std::string_view::npos || content[first] == '#';
}

// Whether the line, after its indentation, is the block key `key` ("key:" then a space, a
// comment or the end of the line): quoted keys and keys after "- " are left alone.
bool is_key(std::string_view content, std::string_view key) {
  const std::string_view rest = content.substr(indent_of(content));
  if (!rest.starts_with(key) || rest.size() == key.size() || rest[key.size()] != ':') {
    return false;
  }
  return rest.size() == key.size() + 1 || rest[key.size() + 1] == ' ';
}

// Whether a line still belongs to the value of a block key indented by `indent`: a deeper
// line, a list item at the key's own indentation (YAML allows both), or a blank or comment.
bool continues_value(std::string_view content, std::size_t indent) {
  if (is_blank_or_comment(content)) {
    return true;
  }
  const std::size_t own = indent_of(content);
  if (own > indent) {
    return true;
  }
  const std::string_view rest = content.substr(own);
  return own == indent && (rest == "-" || rest.starts_with("- "));
}

// Whether the line ends with a block scalar's header ("key: >-", "- |"): the deeper lines
// after it are text, never keys, whatever they say.
bool opens_block_scalar(std::string_view content) {
  std::string_view value = content;
  if (const std::size_t comment = value.find(" #"); comment != std::string_view::npos) {
    value = value.substr(0, comment);
  }
  value = value.substr(0, value.find_last_not_of(' ') + 1);
  const std::size_t header = value.find_last_of("|>");
  if (header == std::string_view::npos ||
      value.find_first_not_of("+-0123456789", header + 1) != std::string_view::npos) {
    return false;
  }
  return header == indent_of(value) || value[header - 1] == ' ';
}

}  // namespace

std::string without_fixtures(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  // The indentation of the key whose value is dropped, and of the line that opened a block
  // scalar, while in them.
  constexpr std::size_t k_outside = std::string_view::npos;
  std::size_t skipping = k_outside;
  std::size_t in_text = k_outside;
  for (std::size_t start = 0; start < text.size();) {
    const Line line = line_at(text, start);
    start += line.content.size() + line.newline.size();
    if (skipping != k_outside && continues_value(line.content, skipping)) {
      out += line.newline;
      continue;
    }
    skipping = k_outside;
    const std::size_t indent = indent_of(line.content);
    if (in_text != k_outside && (indent > in_text || is_blank_or_comment(line.content))) {
      out += line.content;  // a comment-like line here is text, and kept
      out += line.newline;
      continue;
    }
    in_text = k_outside;
    if (opens_block_scalar(line.content)) {
      in_text = indent;
    }
    if ((is_key(line.content, "fixtures") && indent > 0) || (is_key(line.content, "fixture_base") && indent == 0)) {
      skipping = indent;
    } else {
      out += line.content;
    }
    out += line.newline;
  }
  return out;
}

}  // namespace ppsaudit::rules
