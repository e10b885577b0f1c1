#!/usr/bin/env python3
"""Helpers for tests/browser/test_dashboard.sh: ask the API of a running
`entente serve`, and check a DOM dumped by headless Chromium against it.

usage:
  check_dashboard.py pick BASE                 an event id of the pair RUS-VNM
                                               whose evidence marks a trigger
  check_dashboard.py top BASE                  the pair with the most events, "A,B"
  check_dashboard.py dom BASE DOM PAIR EVENT   check the page DOM (the view
                                               #pair=PAIR&event=EVENT) against
                                               the API; one line per check
  check_dashboard.py default BASE DOM          the page without a hash selects
                                               the pair with the most events
  check_dashboard.py error DOM EVENT           the page shows the API error of
                                               an unknown event
  check_dashboard.py png FILE                  a PNG of 1400x1000 and not tiny

Exit 0 = every check passed, 1 = a check failed, 2 = could not ask or read.
"""
import json
import re
import struct
import sys
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []

    def text(self):
        out = []
        for c in self.children:
            out.append(c if isinstance(c, str) else c.text())
        return "".join(out)

    def walk(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.walk()

    def find_all(self, tag=None, **attrs):
        """descendants with this tag (None: any) whose attributes match:
        a value of True means "present", a string means "equal"; a class_
        value means "among the classes"."""
        out = []
        for n in self.walk():
            if tag and n.tag != tag:
                continue
            good = True
            for k, v in attrs.items():
                if k == "class_":
                    if v not in n.attrs.get("class", "").split():
                        good = False
                    continue
                k = k.replace("_", "-")
                if v is True:
                    good = k in n.attrs
                elif n.attrs.get(k) != v:
                    good = False
                if not good:
                    break
            if good:
                out.append(n)
        return out

    def by_id(self, ident):
        for n in self.walk():
            if n.attrs.get("id") == ident:
                return n
        return None


class Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, [(k, v if v is not None else "") for k, v in attrs], self.cur)
        self.cur.children.append(n)
        if tag not in VOID:
            self.cur = n

    def handle_startendtag(self, tag, attrs):
        n = Node(tag, [(k, v if v is not None else "") for k, v in attrs], self.cur)
        self.cur.children.append(n)

    def handle_endtag(self, tag):
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def parse(path):
    try:
        with open(path, encoding="utf-8") as f:
            html = f.read()
    except OSError as e:
        print(f"cannot read {path}: {e}")
        sys.exit(2)
    if "<html" not in html:
        print(f"{path}: not an HTML dump: {html[:200]!r}")
        sys.exit(2)
    t = Tree()
    t.feed(html)
    return t.root


# only 127.0.0.1: never through a proxy the environment names
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def get(base, path):
    try:
        with OPENER.open(base.rstrip("/") + path, timeout=10) as r:
            return json.load(r)
    except (urllib.error.URLError, OSError, ValueError) as e:
        print(f"GET {path}: {e}")
        sys.exit(2)


def norm(s):
    return re.sub(r"\s+", " ", s or "").strip()


def pieces_of(one, base):
    """the evidence of GET /api/events/{id} as [{text, role}]"""
    ev = one.get("evidence")
    if isinstance(ev, list):
        return ev
    if isinstance(ev, dict) and isinstance(ev.get("pieces"), list):
        return ev["pieces"]
    # fall back on the byte spans over the document text
    spans = one.get("spans") or {}
    doc = get(base, "/api/documents/" + urllib.parse.quote(one["event"]["doc_id"]))
    b = doc["text"].encode("utf-8")
    s0, sl = spans["sentence"]
    marks = sorted((spans[r][0], spans[r][1], r) for r in ("trigger", "source", "target")
                   if isinstance(spans.get(r), list) and spans[r][1] > 0
                   and s0 <= spans[r][0] and spans[r][0] + spans[r][1] <= s0 + sl)
    out, pos = [], s0
    for st, ln, r in marks:
        if st < pos:
            continue
        if st > pos:
            out.append({"text": b[pos:st].decode(), "role": None})
        out.append({"text": b[st:st + ln].decode(), "role": r})
        pos = st + ln
    if pos < s0 + sl:
        out.append({"text": b[pos:s0 + sl].decode(), "role": None})
    return out


class Checks:
    def __init__(self):
        self.failed = 0

    def check(self, cond, what, detail=""):
        if cond:
            print(f"ok - {what}")
        else:
            self.failed += 1
            print(f"not ok - {what}")
            if detail:
                print(f"    {detail}")

    def done(self):
        sys.exit(1 if self.failed else 0)


def cmd_pick(base):
    evs = get(base, "/api/events?pair=RUS,VNM&newest=1")["events"]
    best = None
    for e in evs[:60]:
        p = pieces_of(get(base, f"/api/events/{e['id']}"), base)
        roles = {x.get("role") for x in p if x.get("text")}
        if "trigger" not in roles:
            continue
        score = len(roles & {"trigger", "source", "target"})
        if best is None or score > best[0]:
            best = (score, e["id"])
        if score == 3:
            break
    if best is None:
        print("no RUS-VNM event with a marked trigger")
        sys.exit(1)
    print(best[1])


def cmd_top(base):
    pairs = get(base, "/api/pairs?limit=1000")["pairs"]
    top = max(pairs, key=lambda p: p["events"])
    print(",".join(sorted([top["a"], top["b"]])))


def cmd_dom(base, dom_path, pair, event):
    root = parse(dom_path)
    c = Checks()
    a, b = pair.split(",")
    body = root.find_all("body")
    c.check(body and body[0].attrs.get("data-ready") == "1", "the page finished loading (body[data-ready=1])",
            f"data-ready={body[0].attrs.get('data-ready') if body else None!r}")
    errs = root.by_id("errors")
    c.check(errs is not None and not norm(errs.text()), "no error is shown",
            norm(errs.text())[:300] if errs else "#errors missing")

    # header
    hdr = root.by_id("pair-header")
    c.check(hdr is not None and hdr.attrs.get("data-pair") == pair, f"the header shows the pair {pair}",
            f"got {hdr.attrs.get('data-pair') if hdr else None!r}")
    rel = get(base, f"/api/relations?a={a}&b={b}")
    lvl = root.by_id("level")
    want = (rel.get("level") or {}).get("level")
    if want:
        c.check(lvl is not None and want in lvl.text() and lvl.attrs.get("data-level") == want,
                f"the header shows the declared level \"{want}\"", f"got {norm(lvl.text()) if lvl else None!r}")
    else:
        c.check(lvl is not None and "no declared level" in lvl.text(), "the header says there is no declared level")
    counts = root.by_id("pair-counts")
    got_ev = counts.find_all("div", data_count="events") if counts else []
    c.check(got_ev and norm(got_ev[0].find_all("dd")[0].text()) == str(rel.get("events")),
            f"the header counts {rel.get('events')} events", f"got {norm(got_ev[0].text()) if got_ev else None!r}")

    # 1. graph
    graph = root.by_id("graph")
    circles = {n.attrs["data-country"]: n for n in graph.find_all("circle", data_country=True)} if graph else {}
    actors = get(base, "/api/actors?limit=1000")["actors"]
    want_c = {x["country"] for x in actors}
    missing = sorted(want_c - set(circles))
    c.check(not missing and want_c, f"the graph has a circle for each of the {len(want_c)} countries of /api/actors",
            f"missing {missing}")
    c.check(a in circles and b in circles, f"the graph has circles for {a} and {b}")
    bad = [x["country"] for x in actors if x["country"] in circles
           and circles[x["country"]].attrs.get("data-events") != str(x["events"])]
    c.check(not bad, "each circle carries its country's event count", f"differ: {bad}")
    if a in circles and b in circles and circles[a].attrs.get("r") and circles[b].attrs.get("r"):
        ra, rb = float(circles[a].attrs["r"]), float(circles[b].attrs["r"])
        ea = next(x["events"] for x in actors if x["country"] == a)
        eb = next(x["events"] for x in actors if x["country"] == b)
        c.check((ea - eb) * (ra - rb) >= 0, "circles are sized by activity", f"{a}: {ea} events r={ra}; {b}: {eb} events r={rb}")
    pairs = get(base, "/api/pairs?limit=1000")["pairs"]
    edges = {n.attrs["data-pair"] for n in graph.find_all(data_pair=True)} if graph else set()
    want_e = {",".join(sorted([p["a"], p["b"]])) for p in pairs}
    c.check(want_e <= edges, f"the graph has an edge for each of the {len(want_e)} pairs of /api/pairs",
            f"missing {sorted(want_e - edges)[:10]}")
    sel = [n for n in graph.find_all("g", data_pair=pair) if "selected" in n.attrs.get("class", "").split()] if graph else []
    c.check(bool(sel), f"the edge {pair} is drawn as selected")

    # 2. timeline
    tl = get(base, f"/api/timeline?a={a}&b={b}&by=month")
    want_p = [x["period"] for x in tl["buckets"] if x.get("period")]
    tnode = root.by_id("timeline")
    got = tnode.find_all(data_period=True) if tnode else []
    got_p = [n.attrs["data-period"] for n in got]
    c.check(sorted(got_p) == sorted(want_p) and want_p,
            f"the timeline has one bar per period of /api/timeline ({len(want_p)}: {', '.join(want_p[:4])}...)",
            f"expected {want_p}, got {got_p}")
    got_n = {n.attrs["data-period"]: n.attrs.get("data-events") for n in got}
    bad = [x["period"] for x in tl["buckets"] if x.get("period") and got_n.get(x["period"]) != str(x["events"])]
    c.check(not bad, "each timeline bar has its period's event count", f"differ: {bad}")
    rects = sum(len(n.find_all("rect")) for n in got)
    c.check(rects >= len(want_p), f"the timeline bars are drawn ({rects} rectangles)")
    ticks = tnode.find_all("g", class_="tick") if tnode else []
    c.check(len(ticks) >= 3, f"the timeline has axis labels ({len(ticks)} ticks)")

    # 3. matrix
    sec = get(base, "/api/sectors")
    m = root.by_id("matrix")
    tds = {(n.attrs["data-pair"], n.attrs["data-sector"]): n for n in m.find_all("td", data_pair=True, data_sector=True)} if m else {}
    bad = [(x["pair"], x["sector"]) for x in sec["cells"]
           if (x["pair"], x["sector"]) not in tds
           or tds[(x["pair"], x["sector"])].attrs.get("data-events") != str(x["events"])
           or norm(tds[(x["pair"], x["sector"])].text()) != str(x["events"])]
    c.check(sec["cells"] and not bad, f"the matrix has the {len(sec['cells'])} cells of /api/sectors with their counts",
            f"missing or wrong: {bad[:10]}")
    nonzero = [k for k, n in tds.items() if n.attrs.get("data-events") not in ("0", None)]
    c.check(len(nonzero) == len(sec["cells"]), "the matrix has no other non-empty cell",
            f"{len(nonzero)} non-empty cells, API has {len(sec['cells'])}")
    c.check(len(tds) == len(sec["pairs"]) * len(sec["sectors"]),
            f"the matrix is {len(sec['pairs'])} pairs x {len(sec['sectors'])} sectors")

    # 4. events
    evs = get(base, f"/api/events?pair={pair}&newest=1")["events"]
    en = root.by_id("events")
    rows = en.find_all("tr", data_id=True) if en else []
    got_ids = [r.attrs["data-id"] for r in rows]
    want_ids = [str(e["id"]) for e in evs]
    c.check(got_ids == want_ids and want_ids, f"the events table lists the {len(want_ids)} events of /api/events, newest first",
            f"expected {want_ids[:8]}..., got {got_ids[:8]}...")
    sel = [r.attrs["data-id"] for r in rows if "selected" in r.attrs.get("class", "").split()]
    c.check(sel == [event], f"the row of event {event} is selected", f"selected: {sel}")
    byid = {str(e["id"]): e for e in evs}
    if event in byid and rows:
        r = next(r for r in rows if r.attrs["data-id"] == event)
        txt = norm(r.text())
        e = byid[event]
        want_bits = [e["code"]] + [x for x in (e.get("date"), e.get("source"), e.get("target"),
                                              e.get("source_name"), e.get("place")) if x]
        miss = [x for x in want_bits if x not in txt]
        c.check(not miss, "the selected row shows date, code, source -> target, persons and place", f"missing {miss} in {txt!r}")

    # evidence
    one = get(base, f"/api/events/{event}")
    pieces = pieces_of(one, base)
    sent = root.by_id("evidence-sentence")
    want_s = norm("".join(p["text"] for p in pieces))
    c.check(sent is not None and norm(sent.text()) == want_s, "the evidence panel shows the event's sentence",
            f"expected {want_s[:120]!r}, got {norm(sent.text())[:120] if sent else None!r}")
    for role in ("trigger", "source", "target"):
        want_r = [norm(p["text"]) for p in pieces if p.get("role") == role and norm(p["text"])]
        if not want_r and role != "trigger":
            continue
        got_r = [norm(n.text()) for n in sent.find_all("mark", class_=role)] if sent else []
        c.check(want_r and got_r == want_r, f"the {role} {' / '.join(want_r)!r} is inside mark.{role}",
                f"expected {want_r}, got {got_r}")
    art = root.by_id("article")
    c.check(art is not None and want_s and want_s in norm(art.text()), "the article around the sentence is shown")
    c.done()


def cmd_default(base, dom_path):
    root = parse(dom_path)
    c = Checks()
    top = get(base, "/api/pairs?limit=1000")["pairs"]
    best = max(p["events"] for p in top)
    want = {",".join(sorted([p["a"], p["b"]])) for p in top if p["events"] == best}
    hdr = root.by_id("pair-header")
    got = hdr.attrs.get("data-pair") if hdr else None
    c.check(got in want, f"without a hash the page selects the pair with the most events ({' or '.join(sorted(want))})",
            f"got {got!r}")
    tn = root.by_id("timeline")
    c.check(tn is not None and tn.find_all(data_period=True), "and draws its timeline")
    c.done()


def cmd_error(dom_path, event):
    root = parse(dom_path)
    c = Checks()
    errs = root.by_id("errors")
    t = norm(errs.text()) if errs else ""
    c.check(errs is not None and "hidden" not in errs.attrs and f"/api/events/{event}" in t,
            "an API error (unknown event) is shown in the error banner", f"banner: {t[:200]!r}")
    ev = root.by_id("evidence")
    c.check(ev is not None and ev.attrs.get("data-state") == "error" and ev.find_all("p", class_="error"),
            "and in the evidence panel")
    c.done()


def cmd_png(path):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        print(f"cannot read {path}: {e}")
        sys.exit(1)
    if data[:8] != b"\x89PNG\r\n\x1a\n" or len(data) < 24:
        print(f"{path}: not a PNG")
        sys.exit(1)
    w, h = struct.unpack(">II", data[16:24])
    if (w, h) != (1400, 1000) or len(data) < 50_000:
        print(f"{path}: {w}x{h}, {len(data)} bytes: expected 1400x1000 and at least 50 KB")
        sys.exit(1)
    print(f"{w}x{h}, {len(data)} bytes")


def main(argv):
    if len(argv) >= 2:
        cmd, args = argv[1], argv[2:]
        table = {"pick": (cmd_pick, 1), "top": (cmd_top, 1), "dom": (cmd_dom, 4),
                 "default": (cmd_default, 2), "error": (cmd_error, 2), "png": (cmd_png, 1)}
        if cmd in table and len(args) == table[cmd][1]:
            return table[cmd][0](*args)
    print(__doc__)
    sys.exit(2)


if __name__ == "__main__":
    main(sys.argv)
