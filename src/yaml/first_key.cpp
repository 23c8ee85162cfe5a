#include "yaml/first_key.hpp"

#include <sstream>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "text/utf8.hpp"

namespace ppsaudit::yaml {

namespace {

// Stops the parse at the first key of the top-level map.
class FirstKeyFinder final : public YAML::EventHandler {
 public:
  struct Stop {};

  std::optional<std::string> key;

  void OnDocumentStart(const YAML::Mark& /*mark*/) override {}
  void OnDocumentEnd() override { throw Stop{}; }
  void OnNull(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override { throw Stop{}; }
  void OnAlias(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override { throw Stop{}; }
  void OnScalar(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                const std::string& value) override {
    if (m_in_map) {
      key = value;
    }
    throw Stop{};
  }
  void OnSequenceStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                       YAML::EmitterStyle::value /*style*/) override {
    throw Stop{};
  }
  void OnSequenceEnd() override { throw Stop{}; }
  void OnMapStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                  YAML::EmitterStyle::value /*style*/) override {
    if (m_in_map) {
      throw Stop{};  // a map as the first key
    }
    m_in_map = true;
  }
  void OnMapEnd() override { throw Stop{}; }

 private:
  bool m_in_map = false;
};

}  // namespace

std::optional<std::string> first_key(std::string_view text) {
  std::istringstream stream{std::string(text::without_bom(text))};
  FirstKeyFinder finder;
  try {
    YAML::Parser parser(stream);
    parser.HandleNextDocument(finder);
  } catch (const FirstKeyFinder::Stop&) {
  } catch (const YAML::Exception&) {
    return std::nullopt;
  }
  return finder.key;
}

}  // namespace ppsaudit::yaml
