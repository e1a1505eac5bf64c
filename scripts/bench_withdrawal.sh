#!/usr/bin/env bash
# Benchmark of the withdrawal and the data export on SQLite and PostgreSQL: the readiness check
# on 1,000,000 orders, the export of a regular member and of a heavy seller (10,000 services,
# 100,000 orders and reviews), and the purge of that heavy seller while other requests go on.
#
#   bash scripts/bench_withdrawal.sh [--backends "sqlite postgres"] [extra bench-withdrawal flags]
#
# Uses a scratch SQLite folder under target/bench and a scratch PostgreSQL database
# (yorozu_bench). Writes the tables to target/bench/withdrawal.md. Not part of the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."

BACKENDS="sqlite postgres"
EXTRA=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --backends) BACKENDS="$2"; shift 2 ;;
    *) EXTRA+=("$1"); shift ;;
  esac
done

cargo build --release -p yorozu-server >/dev/null
BIN=target/release/yorozu
export YOROZU_LOG="${YOROZU_LOG:-error}"
OUT=target/bench
mkdir -p "$OUT"
TABLE="$OUT/withdrawal.md"
: > "$TABLE"
for backend in $BACKENDS; do
  case "$backend" in
    sqlite)
      DIR="$OUT/withdrawal-sqlite"
      rm -rf "$DIR"
      "$BIN" --data-dir "$DIR" bench-withdrawal "${EXTRA[@]}" | tee -a "$TABLE"
      ;;
    postgres)
      pg_ctlcluster 15 main start 2>/dev/null || true
      SQL="DROP DATABASE IF EXISTS yorozu_bench; CREATE DATABASE yorozu_bench OWNER yorozu;"
      if [[ $(id -u) == 0 ]]; then
        (cd / && echo "$SQL" | su postgres -s /bin/sh -c 'psql -X -q -v ON_ERROR_STOP=1 -d postgres')
      else
        echo "$SQL" | psql -X -q -v ON_ERROR_STOP=1 -d postgres
      fi
      DIR="$OUT/withdrawal-postgres"
      rm -rf "$DIR"
      DATABASE_URL=postgres://yorozu:yorozu@127.0.0.1:5432/yorozu_bench \
        "$BIN" --data-dir "$DIR" bench-withdrawal "${EXTRA[@]}" | tee -a "$TABLE"
      ;;
    *) echo "unknown backend $backend" >&2; exit 2 ;;
  esac
  echo >> "$TABLE"
done
echo "written to $TABLE"
