#!/usr/bin/env bash
# Accuracy floors (EVENTS.md section 7) on the shared development set and on
# our own sample articles. The floors are the figures reached when they were
# set, less a small margin: a change that loses accuracy fails here.
# The shared set lives outside the repository (../shared); without it those
# checks are skipped with a message, and the sample articles are still scored.
# usage: test_accuracy.sh ENTENTE_BINARY SOURCE_DIR
set -euo pipefail
BIN=$1
SRC=$2
SHARED=${ENT_SHARED:-$SRC/../shared}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
passed=0 failed=0 skipped=0

# check NAME FLOOR GOLD_DIR PATH...: entente eval, then compare the F1
check() {
  local name=$1 floor=$2 gold=$3
  shift 3
  local out
  if ! out=$("$BIN" eval "$gold" "$@" 2>&1); then
    echo "not ok - $name: entente eval failed"
    echo "$out" | sed 's/^/  /'
    failed=$((failed + 1))
    return
  fi
  local f1
  f1=$(echo "$out" | sed -n 's/^F1 \([0-9.]*\) .*/\1/p' | tail -1)
  echo "$out" | sed 's/^/  /'
  if [[ -z $f1 ]]; then
    echo "not ok - $name: no F1 line in the output"
    failed=$((failed + 1))
  elif python3 -c "import sys; sys.exit(0 if float('$f1') >= float('$floor') else 1)"; then
    echo "ok - $name: F1 $f1 >= $floor"
    passed=$((passed + 1))
  else
    echo "not ok - $name: F1 $f1 is below the floor $floor"
    failed=$((failed + 1))
  fi
}

check "sample articles (ours)" 0.89 "$SRC/samples/gold" "$SRC/samples"

if [[ -d $SHARED/gold/seeds && -d $SHARED/seeds ]]; then
  check "seeds (French)" 0.95 "$SHARED/gold/seeds" "$SHARED/seeds"
else
  echo "skipped: $SHARED absent (seeds)"
  skipped=$((skipped + 1))
fi

if [[ -d $SHARED/gold/dev && -d $SHARED/dev/texts ]]; then
  for lang in fr en; do
    mkdir -p "$TMP/gold-$lang" "$TMP/texts-$lang"
    cp "$SHARED"/gold/dev/dev-$lang-*.json "$TMP/gold-$lang/"
    cp "$SHARED"/dev/texts/dev-$lang-*.txt "$TMP/texts-$lang/"
  done
  check "development set, French" 0.87 "$TMP/gold-fr" "$TMP/texts-fr"
  check "development set, English" 0.93 "$TMP/gold-en" "$TMP/texts-en"
else
  echo "skipped: $SHARED absent (development set)"
  skipped=$((skipped + 1))
fi

echo "$passed passed, $failed failed, $skipped skipped"
[[ $failed -eq 0 ]]
