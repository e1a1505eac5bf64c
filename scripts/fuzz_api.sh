#!/usr/bin/env bash
# Fuzzes the JSON API with schemathesis against its own OpenAPI document, on SQLite and on
# PostgreSQL, signed in with a personal access token, with every check on: no 5xx, every
# response as documented, schema-valid requests accepted and schema-violating ones refused.
#
#   bash scripts/fuzz_api.sh [--backend sqlite|postgres|both] [--max-examples N]
#
# For each backend: a fresh data dir (and, on PostgreSQL, a fresh database), `yorozu seed
# --demo`, `yorozu serve` on a free port, a token made by signing in as a demo member
# (scripts/fuzz_token.py), then `schemathesis run`. Exits non-zero if any run finds a failure.
# scripts/test.sh runs it as its `fuzz` phase (after `rust`).
#
# Environment:
#   YOROZU_FUZZ_BIN            the server binary (default: target/debug/yorozu, built if missing)
#   YOROZU_FUZZ_POSTGRES_DB    the database to (re)create for the PostgreSQL run
#                              (default: yorozu_test_fuzz, role yorozu / password yorozu)
#   YOROZU_FUZZ_POSTGRES_URL   use this database as it is instead (it must be empty)
#   YOROZU_FUZZ_MAX_EXAMPLES   test cases per operation and phase (default 40)
#   YOROZU_FUZZ_SEED           schemathesis' random seed (default 20261206: runs are repeatable)
#   YOROZU_FUZZ_KEEP=1         keep the data dirs and server logs
# Reports (JUnit XML, server logs) go to target/fuzz/BACKEND/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"

SCHEMATHESIS_VERSION=4.32.5
DEMO_EMAIL=sakura.illust@example.jp
DEMO_PASSWORD=yorozu-demo-2026
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
[[ "$TARGET_DIR" = /* ]] || TARGET_DIR="$ROOT/$TARGET_DIR"
OUT="$TARGET_DIR/fuzz"
VENV="$OUT/venv"
BIN="${YOROZU_FUZZ_BIN:-$TARGET_DIR/debug/yorozu}"
MAX_EXAMPLES="${YOROZU_FUZZ_MAX_EXAMPLES:-40}"
SEED="${YOROZU_FUZZ_SEED:-20261206}"
PG_DB="${YOROZU_FUZZ_POSTGRES_DB:-yorozu_test_fuzz}"

BACKENDS=(sqlite postgres)
while [[ $# -gt 0 ]]; do
  case "$1" in
    --backend)
      shift
      case "${1:-}" in
        sqlite | postgres) BACKENDS=("$1") ;;
        both) BACKENDS=(sqlite postgres) ;;
        *) echo "fuzz_api.sh: --backend sqlite|postgres|both" >&2; exit 2 ;;
      esac
      ;;
    --max-examples) shift; MAX_EXAMPLES="${1:?--max-examples N}" ;;
    -h | --help) sed -n '2,/^set -euo pipefail/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "fuzz_api.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done

log() { printf '\n==> fuzz: %s\n' "$*"; }
die() { printf 'fuzz_api.sh: error: %s\n' "$*" >&2; exit 1; }
is_root() { [[ $(id -u) -eq 0 ]]; }

# ---- the schemathesis venv ----------------------------------------------------------------
ensure_venv() {
  if [[ -x "$VENV/bin/schemathesis" ]] &&
    "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q " $SCHEMATHESIS_VERSION\$"; then
    return 0
  fi
  if ! python3 -c 'import ensurepip, venv' >/dev/null 2>&1; then
    if is_root && command -v apt-get >/dev/null; then
      log "installing python3-venv (Debian)"
      DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-venv ||
        { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3-venv; } ||
        die "could not install python3-venv"
    else
      die "python3 cannot make a venv; install it with: sudo apt-get install -y python3-venv"
    fi
  fi
  log "creating $VENV with schemathesis $SCHEMATHESIS_VERSION"
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
}

# ---- one server ---------------------------------------------------------------------------
SERVER_PID="" DATA_DIR=""
stop_server() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
  if [[ -n "$DATA_DIR" && -z "${YOROZU_FUZZ_KEEP:-}" ]]; then rm -rf -- "$DATA_DIR"; fi
  DATA_DIR=""
}
trap stop_server EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# Recreates the PostgreSQL database for the run (as test.sh makes yorozu_test) and prints its URL.
fresh_postgres() {
  if [[ -n "${YOROZU_FUZZ_POSTGRES_URL:-}" ]]; then echo "$YOROZU_FUZZ_POSTGRES_URL"; return 0; fi
  [[ "$PG_DB" =~ ^[a-z_][a-z0-9_]*$ ]] || die "YOROZU_FUZZ_POSTGRES_DB must be a plain name"
  local sql="DROP DATABASE IF EXISTS $PG_DB WITH (FORCE); CREATE DATABASE $PG_DB OWNER yorozu;"
  if is_root; then
    (cd / && su postgres -s /bin/sh -c "psql -X -q -v ON_ERROR_STOP=1 -d postgres" <<<"$sql") >&2
  else
    psql -X -q -v ON_ERROR_STOP=1 -d postgres <<<"$sql" >&2
  fi || die "could not recreate database $PG_DB (PostgreSQL running? role yorozu present? see scripts/test.sh)"
  echo "postgres://yorozu:yorozu@127.0.0.1:5432/$PG_DB"
}

# fuzz BACKEND: returns schemathesis' status.
fuzz() {
  local backend="$1" dir="$OUT/$1" port url token status=0
  mkdir -p "$dir"
  DATA_DIR="$(mktemp -d "${TMPDIR:-/tmp}/yorozu-fuzz-$backend-XXXXXX")"
  local -a db_args=()
  if [[ $backend == postgres ]]; then db_args=(--database-url "$(fresh_postgres)"); fi

  log "$backend: seeding demo data"
  "$BIN" --data-dir "$DATA_DIR" "${db_args[@]}" seed --demo >"$dir/seed.log" 2>&1 ||
    { tail -n 20 "$dir/seed.log" >&2; die "$backend: yorozu seed --demo failed"; }

  port="$(free_port)"
  url="http://127.0.0.1:$port"
  log "$backend: serving on $url"
  YOROZU_JOB_POLL_MS=200 "$BIN" --data-dir "$DATA_DIR" "${db_args[@]}" serve --bind "127.0.0.1:$port" \
    >"$dir/server.log" 2>&1 &
  SERVER_PID=$!
  local waited=0
  until python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "$url/healthz" >/dev/null 2>&1; do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -n 20 "$dir/server.log" >&2; die "$backend: the server exited"; }
    [[ $waited -lt 150 ]] || die "$backend: the server did not answer /healthz within 30 s"
    sleep 0.2; waited=$((waited + 1))
  done

  token="$("$VENV/bin/python" "$ROOT/scripts/fuzz_token.py" "$url" "$DEMO_EMAIL" "$DEMO_PASSWORD")" ||
    die "$backend: could not sign in as $DEMO_EMAIL and create a token"

  log "$backend: schemathesis ($MAX_EXAMPLES examples per operation, seed $SEED)"
  # Run from the report folder: schemathesis keeps a cache folder in its working directory.
  (cd "$dir" && "$VENV/bin/schemathesis" --config-file "$ROOT/scripts/schemathesis.toml" run "$url/api/v1/openapi.json" \
    --checks all \
    --header "Authorization: Bearer $token" \
    --max-examples "$MAX_EXAMPLES" \
    --seed "$SEED" \
    --generation-database none \
    --workers 1 \
    --request-timeout 30 \
    --exclude-operation-id revokeToken \
    --no-color \
    --report junit --report-junit-path "$dir/junit.xml") \
    2>&1 | tee "$dir/schemathesis.log" || status=${PIPESTATUS[0]}
  if grep -q ' 5[0-9][0-9] \| panicked' "$dir/server.log"; then
    echo "fuzz: $backend: the server log shows errors (see $dir/server.log)" >&2
  fi
  stop_server
  return "$status"
}

[[ -x "$BIN" ]] || { log "building the server"; cargo build -p yorozu-server; }
[[ -x "$BIN" ]] || die "no server binary at $BIN"
ensure_venv

FAILED=()
for backend in "${BACKENDS[@]}"; do
  fuzz "$backend" || FAILED+=("$backend")
done
if [[ ${#FAILED[@]} -gt 0 ]]; then
  echo "fuzz: failures on: ${FAILED[*]} (logs in $OUT/)" >&2
  exit 1
fi
echo "fuzz: no failures on ${BACKENDS[*]}"
