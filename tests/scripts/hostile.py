#!/usr/bin/env python3
"""Runs one case of the hostile-input corpus (tests/hostile/AREA/NAME) against the real binary.

A case is a file whose expectations are comments inside it, as in tests/scripts/expect.py, with
more to set the stage, since an attacker's input is often not a file's text but its kind, its
name, its size or what happens while it is read:

    # setup: STEP ...               (in order, in the case's own empty work folder; see below)
    # args: ARGS                    (default: validate {file})
    # signal: NAME when-hidden-file-in DIR
                                    (send SIGNAME once a hidden file appears in {work}/DIR)
    # expect-exit: N                (default 2; a signal's death is 128+N, as a shell shows it)
    # expect-stderr: LINE           (every line of stderr, in order; none = stderr empty)
    # expect-stdout: LINE           (every line of stdout, in order; none = stdout empty)
    # expect-stdout-contains: TEXT  (instead of the lines: each TEXT is somewhere in stdout)
    # expect-output-lacks: TEXT     (neither stdout nor stderr holds TEXT, after \\e, \\xNN and
                                     \\uNNNN in it are decoded: a raw byte that must not get out)
    # expect-file: PATH CHECK       (after the run: unchanged, absent, regular, fifo,
                                     symlink, mode 0NNN, contains TEXT)
    # expect-no-hidden-files: DIR   (no temporary file is left in {work}/DIR)
    # timeout: SECONDS              (default 60; running past it fails the case)

Every case also requires stdout and stderr to be valid UTF-8, whatever the input held.

In ARGS and in the expectations, {file} is the case's own path, {work} its work folder and
{source} the source tree, which is the working directory. ARGS are split as a shell would,
after which \\e, \\xNN, \\uNNNN and \\n in an argument written $'...' are decoded, as bash does.

Setup steps (PATH is inside {work}; a LITERAL is a Python string or bytes literal, and N*LITERAL
repeats it):
    write PATH PART...       a file whose content is the parts in order
    copy SOURCE PATH         a copy of a file of the source tree
    mkdir PATH / mkfifo PATH / symlink PATH TARGET / chmod PATH MODE (octal)
    sparse PATH SIZE         a file of SIZE NUL bytes that takes no disk space
    services PATH COUNT      a register of COUNT generated services (bench/generate.py)
    empty-files PATH COUNT   a folder of COUNT empty *.yaml files
A PATH written as a literal may hold any character, so a file name can carry an escape byte.
"""
import argparse
import ast
import os
import re
import shlex
import shutil
import signal
import stat
import subprocess
import sys
import time

import expect  # tests/scripts/expect.py, beside this file: the "# name: value" directives

DIRECTIVES = ("setup", "args", "signal", "expect-exit", "expect-stderr", "expect-stdout",
              "expect-stdout-contains", "expect-output-lacks", "expect-file", "expect-no-hidden-files", "timeout")
TOKEN = re.compile(r"""\d+\*b?'(?:[^'\\]|\\.)*'|\d+\*b?"(?:[^"\\]|\\.)*"|b?'(?:[^'\\]|\\.)*'|b?"(?:[^"\\]|\\.)*"|\S+""")


def read_directives(path):
    return expect.read_directives(path, DIRECTIVES)


def literal(token):
    """A setup token's value: a Python literal's, N*literal repeated, or the token itself."""
    count = 1
    match = re.match(r"(\d+)\*(.*)$", token, re.S)
    if match and match.group(2)[:1] in "'\"b":
        count, token = int(match.group(1)), match.group(2)
    if token[:1] in "'\"" or token[:2] in ("b'", 'b"'):
        value = ast.literal_eval(token)
    else:
        value = token
    return value * count


def as_bytes(value):
    return value if isinstance(value, bytes) else value.encode("utf-8")


def bash_quoted(argument):
    """The bytes bash makes of $'...': \\e, \\xNN, \\uNNNN (as UTF-8), \\n, \\t and \\\\."""
    out = bytearray()
    position = 0
    while position < len(argument):
        match = re.match(r"\\(e|n|t|\\|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4})", argument[position:])
        if not match:
            out += argument[position].encode("utf-8")
            position += 1
            continue
        code = match.group(1)
        if code[0] == "x":
            out.append(int(code[1:], 16))
        elif code[0] == "u":
            out += chr(int(code[1:], 16)).encode("utf-8")
        else:
            out += {"e": b"\x1b", "n": b"\n", "t": b"\t", "\\": b"\\"}[code]
        position += len(match.group(0))
    return os.fsdecode(bytes(out))


def split_args(text):
    """Words as a shell splits them, with $'...' decoded as bash does."""
    arguments = []
    for word in shlex.split(text.replace("$'", "'$BASH:")):
        arguments.append(bash_quoted(word[len("$BASH:"):]) if word.startswith("$BASH:") else word)
    return arguments


def set_up(step, work, source_dir):
    tokens = TOKEN.findall(step)
    verb, rest = tokens[0], tokens[1:]
    path = os.path.join(os.fsencode(work), as_bytes(literal(rest[0])))
    if verb == "write":
        with open(path, "wb") as handle:
            for part in rest[1:]:
                handle.write(as_bytes(literal(part)))
    elif verb == "copy":
        shutil.copyfile(os.path.join(source_dir, rest[0]), os.path.join(os.fsencode(work), as_bytes(literal(rest[1]))))
    elif verb == "mkdir":
        os.makedirs(path, exist_ok=True)
    elif verb == "sparse":
        with open(path, "wb") as handle:
            handle.truncate(int(rest[1]))
    elif verb == "chmod":
        os.chmod(path, int(rest[1], 8))
    elif verb == "mkfifo":
        os.mkfifo(path)
    elif verb == "symlink":
        os.symlink(as_bytes(literal(rest[1])), path)
    elif verb == "services":
        subprocess.run([sys.executable, os.path.join(source_dir, "bench", "generate.py"), path,
                        "--count", rest[1]], check=True, capture_output=True)
    elif verb == "empty-files":
        os.makedirs(path, exist_ok=True)
        for number in range(int(rest[1])):
            with open(os.path.join(path, b"s%06d.yaml" % number), "wb"):
                pass
    else:
        raise SystemExit(f"unknown setup step '{verb}'")


def snapshot(work):
    """Every regular file's bytes under work (to tell what a run changed)."""
    files = {}
    for folder, _, names in os.walk(work):
        for name in names:
            path = os.path.join(folder, name)
            if os.path.isfile(path) and not os.path.islink(path) and os.path.getsize(path) < (64 << 20):
                with open(path, "rb") as handle:
                    files[os.path.relpath(path, work)] = handle.read()
    return files


def check_file(check, work, before):
    name, _, what = check.partition(" ")
    path = os.path.join(work, name)
    kind, _, argument = what.partition(" ")
    if kind == "unchanged":
        with open(path, "rb") as handle:
            return None if handle.read() == before.get(name) else f"{name} was changed"
    if kind == "absent":
        return None if not os.path.lexists(path) else f"{name} exists"
    if kind == "regular":
        return None if stat.S_ISREG(os.lstat(path).st_mode) else f"{name} is not a regular file"
    if kind == "fifo":
        return None if stat.S_ISFIFO(os.lstat(path).st_mode) else f"{name} is no longer a FIFO"
    if kind == "symlink":
        return None if os.path.islink(path) else f"{name} is no longer a symbolic link"
    if kind == "mode":
        mode = stat.S_IMODE(os.lstat(path).st_mode)
        return None if mode == int(argument, 8) else f"{name} has mode {mode:04o}, expected {argument}"
    if kind == "contains":
        with open(path, "rb") as handle:
            return None if argument.encode("utf-8") in handle.read() else f"{name} lacks '{argument}'"
    return f"unknown file check '{kind}'"


def run(binary, args, directives, work, timeout):
    environment = dict(os.environ, NO_COLOR="1")
    if not directives["signal"]:
        return subprocess.run([binary] + args, capture_output=True, timeout=timeout, env=environment)
    name, _, condition = directives["signal"][0].partition(" when-hidden-file-in ")
    folder = os.path.join(work, condition)
    process = subprocess.Popen([binary] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=environment)
    start = time.monotonic()
    while process.poll() is None and time.monotonic() - start < timeout:
        if any(entry.startswith(".") for entry in os.listdir(folder)):
            process.send_signal(getattr(signal, "SIG" + name))
            break
        time.sleep(0.001)
    stdout, stderr = process.communicate(timeout=timeout)
    status = process.returncode
    return subprocess.CompletedProcess(args, 128 - status if status < 0 else status, stdout, stderr)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--work-dir", required=True)
    parser.add_argument("case")
    options = parser.parse_args()

    os.chdir(options.source_dir)
    case = options.case
    directives = read_directives(case)
    work = os.path.abspath(options.work_dir)
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    for step in directives["setup"]:
        set_up(step, work, options.source_dir)
    before = snapshot(work)

    def expand(text):
        return text.replace("{file}", case).replace("{work}", work).replace("{source}", options.source_dir)

    args = split_args(expand(directives["args"][0])) if directives["args"] else ["validate", case]
    want_exit = int(directives["expect-exit"][0]) if directives["expect-exit"] else 2
    timeout = float(directives["timeout"][0]) if directives["timeout"] else 60
    want_stderr = [expand(line) for line in directives["expect-stderr"]]
    want_stdout = [expand(line) for line in directives["expect-stdout"]]

    started = time.monotonic()
    try:
        result = run(options.binary, args, directives, work, timeout)
    except subprocess.TimeoutExpired:
        print(f"FAIL {case}: ppsaudit did not finish within {timeout:g} seconds")
        return 1
    seconds = time.monotonic() - started
    got_stderr = result.stderr.decode("utf-8", errors="backslashreplace").splitlines()
    stdout = result.stdout.decode("utf-8", errors="backslashreplace")

    failures = []
    for name, data in (("stdout", result.stdout), ("stderr", result.stderr)):
        try:
            data.decode("utf-8", errors="strict")
        except UnicodeDecodeError as error:
            failures.append(f"{name} is not UTF-8 at byte {error.start} (every output is, whatever the input)")
    if result.returncode != want_exit:
        failures.append(f"exit status {result.returncode}, expected {want_exit}")
    if got_stderr != want_stderr:
        failures.append("stderr differs:\n  expected:\n" + "\n".join("    " + l for l in want_stderr)
                        + "\n  got:\n" + "\n".join("    " + l for l in got_stderr[:40]))
    if directives["expect-stdout-contains"]:
        for text in directives["expect-stdout-contains"]:
            if expand(text) not in stdout:
                failures.append(f"stdout lacks '{expand(text)}'")
    elif stdout.splitlines() != want_stdout:
        failures.append("stdout differs:\n  expected:\n" + "\n".join("    " + l for l in want_stdout)
                        + "\n  got:\n" + "\n".join("    " + l for l in stdout.splitlines()[:40]))
    for text in directives["expect-output-lacks"]:
        raw = os.fsencode(bash_quoted(text))
        if raw in result.stdout or raw in result.stderr:
            failures.append(f"the output holds {raw!r} raw")
    for check in directives["expect-file"]:
        problem = check_file(expand(check), work, before)
        if problem:
            failures.append(problem)
    for folder in directives["expect-no-hidden-files"]:
        left = [name for name in os.listdir(os.path.join(work, folder)) if name.startswith(".")]
        if left:
            failures.append(f"temporary files left in {folder}: {left}")
    if failures:
        print(f"FAIL {case} (ppsaudit {' '.join(args)}):")
        for failure in failures:
            print("  " + failure)
        return 1
    print(f"ok {case}: exit {result.returncode}, {len(got_stderr)} stderr line(s), {seconds:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
