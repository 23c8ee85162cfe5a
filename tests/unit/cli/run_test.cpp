#include <sstream>
#include <string>
#include <vector>

#include <doctest/doctest.h>

#include "cli/quiet.hpp"
#include "cli/run.hpp"

namespace {

struct Result {
  int status = 0;
  std::string out;
  std::string err;
};

// Runs the whole command line in-process, from the source tree.
Result run(std::vector<std::string> args) {
  for (auto& arg : args) {
    if (arg.starts_with("examples/")) {
      arg.insert(0, "/").insert(0, PPSAUDIT_SOURCE_DIR);
    }
  }
  std::ostringstream out;
  std::ostringstream err;
  const int status = ppsaudit::run(args, out, err);
  return {status, out.str(), err.str()};
}

std::size_t count(const std::string& text, const std::string& word) {
  std::size_t n = 0;
  for (auto at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("takes one pack per --rules, so the service files after it are still audited") {
  const auto result =
      run({"check", "--rules", "examples/cambridgeshire-pps.rules.yaml", "examples/cambridgeshire-pps.yaml",
           "examples/east-sussex-parent-link.yaml", "--as-of", "2009-01-01", "--format", "json", "--fail-on", "none"});
  CHECK(result.err.empty());
  CHECK(result.status == 0);
  CHECK(count(result.out, "\"as_of\": \"2009-01-01\"") == 2);
}

TEST_CASE("adds every pack given with a repeated --rules") {
  const auto result = run({"rules", "list", "--rules", "examples/cambridgeshire-pps.rules.yaml", "--rules",
                           "examples/east-sussex-parent-link.rules.yaml"});
  CHECK(result.status == 0);
  CHECK(count(result.out, "\ncambridgeshire-pps/") > 10);
  CHECK(count(result.out, "\neast-sussex-parent-link/") > 10);
}

TEST_CASE("fails the run on a should-level miss by default and not with --fail-on none") {
  const std::vector<std::string> base{"check", "examples/cambridgeshire-pps.yaml", "--as-of", "2008-07-31", "--color",
                                      "never"};
  CHECK(run(base).status == 1);
  auto lenient = base;
  lenient.insert(lenient.end(), {"--fail-on", "none"});
  CHECK(run(lenient).status == 0);
}

TEST_CASE("refuses an impossible audit date with exit status 2") {
  const auto result = run({"check", "examples/cambridgeshire-pps.yaml", "--as-of", "2008-02-30"});
  CHECK(result.status == 2);
  CHECK(result.err == "ppsaudit: error: --as-of: '2008-02-30' is not a date: 2008-02 has no day 30\n");
}

TEST_CASE("rules eval prints a list shared 2^40 times over up to the print limit, and says so") {
  // Issue 12, finding 1: 40 levels, each the one below twice over, cost a few steps each.
  std::string expression = "[1]";
  for (int i = 0; i < 40; ++i) {
    expression += ".map(a, [a, a])";
  }
  const Result result = run({"rules", "eval", expression});
  CHECK(result.status == 0);
  CHECK(result.out.size() <= 64 * 1024 + 1);
  CHECK(result.out.starts_with("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1, 1], [1, 1]], "));
  CHECK(result.out.ends_with("…\n"));
  CHECK(result.err == "expression:1:1: note: the value is cut at 65536 bytes\n");
}

TEST_CASE("rules eval stops comparing a list shared 2^40 times over at the cost budget") {
  std::string expression = "[1]";
  for (int i = 0; i < 40; ++i) {
    expression += ".map(a, [a, a])";
  }
  const Result result = run({"rules", "eval", expression + "[0] == " + expression + "[0]"});
  CHECK(result.status == 1);
  CHECK(result.out.empty());
  CHECK(result.err.ends_with(": error: evaluation cost budget of 1000000 exceeded\n"));
}

TEST_CASE("a misspelt command gets a did-you-mean and the list of commands") {
  const auto result = run({"chek", "x.yaml"});
  CHECK(result.status == 2);
  CHECK(result.out.empty());
  CHECK(result.err ==
        "ppsaudit: error: unknown command 'chek' (did you mean 'check'?); the commands are init, validate, check, "
        "compare, due, rules, schema\nppsaudit: note: run 'ppsaudit help' for usage\n");
  CHECK(run({"deu", "x.yaml"}).err.starts_with("ppsaudit: error: unknown command 'deu' (did you mean 'due'?)"));
  CHECK(run({"rules", "tset"})
            .err.starts_with("ppsaudit: error: unknown rules command 'tset' (did you mean 'test'?); the commands are "
                             "eval, list, explain, "
                             "lint, test\n"));
  CHECK(run({"frobnicate"}).err.starts_with("ppsaudit: error: unknown command 'frobnicate'; the commands are"));
}

TEST_CASE("a misspelt option gets a did-you-mean among the command's own options") {
  const auto result = run({"check", "examples/east-sussex-parent-link.yaml", "--fromat=json", "--colr", "never"});
  CHECK(result.status == 2);
  CHECK(result.err ==
        "ppsaudit: error: check: unknown option '--fromat' (did you mean '--format'?)\n"
        "ppsaudit: error: check: unknown option '--colr' (did you mean '--color'?)\n"
        "ppsaudit: note: run 'ppsaudit help check' for usage\n");
  // --baseline is an option of check, not of compare.
  CHECK(run({"compare", "a.yaml", "b.yaml", "--baselin", "x"})
            .err.starts_with("ppsaudit: error: compare: unknown option '--baselin'\n"));
}

TEST_CASE("help, version and -V are understood as words") {
  const auto help = run({"help"});
  CHECK(help.status == 0);
  CHECK(help.out.find("Subcommands:") != std::string::npos);
  const auto help_check = run({"help", "check"});
  CHECK(help_check.status == 0);
  CHECK(help_check.out.find("--fail-on") != std::string::npos);
  CHECK(help_check.out.find("Usage: ppsaudit check [OPTIONS]") != std::string::npos);
  CHECK(run({"help", "rules", "eval"}).out.find("Usage: ppsaudit rules eval [OPTIONS]") != std::string::npos);
  CHECK(run({"help", "rules", "eval"}).out.find("--service") != std::string::npos);
  CHECK(run({"help", "chek"}).status == 2);
  for (const std::string word : {"version", "-V", "--version"}) {
    const auto version = run({word});
    CHECK(version.status == 0);
    CHECK(version.out.starts_with("ppsaudit "));
    CHECK(version.err.empty());
    // The built-in packs, each with its edition.
    CHECK(version.out.find("\nbuilt-in rule packs:\n") != std::string::npos);
    CHECK(version.out.find("\n  sen-cop-2001  edition ") != std::string::npos);
    CHECK(version.out.find("\n  iass-2018  edition ") != std::string::npos);
    CHECK(version.out.find("\n  nppn-2010  edition ") != std::string::npos);
  }
}

TEST_CASE("completion prints a shell's script, and is not listed among the commands") {
  const auto bash = run({"completion", "bash"});
  CHECK(bash.status == 0);
  CHECK(bash.out.find("    'check/--format') echo 'words text json ") != std::string::npos);
  CHECK(bash.out.find("    'check/--profile') echo 'words pps iass' ;;") != std::string::npos);
  CHECK(bash.out.find("    'rules explain') echo 'rule-id' ;;") != std::string::npos);
  CHECK(bash.out.find("'completion") == std::string::npos);
  CHECK(run({"completion", "zsh"}).out.starts_with("#compdef ppsaudit\n"));
  CHECK(run({"completion", "fish"}).status == 2);
  CHECK(run({"completion"}).err.starts_with("ppsaudit: error: completion needs a shell"));
  CHECK(run({"help"}).out.find("completion") == std::string::npos);
}

TEST_CASE("a missing argument names what the command needs, with its usage") {
  CHECK(run({}).err ==
        "ppsaudit: error: name a command: init, validate, check, compare, due, rules, schema\n"
        "ppsaudit: note: run 'ppsaudit help' for usage\n");
  CHECK(run({"check"}).err ==
        "ppsaudit: error: check needs at least one service file or folder of them: ppsaudit check FILE|FOLDER...\n"
        "ppsaudit: note: run 'ppsaudit help check' for usage\n");
  CHECK(run({"compare", "a.yaml"}).err.starts_with("ppsaudit: error: compare needs two service files"));
  CHECK(run({"due"}).err ==
        "ppsaudit: error: due needs at least one service file or folder of them: ppsaudit due FILE|FOLDER...\n"
        "ppsaudit: note: run 'ppsaudit help due' for usage\n");
  CHECK(run({"rules"}).err.starts_with("ppsaudit: error: rules needs a command: eval, list, explain, lint, test\n"));
  CHECK(run({"rules", "explain"}).err.starts_with("ppsaudit: error: rules explain needs a rule id"));
  CHECK(run({"check"}).status == 2);
}

TEST_CASE("--quiet keeps the exit status and the errors, and nothing else") {
  // The 2019 audit date is after the framework's end: a warning, and should-level rules not met.
  const auto loud = run({"check", "examples/east-sussex-parent-link.yaml", "--as-of", "2019-12-31"});
  const auto quiet = run({"check", "examples/east-sussex-parent-link.yaml", "--as-of", "2019-12-31", "--quiet"});
  CHECK(loud.status == 1);
  CHECK(loud.err.find(": warning: ") != std::string::npos);
  CHECK(quiet.status == 1);
  CHECK(quiet.out.empty());
  CHECK(quiet.err.empty());
  const auto bad = run({"validate", "-q", "examples/no-such-file.yaml"});
  CHECK(bad.status == 2);
  CHECK(bad.err.find(": error: cannot open") != std::string::npos);
}

TEST_CASE("--quiet drops the lines of warnings and notes, whole, and keeps every other line") {
  CHECK(ppsaudit::quiet_keeps("x.yaml:1:2: error: bad"));
  CHECK_FALSE(ppsaudit::quiet_keeps("x.yaml:1:2: warning: odd"));
  CHECK_FALSE(ppsaudit::quiet_keeps("x.yaml:1:2: note: first given here"));
  // The first severity word decides, whatever the message quotes after it.
  CHECK_FALSE(ppsaudit::quiet_keeps("x.yaml:1:2: warning: 'a: error: b' is odd"));
  CHECK(ppsaudit::quiet_keeps("ppsaudit: error: 'a: note: b' is not a file"));
  CHECK(ppsaudit::quiet_keeps("  a line of no severity"));

  std::ostringstream target;
  {
    ppsaudit::ErrorsOnlyBuffer buffer(target);
    std::ostream err(&buffer);
    err << "a.yaml:1:1: warning: w\n"
        << "a.yaml:2:1: err"
        << "or: e\n"
        << "a.yaml:2:1: note: n\nb.yaml: error: last, without a newline";
  }
  CHECK(target.str() == "a.yaml:2:1: error: e\nb.yaml: error: last, without a newline\n");
}
