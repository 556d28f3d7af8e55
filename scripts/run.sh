#!/usr/bin/env bash
# Start the MigrationProfile portal on this machine with a project-local PostgreSQL.
#   bash scripts/run.sh
# Env: MP_PORT (web, default 5080), MP_DB_PORT (PostgreSQL, default 54329).
# Database files live in .data/postgres (git-ignored) and are kept between runs.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=lib/postgres.sh
. scripts/lib/postgres.sh

WEB_PORT="${MP_PORT:-5080}"
DB_PORT="${MP_DB_PORT:-54329}"
PGROOT="$ROOT/.data/postgres"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK (dotnet, version 10) is not installed; install it and run again" >&2
  exit 1
fi

pg_ensure_installed

cleanup() {
  if [ "$PG_STARTED" -eq 1 ]; then pg_stop "$PGROOT" || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if ! pg_start "$PGROOT" "$DB_PORT"; then
  echo "error: could not start PostgreSQL on port $DB_PORT (another program may use it: try MP_DB_PORT=NNNN bash scripts/run.sh)" >&2
  exit 1
fi
pg_create_db "$PG_PORT" migrationprofile

# A development admin, created by the portal at first start (it creates one only while no account exists).
# The password is generated once, kept in the git-ignored .data/ and printed only the first time.
ADMIN_FILE="$ROOT/.data/dev-admin.env"
if [ ! -f "$ADMIN_FILE" ]; then
  mkdir -p "$ROOT/.data"
  dev_password="Dev-$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 16)-7a!"
  (umask 077 && printf 'MP_ADMIN_EMAIL=%s\nMP_ADMIN_PASSWORD=%s\n' "admin@migrationprofile.test" "$dev_password" >"$ADMIN_FILE")
  # shellcheck disable=SC1090
  . "$ADMIN_FILE"
  echo "Development admin (shown once; kept in .data/dev-admin.env):"
  echo "  email:    $MP_ADMIN_EMAIL"
  echo "  password: $MP_ADMIN_PASSWORD"
else
  # shellcheck disable=SC1090
  . "$ADMIN_FILE"
  echo "Development admin: $MP_ADMIN_EMAIL (password in .data/dev-admin.env)"
fi
export Admin__Email="$MP_ADMIN_EMAIL" Admin__Password="$MP_ADMIN_PASSWORD"

export ConnectionStrings__MigrationProfile="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=migrationprofile"
export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS="http://127.0.0.1:$WEB_PORT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "MigrationProfile is starting at http://127.0.0.1:$WEB_PORT/ (editors sign in at http://127.0.0.1:$WEB_PORT/account/login)"
echo "(PostgreSQL on 127.0.0.1:$PG_PORT, data in .data/postgres; Ctrl-C stops both)"
# Not exec: the EXIT trap must stop PostgreSQL after the app exits.
# --no-launch-profile keeps launchSettings.json from overriding the URL and environment above.
dotnet run --project src/MigrationProfile.Web -c Release --no-launch-profile
