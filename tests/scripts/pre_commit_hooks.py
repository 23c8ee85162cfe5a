"""Runs the hooks of .pre-commit-hooks.yaml with the real pre-commit (Debian's package), as a
register repository would: the `.pre-commit-config.yaml` of docs/ci.md, with its `repo:` pointed
at a local git repository that holds .pre-commit-hooks.yaml committed and tagged with the
example's `rev:`, in a register repository of the two examples' service files and rule packs,
with the built ppsaudit first on PATH. HOME and PRE_COMMIT_HOME are folders of the test, and no
network is used. It shows that:
  1. both hooks pass on the good register (`pre-commit run --all-files`), and the hooks' own
     defaults (no files: or args:) pass too, reading no CI configuration as a service file;
  2. a legal duty not assessable fails ppsaudit-check (exit 1, --fail-on must) and nothing else,
     with the documented args and with the hook's own;
  3. `git commit` of a broken service file is stopped by both hooks, each showing the located
     error, and nothing is committed.
Exit 77 (skipped) when pre-commit is not installed."""
import argparse
import os
import re
import shutil
import subprocess
import sys

import yaml

BROKEN_MESSAGE = "services/broken.yaml:15:5: error: unknown key 'meetngs' in group 'pag' (did you mean 'meetings'?)"


def fail(message):
    sys.exit("pre_commit_hooks: FAIL: " + message)


def run(command, cwd, env, expect=None):
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    output = done.stdout + done.stderr
    if expect is not None and done.returncode != expect:
        fail("'%s' exited %d, not %d:\n%s" % (" ".join(command), done.returncode, expect, output))
    return done.returncode, output


def hook_section(output, name):
    """What pre-commit printed for one hook: its status line and its output, to the next hook."""
    match = re.search(r"^%s\.+.*?(?=^\S[^\n]*\.{3,}|\Z)" % re.escape(name), output, re.M | re.S)
    if not match:
        fail("no result for hook '%s' in:\n%s" % (name, output))
    return match.group(0)


def expect_hook(output, name, status, exit_code=None, contains=()):
    section = hook_section(output, name)
    first = section.splitlines()[0]
    if not first.endswith(status):
        fail("hook '%s' is '%s', expected %s:\n%s" % (name, first, status, output))
    if exit_code is not None and "- exit code: %d" % exit_code not in section:
        fail("hook '%s' did not fail with exit code %d:\n%s" % (name, exit_code, section))
    for text in contains:
        if text not in section:
            fail("hook '%s' does not show %r:\n%s" % (name, text, section))
    print("pre_commit_hooks: %s: %s" % (name, first.rsplit(".", 1)[-1]) +
          (" (exit code %d)" % exit_code if exit_code is not None else ""))


def doc_config(source_dir):
    """The .pre-commit-config.yaml example of docs/ci.md."""
    text = open(os.path.join(source_dir, "docs", "ci.md"), encoding="utf-8").read()
    for block in re.findall(r"^```yaml\n(.*?)^```", text, re.M | re.S):
        if block.startswith("# .pre-commit-config.yaml\n"):
            return yaml.safe_load(block)
    fail("docs/ci.md has no '# .pre-commit-config.yaml' block")


def write_config(register, hooks_repo, rev, hooks):
    config = {"repos": [{"repo": hooks_repo, "rev": rev, "hooks": hooks}]}
    with open(os.path.join(register, ".pre-commit-config.yaml"), "w", encoding="utf-8") as file:
        yaml.safe_dump(config, file, sort_keys=False)


def write_settings(register, as_of):
    with open(os.path.join(register, "ppsaudit.yaml"), "w", encoding="utf-8") as file:
        file.write("ppsaudit-config: 1\nas_of: %s\n" % as_of)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--work-dir", required=True)
    args = parser.parse_args()
    pre_commit = shutil.which("pre-commit")
    if not pre_commit:
        print("pre_commit_hooks: pre-commit is not installed (apt-get install pre-commit); skipped")
        sys.exit(77)
    work = os.path.abspath(args.work_dir)
    shutil.rmtree(work, ignore_errors=True)
    home, bin_dir, hooks_repo, register = (os.path.join(work, name) for name in ("home", "bin", "hooks", "register"))
    for folder in (home, bin_dir, hooks_repo, os.path.join(register, "services")):
        os.makedirs(folder)
    os.symlink(os.path.abspath(args.binary), os.path.join(bin_dir, "ppsaudit"))
    env = {key: value for key, value in os.environ.items() if not key.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(HOME=home, XDG_CACHE_HOME=os.path.join(work, "cache"), PRE_COMMIT_HOME=os.path.join(work, "pre-commit"),
               PRE_COMMIT_COLOR="never", GIT_CONFIG_NOSYSTEM="1", GIT_AUTHOR_NAME="ppsaudit test",
               GIT_AUTHOR_EMAIL="test@example.org", GIT_COMMITTER_NAME="ppsaudit test",
               GIT_COMMITTER_EMAIL="test@example.org", PATH=bin_dir + os.pathsep + os.environ.get("PATH", "/usr/bin:/bin"))
    env.pop("SKIP", None)
    env.pop("NO_COLOR", None)

    example = doc_config(args.source_dir)
    repo = example["repos"][0]
    rev, hooks = repo["rev"], repo["hooks"]

    # The hooks repository: .pre-commit-hooks.yaml committed, tagged as the example's rev.
    shutil.copy(os.path.join(args.source_dir, ".pre-commit-hooks.yaml"), hooks_repo)
    for command in (["git", "init", "-q"], ["git", "add", "."], ["git", "commit", "-qm", "hooks"],
                    ["git", "tag", rev]):
        run(command, hooks_repo, env, expect=0)

    # The register: the two examples and their packs in services/, a CI configuration beside
    # them, and ppsaudit.yaml dating the audit after the 2001 frameworks ended, when only the
    # services' own commitments (none a legal duty) apply.
    for name in ("cambridgeshire-pps", "east-sussex-parent-link"):
        for suffix in (".yaml", ".rules.yaml"):
            shutil.copy(os.path.join(args.source_dir, "examples", name + suffix), os.path.join(register, "services"))
    with open(os.path.join(register, ".gitlab-ci.yml"), "w", encoding="utf-8") as file:
        file.write("audit:\n  script: [ppsaudit check services/]\n")
    write_settings(register, "2016-06-30")
    run(["git", "init", "-q"], register, env, expect=0)

    # 1. The documented configuration, then the hooks' defaults, on the good register.
    write_config(register, hooks_repo, rev, hooks)
    run(["git", "add", "."], register, env, expect=0)
    run(["git", "commit", "-qm", "register", "--no-verify"], register, env, expect=0)
    _, output = run([pre_commit, "run", "--all-files"], register, env, expect=0)
    expect_hook(output, "ppsaudit validate", "Passed")
    expect_hook(output, "ppsaudit check", "Passed")
    write_config(register, hooks_repo, rev, [{"id": hook["id"]} for hook in hooks])
    _, output = run([pre_commit, "run", "--all-files"], register, env, expect=0)
    expect_hook(output, "ppsaudit validate", "Passed")
    expect_hook(output, "ppsaudit check", "Passed")
    write_config(register, hooks_repo, rev, hooks)

    # 2. Audited in the 2001 era, a legal duty is not assessable: check fails with findings.
    write_settings(register, "2008-07-31")
    run(["git", "add", "ppsaudit.yaml"], register, env, expect=0)
    _, output = run([pre_commit, "run"], register, env, expect=1)
    expect_hook(output, "ppsaudit validate", "Skipped")   # files: ^services/, and none changed
    expect_hook(output, "ppsaudit check", "Failed", 1, ["NOT ASSESSABLE [must]"])
    write_config(register, hooks_repo, rev, [{"id": hook["id"]} for hook in hooks])
    _, output = run([pre_commit, "run", "--all-files"], register, env, expect=1)
    expect_hook(output, "ppsaudit validate", "Passed")
    expect_hook(output, "ppsaudit check", "Failed", 1, ["NOT ASSESSABLE [must]"])
    write_config(register, hooks_repo, rev, hooks)
    write_settings(register, "2016-06-30")
    run(["git", "add", "ppsaudit.yaml"], register, env, expect=0)

    # 3. A broken service file: the commit is stopped, each hook locating the error.
    shutil.copy(os.path.join(args.source_dir, "tests", "bad-input", "unknown-nested-key.yaml"),
                os.path.join(register, "services", "broken.yaml"))
    run([pre_commit, "install"], register, env, expect=0)
    run(["git", "add", "."], register, env, expect=0)
    _, before = run(["git", "rev-parse", "HEAD"], register, env, expect=0)
    code, output = run(["git", "commit", "-m", "a broken service file"], register, env)
    _, after = run(["git", "rev-parse", "HEAD"], register, env, expect=0)
    if code == 0 or before != after:
        fail("the commit of a broken service file went through (exit %d):\n%s" % (code, output))
    expect_hook(output, "ppsaudit validate", "Failed", 2, [BROKEN_MESSAGE])
    expect_hook(output, "ppsaudit check", "Failed", 2, [BROKEN_MESSAGE])
    print("pre_commit_hooks: the hooks pass a good register, fail on a legal duty and stop a broken file")


if __name__ == "__main__":
    main()
