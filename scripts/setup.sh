#!/usr/bin/env bash
# Installs every Debian package the build, the tests, the demo and the
# benchmark need. Idempotent: when everything is there it only checks and
# returns (no apt-get update). Run as root, or with sudo available.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config   # compiler and build
  libutf8proc-dev                    # Unicode folding and categories
  libjansson-dev                     # JSON Lines input, gold files
  libxml2-dev                        # web pages (HTML reader) and the PETRARCH-2 suite reader
  libsqlite3-dev sqlite3             # storage (and the CLI for tests)
  libpq-dev postgresql postgresql-contrib  # the PostgreSQL store (unaccent) and its tests
  libcmocka-dev                      # unit tests
  python3                            # reference scorer, corpus generator
  iso-codes                          # country names (tools/gen-countries.py)
  libgeonames-dev                    # the gazetteer, cities with coordinates (tools/gen-gazetteer.c; pulls libgeonames-common)
  time                               # peak memory in bench/run.sh
  libmicrohttpd-dev curl             # `entente serve` (HTTP API) and its tests
  chromium fonts-dejavu-core         # the dashboard's browser test and its screenshot
  nats-server libnats-dev            # work queue: `entente submit` / `worker` and their tests
)

# Node.js and npm fetch the dashboard's browser libraries (make web). A
# machine may already have a Node.js of its own (some images ship
# NodeSource's nodejs, which bundles npm and conflicts with Debian's npm
# package): Debian's are installed only when no npm is found.
if ! command -v npm >/dev/null 2>&1; then
  PACKAGES+=(nodejs npm)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  [[ $p == \#* ]] && continue
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "setup: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  SUDO="sudo"
fi
echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "setup: done"
