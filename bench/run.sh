#!/usr/bin/env bash
# Benchmark (not a test; CI does not run it): the portal's published Release build against nginx serving the
# very same profile HTML, on loopback, with the same wrk settings; the profile at 200 countries; a 100 000-row
# World Bank import. Prints the machine and one table. See bench/README.md.
#   bash bench/run.sh                  everything
#   bash bench/run.sh --only import    only the 100 000-row import (no portals, nginx or wrk): quicker, for import work
# Env: MP_BENCH_DURATION (seconds per round, default 10), MP_BENCH_WARMUP (seconds, default 3),
#      MP_BENCH_CONNECTIONS (default 64), MP_BENCH_PUBLISHED (an existing `dotnet publish` output to use
#      instead of publishing one), MP_BENCH_IMPORT_ROUNDS (imports timed, each into a fresh copy; the best counts; default 3).
# Installs what it needs as root (PostgreSQL, nginx-light, wrk); removes every process and file it made on exit.
set -euo pipefail

ONLY=""
while [ $# -gt 0 ]; do
  case "$1" in
    --only)
      [ "${2:-}" = import ] || { printf 'usage: bash bench/run.sh [--only import]\n' >&2; exit 2; }
      ONLY=import
      shift 2
      ;;
    *) printf 'usage: bash bench/run.sh [--only import]\n' >&2; exit 2 ;;
  esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=../scripts/lib/postgres.sh
. scripts/lib/postgres.sh

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

LOAD_AT_START="$(cut -d ' ' -f 1 /proc/loadavg)"
DURATION="${MP_BENCH_DURATION:-10}"
WARMUP="${MP_BENCH_WARMUP:-3}"
CONNECTIONS="${MP_BENCH_CONNECTIONS:-64}"
ROUNDS=2
SCALE_COUNTRIES=200
SCALE_INDICATORS=40
SCALE_YEARS=60
IMPORT_COUNTRIES=500
IMPORT_YEARS=200
IMPORT_ROUNDS="${MP_BENCH_IMPORT_ROUNDS:-3}"
PROFILE_PATH=/countries/kazakhstan
API_PATH=/api/v1/countries/kazakhstan/profile
NGINX=/usr/sbin/nginx

say() { printf '%s\n' "$*" >&2; }
fail() { say "error: $*"; exit 1; }

command -v dotnet >/dev/null 2>&1 || fail "the .NET SDK (dotnet, version 10) is not installed"
command -v curl >/dev/null 2>&1 || mp_apt_install curl || fail "curl is missing (Debian package: curl)"
if [ "$ONLY" != import ]; then
  command -v wrk >/dev/null 2>&1 || mp_apt_install wrk || fail "wrk is missing (Debian package: wrk)"
  [ -x "$NGINX" ] || mp_apt_install nginx-light || fail "nginx is missing (Debian package: nginx-light)"
fi
pg_ensure_installed

# --- Everything this run makes lives in WORK and dies with it -------------------------------------------
WORK="$(mktemp -d "${TMPDIR:-/tmp}/migrationprofile-bench.XXXXXX")"
# PostgreSQL (as user postgres) and nginx's worker must be able to enter it.
chmod 755 "$WORK"
PORTAL_PIDS=()
cleaned=0
cleanup() {
  [ "$cleaned" -eq 0 ] || return 0
  cleaned=1
  local pid
  for pid in "${PORTAL_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PORTAL_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ -f "$WORK/nginx/nginx.pid" ]; then
    kill "$(cat "$WORK/nginx/nginx.pid")" 2>/dev/null || true
    sleep 0.5
  fi
  pg_stop "$WORK/pg" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- Release build ---------------------------------------------------------------------------------------
if [ -n "${MP_BENCH_PUBLISHED:-}" ]; then
  PUBLISHED="$(cd "$MP_BENCH_PUBLISHED" && pwd)"
else
  PUBLISHED="$WORK/publish"
  say "Publishing a Release build"
  # For this machine's runtime, so it is compiled ahead of time (ReadyToRun) as the Dockerfile's publish is.
  dotnet publish src/MigrationProfile.Web -c Release -r "$(dotnet --info | awk '/^ *RID:/ && !rid {rid = $2} END {print rid}')" --self-contained false \
    -o "$PUBLISHED" --nologo -v quiet >"$WORK/publish.log" 2>&1 \
    || { tail -n 30 "$WORK/publish.log" >&2; fail "dotnet publish failed"; }
fi
[ -f "$PUBLISHED/MigrationProfile.Web.dll" ] || fail "no MigrationProfile.Web.dll in $PUBLISHED"
COMMIT="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain -- src 2>/dev/null)" ]; then COMMIT="$COMMIT (with uncommitted changes to src/)"; fi

# --- PostgreSQL ------------------------------------------------------------------------------------------
# Server defaults (fsync on): the import's timing should be what a real server gives. Two portals with up to
# 64 busy connections each need more than the default 100.
pg_start "$WORK/pg" "$(pg_free_port)" -c max_connections=300 || fail "could not start PostgreSQL"
DB_PORT="$PG_PORT"
psql_db() { "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$DB_PORT" -U postgres -d "$1" "${@:2}"; }
connection_string() { printf 'Host=127.0.0.1;Port=%s;Username=postgres;Database=%s' "$DB_PORT" "$1"; }

# The portal's own command line migrates, seeds and loads the shipped snapshot (all 49 states), then exits,
# so the database can be copied as a template: no session may be connected to it then.
pg_create_db "$DB_PORT" bench_shipped
say "Migrating, seeding and loading the shipped snapshot (the portal's import command)"
started_at=$(date +%s.%N)
(cd "$PUBLISHED" && ConnectionStrings__MigrationProfile="$(connection_string bench_shipped)" \
  dotnet MigrationProfile.Web.dll import snapshot) >"$WORK/snapshot.log" 2>&1 \
  || { tail -n 30 "$WORK/snapshot.log" >&2; fail "loading the shipped snapshot failed"; }
SNAPSHOT_SECONDS=$(awk -v a="$started_at" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
SHIPPED_OBSERVATIONS=$(psql_db bench_shipped -tAc "SELECT count(*) FROM observations")
psql_db postgres -c "CREATE DATABASE bench_import TEMPLATE bench_shipped"

# add_countries_sql N: SQL adding synthetic countries (ISO codes Q..) until the database holds N.
add_countries_sql() {
  cat <<SQL
INSERT INTO countries (slug, iso3code, name, region, latest_update)
SELECT 'synthetic-' || lower(code), code, 'Synthetic ' || code, 'Synthetic', DATE '2026-01-01'
FROM (SELECT 'Q' || chr(65 + i / 26) || chr(65 + i % 26) AS code FROM generate_series(0, 675) AS i) AS codes
WHERE NOT EXISTS (SELECT 1 FROM countries AS c WHERE c.iso3code = codes.code)
ORDER BY code
LIMIT GREATEST(0, $1 - (SELECT count(*) FROM countries));
SQL
}

if [ "$ONLY" != import ]; then
psql_db postgres -c "CREATE DATABASE bench_scale TEMPLATE bench_shipped"

# 200 countries (the 49 real states and synthetic ones), 40 indicators, 60 years of figures for each country
# except Kazakhstan, whose profile stays as shipped so both databases serve the very same page.
say "Generating ${SCALE_COUNTRIES} countries x ${SCALE_INDICATORS} indicators x ${SCALE_YEARS} years"
started_at=$(date +%s.%N)
psql_db bench_scale <<SQL
BEGIN;
$(add_countries_sql "$SCALE_COUNTRIES")
INSERT INTO indicator_definitions (code, name, panel, value_kind, unit, description, sort_order)
SELECT 'synthetic-' || lpad(n::text, 2, '0'), 'Synthetic indicator ' || n, n % 5, 0, 'persons', 'Benchmark data', 100 + n
FROM generate_series(1, GREATEST(0, $SCALE_INDICATORS - (SELECT count(*) FROM indicator_definitions))) AS n;
INSERT INTO sources (short_name, full_name, scope) VALUES ('Synthetic', 'Synthetic benchmark data', 0);
INSERT INTO observations (country_id, indicator_id, source_id, series, edition, period_year, numeric_value)
SELECT c.id, i.id, s.id, '', '', y, c.id * 100000 + i.id * 100 + (y - 1900)
FROM countries AS c
CROSS JOIN (SELECT id FROM indicator_definitions ORDER BY id LIMIT $SCALE_INDICATORS) AS i
CROSS JOIN generate_series(2024 - $SCALE_YEARS + 1, 2024) AS y
CROSS JOIN (SELECT id FROM sources WHERE short_name = 'Synthetic') AS s
WHERE c.slug <> 'kazakhstan';
COMMIT;
ANALYZE;
SQL
SCALE_SECONDS=$(awk -v a="$started_at" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}')
read -r SCALE_COUNTRY_COUNT SCALE_INDICATOR_COUNT SCALE_OBSERVATIONS < <(psql_db bench_scale -tA -F ' ' -c \
  "SELECT (SELECT count(*) FROM countries), (SELECT count(*) FROM indicator_definitions), (SELECT count(*) FROM observations)")

# --- Portals ---------------------------------------------------------------------------------------------
# start_portal NAME DATABASE [VAR=VALUE ...]: a published portal on a free port, as shipped (Production, its
# appsettings), with the abuse limits off so wrk is not answered 429. Sets PORT. It runs from the publish folder:
# the content root, where appsettings.json is read, is the working directory.
start_portal() {
  local name="$1" database="$2"
  shift 2
  PORT="$(pg_free_port)"
  (cd "$PUBLISHED" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$PORT" \
    ConnectionStrings__MigrationProfile="$(connection_string "$database")" \
    Import__LoadSnapshotOnStartup=false RateLimits__Enabled=false "$@" \
    dotnet MigrationProfile.Web.dll) >"$WORK/portal-$name.log" 2>&1 &
  local pid=$!
  PORTAL_PIDS+=("$pid")
  # Generous: a first start compiles and warms up, and a busy machine is slow at it.
  local deadline=$((SECONDS + 600))
  until curl -fsS -o /dev/null "http://127.0.0.1:$PORT/health" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null || [ "$SECONDS" -ge "$deadline" ]; then
      tail -n 30 "$WORK/portal-$name.log" >&2
      fail "the portal ($name) did not become healthy on port $PORT"
    fi
    sleep 0.5
  done
}

say "Starting the portals"
start_portal cached bench_shipped Caching__Enabled=true
CACHED_PORT=$PORT
start_portal uncached bench_shipped Caching__Enabled=false
UNCACHED_PORT=$PORT
start_portal scale bench_scale Caching__Enabled=false
SCALE_PORT=$PORT

# --- nginx serving the profile's own HTML ----------------------------------------------------------------
mkdir -p "$WORK/nginx/www/countries"
curl -fsS -o "$WORK/nginx/www/countries/kazakhstan" "http://127.0.0.1:$CACHED_PORT$PROFILE_PATH" \
  || fail "could not save the profile page"
chmod -R a+rX "$WORK/nginx/www"
PAGE_BYTES=$(stat -c %s "$WORK/nginx/www/countries/kazakhstan")
NGINX_PORT="$(pg_free_port)"
cat >"$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
daemon on;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx/client_body;
  proxy_temp_path $WORK/nginx/proxy;
  fastcgi_temp_path $WORK/nginx/fastcgi;
  uwsgi_temp_path $WORK/nginx/uwsgi;
  scgi_temp_path $WORK/nginx/scgi;
  default_type text/html;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/nginx/www;
  }
}
CONF
"$NGINX" -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" -e "$WORK/nginx/error.log" || fail "nginx did not start"
for _ in $(seq 1 50); do
  curl -fsS -o /dev/null "http://127.0.0.1:$NGINX_PORT$PROFILE_PATH" 2>/dev/null && break
  sleep 0.1
done

# --- Measuring -------------------------------------------------------------------------------------------
# Every address must answer 200 before it is measured: wrk counts 3xx as success.
check_200() {
  local status
  status=$(curl -s -o "$WORK/check.body" -w '%{http_code}' "$1")
  [ "$status" = 200 ] || { head -c 500 "$WORK/check.body" >&2; fail "$1 answered $status, not 200"; }
}

# measure URL: a warm-up, then the best (most requests/s) of ROUNDS rounds. Sets RPS P50_MS P99_MS BAD.
measure() {
  local url="$1" round line best="" rps
  check_200 "$url"
  wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" "$url" >/dev/null
  for round in $(seq 1 "$ROUNDS"); do
    line=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 5s -s "$ROOT/bench/report.lua" "$url" | grep '^RESULT ') \
      || fail "wrk printed no result for $url"
    rps=$(awk '{print $2}' <<<"$line")
    if [ -z "$best" ] || awk -v a="$rps" -v b="$(awk '{print $2}' <<<"$best")" 'BEGIN{exit !(a > b)}'; then
      best="$line"
    fi
  done
  read -r _ RPS P50_US P99_US NON_2XX SOCKET_ERRORS REQUESTS <<<"$best"
  # No answer at all within a round counts as an error, not as a latency of zero.
  [ "$REQUESTS" -gt 0 ] || SOCKET_ERRORS=$((SOCKET_ERRORS + CONNECTIONS))
  P50_MS=$(awk -v u="$P50_US" 'BEGIN{printf "%.2f", u/1000}')
  P99_MS=$(awk -v u="$P99_US" 'BEGIN{printf "%.2f", u/1000}')
  BAD=$((NON_2XX + SOCKET_ERRORS))
}

ROWS=()
# add_row LABEL URL: measures and keeps one table row (label, requests/s, p50, p99, errors).
add_row() {
  say "Measuring: $1 ($2)"
  measure "$2"
  ROWS+=("$1|$RPS|$P50_MS|$P99_MS|$BAD")
  eval "$3_RPS=$RPS; $3_P99=$P99_MS"
}

add_row "nginx, static copy of the profile" "http://127.0.0.1:$NGINX_PORT$PROFILE_PATH" NGINX
add_row "profile, cached" "http://127.0.0.1:$CACHED_PORT$PROFILE_PATH" CACHED
add_row "profile, caching off" "http://127.0.0.1:$UNCACHED_PORT$PROFILE_PATH" UNCACHED
add_row "API profile, cached" "http://127.0.0.1:$CACHED_PORT$API_PATH" API_CACHED
add_row "API profile, caching off" "http://127.0.0.1:$UNCACHED_PORT$API_PATH" API_UNCACHED
SCALE_LABEL="profile, caching off, ${SCALE_COUNTRY_COUNT} countries"
add_row "$SCALE_LABEL" "http://127.0.0.1:$SCALE_PORT$PROFILE_PATH" SCALE

# The same page in both databases, or the comparison says nothing.
SCALE_PAGE_BYTES=$(curl -fsS "http://127.0.0.1:$SCALE_PORT$PROFILE_PATH" | wc -c)

fi # [ "$ONLY" != import ]

# --- Import ----------------------------------------------------------------------------------------------
for pid in "${PORTAL_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
for pid in "${PORTAL_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
PORTAL_PIDS=()
IMPORT_ROWS=$((IMPORT_COUNTRIES * IMPORT_YEARS))
say "Importing a ${IMPORT_ROWS}-row World Bank CSV (${IMPORT_COUNTRIES} countries x ${IMPORT_YEARS} years)"
psql_db bench_import <<SQL
$(add_countries_sql "$IMPORT_COUNTRIES")
ANALYZE countries;
SQL
CSV="$WORK/SP.POP.TOTL.csv"
psql_db bench_import -c "\\copy (SELECT c.name AS \"Country Name\", c.iso3code AS \"Country Code\", y AS \"Year\", 1000000 + c.id * 1000 + (y - 1900) AS \"Value\" FROM countries AS c CROSS JOIN generate_series(2100 - $IMPORT_YEARS + 1, 2100) AS y ORDER BY c.iso3code, y) TO '$CSV' WITH (FORMAT csv, HEADER)"
CSV_ROWS=$(($(wc -l <"$CSV") - 1))
[ "$CSV_ROWS" -eq "$IMPORT_ROWS" ] || fail "the generated CSV has $CSV_ROWS rows, not $IMPORT_ROWS"
# Each round imports into a fresh copy of the same database, so every round adds and changes the same figures.
IMPORT_SECONDS=""
IMPORT_TIMES=()
for round in $(seq 1 "$IMPORT_ROUNDS"); do
  psql_db postgres -c "CREATE DATABASE bench_import_$round TEMPLATE bench_import"
  started_at=$(date +%s.%N)
  (cd "$PUBLISHED" && ConnectionStrings__MigrationProfile="$(connection_string "bench_import_$round")" \
    dotnet MigrationProfile.Web.dll import worldbank --file "$CSV") >"$WORK/import.log" 2>&1 \
    || { tail -n 30 "$WORK/import.log" >&2; fail "the import failed"; }
  seconds=$(awk -v a="$started_at" -v b="$(date +%s.%N)" 'BEGIN{printf "%.2f", b-a}')
  IMPORT_TIMES+=("$seconds")
  say "Import round $round: ${seconds} s (load average $(cut -d ' ' -f 1 /proc/loadavg))"
  if [ -z "$IMPORT_SECONDS" ] || awk -v a="$seconds" -v b="$IMPORT_SECONDS" 'BEGIN{exit !(a < b)}'; then
    IMPORT_SECONDS="$seconds"
    IMPORT_SUMMARY=$(grep -v '^\s*$' "$WORK/import.log" | tail -n 1)
  fi
  psql_db postgres -c "DROP DATABASE bench_import_$round"
done
IMPORT_RPS=$(awk -v n="$IMPORT_ROWS" -v s="$IMPORT_SECONDS" 'BEGIN{printf "%.0f", n/s}')

# --- Report ----------------------------------------------------------------------------------------------
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.3f", (b > 0 ? a/b : 0)}'; }
verdict() { if awk "BEGIN{exit !($1)}"; then printf 'met'; else printf 'MISSED'; fi; }

cpu_model=$(lscpu 2>/dev/null | awk -F: '/^Model name/{gsub(/^ +/, "", $2); print $2; exit}')
memory=$(free -h 2>/dev/null | awk '/^Mem:/{print $2}')
os_name=$(. /etc/os-release 2>/dev/null && printf '%s' "$PRETTY_NAME")
echo
echo "MigrationProfile benchmark$([ "$ONLY" = import ] && printf ' (import only)'), $(date -u '+%Y-%m-%d %H:%M UTC'), commit $COMMIT"
echo "Machine: ${cpu_model:-unknown CPU}, $(nproc) cores, ${memory:-?} memory, ${os_name:-unknown OS}, Linux $(uname -r)"
echo "Load average (1 min) at the start: $LOAD_AT_START, at the end: $(cut -d ' ' -f 1 /proc/loadavg) (other work on the machine skews every figure)"
if [ "$ONLY" = import ]; then
  echo "Software: .NET $(dotnet --version), PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}')"
  echo "Shipped database: $SHIPPED_OBSERVATIONS observations, snapshot loaded in ${SNAPSHOT_SECONDS} s"
  echo
  echo "Import: $IMPORT_ROWS rows, best of $IMPORT_ROUNDS rounds (${IMPORT_TIMES[*]} s) through \`import worldbank --file\` (process start included): ${IMPORT_SECONDS} s, $IMPORT_RPS rows/s: $IMPORT_SUMMARY"
  echo "- import >= 20000 rows/s: $IMPORT_RPS: $(verdict "$IMPORT_RPS >= 20000")"
  exit 0
fi
echo "Software: .NET $(dotnet --version), PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}'), $("$NGINX" -v 2>&1 | sed 's/^nginx version: //'), $(wrk -v 2>&1 | head -n 1 | awk '{print $1, $2}')"
echo "Load: wrk -t1 -c$CONNECTIONS on loopback, ${WARMUP} s warm-up, best of $ROUNDS rounds of ${DURATION} s; no Accept-Encoding (the same uncompressed bytes everywhere)"
echo "Profile page: $PAGE_BYTES bytes as saved for nginx; $SCALE_PAGE_BYTES bytes from the ${SCALE_COUNTRY_COUNT}-country database"
echo "Shipped database: $SHIPPED_OBSERVATIONS observations, snapshot loaded in ${SNAPSHOT_SECONDS} s"
echo "Scale database: $SCALE_COUNTRY_COUNT countries, $SCALE_INDICATOR_COUNT indicators, $SCALE_OBSERVATIONS observations (generated in ${SCALE_SECONDS} s)"
echo
printf '| %-40s | %10s | %8s | %8s | %6s | %8s |\n' "what" "requests/s" "p50 ms" "p99 ms" "errors" "x nginx"
printf '|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..42})" "$(printf -- '-%.0s' {1..12})" "$(printf -- '-%.0s' {1..10})" \
  "$(printf -- '-%.0s' {1..10})" "$(printf -- '-%.0s' {1..8})" "$(printf -- '-%.0s' {1..10})"
for row in "${ROWS[@]}"; do
  IFS='|' read -r label rps p50 p99 bad <<<"$row"
  printf '| %-40s | %10.0f | %8s | %8s | %6s | %8s |\n' "$label" "$rps" "$p50" "$p99" "$bad" "$(ratio "$rps" "$NGINX_RPS")"
done
printf '| %-40s | %10s | %8s | %8s | %6s | %8s |\n' "import, World Bank CSV (rows/s)" "$IMPORT_RPS" "" "" "" ""
echo
echo "Import: $IMPORT_ROWS rows, best of $IMPORT_ROUNDS rounds (${IMPORT_TIMES[*]} s) through \`import worldbank --file\` (process start included): ${IMPORT_SECONDS} s: $IMPORT_SUMMARY"
echo
echo "Targets (issue 9):"
echo "- cached profile >= 0.6x nginx and p99 < 5 ms: $(ratio "$CACHED_RPS" "$NGINX_RPS")x, p99 $CACHED_P99 ms: $(verdict "$CACHED_RPS >= 0.6 * $NGINX_RPS && $CACHED_P99 < 5")"
echo "- profile with caching off >= 1500 requests/s: $(printf '%.0f' "$UNCACHED_RPS"): $(verdict "$UNCACHED_RPS >= 1500")"
echo "- at $SCALE_COUNTRY_COUNT countries >= 0.8x the shipped database's figure: $(ratio "$SCALE_RPS" "$UNCACHED_RPS")x: $(verdict "$UNCACHED_RPS > 0 && $SCALE_RPS >= 0.8 * $UNCACHED_RPS")"
echo "- import >= 20000 rows/s: $IMPORT_RPS: $(verdict "$IMPORT_RPS >= 20000")"
