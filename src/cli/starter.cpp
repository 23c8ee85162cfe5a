#include "cli/starter.hpp"

namespace ppsaudit {

const std::vector<std::pair<std::string_view, std::string_view>>& starter_framework_words() {
  static const std::vector<std::pair<std::string_view, std::string_view>> k_words{
      {"send_cop_2015", "examples/starter/send-cop-2015.yaml"},
      {"sen_cop_2001", "examples/starter/sen-cop-2001.yaml"},
  };
  return k_words;
}

std::string_view starter_text(std::string_view framework) {
  for (const auto& [word, path] : starter_framework_words()) {
    if (word != framework) {
      continue;
    }
    for (const auto& file : starter_files()) {
      if (file.path == path) {
        return file.text;
      }
    }
  }
  return {};
}

}  // namespace ppsaudit
