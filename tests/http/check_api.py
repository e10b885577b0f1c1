#!/usr/bin/env python3
"""check_api.py: checks a running `entente serve` against docs/http-api.md.

usage: check_api.py URL ENTENTE_BINARY DATABASE SOURCE_DIR

Prints one "ok - ..." or "not ok - ..." line per check (TAP-like, the form
of tests/cli/lib.sh) and exits 1 when any failed. Every request goes to the
URL given (a loopback address), with a timeout; nothing loops unbounded.
Values that the CLI can also compute are cross-checked with the CLI run on
the same database.
"""
import http.client
import json
import re
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request

URL, BIN, DB, SRC = sys.argv[1:5]
HOST, PORT = urllib.parse.urlsplit(URL).hostname, urllib.parse.urlsplit(URL).port
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # no proxy
TIMEOUT = 10
PASS = FAIL = 0


def ok(desc):
    global PASS
    PASS += 1
    print("ok - " + desc)


def fail(desc, expected, got):
    global FAIL
    FAIL += 1
    print("not ok - " + desc)
    print("    expected: " + str(expected)[:400])
    print("    got:      " + str(got)[:400])


def check(cond, desc, expected="", got=""):
    if cond:
        ok(desc)
    else:
        fail(desc, expected, got)
    return cond


class Answer:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body
        self.json = None
        try:
            self.json = json.loads(body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError):
            pass

    def __repr__(self):
        return "%d %s" % (self.status, self.body[:300])


def get(path, method="GET"):
    """One request for path (already quoted); any status is returned."""
    req = urllib.request.Request(URL.rstrip("/") + path, method=method)
    try:
        with OPENER.open(req, timeout=TIMEOUT) as r:
            return Answer(r.status, r.headers, r.read())
    except urllib.error.HTTPError as e:
        return Answer(e.code, e.headers, e.read())


def raw(path, method="GET"):
    """A request whose path is sent byte for byte (no normalisation)."""
    c = http.client.HTTPConnection(HOST, PORT, timeout=TIMEOUT)
    try:
        c.putrequest(method, path, skip_accept_encoding=True)
        c.endheaders()
        r = c.getresponse()
        return Answer(r.status, r.headers, r.read())
    finally:
        c.close()


def q(path, **params):
    return path + ("?" + urllib.parse.urlencode(params) if params else "")


def cli(*args):
    """Runs entente on the database; (status, stdout, stderr)."""
    p = subprocess.run([BIN, *args], capture_output=True, text=True, timeout=60,
                       stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout, p.stderr


def cli_events(*args):
    rc, out, err = cli("events", "--db", DB, "--format", "jsonl", *args)
    if rc != 0:
        raise RuntimeError("entente events %s: %s" % (" ".join(args), err))
    return [json.loads(line) for line in out.splitlines() if line]


def is_json(a):
    ctype = a.headers.get("Content-Type", "")
    return a.json is not None and ctype == "application/json; charset=utf-8"


def is_error(a, status, parameter=None):
    """status, a JSON body {"error": text[, "parameter": name]}."""
    if a.status != status or not is_json(a) or not isinstance(a.json, dict):
        return False
    if not isinstance(a.json.get("error"), str) or not a.json["error"]:
        return False
    if parameter is not None and a.json.get("parameter") != parameter:
        return False
    return set(a.json) <= {"error", "parameter"}


# ---------------------------------------------------------------- status
st = get("/api/status")
rc, out, _ = cli("events", "--db", DB, "--all", "--format", "jsonl")
ALL = [json.loads(line) for line in out.splitlines() if line]
ndocs = int(subprocess.run(["sqlite3", DB, "SELECT count(*) FROM documents"],
                           capture_output=True, text=True, timeout=30).stdout.strip() or -1) \
    if subprocess.run(["which", "sqlite3"], capture_output=True).returncode == 0 else None
check(st.status == 200 and is_json(st) and set(st.json) == {"version", "documents", "events"},
      "/api/status: 200, application/json; charset=utf-8, {version, documents, events}",
      "the three keys", st)
vrc, vout, _ = cli("--version")
check(st.json and "entente " + str(st.json.get("version")) == vout.strip(),
      "/api/status version is `entente --version`'s", vout.strip(), st.json)
check(st.json and st.json.get("events") == len(ALL),
      "/api/status events = `entente events --all` lines (%d)" % len(ALL), len(ALL), st.json)
if ndocs is not None:
    check(st.json and st.json.get("documents") == ndocs,
          "/api/status documents = rows of the documents table (%s)" % ndocs, ndocs, st.json)

# ---------------------------------------------------------------- /api/events
a = get("/api/events")
scored = cli_events()
check(a.status == 200 and is_json(a) and list(a.json) == ["events", "limit", "offset", "count"],
      "/api/events: 200 and {events, limit, offset, count}", "those keys", a)
check(a.json and a.json["limit"] == 100 and a.json["offset"] == 0,
      "/api/events: limit 100 and offset 0 by default", "100, 0", a.json and (a.json["limit"], a.json["offset"]))
check(a.json and a.json["count"] == len(a.json["events"]) == min(100, len(scored)),
      "/api/events: count = len(events) = the CLI's scored events, at most 100",
      min(100, len(scored)), a.json and a.json["count"])
check(a.json and a.json["events"] == scored[:100],
      "/api/events: every event equals `entente events --format jsonl`'s line, in order",
      scored[:1], a.json and a.json["events"][:1])

for label, params, args in [
        ("pair=VNM,RUS", {"pair": "VNM,RUS"}, ["--pair", "VNM,RUS"]),
        ("pair=RUS,VNM", {"pair": "RUS,VNM"}, ["--pair", "RUS,VNM"]),
        ("country=LAO", {"country": "LAO"}, ["--country", "LAO"]),
        ("since=2025-05&until=2025-06", {"since": "2025-05", "until": "2025-06"},
         ["--since", "2025-05", "--until", "2025-06"]),
        ("code=04", {"code": "04"}, ["--code", "04"]),
        ("sector=trade", {"sector": "trade"}, ["--sector", "trade"]),
        ("doc=fr-02-vietnam-laos-telephone", {"doc": "fr-02-vietnam-laos-telephone"},
         ["--doc", "fr-02-vietnam-laos-telephone"]),
        ("all=1", {"all": "1"}, ["--all"]),
        ("all=0", {"all": "0"}, [])]:
    want = cli_events(*args)
    a = get(q("/api/events", limit=1000, **params))
    got = a.json["events"] if a.json and "events" in a.json else None
    check(a.status == 200 and a.json["count"] == len(want) and got == want,
          "/api/events?%s: the %d events of `entente events %s`" % (label, len(want), " ".join(args)),
          len(want), a)
check(len(cli_events("--pair", "VNM,RUS")) > 0, "the samples hold VNM-RUS events (the cross-checks mean something)",
      "> 0", 0)

a = get(q("/api/events", all=1, limit=1000))
b = get(q("/api/events", all=1, limit=1000, newest=1))
if a.json and b.json:
    ids = sorted(e["id"] for e in a.json["events"])
    dates = [e["date"] or "" for e in b.json["events"]]
    check(sorted(e["id"] for e in b.json["events"]) == ids and dates == sorted(dates, reverse=True),
          "/api/events?newest=1: the same events, newest first", "dates descending", dates[:5])
    c = get(q("/api/events", all=1, limit=3, offset=2))
    check(c.json and c.json["events"] == a.json["events"][2:5] and c.json["offset"] == 2 and
          c.json["limit"] == 3, "/api/events?limit=3&offset=2: events 3-5 of the whole list",
          [e["id"] for e in a.json["events"][2:5]], c.json and [e["id"] for e in c.json["events"]])

MERGED_KEYS = ["id", "code", "a", "b", "source", "target", "source_name", "target_name", "date",
               "last_date", "place", "sectors", "goldstein", "quad_class", "plover", "mentions",
               "articles", "outlets"]
m = get(q("/api/events", merged=1, limit=1000))
merged = m.json["events"] if m.json and "events" in m.json else []
check(m.status == 200 and merged and all(list(e) == MERGED_KEYS for e in merged),
      "/api/events?merged=1: merged events with exactly the documented keys", MERGED_KEYS,
      merged[:1] or m)
check(all(e["mentions"] >= e["articles"] >= 1 and e["outlets"] >= 1 for e in merged),
      "merged events: mentions >= articles >= 1 and outlets >= 1", "counts", merged[:1])
check(all(not e["code"].startswith("01") for e in merged),
      "merged events leave out root 01 unless all=1", "no 01", [e["code"] for e in merged][:20])

# ---------------------------------------------------------------- /api/events/{id}
bad = []
for ev in ALL:
    a = get("/api/events/%d" % ev["id"])
    j = a.json
    if a.status != 200 or not j or list(j) != ["event", "document", "evidence", "spans"]:
        bad.append(("shape", ev["id"], a))
        continue
    if j["event"] != ev:
        bad.append(("event differs from the CLI's", ev["id"], j["event"]))
    d = j["document"]
    if list(d) != ["doc_id", "title", "date", "url"] or d["doc_id"] != ev["doc_id"]:
        bad.append(("document", ev["id"], d))
    pieces = j["evidence"]
    if not all(set(p) == {"text", "role"} and p["role"] in (None, "trigger", "source", "target")
               for p in pieces):
        bad.append(("pieces", ev["id"], pieces))
        continue
    if "".join(p["text"] for p in pieces) != ev["sentence"]:
        bad.append(("pieces do not join to the sentence", ev["id"], pieces))
    sp = j["spans"]
    want = {"sentence": [ev["sentence_start"], len(ev["sentence"].encode())],
            "trigger": [ev["trigger_start"], ev["trigger_len"]],
            "source": [ev["source_start"], ev["source_len"]],
            "target": [ev["target_start"], ev["target_len"]]}
    if sp != want:
        bad.append(("spans", ev["id"], sp))
    # the trigger has the first claim on its bytes: its pieces are its span
    sent = ev["sentence"].encode()
    s0 = ev["sentence_start"]
    t0, tl = ev["trigger_start"] - s0, ev["trigger_len"]
    if tl and 0 <= t0 and t0 + tl <= len(sent):
        trig = "".join(p["text"] for p in pieces if p["role"] == "trigger")
        if trig != sent[t0:t0 + tl].decode("utf-8", "replace"):
            bad.append(("trigger piece", ev["id"], (trig, sent[t0:t0 + tl])))
check(ALL and not bad, "/api/events/{id} for all %d events: the CLI's event, its document, "
      "spans, and evidence pieces that join to the sentence with the trigger marked" % len(ALL),
      "no problem", bad[:3])
a = get("/api/events/999999999")
check(is_error(a, 404), "/api/events/999999999: 404 with a JSON error", 404, a)
a = get("/api/events/abc")
check(is_error(a, 400, "id"), "/api/events/abc: 400 naming id", 400, a)
a = get("/api/events/%d?x=1" % ALL[0]["id"])
check(is_error(a, 400, "x"), "/api/events/{id}?x=1: 400 naming x", 400, a)

# ---------------------------------------------------------------- merged mentions
if merged:
    e = max(merged, key=lambda x: x["mentions"])
    a = get("/api/merged/%d/mentions" % e["id"])
    j = a.json or {}
    check(a.status == 200 and list(j) == ["merged", "mentions"] and j["merged"] == e and
          len(j["mentions"]) == e["mentions"],
          "/api/merged/{id}/mentions: the merged event and its %d mentions" % e["mentions"], e, a)
    by_id = {x["id"]: x for x in ALL}
    check(all(by_id.get(x.get("id")) == x for x in j.get("mentions", [])),
          "merged mentions are the CLI's event rows", "rows of entente events", j.get("mentions", [])[:1])
a = get("/api/merged/999999999/mentions")
check(is_error(a, 404), "/api/merged/999999999/mentions: 404", 404, a)

# ---------------------------------------------------------------- documents
doc = "fr-01-vietnam-russie-visite-etat"
a = get("/api/documents/" + doc)
j = a.json or {}
want = cli_events("--doc", doc, "--all")
text = open("%s/samples/%s.txt" % (SRC, doc), encoding="utf-8").read()
check(a.status == 200 and list(j) == ["doc_id", "title", "date", "url", "text", "events"],
      "/api/documents/{doc_id}: 200 and {doc_id, title, date, url, text, events}", "those keys", a)
check(j.get("doc_id") == doc and j.get("date") == "2025-03-09" and j.get("events") == want and
      j.get("text") and j["text"].strip() in text and j.get("title", "") in text,
      "/api/documents/%s: its date, title, text and every event (%d, as `entente events --doc --all`)"
      % (doc, len(want)), len(want), a)
a = get("/api/documents/no-such-document")
check(is_error(a, 404), "/api/documents/no-such-document: 404", 404, a)

# ---------------------------------------------------------------- relations, timeline
a = get(q("/api/relations", a="VNM", b="RUS"))
j = a.json or {}
RKEYS = ["a", "b", "events", "mentions", "articles", "by_root", "by_quad", "goldstein_mean",
         "first_date", "last_date", "months", "sectors", "level", "latest"]
check(a.status == 200 and list(j) == RKEYS, "/api/relations?a=VNM&b=RUS: 200 and the documented keys",
      RKEYS, list(j) or a)
if list(j) == RKEYS:
    check(j["a"] == "VNM" and j["b"] == "RUS" and j["events"] > 0 and
          sum(j["by_quad"].values()) == j["events"] and set(j["by_quad"]) == {"1", "2", "3", "4"} and
          sum(j["by_root"].values()) == j["events"] and
          all(re.fullmatch(r"(0[2-9]|1[0-9]|20)", k) for k in j["by_root"]),
          "relations: by_quad and by_root (02-20) both add up to events (%s)" % j["events"],
          "sums = events", j)
    check(j["mentions"] >= j["events"] and j["articles"] >= 1,
          "relations: mentions >= events, articles >= 1", "counts", j)
    check(all(set(mo) == {"month", "events", "by_quad", "goldstein_mean"} and
              re.fullmatch(r"\d{4}-\d\d", mo["month"]) for mo in j["months"]) and
          [mo["month"] for mo in j["months"]] == sorted(mo["month"] for mo in j["months"]) and
          sum(mo["events"] for mo in j["months"]) <= j["events"],
          "relations: months YYYY-MM in order, at most as many events", "months", j["months"])
    check(all(set(s) == {"sector", "events", "last_date"} for s in j["sectors"]),
          "relations: sectors {sector, events, last_date}", "sectors", j["sectors"])
    check(j["level"] is None or set(j["level"]) == {"level", "rank", "since", "doc_id"},
          "relations: level is null or {level, rank, since, doc_id}", "level", j["level"])
    check(len(j["latest"]) <= 10 and all(list(x) == MERGED_KEYS and {x["a"], x["b"]} == {"VNM", "RUS"}
                                         for x in j["latest"]),
          "relations: latest holds at most 10 merged VNM-RUS events", "merged events", j["latest"][:1])
    dates = [x["date"] or "" for x in j["latest"]]
    check(dates == sorted(dates, reverse=True), "relations: latest newest first", "descending", dates)
a = get(q("/api/relations", a="VNM"))
check(a.status == 200 and a.json and a.json["b"] is None and a.json["events"] >= j.get("events", 0),
      "/api/relations?a=VNM: b null, at least the events of VNM-RUS", "b null", a)
for params, param in [({"b": "RUS"}, "a"), ({"a": "VN"}, "a"), ({"a": "VNM", "b": "ru"}, "b"),
                      ({"a": "VNM", "since": "2025-5"}, "since"), ({"a": "VNM", "x": "1"}, "x")]:
    a = get(q("/api/relations", **params))
    check(is_error(a, 400, param), "/api/relations?%s: 400 naming %s" % (urllib.parse.urlencode(params), param),
          400, a)

a = get(q("/api/timeline", a="VNM", b="RUS"))
t = a.json or {}
check(a.status == 200 and list(t) == ["a", "b", "by", "buckets"] and t["by"] == "month" and
      all(set(x) == {"period", "events", "by_quad", "goldstein_mean"} and
          re.fullmatch(r"\d{4}-\d\d", x["period"]) for x in t["buckets"]) and
      [x["period"] for x in t["buckets"]] == sorted(x["period"] for x in t["buckets"]) and t["buckets"],
      "/api/timeline?a=VNM&b=RUS: monthly buckets in order", "buckets", a)
if t and j:
    check(sum(x["events"] for x in t["buckets"]) <= j.get("events", 0),
          "timeline events never exceed the relation's", j.get("events"), sum(x["events"] for x in t["buckets"]))
a = get(q("/api/timeline", a="VNM", b="RUS", by="week"))
check(a.status == 200 and a.json and a.json["by"] == "week" and
      all(re.fullmatch(r"\d{4}-W\d\d", x["period"]) for x in a.json["buckets"]),
      "/api/timeline?by=week: ISO weeks YYYY-Www", "weeks", a)
for params, param in [({"a": "VNM"}, "b"), ({"a": "VNM", "b": "RUS", "by": "day"}, "by"),
                      ({"a": "VNM", "b": "RUS", "until": "x"}, "until")]:
    a = get(q("/api/timeline", **params))
    check(is_error(a, 400, param), "/api/timeline?%s: 400 naming %s" % (urllib.parse.urlencode(params), param),
          400, a)

# ---------------------------------------------------------------- actors, pairs, sectors
a = get("/api/actors")
acts = (a.json or {}).get("actors", [])
check(a.status == 200 and list(a.json) == ["actors"] and acts and
      all(list(x) == ["country", "name", "events", "goldstein_mean", "partners"] for x in acts),
      "/api/actors: {actors: [{country, name, events, goldstein_mean, partners}]}", "shape", a)
check(any(x["country"] == "VNM" and x["name"] == "Vietnam" for x in acts) and
      [x["events"] for x in acts] == sorted((x["events"] for x in acts), reverse=True),
      "actors: most events first; VNM is named Vietnam", "VNM Vietnam", acts[:3])
a = get(q("/api/actors", limit=1))
check(a.status == 200 and len(a.json["actors"]) <= 1, "/api/actors?limit=1: at most one", 1, a)

rc, out, _ = cli("pairs", "--db", DB, "--format", "csv")
want = [ln.split(",")[:3] for ln in out.splitlines()[1:] if ln]
a = get(q("/api/pairs", limit=1000))
got = [[p["a"], p["b"], str(p["events"])] for p in (a.json or {}).get("pairs", [])]
check(a.status == 200 and list(a.json) == ["pairs"] and got == want and
      all(list(p) == ["a", "b", "events", "by_quad", "goldstein_mean", "first_date", "last_date",
                      "top_codes"] for p in a.json["pairs"]),
      "/api/pairs: the rows of `entente pairs` (%d), with the documented keys" % len(want), want[:3], got[:3])
a = get(q("/api/pairs", country="VNM", limit=2))
check(a.status == 200 and len(a.json["pairs"]) <= 2 and
      all("VNM" in (p["a"], p["b"]) for p in a.json["pairs"]),
      "/api/pairs?country=VNM&limit=2: at most 2 pairs, all with VNM", "VNM pairs", a)

a = get("/api/sectors")
s = a.json or {}
check(a.status == 200 and list(s) == ["sectors", "pairs", "cells"] and s["cells"] and
      all(set(c) == {"pair", "sector", "events"} and c["pair"] in s["pairs"] and c["sector"] in s["sectors"]
          and c["events"] > 0 for c in s["cells"]) and
      all(re.fullmatch(r"[A-Z]{3}-[A-Z]{3}", p) for p in s["pairs"]),
      "/api/sectors: {sectors, pairs, cells}, every cell in the matrix", "matrix", a)
a = get(q("/api/sectors", country="KAZ"))
check(a.status == 200 and all("KAZ" in p for p in a.json["pairs"]),
      "/api/sectors?country=KAZ: only pairs with KAZ", "KAZ", a)

# ---------------------------------------------------------------- search
a = get(q("/api/search", q="Bektenov"))
h = a.json or {}
check(a.status == 200 and list(h) == ["query", "hits"] and h["query"] == "Bektenov" and
      any(x["doc_id"] == "fr-06-kazakhstan-vietnam-accords" for x in h["hits"]) and
      all(list(x) == ["doc_id", "title", "date", "url", "snippet", "events"] for x in h["hits"]),
      "/api/search?q=Bektenov: finds fr-06 with {doc_id, title, date, url, snippet, events}", "fr-06", a)
for x in h.get("hits", []):
    if x["doc_id"] == "fr-06-kazakhstan-vietnam-accords":
        check(x["events"] == cli_events("--doc", x["doc_id"]),
              "search hit events: the document's scored events, as the CLI lists them",
              "CLI events", x["events"][:1])
a = get("/api/search?q=visa+exemption")
check(a.status == 200 and a.json["query"] == "visa exemption", "/api/search?q=visa+exemption: '+' is a space",
      "visa exemption", a)
a = get("/api/search")
check(is_error(a, 400, "q"), "/api/search without q: 400 naming q", 400, a)

# ---------------------------------------------------------------- errors
for param, value in [("pair", "VN,RU"), ("pair", "VNM-RUS"), ("since", "2025-13"), ("until", "25"),
                     ("code", "4"), ("code", "0x1"), ("sector", "nope"), ("country", "vnm"),
                     ("limit", "abc"), ("limit", "0")]:
    a = get(q("/api/events", **{param: value}))
    rc, _, err = cli("events", "--db", DB, "--" + param, value)
    first = err.splitlines()[0] if err else ""
    want_msg = first.replace("entente events: --", "", 1)
    check(is_error(a, 400, param) and a.json["error"] == want_msg,
          "/api/events?%s=%s: 400 naming %s with the CLI's message" % (param, value, param), want_msg, a)
a = get(q("/api/events", limit=1001))
check(is_error(a, 400, "limit") and "1000" in a.json["error"], "/api/events?limit=1001: 400 (at most 1000)",
      400, a)
a = get(q("/api/events", offset="-1"))
check(is_error(a, 400, "offset"), "/api/events?offset=-1: 400 naming offset", 400, a)
a = get(q("/api/events", all="yes"))
check(is_error(a, 400, "all"), "/api/events?all=yes: 400 naming all", 400, a)
a = get(q("/api/events", colour="red"))
check(is_error(a, 400, "colour") and "colour" in a.json["error"],
      "/api/events?colour=red: an unknown parameter is a 400 naming it", 400, a)
a = get("/api/events?limit=1&limit=2")
check(is_error(a, 400, "limit"), "/api/events?limit=1&limit=2: a repeated parameter is a 400", 400, a)
a = get("/api/events?pair=%FF%FE%00")
check(a.status == 400 and a.json is not None, "a value of invalid UTF-8 and NUL: 400 with valid JSON", 400, a)
a = get("/api/nothing-here")
check(is_error(a, 404), "/api/nothing-here: 404 with a JSON error", 404, a)
for method in ["POST", "PUT", "DELETE", "OPTIONS"]:
    a = get("/api/events", method=method)
    check(is_error(a, 405) and a.headers.get("Allow") == "GET, HEAD",
          "%s /api/events: 405 with Allow: GET, HEAD" % method, 405, a)
a = get("/api/status", method="HEAD")
check(a.status == 200 and a.body == b"" and
      a.headers.get("Content-Type") == "application/json; charset=utf-8",
      "HEAD /api/status: 200, headers, no body", 200, a)

# ---------------------------------------------------------------- static files
WEB = SRC + "/web"
a = get("/")
try:
    index = open(WEB + "/index.html", "rb").read()
except OSError:
    index = None
if index is not None:
    check(a.status == 200 and a.body == index and a.headers.get("Content-Type") == "text/html; charset=utf-8",
          "GET /: web/index.html as text/html", "index.html", a)
else:
    check(is_error(a, 404), "GET / without web/index.html: 404 JSON", 404, a)
for rel, ctype in [("app.js", "text/javascript; charset=utf-8"), ("style.css", "text/css; charset=utf-8")]:
    try:
        body = open(WEB + "/" + rel, "rb").read()
    except OSError:
        print("# skip /static/%s: no web/%s" % (rel, rel))
        continue
    a = get("/static/" + rel)
    check(a.status == 200 and a.body == body and a.headers.get("Content-Type") == ctype,
          "/static/%s: web/%s as %s" % (rel, rel, ctype), ctype, a)
try:
    body = open(WEB + "/node_modules/d3/package.json", "rb").read()
    a = get("/vendor/d3/package.json")
    check(a.status == 200 and a.body == body and
          a.headers.get("Content-Type") == "application/json; charset=utf-8",
          "/vendor/d3/package.json: web/node_modules/d3/package.json", "the file", a)
except OSError:
    print("# skip /vendor/: web/node_modules/d3 not installed")
a = get("/static/no-such-file.js")
check(is_error(a, 404), "/static/no-such-file.js: 404 JSON", 404, a)
for path in ["/static/../../../../etc/passwd", "/static/../index.html", "/vendor/../index.html",
             "/static/%2e%2e/%2e%2e/etc/passwd", "/static//etc/passwd", "/static/./index.html",
             "/vendor/..%2f..%2fCMakeLists.txt", "/static/..\\index.html", "/static/"]:
    a = raw(path)
    check(is_error(a, 404), "%s: refused with a 404" % path, 404, a)

# ---------------------------------------------------------------- concurrency
results = []


def worker(n):
    for k in range(5):
        a = get("/api/events/%d" % ALL[(n * 5 + k) % len(ALL)]["id"])
        results.append(a.status)


threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
for th in threads:
    th.start()
for th in threads:
    th.join(60)
check(len(results) == 40 and set(results) == {200}, "40 requests from 8 threads at once: all 200",
      [200] * 3, sorted(set(results)))

# ---------------------------------------------------------------- the doc and the server agree
doc = open(SRC + "/docs/http-api.md", encoding="utf-8").read()
paths = re.findall(r"^### `GET (/api/[^`]*)`", doc, re.M)
check(len(paths) >= 10, "docs/http-api.md lists the endpoints as ### `GET /api/...`", ">= 10", paths)
mid = max(merged, key=lambda x: x["mentions"])["id"] if merged else 1
for p in paths:
    url = re.sub(r"\[[^\]]*\]", "", p)  # optional parameters left out
    url = url.replace("{id}", str(mid if "/merged/" in url else ALL[0]["id"]))
    url = url.replace("{doc_id}", "fr-01-vietnam-russie-visite-etat")
    a = get(url)
    check(a.status == 200 and is_json(a), "docs/http-api.md's `GET %s` answers 200 JSON (%s)" % (p, url), 200, a)

print("%d passed, %d failed" % (PASS, FAIL))
sys.exit(1 if FAIL else 0)
