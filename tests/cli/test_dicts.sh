#!/usr/bin/env bash
# test_dicts.sh: `--actors FILE`, TABARI and PETRARCH dictionaries added to
# the lexicon (docs/lexicon.md). First with our fixtures (tests/fixtures/
# dicts): persons with dated roles, organisations, agents, on `code`,
# `ingest`, `eval` and `lexicon check`; a malformed line is a FILE:LINE
# warning, a missing file an error with status 1, a bad --actors-format a
# usage error. Then with the real dictionaries of the shared folder
# (../shared/peers: PETRARCH-2's Phoenix files, TABARI's Levant
# dictionary), skipped with a message when they are absent: names that only
# they know code, in the role of the date, and loading them stays fast.
# usage: bash test_dicts.sh PATH_TO_ENTENTE SOURCE_DIR
set -euo pipefail

BIN=${1:?usage: test_dicts.sh ENTENTE_BINARY SOURCE_DIR}
SRC=${2:?usage: test_dicts.sh ENTENTE_BINARY SOURCE_DIR}
[ -x "$BIN" ] || { echo "not executable: $BIN" >&2; exit 1; }
SHARED=${ENT_SHARED:-$SRC/../shared}
FIX="$SRC/tests/fixtures/dicts"

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# shared helpers: ok, fail, run, shown, finish
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# article FILE DATE TEXT: an English article file dated DATE
article() { printf ' date %s Test\n%s\n' "$2" "$3" >"$1"; }
# expect NAME LINE: stdout has the brief line LINE
expect() {
	if [ "$RC" -eq 0 ] && grep -qxF -- "$2" "$T/out"; then
		ok "$1"
	else
		fail "$1" "status 0 and the line $2" "status $RC, stdout: $(shown "$T/out") stderr: $(shown "$T/err")"
	fi
}

FIXTURES=(--actors "$FIX/petrarch.actors.txt" --actors "$FIX/tabari.actors"
	--actors "$FIX/petrarch.agents.txt" --actors "$FIX/tabari.agents")

# ---- fixtures ----
article "$T/a2010.txt" 2010-03-02 "Zorvan Kestreli met Vladimir Putin in Moscow."
article "$T/a2020.txt" 2020-03-02 "Zorvan Kestreli met Vladimir Putin in Moscow."
run code --lang en --format brief "${FIXTURES[@]}" "$T/a2010.txt"
expect "code --actors: a name only the fixture knows codes, in its 2010 role" \
	"040|VNMGOV|Zorvan Kestreli|RUSGOV|Vladimir Putin|2010-03-02|Moscow|-|-"
if grep -qF "petrarch.actors.txt (petrarch-actors): 7 entries, 3 added (2 persons with dated roles)" "$T/err" &&
	grep -qF "tabari.agents (tabari-agents)" "$T/err"; then
	ok "code --actors: one summary line a dictionary on stderr, with the format found"
else
	fail "code --actors: summary lines" "'FILE (petrarch-actors): 7 entries, 3 added ...'" "$(shown "$T/err")"
fi
run code --lang en --format brief "${FIXTURES[@]}" "$T/a2020.txt"
expect "code --actors: the same person in his 2020 role" \
	"040|VNMPTY|Zorvan Kestreli|RUSGOV|Vladimir Putin|2020-03-02|Moscow|-|-"
run code --lang en --format brief "$T/a2020.txt"
if [ "$RC" -eq 0 ] && ! grep -q "Kestreli" "$T/out"; then
	ok "code without --actors does not know him"
else
	fail "code without --actors does not know him" "no Kestreli" "status $RC, $(shown "$T/out")"
fi
article "$T/agents.txt" 2020-03-02 "Vietnamese ploughmen met the Russian ambassador in Moscow."
run code --lang en --format brief "${FIXTURES[@]}" "$T/agents.txt"
expect "code --actors: an agent of the fixture gives its role" \
	"040|VNMAGR|-|RUSGOV|-|2020-03-02|Moscow|-|-"
run code --lang en --format brief --actors-format petrarch --actors "$FIX/tabari.actors" "$T/a2010.txt"
if [ "$RC" -eq 0 ] && grep -qF "tabari.actors (petrarch-actors)" "$T/err"; then
	ok "--actors-format petrarch reads a file in that dialect"
else
	fail "--actors-format petrarch" "status 0, '(petrarch-actors)' on stderr" "status $RC, $(shown "$T/err")"
fi

# ---- ingest and eval take it too ----
run ingest --lang en --db "$T/x.db" "${FIXTURES[@]}" "$T/a2010.txt"
if [ "$RC" -eq 0 ]; then
	run events --db "$T/x.db" --format csv
	if grep -q "VNMGOV" "$T/out" && grep -q "Zorvan Kestreli" "$T/out"; then
		ok "ingest --actors stores the dictionary's actor"
	else
		fail "ingest --actors stores the dictionary's actor" "VNMGOV, Zorvan Kestreli" "$(shown "$T/out")"
	fi
else
	fail "ingest --actors" "status 0" "status $RC, $(shown "$T/err")"
fi
run eval "${FIXTURES[@]}" "$SRC/samples/gold" "$SRC/samples"
if [ "$RC" -eq 0 ] && grep -q '^F1 ' "$T/out"; then
	ok "eval --actors scores as usual"
else
	fail "eval --actors" "status 0 and an F1 line" "status $RC, $(shown "$T/err")"
fi

# ---- problems ----
run code --actors "$T/no-such.actors" "$T/a2010.txt"
if [ "$RC" -eq 1 ] && grep -qF "no-such.actors: cannot open" "$T/err" && [ ! -s "$T/out" ]; then
	ok "a missing --actors file: status 1, named on stderr, nothing coded"
else
	fail "a missing --actors file" "status 1, 'FILE: cannot open'" "status $RC, $(shown "$T/err")"
fi
run code --actors-format cameo --actors "$FIX/tabari.actors" "$T/a2010.txt"
if [ "$RC" -eq 2 ] && grep -qF -- "--actors-format must be" "$T/err"; then
	ok "a bad --actors-format is a usage error (status 2)"
else
	fail "a bad --actors-format" "status 2" "status $RC, $(shown "$T/err")"
fi
run code --actors-format tabari "$T/a2010.txt"
if [ "$RC" -eq 2 ]; then
	ok "--actors-format without --actors is a usage error"
else
	fail "--actors-format without --actors" "status 2" "status $RC"
fi
run code --lang en --format brief --actors "$FIX/malformed.actors.txt" "$T/a2010.txt"
if [ "$RC" -eq 0 ] && grep -qF "malformed.actors.txt:3: bad date" "$T/err" &&
	grep -qF "malformed.actors.txt:8: [VNMGOV 20121207-20120802] ends before it starts" "$T/err"; then
	ok "malformed lines: FILE:LINE warnings, the run goes on"
else
	fail "malformed lines" "status 0, 'FILE:3: bad date' ... on stderr" "status $RC, $(shown "$T/err")"
fi
run lexicon check --actors "$FIX/malformed.actors.txt"
if [ "$RC" -eq 1 ] && [ "$(grep -c 'malformed.actors.txt:[0-9]*: ' "$T/err")" -eq 5 ] &&
	grep -qF "5 problems in the --actors dictionaries" "$T/err"; then
	ok "lexicon check --actors lists the 5 malformed lines and exits 1"
else
	fail "lexicon check --actors (malformed)" "status 1, 5 FILE:LINE lines" "status $RC, $(shown "$T/err")"
fi
run lexicon check "${FIXTURES[@]}"
if [ "$RC" -eq 0 ] && grep -qF "all lexicon files and --actors dictionaries are valid" "$T/out"; then
	ok "lexicon check --actors passes the good fixtures"
else
	fail "lexicon check --actors (good)" "status 0" "status $RC, $(shown "$T/err")"
fi

# ---- the real dictionaries of the shared folder ----
PET="$SHARED/peers/petrarch2"
TAB="$SHARED/peers/TABARI-Dictionaries"
if [ -f "$PET/Phoenix.Countries.actors.txt" ] && [ -f "$PET/Phoenix.International.actors.txt" ] &&
	[ -f "$PET/Phoenix.MilNonState.actors.txt" ] && [ -f "$PET/Phoenix.agents.txt" ]; then
	PHOENIX=(--actors "$PET/Phoenix.Countries.actors.txt" --actors "$PET/Phoenix.International.actors.txt"
		--actors "$PET/Phoenix.MilNonState.actors.txt" --actors "$PET/Phoenix.agents.txt")
	# a person data/persons.tsv lacks, with dated roles in Phoenix.Countries
	article "$T/k2010.txt" 2000-03-02 "Rexhep Meidani met Vladimir Putin in Moscow."
	article "$T/k1990.txt" 1990-03-02 "Rexhep Meidani met Vladimir Putin in Moscow."
	run code --lang en --format brief "${PHOENIX[@]}" "$T/k2010.txt"
	expect "Phoenix: Rexhep Meidani, only in Phoenix.Countries, is ALBGOV in 2000" \
		"040|ALBGOV|Rexhep Meidani|RUSGOV|Vladimir Putin|2000-03-02|Moscow|-|-"
	ms=$(sed -n 's/.* \([0-9]*\) ms$/\1/p' "$T/err" | awk '{s += $1} END {print s + 0}')
	# a figure, not a check: timings belong to bench/, machines are noisy
	echo "# Phoenix: the four files loaded in $ms ms"
	run code --lang en --format brief "${PHOENIX[@]}" "$T/k1990.txt"
	expect "Phoenix: ... and ALBELI in 1990" \
		"040|ALBELI|Rexhep Meidani|RUSGOV|Vladimir Putin|1990-03-02|Moscow|-|-"
	run code --lang en --format brief "$T/k2010.txt"
	if ! grep -q "Meidani" "$T/out"; then
		ok "Phoenix: without --actors Meidani is unknown"
	else
		fail "Phoenix: without --actors Meidani is unknown" "no Meidani" "$(shown "$T/out")"
	fi
	# the built-in lexicon wins where both know a name, and the files only
	# add what it lacks (a person, an agent, which may resolve a mention
	# otherwise): the samples score about the same, within 0.01 of F1
	run eval "$SRC/samples/gold" "$SRC/samples"
	base=$(grep '^F1 ' "$T/out" || true)
	run eval "${PHOENIX[@]}" "$SRC/samples/gold" "$SRC/samples"
	with=$(grep '^F1 ' "$T/out" || true)
	if [ -n "$base" ] && [ -n "$with" ] &&
		awk -v a="${base#F1 }" -v b="${with#F1 }" 'BEGIN { d = b - a; exit !(d <= 0.01 && d >= -0.01) }'; then
		ok "Phoenix: the sample articles score about the same with the files ($base; $with)"
	else
		fail "Phoenix: the sample articles score about the same" "$base" "$with"
	fi
else
	echo "skipped: $PET absent (PETRARCH-2 Phoenix dictionaries)"
fi
if [ -f "$TAB/Levant.080629.actors" ]; then
	# a person data/persons.tsv lacks, with dated roles in Levant.080629.actors
	article "$T/r1994.txt" 1997-03-02 "Hanan Ashrawi met Vladimir Putin in Moscow."
	article "$T/r1991.txt" 1991-03-02 "Hanan Ashrawi met Vladimir Putin in Moscow."
	run code --lang en --format brief --actors "$TAB/Levant.080629.actors" "$T/r1994.txt"
	expect "TABARI: Hanan Ashrawi, only in Levant.080629.actors, is PSEGOV in 1997" \
		"040|PSEGOV|Hanan Ashrawi|RUSGOV|Vladimir Putin|1997-03-02|Moscow|-|-"
	if grep -qF "Levant.080629.actors (tabari-actors)" "$T/err"; then
		ok "TABARI: the format is told from the content"
	else
		fail "TABARI: the format is told from the content" "(tabari-actors)" "$(shown "$T/err")"
	fi
	run code --lang en --format brief --actors "$TAB/Levant.080629.actors" "$T/r1991.txt"
	expect "TABARI: ... and PSEELI in 1991" \
		"040|PSEELI|Hanan Ashrawi|RUSGOV|Vladimir Putin|1991-03-02|Moscow|-|-"
	if [ -f "$TAB/PSU.120522.agents" ]; then
		article "$T/ag.txt" 2020-03-02 "Vietnamese sharecroppers met the Russian ambassador in Moscow."
		run code --lang en --format brief --actors "$TAB/PSU.120522.agents" "$T/ag.txt"
		expect "TABARI agents: PSU.120522.agents gives its role" \
			"040|VNMAGR|-|RUSGOV|-|2020-03-02|Moscow|-|-"
	fi
else
	echo "skipped: $TAB absent (TABARI dictionaries)"
fi

finish
