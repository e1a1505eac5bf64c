#!/usr/bin/env bash
# Benchmark of the discovery pages on a generated data set, on SQLite and PostgreSQL.
#
#   bash scripts/bench.sh [--sellers N] [--listings M] [--duration S] [--connections C]
#
# For each backend: generates the data set (`yorozu seed --sellers --listings`, reproducible),
# starts `yorozu serve` (release build), and measures with wrk on loopback, 64 connections:
# a trivial static endpoint (/healthz), the service page (random services), and the search
# page (random Japanese queries with and without filters). Prints one Markdown table with
# requests/s, p50, p99 and the ratio to the static endpoint, and writes it to
# target/bench/discovery.md. Not part of the test suite: speed is reported, not asserted.
set -euo pipefail
cd "$(dirname "$0")/.."

SELLERS=20000
LISTINGS=100000
DURATION=10
CONNECTIONS=64
BACKENDS="sqlite postgres"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sellers) SELLERS="$2"; shift 2 ;;
    --listings) LISTINGS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --backends) BACKENDS="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
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
PORT=18900
TABLE="$OUT/discovery.md"
{
  echo "| backend | endpoint | req/s | p50 | p99 | ratio to static |"
  echo "|---|---|---:|---:|---:|---:|"
} > "$TABLE"

# wrk's "Latency Distribution" block gives 50% and 99%; "Requests/sec" the throughput.
measure() { # name url-or-paths-file
  local name="$1" target="$2" log="$OUT/wrk-$backend-$1.txt"
  if [[ -f "$target" ]]; then
    PATHS="$target" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s scripts/bench/paths.lua "http://127.0.0.1:$PORT" > "$log"
  else
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "http://127.0.0.1:$PORT$target" > "$log"
  fi
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "$log")
  p50=$(awk '$1=="50%" {print $2}' "$log")
  p99=$(awk '$1=="99%" {print $2}' "$log")
  non2xx=$(awk '/Non-2xx/ {print $4}' "$log")
  if [[ -n "$non2xx" ]]; then echo "warning: $name had $non2xx non-2xx responses" >&2; fi
  if [[ "$name" == static ]]; then STATIC_RPS="$rps"; fi
  local ratio
  ratio=$(awk -v a="$rps" -v b="$STATIC_RPS" 'BEGIN { printf "%.1f%%", 100 * a / b }')
  echo "| $backend | $name | ${rps%.*} | $p50 | $p99 | $ratio |" >> "$TABLE"
  echo "$backend $name: $rps req/s, p50 $p50, p99 $p99 ($ratio of static)"
}

for backend in $BACKENDS; do
  DATA=$(mktemp -d /tmp/yorozu-bench-XXXX)
  unset DATABASE_URL
  if [[ "$backend" == postgres ]]; then
    su postgres -c "psql -q -c 'DROP DATABASE IF EXISTS yorozu_bench WITH (FORCE)' -c 'CREATE DATABASE yorozu_bench OWNER yorozu'" >/dev/null
    export DATABASE_URL=postgres://yorozu:yorozu@127.0.0.1:5432/yorozu_bench
  fi
  echo "== $backend: generating $SELLERS sellers, $LISTINGS services"
  /usr/bin/time -f "generation: %e s, max RSS %M KiB" "$BIN" seed --sellers "$SELLERS" --listings "$LISTINGS" --data-dir "$DATA" 2>&1 | grep -v INFO
  "$BIN" serve --bind "127.0.0.1:$PORT" --data-dir "$DATA" --no-worker > "$OUT/server-$backend.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done

  # Paths to request: services picked from several result pages, and a mix of queries.
  : > "$OUT/services.txt"
  for sort in new price-low rating sales; do
    curl -s "http://127.0.0.1:$PORT/search?sort=$sort" | grep -o 'href="/services/[0-9]*"' | sed 's/href="//; s/"$//' >> "$OUT/services.txt" || true
  done
  sort -u -o "$OUT/services.txt" "$OUT/services.txt"
  cat > "$OUT/queries.txt" <<'Q'
/search?q=%E5%90%8D%E5%88%BA
/search?q=%E7%BF%BB%E8%A8%B3
/search?q=%E3%83%AD%E3%82%B4
/search?q=%E4%BC%BC%E9%A1%94%E7%B5%B5
/search?q=%E3%83%87%E3%82%B6%E3%82%A4%E3%83%B3&min_price=1000&max_price=5000
/search?q=%E5%8B%95%E7%94%BB&sort=price-low
/search?category=1&sort=rating
/search?q=%E5%8D%A0%E3%81%84&verified=1
Q
  measure static /healthz
  measure service "$OUT/services.txt"
  measure search "$OUT/queries.txt"
  kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
  rm -rf "$DATA"
done
echo
cat "$TABLE"
