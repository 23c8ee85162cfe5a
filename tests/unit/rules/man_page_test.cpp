#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "cel/env.hpp"
#include "rules/domain_functions.hpp"
#include "rules/service_binding.hpp"

// Keeps DOMAIN FUNCTIONS of man/ppsaudit-rules.5 in step with what the rule environment
// declares: both lists are read, one from the page and one from the code, never written here.

namespace {

// The man page as roff source.
std::string man_page() {
  std::ifstream in(PPSAUDIT_SOURCE_DIR "/man/ppsaudit-rules.5", std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot open man/ppsaudit-rules.5");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The part of `page` from the line `heading` to the next heading of the same level (".SH" or
// ".SS"), or to the end.
std::string section(const std::string& page, std::string_view heading) {
  const std::string start = "\n" + std::string(heading) + "\n";
  const auto from = page.find(start);
  REQUIRE_MESSAGE(from != std::string::npos, "man/ppsaudit-rules.5 has no '" << heading << "'");
  const std::string level = "\n" + std::string(heading.substr(0, 3)) + " ";
  const auto to = page.find(level, from + start.size());
  return page.substr(from + 1, to == std::string::npos ? std::string::npos : to - from);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

// The arguments of a roff font macro: ".BI due( t \", \" c \") \\(-> timestamp\"" gives
// {"due(", "t", ", ", "c", ") \\(-> timestamp"}.
std::vector<std::string> macro_arguments(std::string_view line) {
  std::vector<std::string> arguments;
  std::size_t at = line.find(' ');
  while (at != std::string_view::npos && at < line.size()) {
    at = line.find_first_not_of(' ', at);
    if (at == std::string_view::npos) {
      break;
    }
    const bool quoted = line[at] == '"';
    const std::size_t begin = quoted ? at + 1 : at;
    const std::size_t end = line.find(quoted ? '"' : ' ', begin);
    arguments.emplace_back(line.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
    at = end == std::string_view::npos ? end : end + 1;
  }
  return arguments;
}

// "due(2) -> timestamp": how the page and the code are compared.
std::string signature(std::string_view name, std::size_t arity, std::string_view result) {
  return std::string(name) + "(" + std::to_string(arity) + ") -> " + std::string(result);
}

// The functions DOMAIN FUNCTIONS documents, each an entry tagged
// ".BI name( arg \", \" arg \") \\(-> result\"" (bold and italic alternate: the italic
// arguments are the parameters).
std::set<std::string> documented_signatures(const std::string& page) {
  std::set<std::string> signatures;
  const auto lines = lines_of(section(page, ".SH DOMAIN FUNCTIONS"));
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (lines[i - 1] != ".TP" || !lines[i].starts_with(".BI ")) {
      continue;
    }
    const auto arguments = macro_arguments(lines[i]);
    const auto open = arguments.front().find('(');
    const auto arrow = arguments.back().find("\\(-> ");
    REQUIRE_MESSAGE((open != std::string::npos && arrow != std::string::npos),
                    "not a function entry of the form name( args ) \\(-> type: " << lines[i]);
    signatures.insert(
        signature(arguments.front().substr(0, open), arguments.size() / 2, arguments.back().substr(arrow + 5)));
  }
  return signatures;
}

std::set<std::string> names_of(const std::set<std::string>& signatures) {
  std::set<std::string> names;
  for (const auto& item : signatures) {
    names.insert(item.substr(0, item.find('(')));
  }
  return names;
}

std::set<std::string> overload_ids(const ppsaudit::cel::FunctionDecl& decl) {
  std::set<std::string> ids;
  for (const auto* overloads : {&decl.global, &decl.receiver}) {
    for (const auto& overload : *overloads) {
      ids.insert(overload.id);
    }
  }
  return ids;
}

// What declare_domain_functions adds to the standard environment: every overload it declares,
// under a new name or beside a standard one (string(Cadence) beside string(int)...).
std::set<std::string> declared_signatures() {
  const auto standard = ppsaudit::cel::Env::standard();
  auto domain = standard;
  ppsaudit::rules::declare_domain_functions(domain);
  std::set<std::string> signatures;
  for (const auto& name : domain.function_names()) {
    const auto* before = standard.find_function(name);
    const std::set<std::string> known = before != nullptr ? overload_ids(*before) : std::set<std::string>{};
    const auto& decl = *domain.find_function(name);
    for (const auto* overloads : {&decl.global, &decl.receiver}) {
      for (const auto& overload : *overloads) {
        if (!known.contains(overload.id)) {
          signatures.insert(signature(name, overload.params.size(), overload.result.to_string()));
        }
      }
    }
  }
  return signatures;
}

// The variables the page lists: the tagged entries of "Variables" (".B as_of" with its type on
// the next line, "\fBtimestamp\fR.") and the rows of the table of top-level keys ("name  type").
std::map<std::string, std::string> documented_variables(const std::string& page) {
  std::map<std::string, std::string> variables;
  const auto lines = lines_of(section(page, ".SS Variables"));
  enum class Place { before, after_tag, in_table } place = Place::before;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (lines[i - 1] == ".TP" && lines[i].starts_with(".B ") && i + 1 < lines.size() &&
        lines[i + 1].starts_with("\\fB")) {
      const auto& type = lines[i + 1];
      variables[lines[i].substr(3)] = type.substr(3, type.find("\\fR") - 3);
    }
    if (lines[i].starts_with(".I one variable for each")) {
      place = Place::after_tag;
    } else if (place == Place::after_tag && lines[i] == ".EX") {
      place = Place::in_table;
    } else if (place == Place::in_table && lines[i] == ".EE") {
      break;
    } else if (place == Place::in_table) {
      std::istringstream row(lines[i]);
      std::string name;
      std::string type;
      row >> name >> type;
      variables[name] = type;
    }
  }
  return variables;
}

std::map<std::string, std::string> declared_variables() {
  ppsaudit::cel::Env env;
  ppsaudit::rules::declare_service(env);
  std::map<std::string, std::string> variables;
  for (const auto& name : env.variable_names()) {
    variables[name] = env.find_variable(name)->to_string();
  }
  return variables;
}

// "a, b" for the items of `these` that `those` lacks; "" if none.
template <typename Container>
std::string missing(const Container& these, const Container& those) {
  std::string list;
  for (const auto& item : these) {
    if (!those.contains(item)) {
      list += (list.empty() ? "" : ", ") + item;
    }
  }
  return list;
}

}  // namespace

TEST_CASE("the rules man page documents every domain function the rule environment declares") {
  const auto declared = names_of(declared_signatures());
  REQUIRE(declared.size() >= 10);  // the comparison with the standard library found them
  const auto documented = names_of(documented_signatures(man_page()));
  CHECK_MESSAGE(
      missing(declared, documented).empty(),
      "domain functions not documented in man/ppsaudit-rules.5, DOMAIN FUNCTIONS: " << missing(declared, documented));
}

TEST_CASE("every domain function the rules man page documents is declared") {
  const auto declared = names_of(declared_signatures());
  const auto documented = names_of(documented_signatures(man_page()));
  REQUIRE(!documented.empty());
  CHECK_MESSAGE(missing(documented, declared).empty(),
                "man/ppsaudit-rules.5 documents domain functions the rule environment does not declare: " << missing(
                    documented, declared));
}

TEST_CASE("the rules man page gives each domain function's number of arguments and result type") {
  const auto declared = declared_signatures();
  const auto documented = documented_signatures(man_page());
  CHECK_MESSAGE(missing(declared, documented).empty(),
                "declared but not documented as such: " << missing(declared, documented));
  CHECK_MESSAGE(missing(documented, declared).empty(),
                "documented but not declared as such: " << missing(documented, declared));
}

TEST_CASE("the rules man page lists every variable a rule can read, with its type") {
  const auto declared = declared_variables();
  REQUIRE(declared.size() > 10);
  const auto documented = documented_variables(man_page());
  std::set<std::string> declared_rows;
  std::set<std::string> documented_rows;
  for (const auto& [name, type] : declared) {
    declared_rows.insert(name + " " + type);
  }
  for (const auto& [name, type] : documented) {
    documented_rows.insert(name + " " + type);
  }
  CHECK_MESSAGE(missing(declared_rows, documented_rows).empty(),
                "variables not listed in man/ppsaudit-rules.5, Variables: " << missing(declared_rows, documented_rows));
  CHECK_MESSAGE(
      missing(documented_rows, declared_rows).empty(),
      "man/ppsaudit-rules.5 lists variables that are not declared: " << missing(documented_rows, declared_rows));
}

TEST_CASE("the man page reader splits a roff font macro into its arguments") {
  CHECK(macro_arguments(".BI due( t \", \" c \") \\(-> timestamp\"") ==
        std::vector<std::string>{"due(", "t", ", ", "c", ") \\(-> timestamp"});
  CHECK(macro_arguments(".BI iso_date( t \") \\(-> string\"") ==
        std::vector<std::string>{"iso_date(", "t", ") \\(-> string"});
}
