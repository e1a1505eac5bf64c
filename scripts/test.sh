#!/usr/bin/env bash
# Yorozu's one test command (CI runs it through .ci/run with no flags).
#
#   bash scripts/test.sh [FLAGS] [-- ARGS FOR NEXTEST]
#
# Phases:
#   1. prereqs   check (and as root, apt-get install) what the tests need: cargo, cargo-nextest
#                (else `cargo test` is used), node + npm, /usr/bin/chromium, python3-aiosmtpd,
#                PostgreSQL 15; mold is used for linking when present.
#   2. postgres  start the local cluster 15/main if 127.0.0.1:5432 is not ready, (re)create role
#                yorozu and a fresh database yorozu_test, export YOROZU_TEST_POSTGRES_URL.
#                Skipped when YOROZU_TEST_POSTGRES_URL is already set (that database is used).
#   3. rust      cargo nextest run --workspace --no-fail-fast (unit + integration tests).
#   4. fuzz      cargo build -p yorozu-server, then scripts/fuzz_api.sh: schemathesis (in a venv
#                under target/fuzz) against /api/v1/openapi.json on SQLite and on PostgreSQL,
#                signed in with a token, every check on.
#   5. e2e       cargo build -p yorozu-server, npm ci in e2e/ (when needed), Playwright tests
#                against target/debug/yorozu in Debian's Chromium.
#   A summary with each phase's wall time closes the run. Exit status is non-zero if any
#   phase failed; a phase that cannot run is a failure, never a silent skip.
#
# Flags (for developers; CI uses none):
#   --no-e2e          phases 1-4 only
#   --no-fuzz         without phase 4
#   --only-e2e        phases 1, 2 and 5 (the two-process test of scale_out.spec.ts needs PostgreSQL)
#   --check-prereqs   phases 1 and 2 only
#   -h, --help        this text
#   -- ARGS           passed to `cargo nextest run` (e.g. -- -E 'test(signup)')
#
# Environment:
#   YOROZU_TEST_POSTGRES_URL  PostgreSQL for the Rust tests (set here, or given to skip phase 2)
#   YOROZU_TEST_SMTP_SINK     set here: absolute path of scripts/smtp_sink.py
#   YOROZU_TEST_PYTHON        set here: a python3 that has aiosmtpd (/usr/bin/python3)
#   RUSTFLAGS                 if unset and mold is installed: -C link-arg=-fuse-ld=mold
#   PGUSER etc.               when not root: used by psql to create the role and database
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$(pwd)"

RUN_PG=1 RUN_RUST=1 RUN_FUZZ=1 RUN_E2E=1 CHECK_ONLY=0
NEXTEST_ARGS=()
usage() { sed -n '2,/^set -euo pipefail/p' "$ROOT/scripts/test.sh" | sed -e '$d' -e 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-e2e) RUN_E2E=0 ;;
    --no-fuzz) RUN_FUZZ=0 ;;
    --only-e2e) RUN_RUST=0 RUN_FUZZ=0 ;;
    --check-prereqs) RUN_RUST=0 RUN_FUZZ=0 RUN_E2E=0 CHECK_ONLY=1 ;;
    -h | --help) usage; exit 0 ;;
    --) shift; NEXTEST_ARGS=("$@"); break ;;
    *) echo "scripts/test.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
if [[ $RUN_RUST == 0 && $RUN_E2E == 0 && $RUN_PG == 0 ]]; then
  echo "scripts/test.sh: --only-e2e and --no-e2e together leave nothing to run" >&2; exit 2
fi

PG_VERSION=15
PG_BIN="/usr/lib/postgresql/$PG_VERSION/bin"
CHROMIUM=/usr/bin/chromium
SYS_PYTHON=/usr/bin/python3
OG_FONT=${YOROZU_OG_FONT:-/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf}
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
export RUST_BACKTRACE="${RUST_BACKTRACE:-1}"
export YOROZU_TEST_SMTP_SINK="$ROOT/scripts/smtp_sink.py"
export YOROZU_TEST_PYTHON="$SYS_PYTHON"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
[[ "$TARGET_DIR" = /* ]] || TARGET_DIR="$ROOT/$TARGET_DIR"
LOG_DIR="$TARGET_DIR/test-logs"
E2E_STATE="$ROOT/e2e/.run/server.json"

log() { printf '\n==> %s\n' "$*"; }
note() { printf '    note: %s\n' "$*"; }
die() { printf '\nscripts/test.sh: error: %s\n' "$*" >&2; exit 1; }
is_root() { [[ $(id -u) -eq 0 ]]; }
have() { command -v "$1" >/dev/null 2>&1; }

# ---- timing and summary -------------------------------------------------------------------
PHASES=() PHASE_SECS=() PHASE_STATUS=()
FAILED=0 CURRENT_PHASE="" PHASE_START=0 SUMMARY_DONE=0
RUN_START=$SECONDS
COUNTS_FILE="$LOG_DIR/counts"   # lines "PASSED FAILED SKIPPED" appended by the test phases
fmt_secs() { printf '%dm%02ds' $(($1 / 60)) $(($1 % 60)); }
phase_begin() { CURRENT_PHASE="$1"; PHASE_START=$SECONDS; log "Phase: $1"; }
phase_end() { # STATUS (ok|FAILED)
  PHASES+=("$CURRENT_PHASE"); PHASE_SECS+=($((SECONDS - PHASE_START))); PHASE_STATUS+=("$1")
  [[ $1 == ok ]] || FAILED=1
  CURRENT_PHASE=""
}
summary() {
  SUMMARY_DONE=1
  printf '\n==> Summary\n'
  local i
  for i in "${!PHASES[@]}"; do
    printf '    %-10s %-7s %8s\n' "${PHASES[$i]}" "${PHASE_STATUS[$i]}" "$(fmt_secs "${PHASE_SECS[$i]}")"
  done
  printf '    %-10s %-7s %8s\n' total "$([[ $FAILED == 0 ]] && echo ok || echo FAILED)" "$(fmt_secs $((SECONDS - RUN_START)))"
  if [[ -s "$COUNTS_FILE" ]]; then
    awk '{ p += $1; f += $2; s += $3 } END { printf "\ntests: %d passed, %d failed, %d skipped\n", p, f, s }' "$COUNTS_FILE"
  fi
}

on_exit() {
  local status=$?
  # If Playwright died without running its global teardown, stop the server it started (that
  # pid only) and remove its temporary data dir.
  if [[ -f "$E2E_STATE" ]]; then
    local pid dir
    pid="$(sed -n 's/.*"pid": *\([0-9][0-9]*\).*/\1/p' "$E2E_STATE" | head -n1)"
    dir="$(sed -n 's/.*"dataDir": *"\([^"]*\)".*/\1/p' "$E2E_STATE" | head -n1)"
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
    fi
    if [[ -n "$dir" && "$(basename "$dir")" == yorozu-e2e-* && -z "${YOROZU_E2E_KEEP_DATA:-}" ]]; then
      rm -rf -- "$dir"
    fi
    rm -f "$E2E_STATE"
  fi
  # A fatal phase (prereqs, postgres) exited the script: still show the summary.
  if [[ $SUMMARY_DONE == 0 && ${#PHASES[@]} -gt 0 || -n "$CURRENT_PHASE" ]]; then
    [[ -n "$CURRENT_PHASE" ]] && phase_end FAILED
    [[ $SUMMARY_DONE == 0 ]] && summary >&2
  fi
  exit "$status"
}
trap on_exit EXIT

# Runs "$@" with stdout+stderr also copied to $LOG_DIR/$name.log; returns the command's status.
run_logged() {
  local name="$1"; shift
  mkdir -p "$LOG_DIR"
  local status=0
  "$@" 2>&1 | tee "$LOG_DIR/$name.log" || status=${PIPESTATUS[0]}
  return "$status"
}
strip_ansi() { sed -e 's/\x1b\[[0-9;]*[A-Za-z]//g' "$@"; }

# ---- phase 1: prerequisites ---------------------------------------------------------------
APT_UPDATED=0
apt_install() { # PKG...
  export DEBIAN_FRONTEND=noninteractive
  log "Installing Debian packages: $*"
  if apt-get install -y --no-install-recommends "$@"; then return 0; fi
  if [[ $APT_UPDATED == 0 ]]; then
    note "apt-get install failed; running apt-get update once and retrying"
    apt-get update && APT_UPDATED=1
    apt-get install -y --no-install-recommends "$@" && return 0
  fi
  return 1
}

py_has_aiosmtpd() { [[ -x $SYS_PYTHON ]] && "$SYS_PYTHON" -c 'import aiosmtpd.controller' >/dev/null 2>&1; }
pg_server_present() { [[ -x "$PG_BIN/postgres" ]] && have pg_ctlcluster && have psql && have pg_isready; }

prereqs() {
  have cargo || die "cargo is missing. It comes from rustup (https://rustup.rs), not apt; install the Rust toolchain and re-run."

  # --check-prereqs checks (and installs) everything the full run needs.
  local need_pg=0 need_node=0 need_rust=0
  [[ $RUN_PG == 1 && -z "${YOROZU_TEST_POSTGRES_URL:-}" ]] && need_pg=1
  [[ $RUN_E2E == 1 || $CHECK_ONLY == 1 ]] && need_node=1
  [[ $RUN_RUST == 1 || $CHECK_ONLY == 1 ]] && need_rust=1

  # what -> Debian package
  local missing_pkgs=() missing_what=()
  if [[ $need_node == 1 ]]; then
    if ! have node || ! have npm; then missing_pkgs+=(nodejs npm); missing_what+=("node/npm"); fi
    if [[ ! -x $CHROMIUM ]]; then missing_pkgs+=(chromium); missing_what+=("$CHROMIUM"); fi
  fi
  if [[ $need_rust == 1 ]] && ! py_has_aiosmtpd; then
    missing_pkgs+=(python3-aiosmtpd); missing_what+=("python3 module aiosmtpd (for $SYS_PYTHON)")
  fi
  # The share kit's Open Graph image is drawn with this font (tests and e2e look at its pixels).
  if [[ ( $need_rust == 1 || $need_node == 1 ) && ! -f $OG_FONT ]]; then
    missing_pkgs+=(fonts-ipaexfont-gothic); missing_what+=("the Japanese font $OG_FONT")
  fi
  if [[ $need_pg == 1 ]] && ! pg_server_present; then
    missing_pkgs+=("postgresql-$PG_VERSION" "postgresql-client-$PG_VERSION")
    missing_what+=("PostgreSQL $PG_VERSION server ($PG_BIN, pg_ctlcluster, psql)")
  fi

  if [[ ${#missing_pkgs[@]} -gt 0 ]]; then
    local what; what="$(IFS=';'; echo "${missing_what[*]}")"
    if is_root && have apt-get; then
      apt_install "${missing_pkgs[@]}" || die "could not install ${missing_pkgs[*]} (needed: $what) with apt-get; see the output above."
    else
      die "missing: $what. Install with: sudo apt-get install -y --no-install-recommends ${missing_pkgs[*]}"
    fi
  fi

  # Re-check after installing.
  if [[ $need_node == 1 ]]; then
    have node && have npm || die "node/npm still missing (Debian packages nodejs npm)."
    [[ -x $CHROMIUM ]] || die "$CHROMIUM still missing (Debian package chromium)."
  fi
  if [[ $need_rust == 1 ]]; then
    py_has_aiosmtpd || die "$SYS_PYTHON cannot import aiosmtpd (Debian package python3-aiosmtpd)."
  fi
  if [[ $need_rust == 1 || $need_node == 1 ]]; then
    [[ -f $OG_FONT ]] || die "$OG_FONT still missing (Debian package fonts-ipaexfont-gothic)."
  fi
  if [[ $need_pg == 1 ]]; then
    pg_server_present || die "PostgreSQL $PG_VERSION server still missing: need $PG_BIN/postgres, pg_ctlcluster, psql, pg_isready (Debian packages postgresql-$PG_VERSION postgresql-client-$PG_VERSION)."
  fi

  # Optional: mold links the many test binaries much faster.
  if ! have mold && is_root && have apt-get; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends mold >/dev/null 2>&1 \
      || note "optional linker mold not installed (apt-get install mold failed); using the default linker"
  fi
  if have mold; then
    if [[ -z "${RUSTFLAGS+set}" ]]; then
      export RUSTFLAGS="-C link-arg=-fuse-ld=mold"
      note "linking with mold (RUSTFLAGS=$RUSTFLAGS)"
    else
      note "mold present but RUSTFLAGS is set ('$RUSTFLAGS'); leaving it as it is"
    fi
  fi

  if [[ $need_rust == 1 ]] && ! cargo nextest --version >/dev/null 2>&1; then
    note "cargo-nextest not found: falling back to 'cargo test --workspace' (install it with: cargo install cargo-nextest --locked)"
    USE_NEXTEST=0
  fi

  echo "    cargo:    $(cargo --version)"
  [[ $need_rust == 1 && ${USE_NEXTEST:-1} == 1 ]] && echo "    nextest:  $(cargo nextest --version | head -n1)"
  if [[ $need_node == 1 ]]; then
    echo "    node:     $(node --version), npm $(npm --version 2>/dev/null)"
    echo "    chromium: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
  fi
  [[ $need_rust == 1 ]] && echo "    aiosmtpd: $("$SYS_PYTHON" -c 'import aiosmtpd; print(aiosmtpd.__version__)')"
  return 0
}
USE_NEXTEST=1

# ---- phase 2: PostgreSQL ------------------------------------------------------------------
# psql as the cluster's superuser; SQL on stdin.
pg_admin_psql() {
  if is_root; then
    (cd / && su postgres -s /bin/sh -c 'psql -X -q -v ON_ERROR_STOP=1 -d postgres')
  else
    psql -X -q -v ON_ERROR_STOP=1 -d postgres
  fi
}

postgres_setup() {
  if [[ -n "${YOROZU_TEST_POSTGRES_URL:-}" ]]; then
    note "YOROZU_TEST_POSTGRES_URL is set; using it and leaving the local cluster alone"
    if have psql; then
      psql -X -q "$YOROZU_TEST_POSTGRES_URL" -c 'SELECT 1' >/dev/null \
        || die "cannot connect to YOROZU_TEST_POSTGRES_URL ($YOROZU_TEST_POSTGRES_URL)"
    fi
    return 0
  fi

  if ! pg_isready -q -h 127.0.0.1 -p 5432; then
    if ! pg_lsclusters -h 2>/dev/null | awk -v v="$PG_VERSION" '$1 == v && $2 == "main" { f = 1 } END { exit !f }'; then
      is_root || die "PostgreSQL cluster $PG_VERSION/main does not exist; create it with: sudo pg_createcluster $PG_VERSION main"
      log "Creating PostgreSQL cluster $PG_VERSION/main"
      pg_createcluster "$PG_VERSION" main
    fi
    log "Starting PostgreSQL cluster $PG_VERSION/main"
    # A cluster that was stopped uncleanly replays its WAL and fsyncs its whole data folder
    # before it accepts connections; on a large folder that outlasts pg_ctl's default 60 s.
    # Give pg_ctl up to PG_START_TIMEOUT seconds, then keep polling for the same time.
    local timeout="${PG_START_TIMEOUT:-600}"
    pg_ctlcluster "$PG_VERSION" main start -- -t "$timeout" \
      || note "pg_ctlcluster $PG_VERSION main start returned an error; waiting for the server anyway"
    local waited=0
    until pg_isready -q -h 127.0.0.1 -p 5432; do
      if [[ $waited -ge $timeout ]]; then
        pg_lsclusters >&2 || true
        tail -n 20 "/var/log/postgresql/postgresql-$PG_VERSION-main.log" >&2 2>/dev/null || true
        die "PostgreSQL did not accept connections on 127.0.0.1:5432 within $timeout s (is cluster $PG_VERSION/main on another port? see pg_lsclusters and the log above, /var/log/postgresql/postgresql-$PG_VERSION-main.log)"
      fi
      sleep 1; waited=$((waited + 1))
    done
  fi
  echo "    PostgreSQL ready on 127.0.0.1:5432"

  pg_admin_psql <<'SQL' || die "could not create role yorozu / database yorozu_test (as the PostgreSQL superuser; when not root, set PGUSER/PGPASSWORD/PGHOST for a superuser)"
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'yorozu') THEN
    CREATE ROLE yorozu LOGIN CREATEDB PASSWORD 'yorozu';
  ELSE
    ALTER ROLE yorozu LOGIN CREATEDB PASSWORD 'yorozu';
  END IF;
END
$$;
DROP DATABASE IF EXISTS yorozu_test WITH (FORCE);
CREATE DATABASE yorozu_test OWNER yorozu;
SQL
  export YOROZU_TEST_POSTGRES_URL="postgres://yorozu:yorozu@127.0.0.1:5432/yorozu_test"
  psql -X -q "$YOROZU_TEST_POSTGRES_URL" -c 'SELECT 1' >/dev/null \
    || die "created yorozu_test but cannot log in as yorozu over TCP ($YOROZU_TEST_POSTGRES_URL); check pg_hba.conf allows password (scram-sha-256/md5) auth on 127.0.0.1"
  echo "    YOROZU_TEST_POSTGRES_URL=$YOROZU_TEST_POSTGRES_URL (fresh database)"
  CREATED_PG_DB=1
}

# Each PostgreSQL test works in a schema of its own; a run leaves a thousand of them behind.
# Drop the database afterwards so that the cluster's data folder stays small (an unclean stop
# fsyncs all of it on the next start).
postgres_cleanup() {
  [[ ${CREATED_PG_DB:-0} == 1 ]] || return 0
  pg_admin_psql <<'SQL' >/dev/null 2>&1 || note "could not drop the test database yorozu_test (harmless)"
DROP DATABASE IF EXISTS yorozu_test WITH (FORCE);
CHECKPOINT;
SQL
}

# ---- phase 3: Rust tests ------------------------------------------------------------------
# num WORD TEXT: the number before WORD in TEXT (0 if absent).
num() { local m; m="$(grep -oE "[0-9]+ $1" <<<"$2" | head -n1 || true)"; echo "${m%% *}" | sed 's/^$/0/'; }

rust_tests() {
  local color=never status=0 line
  [[ -t 1 ]] && color=always
  if [[ $USE_NEXTEST == 1 ]]; then
    run_logged rust cargo nextest run --workspace --no-fail-fast --color "$color" ${NEXTEST_ARGS[@]+"${NEXTEST_ARGS[@]}"} || status=$?
    # "     Summary [  12.3s] 120 tests run: 118 passed, 2 failed, 3 skipped"
    line="$(strip_ansi "$LOG_DIR/rust.log" | grep -E '^ *Summary \[.*tests? run:' | tail -n1 || true)"
    if [[ -n "$line" ]]; then
      echo "$(num passed "$line") $(($(num failed "$line") + $(num 'timed out' "$line"))) $(num skipped "$line")" >>"$COUNTS_FILE"
    fi
  else
    [[ ${#NEXTEST_ARGS[@]} -eq 0 ]] || note "arguments after -- are for nextest; ignored by cargo test"
    run_logged rust cargo test --workspace --no-fail-fast --color "$color" || status=$?
    # "test result: ok. 5 passed; 0 failed; 1 ignored; 0 measured; 0 filtered out; finished in 0.01s"
    while IFS= read -r line; do
      echo "$(num passed "$line") $(num failed "$line") $(num ignored "$line")" >>"$COUNTS_FILE"
    done < <(strip_ansi "$LOG_DIR/rust.log" | grep -E '^test result: ' || true)
  fi
  return "$status"
}

# ---- phase 5: end-to-end ------------------------------------------------------------------
e2e_build() {
  log "cargo build -p yorozu-server"
  cargo build -p yorozu-server || return $?
  [[ -x "$TARGET_DIR/debug/yorozu" ]] || { echo "cargo build succeeded but $TARGET_DIR/debug/yorozu is missing" >&2; return 1; }
}

e2e_npm() {
  local stamp="e2e/node_modules/.yorozu-package-lock.sha256" want
  [[ -f e2e/package-lock.json ]] || { echo "e2e/package-lock.json is missing (run npm install in e2e/ and commit it)" >&2; return 1; }
  want="$(sha256sum e2e/package-lock.json | cut -d' ' -f1)"
  if [[ -d e2e/node_modules && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    echo "    e2e/node_modules is up to date with package-lock.json"
    return 0
  fi
  log "npm ci (e2e/)"
  (cd e2e && npm ci --no-audit --no-fund) || return $?
  echo "$want" >"$stamp"
}

e2e_run() {
  log "Playwright tests (e2e/)"
  [[ -x e2e/node_modules/.bin/playwright ]] || { echo "e2e/node_modules/.bin/playwright is missing after npm ci" >&2; return 1; }
  [[ -n "$(find e2e/tests -name '*.spec.ts' -print -quit 2>/dev/null)" ]] || { echo "no e2e/tests/*.spec.ts found" >&2; return 1; }
  local status=0 text
  export YOROZU_E2E_BIN="$TARGET_DIR/debug/yorozu"
  (cd e2e && run_logged e2e ./node_modules/.bin/playwright test) || status=$?
  # list reporter's closing lines: "  3 passed (1.7s)", "  1 failed", "  2 skipped", "  1 flaky", "  4 did not run"
  text="$(strip_ansi "$LOG_DIR/e2e.log" | grep -E '^ +[0-9]+ (passed|failed|flaky|skipped|did not run|interrupted)' || true)"
  if [[ -n "$text" ]]; then
    echo "$(num passed "$text") $(($(num failed "$text") + $(num flaky "$text") + $(num interrupted "$text"))) $(($(num skipped "$text") + $(num 'did not run' "$text")))" >>"$COUNTS_FILE"
  fi
  if [[ $status != 0 ]]; then
    echo "e2e: Playwright failed (exit $status); server log: e2e/.run/server.log" >&2
  fi
  return "$status"
}

# ---- phase 4: API fuzzing -----------------------------------------------------------------
fuzz() {
  log "cargo build -p yorozu-server"
  cargo build -p yorozu-server || return $?
  local status=0 text
  YOROZU_FUZZ_BIN="$TARGET_DIR/debug/yorozu" run_logged fuzz bash "$ROOT/scripts/fuzz_api.sh" || status=$?
  # One line per backend: "  3529 generated, 3529 passed, 60 skipped" or
  # "  2255 generated, 48 found 48 unique failures, 40 skipped".
  while IFS= read -r text; do
    echo "$(num passed "$text") $(num 'unique failures' "$text") $(num skipped "$text")" >>"$COUNTS_FILE"
  done < <(strip_ansi "$LOG_DIR/fuzz.log" | grep -E '^ +[0-9]+ generated, ' || true)
  return "$status"
}

# (Called as `f || ...`, so errexit is off inside these: each step checks its own status.)
e2e() {
  e2e_build || { echo "e2e: cargo build -p yorozu-server failed" >&2; return 1; }
  e2e_npm || { echo "e2e: npm ci in e2e/ failed" >&2; return 1; }
  e2e_run
}

# ---- main ---------------------------------------------------------------------------------
mkdir -p "$LOG_DIR"
rm -f "$COUNTS_FILE"

# Fatal phases run in this shell (they export variables); a failure exits through on_exit.
phase_begin prereqs
prereqs
phase_end ok

if [[ $RUN_PG == 1 ]]; then
  phase_begin postgres
  postgres_setup
  phase_end ok
fi

# Test phases run in a subshell with errexit so that an unexpected failure inside them fails
# the phase, and the next phase still runs.
run_phase() { # NAME FUNCTION
  phase_begin "$1"
  local status=0
  set +e
  (set -e; "$2")
  status=$?
  set -e
  if [[ $status == 0 ]]; then phase_end ok; else phase_end FAILED; fi
}
if [[ $RUN_RUST == 1 ]]; then run_phase rust rust_tests; fi
if [[ $RUN_FUZZ == 1 ]]; then run_phase fuzz fuzz; fi
if [[ $RUN_E2E == 1 ]]; then run_phase e2e e2e; fi
postgres_cleanup

summary
exit "$FAILED"
