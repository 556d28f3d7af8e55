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

export ConnectionStrings__MigrationProfile="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=migrationprofile"
export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS="http://127.0.0.1:$WEB_PORT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "MigrationProfile is starting at http://127.0.0.1:$WEB_PORT/"
echo "(PostgreSQL on 127.0.0.1:$PG_PORT, data in .data/postgres; Ctrl-C stops both)"
# Not exec: the EXIT trap must stop PostgreSQL after the app exits.
# --no-launch-profile keeps launchSettings.json from overriding the URL and environment above.
dotnet run --project src/MigrationProfile.Web -c Release --no-launch-profile
