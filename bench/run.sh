#!/usr/bin/env bash
# bench/run.sh: throughput benchmark of `entente code` on one core.
#
#   bench/run.sh            200 MB corpus (bench/gen-corpus.py, seed 1)
#   bench/run.sh --quick    20 MB corpus, for smoke runs
#   bench/run.sh --mb N --seed S
#
# Configures the Release build if it is missing (cmake -S . -B build-release
# -DCMAKE_BUILD_TYPE=Release; BUILD_DIR=... to use another folder) and
# always brings it up to date,
# generates the corpus into bench/.cache/ unless a corpus of the same size
# and seed is already there, then runs
#   /usr/bin/time -v taskset -c 0 BIN code --scored-only CORPUS >/dev/null
# and prints MB, documents, sentences, wall and CPU seconds, MB/s,
# sentences/s per core, documents/s and peak RSS. Every command it runs is
# printed first, prefixed with "+". Exit status non-zero on any failure.
#
# Sentences: if `entente code --help` lists --stats, the engine's own counts
# are taken from its stderr line
#   entente code: N documents, N sentences, N events, X MB in S s (...)
# otherwise the generator's count is used (sentence-ending punctuation, see
# bench/gen-corpus.py) and the output says so.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

MB=200
SEED=1
BUILD_DIR=${BUILD_DIR:-build-release}
CACHE=${BENCH_CACHE:-bench/.cache}

usage() { sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
	case "$1" in
	--quick) MB=20 ;;
	--mb) MB=${2:?--mb needs a value}; shift ;;
	--mb=*) MB=${1#--mb=} ;;
	--seed) SEED=${2:?--seed needs a value}; shift ;;
	--seed=*) SEED=${1#--seed=} ;;
	-h|--help) usage; exit 0 ;;
	*) echo "bench/run.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
	esac
	shift
done
case "$MB" in ''|*[!0-9]*) echo "bench/run.sh: --mb must be a whole number of MB" >&2; exit 2 ;; esac
case "$SEED" in ''|*[!0-9]*) echo "bench/run.sh: --seed must be a whole number" >&2; exit 2 ;; esac

die() { echo "bench/run.sh: $*" >&2; exit 1; }
run() { printf '+'; printf ' %q' "$@"; printf '\n'; "$@"; }

[ -x /usr/bin/time ] || die "/usr/bin/time is missing (GNU time; Debian/Ubuntu: apt-get install time)"
/usr/bin/time -v true 2>/dev/null || die "/usr/bin/time does not take -v (need GNU time; Debian/Ubuntu: apt-get install time)"
command -v python3 >/dev/null || die "python3 is needed to generate the corpus"

# 1. the Release binary
BIN="$BUILD_DIR/entente"
JOBS=$(nproc 2>/dev/null || echo 2)
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
	run cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release || die "cmake configure failed"
fi
# always brought up to date, so that the figures are those of the sources
run cmake --build "$BUILD_DIR" -j "$JOBS" --target entente-cli || die "build failed"
[ -x "$BIN" ] || die "build finished but $BIN is missing"
# the engine must start (it refuses to when a lexicon is missing or wrong)
SMOKE=$(mktemp)
if ! "$BIN" code --scored-only samples/ >/dev/null 2>"$SMOKE"; then
	cat "$SMOKE" >&2
	rm -f "$SMOKE"
	die "$BIN does not run on samples/ (message above)"
fi
rm -f "$SMOKE"

# 2. the corpus
mkdir -p "$CACHE"
CORPUS="$CACHE/corpus-${MB}mb-seed${SEED}.jsonl"
STATS="$CORPUS.stats"
fresh=0
if [ -f "$CORPUS" ] && [ -f "$STATS" ]; then
	want=$(sed -n 's/.*bytes=\([0-9]*\).*/\1/p' "$STATS")
	have=$(stat -c %s "$CORPUS")
	[ -n "$want" ] && [ "$want" = "$have" ] && fresh=1
fi
if [ "$fresh" = 1 ]; then
	echo "# corpus $CORPUS is already there ($(cat "$STATS"))"
else
	rm -f "$CORPUS" "$STATS"
	run python3 bench/gen-corpus.py --mb "$MB" --seed "$SEED" --out "$CORPUS" 2>"$STATS.tmp" ||
		{ cat "$STATS.tmp" >&2; rm -f "$STATS.tmp"; die "corpus generation failed"; }
	grep -v '^documents=' "$STATS.tmp" >&2 || true
	grep '^documents=' "$STATS.tmp" >"$STATS"
	rm -f "$STATS.tmp"
fi
GEN_DOCS=$(sed -n 's/.*documents=\([0-9]*\).*/\1/p' "$STATS")
GEN_SENTS=$(sed -n 's/.*sentences=\([0-9]*\).*/\1/p' "$STATS")
BYTES=$(stat -c %s "$CORPUS")

# 3. the measured run
PIN=()
if command -v taskset >/dev/null; then
	PIN=(taskset -c 0)
else
	echo "# taskset not found: the run is not pinned to one core" >&2
fi
EXTRA=()
if "$BIN" code --help 2>/dev/null | grep -q -- '--stats'; then
	EXTRA=(--stats)
fi
TIMEF=$(mktemp)
ERRF=$(mktemp)
trap 'rm -f "$TIMEF" "$ERRF"' EXIT
printf '+'; printf ' %q' /usr/bin/time -v -o "$TIMEF" "${PIN[@]}" "$BIN" code --scored-only "${EXTRA[@]}" "$CORPUS"
printf ' >/dev/null\n'
status=0
/usr/bin/time -v -o "$TIMEF" "${PIN[@]}" "$BIN" code --scored-only "${EXTRA[@]}" "$CORPUS" >/dev/null 2>"$ERRF" || status=$?
if [ "$status" != 0 ]; then
	tail -n 20 "$ERRF" >&2
	die "entente code exited with status $status (last lines of its stderr above)"
fi

wall=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$TIMEF" |
	awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
user=$(sed -n 's/.*User time (seconds): //p' "$TIMEF")
sys=$(sed -n 's/.*System time (seconds): //p' "$TIMEF")
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$TIMEF")
[ -n "$wall" ] && [ -n "$user" ] && [ -n "$sys" ] && [ -n "$rss" ] || die "could not read the output of /usr/bin/time -v"

DOCS=$GEN_DOCS SENTS=$GEN_SENTS EVENTS="" SRC="generator count: sentence-ending punctuation, not the engine's"
if [ "${#EXTRA[@]}" -gt 0 ]; then
	# "entente code: N documents, N sentences, N events, X MB in S s (...)"
	line=$(grep -E '^entente code: [0-9]+ documents, [0-9]+ sentences, [0-9]+ events' "$ERRF" | tail -n 1 || true)
	if [ -n "$line" ]; then
		echo "# engine: $line"
		DOCS=$(sed -E 's/^entente code: ([0-9]+) documents.*/\1/' <<<"$line")
		SENTS=$(sed -E 's/.* ([0-9]+) sentences,.*/\1/' <<<"$line")
		EVENTS=$(sed -E 's/.* ([0-9]+) events,.*/\1/' <<<"$line")
		SRC="the engine's count, from --stats"
	else
		echo "# --stats gave no line of the expected form; using the generator's counts" >&2
	fi
fi

awk -v bytes="$BYTES" -v docs="$DOCS" -v sents="$SENTS" -v gsents="$GEN_SENTS" -v events="$EVENTS" -v src="$SRC" \
    -v wall="$wall" -v user="$user" -v sys="$sys" -v rss="$rss" -v pinned="${#PIN[@]}" \
    -v bin="$BIN" -v corpus="$CORPUS" 'BEGIN {
	cpu = user + sys
	mb = bytes / 1e6
	if (wall <= 0) wall = 0.01
	if (cpu <= 0) cpu = 0.01
	printf "\nentente code --scored-only, %s, %s\n", bin, (pinned ? "pinned to core 0" : "not pinned")
	printf "corpus              %s\n", corpus
	printf "MB                  %.1f\n", mb
	printf "documents           %d\n", docs
	printf "sentences           %d (%s)\n", sents, src
	if (events != "") printf "events              %d (all roots, before --scored-only)\n", events
	printf "generator sentences %d (sentence-ending punctuation)\n", gsents
	printf "seconds             %.2f wall, %.2f CPU (user %.2f + sys %.2f)\n", wall, cpu, user, sys
	printf "MB/s                %.2f (wall)\n", mb / wall
	printf "sentences/s/core    %.0f (per CPU second)\n", sents / cpu
	printf "documents/s         %.0f (wall)\n", docs / wall
	printf "peak RSS MB         %.1f\n", rss / 1024
	printf "target              50000 sentences/s/core (TABARI ~13600): %s\n", (sents / cpu >= 50000 ? "met" : "not met")
}'
