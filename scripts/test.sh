#!/usr/bin/env bash
# Run every test: build, then all test projects against a throwaway PostgreSQL with the style gate (dotnet format) beside them.
#   bash scripts/test.sh
# Env: MP_SKIP_FORMAT=1 skips the dotnet format check.
# Ends with one line "N passed, N failed"; exits non-zero if anything failed or no test ran.
# The OpenAPI lint (Redocly, on the document the API tests write) counts as one more test: 1 passed or 1 failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=lib/postgres.sh
. scripts/lib/postgres.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

SLN=MigrationProfile.sln
LOG_DIR="$ROOT/TestResults"
LOG="$LOG_DIR/test.log"
VNU_VERSION="26.9.27"
REDOCLY_VERSION="2.77.0"
OPENAPI_DOC="$LOG_DIR/openapi.json"
mkdir -p "$LOG_DIR"
: >"$LOG"
rm -f "$OPENAPI_DOC" "$LOG_DIR"/*.trx
export MP_OPENAPI_OUT="$OPENAPI_DOC"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK (dotnet, version 10) is not installed" >&2
  exit 1
fi

# --- PostgreSQL: a throwaway cluster, always removed -------------------------------------
pg_ensure_installed
PGROOT="$(mktemp -d "${TMPDIR:-/tmp}/migrationprofile-test-pg.XXXXXX")"
cleaned=0
format_pid=""
cleanup() {
  [ "$cleaned" -eq 0 ] || return 0
  cleaned=1
  # The style gate runs in the background beside the tests: an interrupted run stops it too.
  if [ -n "$format_pid" ]; then kill "$format_pid" 2>/dev/null || true; fi
  pg_stop "$PGROOT" || true
  rm -rf "$PGROOT"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

started=0
for attempt in 1 2 3; do
  port="$(pg_free_port)"
  if pg_start "$PGROOT" "$port" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200; then
    started=1
    break
  fi
  echo "PostgreSQL start attempt $attempt failed; retrying on another port" >&2
done
if [ "$started" -ne 1 ]; then
  echo "error: could not start the test PostgreSQL cluster" >&2
  exit 1
fi
export MP_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres"
echo "Test PostgreSQL on 127.0.0.1:$PG_PORT (MP_TEST_POSTGRES set)"

# --- Redis for the several-instances tests (they start their own redis-server) -------------
if [ ! -x /usr/bin/redis-server ] && [ -z "${MP_REDIS_SERVER:-}" ]; then
  mp_apt_install redis-server || { echo "error: /usr/bin/redis-server is missing (Debian package: redis-server)" >&2; exit 1; }
fi

# --- Browser-test tools (only when that project exists) -----------------------------------
if [ -d tests/MigrationProfile.BrowserTests ]; then
  if [ ! -x /usr/bin/chromium ]; then
    # fonts-liberation as on the machine image (chromium only recommends it), so pages and screenshots render alike.
    mp_apt_install chromium fonts-liberation || { echo "error: /usr/bin/chromium is missing (Debian packages: chromium fonts-liberation)" >&2; exit 1; }
  fi
  if [ ! -f .tools/node_modules/vnu-jar/build/dist/vnu.jar ]; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "error: npm (Node.js) is needed to install the Nu HTML Checker (vnu-jar)" >&2
      exit 1
    fi
    echo "Installing vnu-jar $VNU_VERSION into .tools/"
    mkdir -p .tools
    npm install --prefix .tools --no-audit --no-fund --no-save --loglevel=error "vnu-jar@$VNU_VERSION" >/dev/null
  fi
  if ! command -v java >/dev/null 2>&1; then
    mp_apt_install default-jre-headless || { echo "error: java is missing; the Nu HTML Checker (vnu.jar) needs Java 11+ (Debian package: default-jre-headless)" >&2; exit 1; }
  fi
  export MP_VNU_JAR="$ROOT/.tools/node_modules/vnu-jar/build/dist/vnu.jar"
fi

# --- Load generator (tests/MigrationProfile.Tests/Load runs wrk against the portal's socket) --------
if ! command -v wrk >/dev/null 2>&1; then
  mp_apt_install wrk || { echo "error: wrk is missing; the load test needs it (Debian package: wrk)" >&2; exit 1; }
fi

# --- OpenAPI linter ------------------------------------------------------------------------
# Its own prefix: a second npm install into .tools/ would prune vnu-jar (--no-save keeps no manifest).
if [ ! -x .tools/redocly/node_modules/.bin/redocly ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "error: npm (Node.js) is needed to install the OpenAPI linter (@redocly/cli)" >&2
    exit 1
  fi
  echo "Installing @redocly/cli $REDOCLY_VERSION into .tools/"
  mkdir -p .tools
  mkdir -p .tools/redocly && npm install --prefix .tools/redocly --no-audit --no-fund --no-save --loglevel=error "@redocly/cli@$REDOCLY_VERSION" >/dev/null
fi

# --- Build, style gate, tests -------------------------------------------------------------
build_ok=1
format_ok=1
test_ok=1

if ! dotnet tool restore 2>&1 | tee -a "$LOG"; then build_ok=0; fi

if [ "$build_ok" -eq 1 ]; then
  set +e
  dotnet build "$SLN" -c Release 2>&1 | tee -a "$LOG"
  [ "${PIPESTATUS[0]}" -eq 0 ] || build_ok=0
  set -e
fi

echo "Build done after ${SECONDS}s"

if [ "$build_ok" -eq 1 ]; then
  # The style gate reads only the sources and takes about 2 minutes of one core; the tests leave a core idle for much
  # of their run, so it runs beside them (its output is printed after theirs) instead of before them.
  FORMAT_LOG="$LOG_DIR/format.log"
  if [ "${MP_SKIP_FORMAT:-0}" = 1 ]; then
    echo "Skipping dotnet format (MP_SKIP_FORMAT=1)"
  else
    echo "Checking code style (dotnet format --verify-no-changes) beside the tests; its output follows theirs"
    dotnet format "$SLN" --verify-no-changes --no-restore >"$FORMAT_LOG" 2>&1 &
    format_pid=$!
  fi

  set +e
  # Each project's per-test durations go to TestResults/*.trx, to see where the minutes go.
  dotnet test "$SLN" -c Release --no-build --logger trx --results-directory "$LOG_DIR" 2>&1 | tee -a "$LOG"
  [ "${PIPESTATUS[0]}" -eq 0 ] || test_ok=0
  echo "Tests done after ${SECONDS}s"

  if [ -n "$format_pid" ]; then
    wait "$format_pid"
    [ $? -eq 0 ] || format_ok=0
    format_pid=""
    echo "Code style (dotnet format --verify-no-changes):"
    tee -a "$LOG" <"$FORMAT_LOG"
    echo "Code style checked after ${SECONDS}s"
  fi
  set -e
fi

cleanup

# The API tests write the OpenAPI document (tests/MigrationProfile.Tests/Api/OpenApiDocumentTests.cs); lint it with
# Redocly's recommended rules (redocly.yaml). No document, or any lint error, is one failed test.
lint_ok=0
if [ -f "$OPENAPI_DOC" ]; then
  echo "Linting the OpenAPI document (redocly lint, recommended rules)"
  set +e
  REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
    .tools/redocly/node_modules/.bin/redocly lint --config redocly.yaml "$OPENAPI_DOC" 2>&1 | tee -a "$LOG"
  [ "${PIPESTATUS[0]}" -eq 0 ] && lint_ok=1
  set -e
else
  echo "FAILED: no OpenAPI document at $OPENAPI_DOC (the API tests write it)" >&2
fi

summary="$(awk '/(Passed|Failed)!  -/{for(i=1;i<=NF;i++){if($i=="Failed:")f+=$(i+1);if($i=="Passed:")p+=$(i+1)}}END{printf "%d passed, %d failed\n",p,f}' "$LOG")"
passed="${summary%% passed*}"
failed="${summary#*, }"
failed="${failed%% failed*}"
tests_passed="$passed"
if [ "$lint_ok" -eq 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAILED: the OpenAPI lint (see $LOG)" >&2; fi
summary="$passed passed, $failed failed"

status=0
if [ "$build_ok" -ne 1 ]; then echo "FAILED: dotnet tool restore or build (see $LOG)" >&2; status=1; fi
if [ "$format_ok" -ne 1 ]; then echo "FAILED: dotnet format found style changes (run: dotnet format $SLN)" >&2; status=1; fi
if [ "$build_ok" -eq 1 ] && [ "$test_ok" -ne 1 ]; then echo "FAILED: dotnet test exited non-zero" >&2; status=1; fi
if [ "$failed" -gt 0 ]; then status=1; fi
if [ "$tests_passed" -eq 0 ]; then echo "FAILED: no test passed" >&2; status=1; fi

if [ -f "$LOG" ] && grep -q '^  Failed [^!]' "$LOG"; then
  # The failed tests last, beside the count, where a reader of the output's tail sees them.
  echo "Failed tests (the whole output is in ${LOG#"$ROOT/"}):"
  awk -v root="$ROOT/" -f "$ROOT/scripts/lib/failed-tests.awk" "$LOG"
  echo
fi
echo "$summary"
exit "$status"
