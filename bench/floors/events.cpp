// Parse floor: reads each file named on the command line through yaml-cpp's event API
// (YAML::Parser with an EventHandler that only counts events), so no node tree is built: the
// least a streaming reader on yaml-cpp must spend. Exit 0 when every file parses, 1 otherwise.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <fstream>
#include <iostream>
#include <string>

namespace {

// Counts events, so that the parse cannot be optimised away and the output shows it happened.
class EventCounter : public YAML::EventHandler {
 public:
  std::size_t events = 0;
  void OnDocumentStart(const YAML::Mark&) override { ++events; }
  void OnDocumentEnd() override { ++events; }
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override { ++events; }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnSequenceEnd() override { ++events; }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnMapEnd() override { ++events; }
};

}  // namespace

int main(int argc, char** argv) {
  EventCounter counter;
  int failed = 0;
  for (int i = 1; i < argc; ++i) {
    std::ifstream in(argv[i], std::ios::binary);
    if (!in) {
      std::cerr << argv[i] << ": cannot open\n";
      failed = 1;
      continue;
    }
    try {
      YAML::Parser parser(in);
      while (parser.HandleNextDocument(counter)) {
      }
    } catch (const YAML::Exception& e) {
      std::cerr << argv[i] << ": " << e.what() << '\n';
      failed = 1;
    }
  }
  std::cout << "events: " << argc - 1 << " files, " << counter.events << " events\n";
  return failed;
}
