#!/usr/bin/env python3
"""--output never replaces what it must not (issue 12, finding 2; man/ppsaudit.1, --output):
a file the run reads (a service file, by its name or through a link; a --rules pack; a local
pack a service names; the baseline; the configuration file), anything that exists and is not
a regular file (a device, a FIFO), and the same file named by two --output options are each
refused with exit 2 and a message, and leave every file as it was. A report rewritten keeps
its mode; a link to a report stays a link; a name too long for the temporary name beside it
is still written, and leaves nothing behind.

usage: output_paths.py PPSAUDIT SOURCE_DIR
"""
import os
import shutil
import stat
import subprocess
import sys
import tempfile

SERVICE = "examples/east-sussex-parent-link.yaml"


def run(binary, *args, cwd=None):
    return subprocess.run([binary, *args], capture_output=True, timeout=60, cwd=cwd)


def content(path):
    with open(path, "rb") as handle:
        return handle.read()


def main():
    binary, source_dir = os.path.abspath(sys.argv[1]), sys.argv[2]
    os.chdir(source_dir)
    failures = []

    def expect_refused(label, args, message, untouched=()):
        restore()  # each case starts from the true files, whatever an earlier one did
        before = {path: content(path) for path in untouched}
        done = run(binary, "check", *args, "--as-of", "2011-12-31", "--fail-on", "none")
        err = done.stderr.decode("utf-8", "replace")
        if done.returncode != 2:
            failures.append(f"{label}: exit {done.returncode}, not 2 (stderr {err!r})")
        if message not in err:
            failures.append(f"{label}: stderr lacks {message!r}: {err!r}")
        for path, old in before.items():
            if not os.path.lexists(path) or content(path) != old:
                failures.append(f"{label}: '{path}' was changed")

    with tempfile.TemporaryDirectory() as folder:
        service = os.path.join(folder, "svc.yaml")

        def restore():
            shutil.copy(SERVICE, service)
            shutil.copy(SERVICE.replace(".yaml", ".rules.yaml"), folder)
        expect_refused("--output onto the service file", [service, "--output", f"json={service}"],
                       f"--output '{service}' is the service file '{service}' that this run reads", [service])
        spelled = os.path.join(folder, ".", "svc.yaml")
        expect_refused("--output onto another spelling of the service file", [service, "--output", f"json={spelled}"],
                       "that this run reads", [service])
        link = os.path.join(folder, "link.json")
        os.symlink(service, link)
        expect_refused("--output onto a link to the service file", [service, "--output", f"json={link}"],
                       f"--output '{link}' is the service file", [service])
        if not os.path.islink(link):
            failures.append("the link to the service file is no longer a link")
        pack = os.path.join(folder, "east-sussex-parent-link.rules.yaml")
        expect_refused("--output onto the local pack a service names", [service, "--output", f"json={pack}"],
                       "that this run reads", [service, pack])
        expect_refused("--output onto a --rules pack", [service, "--rules", pack, "--output", f"html={pack}"],
                       "is the rule pack", [pack])
        restore()
        register = os.path.join(folder, "register")
        os.mkdir(register)
        shutil.copy(SERVICE, register)
        shutil.copy(SERVICE.replace(".yaml", ".rules.yaml"), register)
        inside = os.path.join(register, os.path.basename(SERVICE))
        expect_refused("--output onto a service file of a register folder", [register, "--output", f"text={inside}"],
                       "that this run reads", [inside])

        # The baseline and the configuration file are inputs too.
        baseline = os.path.join(folder, "baseline.json")
        restore()
        done = run(binary, "check", service, "--as-of", "2011-12-31", "--fail-on", "none", "--format", "json")
        with open(baseline, "wb") as handle:
            handle.write(done.stdout)
        expect_refused("--output onto the baseline", [service, "--baseline", baseline, "--output", f"json={baseline}"],
                       "is the baseline", [baseline])
        config = os.path.join(folder, "ppsaudit.yaml")
        with open(config, "w", encoding="utf-8") as handle:
            handle.write("ppsaudit-config: 1\noutputs:\n  json: ppsaudit.yaml\n")
        expect_refused("a configuration file whose output is itself", [service, "--config", config],
                       "is the configuration file", [config])

        # Not a regular file: never replaced by one.
        fifo = os.path.join(folder, "report.fifo")
        os.mkfifo(fifo)
        expect_refused("--output onto a FIFO", [service, "--output", f"json={fifo}"],
                       f"--output '{fifo}' is a FIFO, not a regular file")
        if not stat.S_ISFIFO(os.stat(fifo).st_mode):
            failures.append("the FIFO was replaced")
        # A character device. As root the unfixed code would replace the machine's /dev/null,
        # so root gets a null device of its own, in the temporary folder.
        device = "/dev/null"
        if os.geteuid() == 0:
            device = os.path.join(folder, "null")
            os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
        expect_refused("--output onto a character device", [service, "--output", f"json={device}"],
                       f"--output '{device}' is a character device, not a regular file")
        if not stat.S_ISCHR(os.stat(device).st_mode):
            failures.append(f"{device} is no longer a character device")
        device_link = os.path.join(folder, "null.json")
        os.symlink(device, device_link)
        expect_refused("--output onto a link to a character device", [service, "--output", f"json={device_link}"],
                       "is a character device")
        if not stat.S_ISCHR(os.stat(device).st_mode):
            failures.append(f"{device} is no longer a character device")

        # The same file twice, by one spelling or two, existing or not.
        twice = os.path.join(folder, "twice.txt")
        expect_refused("the same absent path twice", [service, "--output", f"json={twice}", "--output", f"text={twice}"],
                       "names the same file as --output")
        if os.path.exists(twice):
            failures.append("a report was written to the path named twice")
        with open(twice, "w", encoding="utf-8") as handle:
            handle.write("OLD\n")
        expect_refused("the same file twice by two spellings",
                       [service, "--output", f"json={twice}", "--output", f"text={folder}/./twice.txt"],
                       "names the same file as --output", [twice])

        # A report rewritten keeps its mode; a link to a report stays a link.
        restore()
        private = os.path.join(folder, "private.json")
        with open(private, "w", encoding="utf-8") as handle:
            handle.write("OLD\n")
        os.chmod(private, 0o600)
        done = run(binary, "check", service, "--as-of", "2011-12-31", "--fail-on", "none", "--output", f"json={private}")
        mode = stat.S_IMODE(os.stat(private).st_mode)
        if done.returncode != 0 or content(private) == b"OLD\n":
            failures.append(f"the private report was not rewritten (exit {done.returncode}, {done.stderr!r})")
        if mode != 0o600:
            failures.append(f"the private report's mode became {oct(mode)}, not 0o600")
        via = os.path.join(folder, "via.json")
        os.symlink(private, via)
        done = run(binary, "check", service, "--as-of", "2011-12-31", "--fail-on", "none", "--output", f"text={via}")
        if done.returncode != 0 or not os.path.islink(via) or not content(private).startswith(b"ppsaudit report"):
            failures.append(f"writing through a link: exit {done.returncode}, link kept {os.path.islink(via)}, "
                            f"{done.stderr!r}")

        # 250 bytes: the temporary ".NAME.XXXXXX" would pass NAME_MAX (255).
        long_name = os.path.join(folder, "r" * 245 + ".json")
        done = run(binary, "check", service, "--as-of", "2011-12-31", "--fail-on", "none",
                   "--output", f"json={long_name}")
        if done.returncode != 0 or not os.path.exists(long_name) or not content(long_name).startswith(b"{"):
            failures.append(f"a 250-byte name: exit {done.returncode}, {done.stderr!r}")
        left = [name for name in os.listdir(folder) if name.startswith(".")]
        if left:
            failures.append(f"temporary files left: {left}")

    for failure in failures:
        print("FAIL: " + failure)
    print(f"output paths: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
