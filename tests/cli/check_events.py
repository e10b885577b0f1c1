#!/usr/bin/env python3
"""Helpers for the shell tests: reads `entente code`/`events --format jsonl`
output (JSON Lines) and answers one question. Exit 0 = yes, 1 = no (with
what was found on stdout), 2 = the file is not what was expected.

usage:
  check_events.py valid FILE              every line a JSON object with the
                                          fields of an event
  check_events.py docids FILE             sorted distinct doc_ids, one a line
  check_events.py count FILE [DOC]        number of events (of DOC)
  check_events.py has FILE DOC ROOT A B   DOC has an event whose code starts
                                          with ROOT between countries A and B
                                          (either direction)
  check_events.py dates FILE DOC          sorted distinct dates of DOC
  check_events.py ids FILE                the "id" of each line
  check_events.py field FILE KEY          the value of KEY on each line
"""
import json
import sys

FIELDS = {
    "doc_id": str, "code": str, "source": str, "target": (str, type(None)),
    "source_name": (str, type(None)), "target_name": (str, type(None)),
    "date": (str, type(None)), "place": (str, type(None)), "sectors": list,
    "negated": bool, "sentence": str,
}


def load(path):
    out = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            try:
                ev = json.loads(line)
            except json.JSONDecodeError as e:
                print(f"{path}:{n}: not JSON: {e}: {line[:200]!r}")
                sys.exit(2)
            if not isinstance(ev, dict):
                print(f"{path}:{n}: not an object")
                sys.exit(2)
            out.append(ev)
    return out


def country(c):
    return (c or "---")[:3]


def main(a):
    cmd, path = a[1], a[2]
    evs = load(path)
    if cmd == "valid":
        bad = 0
        for n, ev in enumerate(evs, 1):
            for k, t in FIELDS.items():
                if k not in ev:
                    print(f"line {n}: no field {k}")
                    bad += 1
                elif not isinstance(ev[k], t):
                    print(f"line {n}: field {k} has type {type(ev[k]).__name__}")
                    bad += 1
            code = ev.get("code")
            if isinstance(code, str) and not (code.isdigit() and 2 <= len(code) <= 4):
                print(f"line {n}: code {code!r} is not 2-4 digits")
                bad += 1
            for s in ev.get("sectors") or []:
                if not isinstance(s, str):
                    print(f"line {n}: sector {s!r} is not a string")
                    bad += 1
        return 1 if bad else 0
    if cmd == "docids":
        for d in sorted({ev.get("doc_id") for ev in evs}):
            print(d)
        return 0
    if cmd == "count":
        doc = a[3] if len(a) > 3 else None
        print(sum(1 for ev in evs if doc is None or ev.get("doc_id") == doc))
        return 0
    if cmd == "has":
        doc, root, x, y = a[3:7]
        found = []
        for ev in evs:
            if ev.get("doc_id") != doc:
                continue
            pair = sorted((country(ev.get("source")), country(ev.get("target"))))
            found.append(f"{ev.get('code')} {pair[0]}-{pair[1]}")
            if str(ev.get("code", "")).startswith(root) and pair == sorted((x, y)):
                return 0
        print("; ".join(found) or "(no event of " + doc + ")")
        return 1
    if cmd == "dates":
        doc = a[3]
        for d in sorted({str(ev.get("date")) for ev in evs if ev.get("doc_id") == doc}):
            print(d)
        return 0
    if cmd == "ids":
        for ev in evs:
            print(ev.get("id"))
        return 0
    if cmd == "field":
        for ev in evs:
            print(ev.get(a[3]))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
