#!/usr/bin/env bash
# The benchmark: one command, both databases, one report.
#
#   bash scripts/bench.sh [--backends "sqlite postgres"] [--seconds S] [--connections C]
#                         [any flag of `yorozu generate`, e.g. --orders 200000]
#
# 1. Generates the data set (`yorozu generate`: by default 20,000 members, 110,000 services,
#    1,000,000 orders) in a scratch SQLite folder and a scratch PostgreSQL database, side by side.
# 2. For each backend, `yorozu bench` serves the application on loopback and measures it with
#    wrk at 64 connections: a static endpoint, home, search, service page, talk room, order
#    placement, withdrawal readiness; raw INSERT transactions as the yardstick of order
#    placement; and the heavy seller's export and purge while other members' requests go on.
#    Before those, on a cold server: the search index build from the data set (seconds, size
#    on disk) and a cold search, 400+ distinct queries each asked once on one connection
#    (common and rare words, one character, kana and width variants, several words, words
#    with no hits, filters, sorts, deep pages): p50, p99 and the slowest.
#    Search and the service page are measured once more from a browser's User-Agent with the
#    sellers' analytics counting switched off, then on (counts kept in memory and written
#    every 5 s, as `yorozu serve` does; `--analytics-off` / YOROZU_ANALYTICS_OFF is the same
#    switch on a server): the report's targets compare the two (aim: within 5%).
# It prints one Markdown table for all backends and writes target/bench/report.md and
# target/bench/report.svg. Speed is reported here, never asserted in tests.
set -euo pipefail
cd "$(dirname "$0")/.."

BACKENDS="sqlite postgres"
# A heavy seller of 2,000 services and 20,000 orders (each with its talk room, reviews both
# ways and ledger entries: about 400,000 rows of theirs), so that both backends fit in ten
# minutes; later flags override these.
GENERATE=(--heavy-services 2000 --heavy-orders 20000) BENCH=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --backends) BACKENDS="$2"; shift 2 ;;
    --seconds | --connections) BENCH+=("$1" "$2"); shift 2 ;;
    *) GENERATE+=("$1"); shift ;;
  esac
done

if ! command -v wrk >/dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk >/dev/null
  else
    echo "wrk is missing: apt-get install wrk" >&2; exit 1
  fi
fi

cargo build --release -p yorozu-server >/dev/null
BIN=target/release/yorozu
OUT=target/bench
mkdir -p "$OUT"
rm -f "$OUT"/*.json "$OUT"/*.generation
# Request logs would cost the server as much as some pages: keep warnings only.
export YOROZU_LOG=warn

declare -A DATA URL
for backend in $BACKENDS; do
  DATA[$backend]=$(mktemp -d /tmp/yorozu-bench-XXXX)
  URL[$backend]=""
  if [[ "$backend" == postgres ]]; then
    if ! pg_isready -q -h 127.0.0.1 2>/dev/null; then
      pg_ctlcluster 15 main start 2>/dev/null || { echo "PostgreSQL is not running: pg_ctlcluster 15 main start" >&2; exit 1; }
    fi
    su postgres -c "psql -q" >/dev/null <<'SQL'
DO $$ BEGIN CREATE ROLE yorozu LOGIN PASSWORD 'yorozu'; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DROP DATABASE IF EXISTS yorozu_bench WITH (FORCE);
CREATE DATABASE yorozu_bench OWNER yorozu;
SQL
    URL[$backend]=postgres://yorozu:yorozu@127.0.0.1:5432/yorozu_bench
  fi
done
yorozu() { # BACKEND ARGS...: the binary on that backend's scratch database
  local backend="$1"; shift
  if [[ -n "${URL[$backend]}" ]]; then
    DATABASE_URL="${URL[$backend]}" "$BIN" --data-dir "${DATA[$backend]}" "$@"
  else
    env -u DATABASE_URL "$BIN" --data-dir "${DATA[$backend]}" "$@"
  fi
}

# The data sets load side by side: SQLite's loader works in this process, PostgreSQL's in the
# server's, so the two cores are both busy.
echo "== generating ($BACKENDS)"
pids=()
for backend in $BACKENDS; do
  yorozu "$backend" generate --figures "$OUT/$backend.generation" "${GENERATE[@]}" > "$OUT/$backend-generate.log" 2>&1 &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || { echo "generation failed: see $OUT/*-generate.log" >&2; exit 1; }; done
for backend in $BACKENDS; do grep total "$OUT/$backend-generate.log" | sed "s/^ */$backend: /"; done

for backend in $BACKENDS; do
  echo "== measuring $backend"
  yorozu "$backend" bench --out "$OUT" "${BENCH[@]}" > "$OUT/$backend.log"
  rm -rf "${DATA[$backend]}"
done
if [[ "$BACKENDS" == *postgres* ]]; then
  su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS yorozu_bench WITH (FORCE)'" >/dev/null
fi
echo
cat "$OUT/report.md"
echo
echo "written: $OUT/report.md, $OUT/report.svg"
