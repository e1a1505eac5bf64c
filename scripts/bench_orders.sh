#!/usr/bin/env bash
# Benchmark of order placement on SQLite and PostgreSQL: raw single-row INSERT transactions,
# the place-order use case and POST /api/v1/orders (wrk), measured in the same run.
#
#   bash scripts/bench_orders.sh [--seconds S] [--tasks N] [--buyers B] [--backends "sqlite postgres"]
#
# Uses a scratch SQLite folder under target/bench and a scratch PostgreSQL database
# (yorozu_bench, created with the local cluster's `yorozu` role as scripts/test.sh does).
# Writes the tables to target/bench/orders.md. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=10
TASKS=16
BUYERS=32
BACKENDS="sqlite postgres"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) SECONDS_EACH="$2"; shift 2 ;;
    --tasks) TASKS="$2"; shift 2 ;;
    --buyers) BUYERS="$2"; shift 2 ;;
    --backends) BACKENDS="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null; then
  if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends wrk >/dev/null
  else
    echo "wrk is missing (apt-get install wrk): the HTTP rate will be skipped" >&2
  fi
fi

cargo build --release -p yorozu-server >/dev/null
BIN=target/release/yorozu
export YOROZU_LOG="${YOROZU_LOG:-warn}"
OUT=target/bench
mkdir -p "$OUT"
TABLE="$OUT/orders.md"
: > "$TABLE"
for backend in $BACKENDS; do
  case "$backend" in
    sqlite)
      DIR="$OUT/orders-sqlite"
      rm -rf "$DIR"
      "$BIN" --data-dir "$DIR" bench-orders --seconds "$SECONDS_EACH" --tasks "$TASKS" --buyers "$BUYERS" | tee -a "$TABLE"
      ;;
    postgres)
      pg_ctlcluster 15 main start 2>/dev/null || true
      SQL="DROP DATABASE IF EXISTS yorozu_bench; CREATE DATABASE yorozu_bench OWNER yorozu;"
      if [[ $(id -u) == 0 ]]; then
        (cd / && echo "$SQL" | su postgres -s /bin/sh -c 'psql -X -q -v ON_ERROR_STOP=1 -d postgres')
      else
        echo "$SQL" | psql -X -q -v ON_ERROR_STOP=1 -d postgres
      fi
      DIR="$OUT/orders-postgres"
      rm -rf "$DIR"
      DATABASE_URL=postgres://yorozu:yorozu@127.0.0.1:5432/yorozu_bench \
        "$BIN" --data-dir "$DIR" bench-orders --seconds "$SECONDS_EACH" --tasks "$TASKS" --buyers "$BUYERS" | tail -n +3 | tee -a "$TABLE"
      ;;
    *) echo "unknown backend $backend" >&2; exit 2 ;;
  esac
done
echo "written to $TABLE"
