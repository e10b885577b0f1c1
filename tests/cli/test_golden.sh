#!/usr/bin/env bash
# Runs every case of tests/golden/*.txt through the program
# (`entente code --format brief`) and compares with the expected events;
# tests/unit/test_golden.c runs the same cases through the library.
# usage: test_golden.sh ENTENTE_BINARY SOURCE_DIR
set -euo pipefail
BIN=$1
SRC=$2
command -v python3 >/dev/null || { echo "skipped: python3 absent"; exit 77; }
python3 - "$BIN" "$SRC/tests/golden" <<'PY'
import os, subprocess, sys, tempfile
binary, gdir = sys.argv[1], sys.argv[2]
passed = failed = skipped = 0
# "requires: gazetteer" cases need the build's gazetteer (docs/gazetteer.md)
check = subprocess.run([binary, "lexicon", "check"], capture_output=True, text=True)
has_gazetteer = any(l.startswith("gazetteer: ") and not l.startswith("gazetteer: none")
                    for l in check.stdout.splitlines())
for name in sorted(os.listdir(gdir)):
    if not name.endswith(".txt"):
        continue
    path = os.path.join(gdir, name)
    cases, cur, section = [], None, 0
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if line.startswith("=== "):
                cur = {"name": line[4:], "line": n, "date": None, "lang": None,
                       "title": None, "text": [], "events": [], "gazetteer": False}
                cases.append(cur)
                section = 0
            elif cur is None:
                continue
            elif line == "--- text":
                section = 1
            elif line == "--- events":
                section = 2
            elif section == 0 and line.startswith("date: "):
                cur["date"] = line[6:]
            elif section == 0 and line.startswith("lang: "):
                cur["lang"] = line[6:]
            elif section == 0 and line == "requires: gazetteer":
                cur["gazetteer"] = True
            elif section == 0 and line.startswith("title: "):
                cur["title"] = line[7:]
            elif section == 1:
                cur["text"].append(line)
            elif section == 2 and line and not line.startswith("#"):
                cur["events"].append(line)
    for c in cases:
        if c["gazetteer"] and not has_gazetteer:
            skipped += 1
            print(f"ok - {name}: {c['name']} # skip: this build has no gazetteer")
            continue
        with tempfile.TemporaryDirectory() as tmp:
            art = os.path.join(tmp, "case.txt")
            with open(art, "w", encoding="utf-8") as out:
                text = "\n".join(c["text"])
                # " date D TITLE" when the case has a title, else the date
                # on a line of its own
                if c["title"]:
                    head = " date %s %s\n" % (c["date"], c["title"])
                else:
                    head = " date %s\n" % c["date"] if c["date"] else ""
                out.write(head + text + "\n")
            cmd = [binary, "code", "--format", "brief", art]
            if c["lang"]:
                cmd[2:2] = ["--lang", c["lang"]]
            r = subprocess.run(cmd, capture_output=True, text=True)
        got = sorted(l for l in r.stdout.splitlines() if l)
        want = sorted(c["events"])
        if r.returncode == 0 and got == want:
            passed += 1
            print(f"ok - {name}: {c['name']}")
        else:
            failed += 1
            print(f"not ok - {path}:{c['line']}: {c['name']} (exit {r.returncode})")
            print("  expected:\n" + "".join(f"    {l}\n" for l in want), end="")
            print("  got:\n" + "".join(f"    {l}\n" for l in got), end="")
            if r.stderr:
                print("  stderr: " + r.stderr.strip())
print(f"{passed} passed, {failed} failed" + (f", {skipped} skipped" if skipped else ""))
sys.exit(1 if failed or not passed else 0)
PY
