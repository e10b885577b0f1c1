#!/usr/bin/env bash
# test_help.sh: the help, version and usage errors of the `entente` program.
# usage: bash test_help.sh PATH_TO_ENTENTE SOURCE_DIR
set -euo pipefail

BIN=${1:?usage: test_help.sh ENTENTE_BINARY SOURCE_DIR}
SRC=${2:?usage: test_help.sh ENTENTE_BINARY SOURCE_DIR}
[ -x "$BIN" ] || { echo "not executable: $BIN" >&2; exit 1; }

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

# shared helpers: ok, fail, run, shown, finish
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

COMMANDS="code ingest events pairs relations timeline search show eval serve submit worker status lexicon"

# ---- entente --help / -h / help ----
for h in --help -h help; do
	run "$h"
	if [ "$RC" -ne 0 ]; then
		fail "entente $h exits 0" "status 0" "status $RC: $(head -c 300 "$T/err")"
		continue
	fi
	missing=""
	for c in $COMMANDS; do
		grep -Eq "^  $c( |$)" "$T/out" || missing="$missing $c"
	done
	if [ -n "$missing" ]; then
		fail "entente $h lists every command" "lines '  COMMAND ...' for: $COMMANDS" "missing:$missing"
	else
		ok "entente $h exits 0 and lists every command on stdout"
	fi
done

if grep -q '^usage: entente COMMAND' "$T/out"; then
	ok "entente --help starts with a usage line"
else
	fail "entente --help starts with a usage line" "'usage: entente COMMAND ...'" "$(head -1 "$T/out")"
fi

# ---- no command at all: usage on stderr, status 2 ----
run
if [ "$RC" -eq 2 ] && grep -q '^usage: entente' "$T/err" && [ ! -s "$T/out" ]; then
	ok "entente without a command prints the usage on stderr and exits 2"
else
	fail "entente without a command" "status 2, usage on stderr, empty stdout" \
		"status $RC, stderr: $(head -1 "$T/err"), stdout: $(head -c 100 "$T/out")"
fi

# ---- COMMAND --help ----
for c in $COMMANDS; do
	for h in --help -h; do
		run "$c" "$h"
		first=$(head -1 "$T/out")
		if [ "$RC" -ne 0 ]; then
			fail "entente $c $h exits 0" "status 0" "status $RC: $(head -c 300 "$T/err")"
		elif [[ "$first" != "usage: entente $c"* ]]; then
			fail "entente $c $h prints its usage line" "first line 'usage: entente $c ...'" "'$first'"
		elif [ "$(wc -l <"$T/out")" -lt 3 ]; then
			fail "entente $c $h explains the command" "at least 3 lines" "$(wc -l <"$T/out") lines"
		elif [ -s "$T/err" ]; then
			fail "entente $c $h is quiet on stderr" "empty stderr" "$(head -c 300 "$T/err")"
		else
			ok "entente $c $h exits 0 and prints 'usage: entente $c ...'"
		fi
	done
done

# --help wins over a missing argument (show needs an EVENT_ID, eval a GOLD_DIR).
run show --help
[ "$RC" -eq 0 ] && ok "entente show --help needs no EVENT_ID" ||
	fail "entente show --help needs no EVENT_ID" "status 0" "status $RC"
run eval --help
[ "$RC" -eq 0 ] && ok "entente eval --help needs no GOLD_DIR" ||
	fail "entente eval --help needs no GOLD_DIR" "status 0" "status $RC"

# ---- unknown command ----
run frobnicate
if [ "$RC" -eq 2 ] && grep -q 'frobnicate' "$T/err" && [ ! -s "$T/out" ]; then
	ok "an unknown command exits 2 with a message naming it"
else
	fail "unknown command 'frobnicate'" "status 2, stderr naming frobnicate, empty stdout" \
		"status $RC, stderr: $(head -c 300 "$T/err")"
fi

# ---- unknown options ----
for c in $COMMANDS; do
	run "$c" --no-such-option
	if [ "$RC" -eq 2 ] && grep -q -- '--no-such-option' "$T/err" && [ ! -s "$T/out" ]; then
		ok "entente $c --no-such-option exits 2 naming the option"
	else
		fail "entente $c --no-such-option" "status 2, stderr naming --no-such-option, empty stdout" \
			"status $RC, stderr: $(head -c 300 "$T/err"), stdout: $(head -c 100 "$T/out")"
	fi
done
# the form --opt=value names the option too
run code --bogus=1 x.txt
if [ "$RC" -eq 2 ] && grep -q -- '--bogus' "$T/err"; then
	ok "entente code --bogus=1 exits 2 naming --bogus"
else
	fail "entente code --bogus=1" "status 2 naming --bogus" "status $RC, stderr: $(head -c 300 "$T/err")"
fi
# an option that belongs to another command is unknown here
run show --country VNM 1
if [ "$RC" -eq 2 ] && grep -q -- '--country' "$T/err"; then
	ok "entente show --country (an option of events) exits 2 naming it"
else
	fail "entente show --country" "status 2 naming --country" "status $RC, stderr: $(head -c 300 "$T/err")"
fi

# ---- usage errors that exit 2 before any work ----
usage_case() { # DESCRIPTION WORD_IN_MESSAGE ARGS...
	local d=$1 w=$2
	shift 2
	run "$@"
	if [ "$RC" -eq 2 ] && grep -q -- "$w" "$T/err"; then
		ok "$d"
	else
		fail "$d" "status 2 with a message containing '$w'" "status $RC, stderr: $(head -c 300 "$T/err")"
	fi
}
usage_case "entente code without PATH exits 2" "PATH" code
usage_case "entente ingest without PATH exits 2" "PATH" ingest --db "$T/x.db"
usage_case "entente eval with one argument exits 2" "GOLD_DIR" eval "$SRC/samples/gold"
usage_case "entente show without an id exits 2" "EVENT_ID" show --db "$T/x.db"
usage_case "entente show with a non-numeric id exits 2" "abc" show --db "$T/x.db" abc
usage_case "entente code --lang de exits 2 naming the value" "de" code --lang de x.txt
usage_case "entente code --format xml exits 2 naming the value" "xml" code --format xml x.txt
usage_case "entente code --lang without a value exits 2" "--lang" code --lang
usage_case "entente ingest --batch 0 exits 2" "0" ingest --batch 0 --db "$T/x.db" x.txt
usage_case "entente code --scored-only=yes exits 2 (a flag takes no value)" "--scored-only" code --scored-only=yes x.txt
usage_case "entente lexicon without 'check' exits 2" "check" lexicon
usage_case "entente events with a stray argument exits 2 naming it" "stray" events --db "$T/x.db" stray
[ ! -e "$T/x.db" ] && ok "usage errors create no database" ||
	fail "usage errors create no database" "no $T/x.db" "it exists"

# ---- --version ----
run --version
want_version=$(sed -n 's/^#define ENT_VERSION "\(.*\)"/\1/p' "$SRC/include/entente/entente.h")
if [ "$RC" -eq 0 ] && [ "$(cat "$T/out")" = "entente $want_version" ] && [ -n "$want_version" ]; then
	ok "entente --version prints 'entente $want_version' and exits 0"
else
	fail "entente --version" "status 0, 'entente $want_version'" "status $RC, '$(cat "$T/out")'"
fi
cmake_version=$(sed -n 's/^project(entente VERSION \([0-9.]*\).*/\1/p' "$SRC/CMakeLists.txt")
if [ "$cmake_version" = "$want_version" ]; then
	ok "the version of entente.h matches CMakeLists.txt ($cmake_version)"
else
	fail "version agreement" "CMakeLists.txt version = ENT_VERSION ($want_version)" "$cmake_version"
fi

finish
