#!/usr/bin/env bash
# The benchmark: one command, both databases, one report.
#
#   bash scripts/bench.sh [--backends "sqlite postgres"] [any flag of `yorozu bench`]
#
# For each backend, on a scratch SQLite folder and a scratch PostgreSQL database, `yorozu bench`
# generates the data set (by default 20,000 members, 110,000 services, 1,000,000 orders; see
# `yorozu generate`), serves the application on loopback and measures it with wrk at 64
# connections: a static endpoint, home, search, service page, talk room, order placement,
# withdrawal readiness; raw INSERT transactions as the yardstick of order placement; and the
# heavy seller's export and purge while other members' requests go on. It prints one Markdown
# table for all backends and writes target/bench/report.md and target/bench/report.svg.
# Speed is reported here, never asserted in tests.
set -euo pipefail
cd "$(dirname "$0")/.."

BACKENDS="sqlite postgres"
ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --backends) BACKENDS="$2"; shift 2 ;;
    *) ARGS+=("$1"); shift ;;
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
rm -f "$OUT"/*.json
# Request logs would cost the server as much as some pages: keep warnings only.
export YOROZU_LOG=warn

for backend in $BACKENDS; do
  DATA=$(mktemp -d /tmp/yorozu-bench-XXXX)
  unset DATABASE_URL
  if [[ "$backend" == postgres ]]; then
    if ! pg_isready -q -h 127.0.0.1 2>/dev/null; then
      pg_ctlcluster 15 main start 2>/dev/null || { echo "PostgreSQL is not running: pg_ctlcluster 15 main start" >&2; exit 1; }
    fi
    su postgres -c "psql -q" >/dev/null <<'SQL'
DO $$ BEGIN CREATE ROLE yorozu LOGIN PASSWORD 'yorozu'; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DROP DATABASE IF EXISTS yorozu_bench WITH (FORCE);
CREATE DATABASE yorozu_bench OWNER yorozu;
SQL
    export DATABASE_URL=postgres://yorozu:yorozu@127.0.0.1:5432/yorozu_bench
  fi
  echo "== $backend"
  "$BIN" --data-dir "$DATA" bench --out "$OUT" "${ARGS[@]}" > "$OUT/$backend.log"
  rm -rf "$DATA"
done
if [[ "$BACKENDS" == *postgres* ]]; then
  su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS yorozu_bench WITH (FORCE)'" >/dev/null
fi
echo
cat "$OUT/report.md"
echo
echo "written: $OUT/report.md, $OUT/report.svg"
