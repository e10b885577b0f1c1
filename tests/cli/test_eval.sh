#!/usr/bin/env bash
# test_eval.sh: `entente eval GOLD_DIR PATH...` and its agreement with the
# reference scorer ../shared/tools/score-events (when ../shared exists).
# usage: bash test_eval.sh PATH_TO_ENTENTE SOURCE_DIR
set -euo pipefail

BIN=${1:?usage: test_eval.sh ENTENTE_BINARY SOURCE_DIR}
SRC=${2:?usage: test_eval.sh ENTENTE_BINARY SOURCE_DIR}
[ -x "$BIN" ] || { echo "not executable: $BIN" >&2; exit 1; }
command -v python3 >/dev/null || { echo "skipped: python3 absent"; exit 77; }
SAMPLES="$SRC/samples"
NGOLD=$(find "$SAMPLES/gold" -name '*.json' | wc -l)

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# shared helpers: ok, fail, run, shown, finish
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
SHOWN_BYTES=600

NUM='(None|0(\.[0-9]+)?|1(\.0+)?)'
HEADLINE='^F1 [01]\.[0-9]{3} \(P [01]\.[0-9]{3} R [01]\.[0-9]{3}\) over [0-9]+ docs$'

# ---- the samples ----
run eval "$SAMPLES/gold" "$SAMPLES"
cp "$T/out" "$T/eval.txt"
if [ "$RC" -eq 0 ]; then
	ok "entente eval samples/gold samples exits 0"
else
	fail "entente eval samples/gold samples" "status 0" "status $RC, $(shown "$T/err")"
fi
want="code_accuracy direction_accuracy person_accuracy place_accuracy sector_jaccard"
got=$(sed -n '1,5p' "$T/eval.txt" | sed 's/:.*//' | tr '\n' ' ')
if [ "$got" = "$want " ] && [ "$(sed -n '1,5p' "$T/eval.txt" | grep -cE "^[a-z_]+: $NUM$")" = 5 ]; then
	ok "eval prints the five secondary lines 'NAME: value'"
else
	fail "five secondary lines" "$want, each 'NAME: number or None'" "$(shown "$T/eval.txt")"
fi
last=$(tail -1 "$T/eval.txt")
if [[ "$last" =~ $HEADLINE ]] && [[ "$last" == *" over $NGOLD docs" ]] && [ "$(wc -l <"$T/eval.txt")" = 6 ]; then
	ok "the last of six lines is the headline '$last'"
else
	fail "headline" "'F1 x.xxx (P x.xxx R x.xxx) over $NGOLD docs' as line 6 of 6" "$(shown "$T/eval.txt")"
fi
# F1 is the harmonic mean of the P and R it prints
if python3 - "$last" <<'PY'; then
import re, sys
m = re.match(r"F1 (\S+) \(P (\S+) R (\S+)\)", sys.argv[1])
if not m:
    sys.exit(1)
f, p, r = map(float, m.groups())
want = 2 * p * r / (p + r) if p + r else 0.0
sys.exit(0 if abs(want - f) <= 0.0015 else 1)
PY
	ok "the headline's F1 agrees with its P and R"
else
	fail "F1 = 2PR/(P+R)" "consistent numbers" "$last"
fi

# --json: one JSON object with the counts, then the headline
run eval --json "$SAMPLES/gold" "$SAMPLES"
if [ "$RC" -eq 0 ] && python3 - "$T/out" "$NGOLD" <<'PY'; then
import json, re, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert len(lines) == 2, lines
res = json.loads(lines[0])
for k in ("docs", "tp", "fn", "tp_system", "fp", "precision", "recall", "f1",
          "code_accuracy", "direction_accuracy", "person_accuracy",
          "place_accuracy", "sector_jaccard"):
    assert k in res, k
assert res["docs"] == int(sys.argv[2]), res["docs"]
tps, fp, tp, fn = res["tp_system"], res["fp"], res["tp"], res["fn"]
p = tps / (tps + fp) if tps + fp else 0.0
r = tp / (tp + fn) if tp + fn else 0.0
assert abs(round(p, 4) - res["precision"]) < 1e-9 and abs(round(r, 4) - res["recall"]) < 1e-9, res
m = re.match(r"F1 (\S+) \(P (\S+) R (\S+)\) over (\d+) docs$", lines[1])
assert m and float(m.group(2)) == round(p, 3) and float(m.group(3)) == round(r, 3), lines[1]
PY
	ok "eval --json prints the counts as JSON (P and R follow from them) and the headline"
else
	fail "eval --json" "a JSON line with docs=$NGOLD, consistent P/R, and the headline" "status $RC, $(shown "$T/out")"
fi

# --per-doc: every extra is a key of an event `entente code` printed, every
# miss a key of a required gold event (this catches garbage keys)
run code "$SAMPLES"
cp "$T/out" "$T/samples.jsonl"
run eval --per-doc "$SAMPLES/gold" "$SAMPLES"
if [ "$RC" -eq 0 ] && python3 - "$T/out" "$T/samples.jsonl" "$SAMPLES/gold" <<'PY'; then
import ast, json, os, sys
out, sysfile, gold = sys.argv[1:4]
def country(c): return (c or "---")[:3].upper()
def key(e): return (str(e["code"])[:2], tuple(sorted((country(e.get("source")), country(e.get("target"))))), e.get("date"))
def cut(k, n):
    return (k[0], k[1], None if n is None else ("none" if k[2] is None else k[2][:n]))
sys_keys = {}
for l in open(sysfile, encoding="utf-8", errors="replace"):
    e = json.loads(l)
    sys_keys.setdefault(e["doc_id"], set()).add(key(e))
gold_keys = {}
for name in os.listdir(gold):
    g = json.load(open(os.path.join(gold, name), encoding="utf-8"))
    gold_keys[g["doc_id"]] = {key(e) for e in g["events"] if not e.get("optional")}
doc = None
bad = []
ndocs = 0
for line in open(out, encoding="utf-8", errors="replace").read().splitlines():
    if not line.startswith("\t"):
        if "\ttp=" in line:
            doc = line.split("\t")[0]
            ndocs += 1
            if doc not in gold_keys:
                bad.append(f"unknown doc {doc}")
        continue
    kind, k = line[1:].split(None, 1)
    k = ast.literal_eval(k)
    if kind == "extra" and k not in sys_keys.get(doc, set()):
        bad.append(f"{doc}: extra {k!r} is not a key of the coded events")
    if kind == "missed" and k not in gold_keys.get(doc, set()):
        bad.append(f"{doc}: missed {k!r} is not a required gold key")
if ndocs != len(gold_keys):
    bad.append(f"{ndocs} document lines for {len(gold_keys)} gold files")
for b in bad[:10]:
    print("    " + b)
sys.exit(1 if bad else 0)
PY
	ok "eval --per-doc: one line per gold document, extras are coded keys, misses are gold keys"
else
	fail "eval --per-doc keys" "keys taken from the coded events and the gold" "status $RC (see the lines above)"
fi

# ---- usage errors ----
run eval "$T/no-such-gold" "$SAMPLES"
if [ "$RC" -eq 1 ] && grep -qF "$T/no-such-gold" "$T/err"; then
	ok "eval with a missing GOLD_DIR exits 1 naming it"
else
	fail "eval missing gold dir" "status 1, message naming it" "status $RC, $(shown "$T/err")"
fi
mkdir "$T/badgold"
printf '{"doc_id": "x", "events": [' >"$T/badgold/x.json"
run eval "$T/badgold" "$SAMPLES"
if [ "$RC" -eq 1 ] && grep -qF "x.json" "$T/err"; then
	ok "eval with a broken gold file exits 1 naming the file"
else
	fail "eval broken gold" "status 1, message naming x.json" "status $RC, $(shown "$T/err")"
fi

# ---- agreement with the reference scorer ----
SHARED="$SRC/../shared"
SCORER="$SHARED/tools/score-events"
if [ ! -d "$SHARED" ] || [ ! -f "$SCORER" ]; then
	echo "skipped: ../shared absent"
else
	compare() { # NAME GOLD_DIR PATH
		local name=$1 gold=$2 path=$3
		if [ ! -d "$gold" ] || [ ! -e "$path" ]; then
			echo "skipped: $name ($gold or $path absent)"
			return
		fi
		local rc=0
		"$BIN" code "$path" >"$T/$name.jsonl" 2>"$T/err" || rc=$?
		if [ "$rc" -ne 0 ]; then
			fail "entente code $name" "status 0" "status $rc, $(shown "$T/err")"
			return
		fi
		for flags in "" "--per-doc" "--json"; do
			# shellcheck disable=SC2086
			"$BIN" eval $flags "$gold" "$path" >"$T/ours" 2>"$T/err" || rc=$?
			# shellcheck disable=SC2086
			python3 "$SCORER" "$gold" "$T/$name.jsonl" $flags >"$T/ref" 2>&1 || rc=$((rc + 100))
			if [ "$rc" -eq 0 ] && cmp -s "$T/ours" "$T/ref"; then
				ok "$name: entente eval ${flags:+$flags }prints what score-events prints ($(tail -1 "$T/ref"))"
			else
				fail "$name: entente eval ${flags:+$flags }= score-events" \
					"status 0 and the text of score-events (diff below: < score-events, > entente eval)" \
					"status $rc"
				diff "$T/ref" "$T/ours" | head -16 | cat -v | sed 's/^/    /' || true
			fi
			rc=0
		done
	}
	compare seeds "$SHARED/gold/seeds" "$SHARED/seeds"
	compare samples "$SAMPLES/gold" "$SAMPLES"
	compare dev "$SHARED/gold/dev" "$SHARED/dev/texts"
fi

finish
