// Parse floor: loads each file named on the command line into yaml-cpp node trees with
// YAML::LoadAllFromFile, and nothing else, so that ppsaudit's time can be read against the
// least any yaml-cpp reader must spend. Exit 0 when every file loads, 1 when any does not.
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <iostream>
#include <string>

int main(int argc, char** argv) {
  std::size_t documents = 0;
  int failed = 0;
  for (int i = 1; i < argc; ++i) {
    try {
      documents += YAML::LoadAllFromFile(argv[i]).size();
    } catch (const YAML::Exception& e) {
      std::cerr << argv[i] << ": " << e.what() << '\n';
      failed = 1;
    }
  }
  std::cout << "load_all: " << argc - 1 << " files, " << documents << " documents\n";
  return failed;
}
