#include "yaml/reader.hpp"

#include <algorithm>
#include <sstream>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "text/utf8.hpp"
#include "yaml/input_file.hpp"

namespace ppsaudit::yaml {

namespace {

// Stops the parse at the first thing the reader refuses, with where it is.
struct Refusal {
  Location where;
  std::string message;
};

// The first byte that is not valid UTF-8, a NUL or a carriage return that ends a line alone,
// with its line and column (in code points); nothing when all is valid.
std::optional<Refusal> check_text(std::string_view text, const std::shared_ptr<const std::string>& file) {
  // A carriage return not followed by a line feed: old Mac OS line endings, which yaml-cpp takes
  // for part of the line (and then reports a puzzling "illegal map value").
  std::size_t lone_cr = text.find('\r');
  while (lone_cr != std::string_view::npos && lone_cr + 1 < text.size() && text[lone_cr + 1] == '\n') {
    lone_cr = text.find('\r', lone_cr + 2);
  }
  const std::size_t bad = std::min({text::first_invalid_utf8(text), text.find('\0'), lone_cr});
  if (bad == std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view before = text.substr(0, bad);
  const std::size_t line_start = before.rfind('\n') == std::string_view::npos ? 0 : before.rfind('\n') + 1;
  const auto line = static_cast<int>(1 + std::count(before.begin(), before.end(), '\n'));
  const auto column = static_cast<int>(1 + text::code_point_count(before.substr(line_start)));
  if (text[bad] == '\0') {
    return Refusal{make_location(file, line, column), "the file contains a NUL byte: it is not a text file"};
  }
  if (text[bad] == '\r') {
    return Refusal{make_location(file, line, column),
                   "a carriage return (CR) without a line feed ends this line (old Mac OS line endings): save the "
                   "file with LF or CRLF line endings"};
  }
  return Refusal{make_location(file, line, column), fmt::format("invalid UTF-8 (byte 0x{:02x}): save the file as UTF-8",
                                                                static_cast<unsigned char>(text[bad]))};
}

// The text of a 0-based line, or "" past the end.
std::string_view line_of(std::string_view text, int line) {
  std::size_t start = 0;
  for (int i = 0; i < line; ++i) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) {
      return {};
    }
    ++start;
  }
  return text.substr(start, text.find('\n', start) - start);
}

std::string too_deep(const DocumentKind& kind) {
  return fmt::format("nesting deeper than {} levels: a {} never needs this much", k_max_nesting, kind.noun);
}

// yaml-cpp's messages for a tab in indentation do not mention the tab: look at the line it
// stopped on and the one before.
std::string_view tab_hint(std::string_view text, int line) {
  for (int candidate : {line, line - 1}) {
    const std::string_view content = line_of(text, candidate);
    const std::string_view indent = content.substr(0, content.find_first_not_of(" \t"));
    if (candidate >= 0 && indent.find('\t') != std::string_view::npos) {
      return " (a tab indents a line here: YAML indents with spaces only)";
    }
  }
  return "";
}

class TreeBuilder final : public YAML::EventHandler {
 public:
  TreeBuilder(std::shared_ptr<const std::string> file, std::string_view text, const DocumentKind& kind)
      : m_file(std::move(file)), m_text(text), m_kind(kind) {}

  std::optional<RawNode> take() { return std::move(m_root); }
  [[nodiscard]] int documents() const { return m_documents; }

  Location at(const YAML::Mark& mark) const { return make_location(m_file, mark.line + 1, mark.column + 1); }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++m_documents > 1) {
      throw Refusal{at(mark),
                    fmt::format("the file holds more than one YAML document: a {} is exactly one", m_kind.noun)};
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    refuse_anchor(mark, anchor);
    RawNode node;
    node.where = at(mark);
    add(std::move(node));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
    throw Refusal{at(mark), fmt::format("aliases ('*name') are not allowed in a {}: write the value out", m_kind.noun)};
  }

  void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
    throw Refusal{at(mark), fmt::format("anchors ('&{}') and aliases are not allowed in a {}: write each value out",
                                        name, m_kind.noun)};
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    refuse_anchor(mark, anchor);
    refuse_tag(mark, tag);
    refuse_long(mark, value);
    RawNode node;
    node.shape = RawNode::Shape::scalar;
    node.where = at(mark);
    node.quoted = tag == "!";
    node.text = value;
    describe_style(mark, node);
    add(std::move(node));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value /*style*/) override {
    open(mark, tag, anchor, RawNode::Shape::sequence);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value /*style*/) override {
    open(mark, tag, anchor, RawNode::Shape::map);
  }
  void OnMapEnd() override { close(); }

 private:
  // Records how a scalar is written, so that positions inside it (a rule's expression) can be
  // mapped back to the file.
  void describe_style(const YAML::Mark& mark, RawNode& node) const {
    const auto pos = static_cast<std::size_t>(mark.pos);
    if (pos >= m_text.size()) {
      return;
    }
    const char first = m_text[pos];
    if (first == '\'' || first == '"' || first == '|' || first == '>') {
      node.style = first;
    }
    if (node.style != '|' && node.style != '>') {
      return;
    }
    // The block's lines: from the line after the indicator while they are blank or indented.
    std::size_t line_start = m_text.find('\n', pos);
    std::vector<std::string_view> lines;
    while (line_start != std::string_view::npos && line_start + 1 < m_text.size()) {
      ++line_start;
      const std::size_t end = std::min(m_text.find('\n', line_start), m_text.size());
      const std::string_view line = m_text.substr(line_start, end - line_start);
      const std::size_t indent = std::min(line.find_first_not_of(' '), line.size());
      if (indent < line.size() && node.block_indent == 0) {
        node.block_indent = static_cast<int>(indent) + 1;
      }
      if (indent < line.size() && static_cast<int>(indent) + 1 < node.block_indent) {
        break;
      }
      lines.push_back(line);
      line_start = end;
    }
    while (!lines.empty() && lines.back().find_first_not_of(' ') == std::string_view::npos) {
      lines.pop_back();
    }
    for (const auto& line : lines) {
      const auto skip = std::min(line.size(), static_cast<std::size_t>(std::max(node.block_indent - 1, 0)));
      node.block_lines.push_back(static_cast<int>(line.size() - skip));
    }
  }

  void refuse_anchor(const YAML::Mark& mark, YAML::anchor_t anchor) const {
    if (anchor != YAML::NullAnchor) {
      throw Refusal{at(mark),
                    fmt::format("anchors and aliases are not allowed in a {}: write each value out", m_kind.noun)};
    }
  }

  void refuse_tag(const YAML::Mark& mark, const std::string& tag) const {
    if (!tag.empty() && tag != "?" && tag != "!") {
      throw Refusal{at(mark), fmt::format("explicit YAML tags ('{}') are not allowed in a {}", tag, m_kind.noun)};
    }
  }

  // A value or key longer than k_max_scalar_bytes: no field needs one, and a rule's expression
  // has a limit of the same size.
  void refuse_long(const YAML::Mark& mark, const std::string& value) const {
    if (value.size() <= k_max_scalar_bytes) {
      return;
    }
    const bool key = !m_stack.empty() && m_stack.back().node.shape == RawNode::Shape::map && !m_stack.back().has_key;
    throw Refusal{at(mark), fmt::format("a {} of {} bytes is longer than the limit of {} bytes (64 KiB) for a {}",
                                        key ? "key" : "value", value.size(), k_max_scalar_bytes, m_kind.noun)};
  }

  void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, RawNode::Shape shape) {
    refuse_anchor(mark, anchor);
    refuse_tag(mark, tag);
    if (static_cast<int>(m_stack.size()) >= k_max_nesting) {
      throw Refusal{at(mark), too_deep(m_kind)};
    }
    RawNode node;
    node.shape = shape;
    node.where = at(mark);
    m_stack.push_back(Frame{std::move(node), {}, false, 0});
  }

  void close() {
    Frame frame = std::move(m_stack.back());
    m_stack.pop_back();
    if (frame.left_out > 0) {
      const bool list = frame.node.shape == RawNode::Shape::sequence;
      throw Refusal{frame.node.where,
                    fmt::format("a {} of {} {} is longer than the limit of {} for a {}", list ? "list" : "map",
                                k_max_items + frame.left_out, list ? "items" : "keys", k_max_items, m_kind.noun)};
    }
    add(std::move(frame.node));
  }

  void add(RawNode node) {
    if (m_stack.empty()) {
      m_root = std::move(node);
      return;
    }
    // Past k_max_items, items and entries are only counted, for the message at the end of the
    // list or map.
    Frame& parent = m_stack.back();
    if (parent.node.shape == RawNode::Shape::sequence) {
      if (parent.node.items.size() < k_max_items) {
        parent.node.items.push_back(std::move(node));
      } else {
        ++parent.left_out;
      }
    } else if (!parent.has_key) {
      parent.key = std::move(node);
      parent.has_key = true;
    } else {
      if (parent.node.entries.size() < k_max_items) {
        parent.node.entries.push_back(RawNode::Entry{std::move(parent.key), std::move(node)});
      } else {
        ++parent.left_out;
      }
      parent.has_key = false;
    }
  }

  struct Frame {
    RawNode node;
    RawNode key;
    bool has_key = false;
    std::size_t left_out = 0;  // items or entries past k_max_items
  };

  std::shared_ptr<const std::string> m_file;
  std::string_view m_text;
  const DocumentKind& m_kind;
  std::vector<Frame> m_stack;
  std::optional<RawNode> m_root;
  int m_documents = 0;
};

}  // namespace

std::optional<RawNode> read_yaml(std::string_view text, const std::shared_ptr<const std::string>& file,
                                 const DocumentKind& kind, Diagnostics& diagnostics) {
  if (text.size() > k_max_file_bytes) {
    diagnostics.error(make_location(file, 0, 0), "the file is larger than the limit of {} bytes (4 MiB) for a {}",
                      k_max_file_bytes, kind.noun);
    return std::nullopt;
  }
  text = text::without_bom(text);
  if (auto refusal = check_text(text, file)) {
    diagnostics.error(refusal->where, "{}", refusal->message);
    return std::nullopt;
  }
  // yaml-cpp counts a CR as a character of the line; dropping CR before LF keeps columns right.
  std::string unix_text;
  unix_text.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) {
      unix_text += text[i];
    }
  }

  std::istringstream stream(unix_text);
  TreeBuilder builder(file, unix_text, kind);
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const Refusal& refusal) {
    diagnostics.error(refusal.where, "{}", refusal.message);
    return std::nullopt;
  } catch (const YAML::DeepRecursion& error) {
    diagnostics.error(builder.at(error.mark), "{}", too_deep(kind));
    return std::nullopt;
  } catch (const YAML::ParserException& error) {
    diagnostics.error(builder.at(error.mark), "invalid YAML: {}{}", error.msg, tab_hint(unix_text, error.mark.line));
    return std::nullopt;
  }
  if (builder.documents() == 0) {
    diagnostics.error(make_location(file, 1, 1), "the file is empty: a {} needs at least {}", kind.noun, kind.needs);
    return std::nullopt;
  }
  return builder.take();
}

std::optional<std::string> read_file_text(const std::string& path, Diagnostics& diagnostics) {
  // read_yaml refuses a longer text, naming the kind of document, which only the text can tell.
  return read_input_file(path, k_max_file_bytes, "", diagnostics);
}

}  // namespace ppsaudit::yaml
