#!/usr/bin/env python3
"""Runs the examples in the docs and compares their output with what the docs show.

    doc_examples.py [--update] BINARY DATA FILE.md...

Every fenced block whose first line starts with "$ " is a terminal session: each
"$ " line is a command, run with sh in a scratch folder that holds a copy of DATA as
regions/ (the commands of one file share it, in the order they appear), with
`regiorapport` on PATH meaning BINARY; the lines up to the next command are its output
(stdout and stderr together; each stream's lines in order). A line that is only "..."
or "…" stands for any number of lines. Two HTML comments prepare what a reader does by
hand: `<!-- file: PATH -->` right before a block writes the block to PATH, and
`<!-- run: COMMAND -->` runs COMMAND without showing it. Exit status 0 when every
example matches; otherwise each difference is printed. With --update, a session
without "..." lines that differs is rewritten in the file with what was printed
(stdout, then stderr); one with "..." is only reported, to be cut by hand.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

ELLIPSIS = ("...", "…")


def blocks(text):
    """Yields (kind, payload, line number): ("session", lines), ("file", (path, lines)),
    ("run", command)."""
    lines = text.split("\n")
    i = 0
    pending_file = None
    while i < len(lines):
        line = lines[i]
        m = re.match(r"\s*<!-- (file|run): (.*?) -->\s*$", line)
        if m and m.group(1) == "file":
            pending_file = m.group(2)
        elif m:
            yield "run", m.group(2), i + 1
        elif line.startswith("```"):
            start = i + 1
            body = []
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                body.append(lines[i])
                i += 1
            if pending_file:
                yield "file", (pending_file, body), start
            elif body and body[0].startswith("$ "):
                yield "session", body, start
            pending_file = None
        i += 1


def matches(expected, out_lines, err_lines):
    """Whether the expected lines are the two streams interleaved, with ellipses."""
    def go(e, o, r):
        if e == len(expected):
            return o == len(out_lines) and r == len(err_lines)
        if expected[e].strip() in ELLIPSIS:
            # any number of lines from either stream
            for skip_o in range(o, len(out_lines) + 1):
                for skip_r in range(r, len(err_lines) + 1):
                    if go(e + 1, skip_o, skip_r):
                        return True
            return False
        if o < len(out_lines) and out_lines[o] == expected[e] and go(e + 1, o + 1, r):
            return True
        return r < len(err_lines) and err_lines[r] == expected[e] and go(e + 1, o, r + 1)
    return go(0, 0, 0)


def clean(data):
    text = data.decode("utf-8", "replace").replace("\ufeff", "").replace("\r", "")
    if text == "":
        return []
    return text.split("\n")[:-1] if text.endswith("\n") else text.split("\n")


def run(command, cwd, env):
    p = subprocess.run(["sh", "-c", command], cwd=cwd, env=env, capture_output=True,
                       timeout=120)
    return clean(p.stdout), clean(p.stderr)


UPDATE = False


def check_file(doc, binary, data):
    failures = 0
    updates = []
    with tempfile.TemporaryDirectory(prefix="rr-doc-") as work:
        shutil.copytree(data, os.path.join(work, "regions"))
        bindir = os.path.join(work, ".bin")
        os.mkdir(bindir)
        os.symlink(os.path.abspath(binary), os.path.join(bindir, "regiorapport"))
        env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""))
        env.pop("NO_COLOR", None)
        with open(doc, encoding="utf-8") as f:
            text = f.read()
        for kind, payload, line in blocks(text):
            if kind == "file":
                path, body = payload
                with open(os.path.join(work, path), "w", encoding="utf-8") as f:
                    f.write("\n".join(body) + "\n")
            elif kind == "run":
                run(payload, work, env)
            else:
                failures += check_session(doc, line, payload, work, env, updates)
    if UPDATE and updates:
        lines = text.split("\n")
        for at, old_len, new in sorted(updates, reverse=True):
            lines[at:at + old_len] = new
        with open(doc, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
    return failures


def check_session(doc, line, body, work, env, updates):
    failures = 0
    commands = [i for i, l in enumerate(body) if l.startswith("$ ")]
    for k, at in enumerate(commands):
        end = commands[k + 1] if k + 1 < len(commands) else len(body)
        command, expected = body[at][2:], body[at + 1:end]
        out, err = run(command, work, env)
        if not matches(expected, out, err):
            if UPDATE and not any(l.strip() in ELLIPSIS for l in expected):
                # line: the index of the block's first line in the file
                updates.append((line + at + 1, len(expected), out + err))
                continue
            failures += 1
            print(f"{doc}:{line + at}: '{command}' printed something else than shown")
            print("  shown:\n    " + "\n    ".join(expected))
            print("  stdout:\n    " + "\n    ".join(out))
            print("  stderr:\n    " + "\n    ".join(err))
    return failures


def main():
    global UPDATE
    args = sys.argv[1:]
    if args and args[0] == "--update":
        UPDATE = True
        args = args[1:]
    if len(args) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, data, docs = args[0], args[1], args[2:]
    failures = sum(check_file(d, binary, data) for d in docs)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
