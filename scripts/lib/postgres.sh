# shellcheck shell=bash
# PostgreSQL helpers for scripts/run.sh and scripts/test.sh. Source this file; do not run it.
#
#   pg_ensure_installed            find the server binaries (sets PGBIN); as root, install them if missing
#   pg_start DIR PORT [ARGS...]    initdb DIR/data if needed, start on 127.0.0.1:PORT (socket in DIR);
#                                  extra ARGS go to postgres (e.g. -c fsync=off). Reuses a running cluster.
#                                  Sets PG_PORT (the port in use) and PG_STARTED (1 if this call started it).
#   pg_stop DIR                    stop the cluster in DIR/data if it runs
#   pg_free_port                   print a free TCP port on 127.0.0.1
#   pg_create_db PORT NAME         create database NAME unless it exists
#   mp_apt_install PKG...          apt-get install (root only; runs apt-get update once)
#
# Postgres refuses to run as root: as root the server runs as the system user "postgres"
# (created if missing); as any other user it runs as that user.

PGBIN="${PGBIN:-}"
PG_PORT=""
PG_STARTED=0
_MP_APT_UPDATED=0

_pg_msg() { printf '%s\n' "$*" >&2; }

_pg_is_root() { [ "$(id -u)" -eq 0 ]; }

# Run a command as the user that owns the cluster (from /, which every user can enter).
_pg_as() {
  if _pg_is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

mp_apt_install() {
  if ! _pg_is_root; then
    _pg_msg "error: need root to install: $* (install them, then run again)"
    return 1
  fi
  if [ "$_MP_APT_UPDATED" -eq 0 ]; then
    _pg_msg "Updating the Debian package lists..."
    DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
    _MP_APT_UPDATED=1
  fi
  _pg_msg "Installing: $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null || return 1
}

# Sets PGBIN to the newest /usr/lib/postgresql/*/bin that holds initdb, pg_ctl, postgres and psql.
pg_find_bin() {
  local d best=""
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && [ -x "$d/postgres" ] && [ -x "$d/psql" ] || continue
    best="$(printf '%s\n%s\n' "$best" "$d" | sed '/^$/d' | sort -V | tail -n 1)"
  done
  [ -n "$best" ] || return 1
  PGBIN="$best"
}

_pg_ensure_user() {
  _pg_is_root || return 0
  id -u postgres >/dev/null 2>&1 && return 0
  _pg_msg "Creating system user postgres"
  if getent group postgres >/dev/null 2>&1; then
    useradd --system --gid postgres --no-create-home --shell /usr/sbin/nologin postgres
  else
    useradd --system --user-group --no-create-home --shell /usr/sbin/nologin postgres
  fi
}

pg_ensure_installed() {
  if ! pg_find_bin; then
    if _pg_is_root; then
      mp_apt_install postgresql || { _pg_msg "error: could not install PostgreSQL (apt-get install postgresql)"; return 1; }
      pg_find_bin || { _pg_msg "error: PostgreSQL installed but no server binaries under /usr/lib/postgresql/*/bin"; return 1; }
    else
      _pg_msg "error: PostgreSQL server not found under /usr/lib/postgresql/*/bin. Install it (Debian/Ubuntu: sudo apt-get install -y postgresql) and run again."
      return 1
    fi
  fi
  _pg_ensure_user
}

# Succeeds if the cluster in DIR/data is running.
_pg_running() {
  local data="$1/data"
  [ -f "$data/postmaster.pid" ] || return 1
  _pg_as "$PGBIN/pg_ctl" -D "$data" status >/dev/null 2>&1
}

pg_start() {
  if [ $# -lt 2 ]; then _pg_msg "usage: pg_start DIR PORT [postgres args...]"; return 2; fi
  local dir="$1" port="$2"
  shift 2
  [ -n "$PGBIN" ] || pg_ensure_installed || return 1
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  local data="$dir/data" log="$dir/server.log"

  if _pg_is_root; then
    _pg_ensure_user
    if [ "$(stat -c %U "$dir")" != postgres ]; then
      chown -R postgres:postgres "$dir"
    fi
    if ! runuser -u postgres -- test -w "$dir"; then
      _pg_msg "error: user postgres cannot write $dir (a parent directory is not searchable by others); use a checkout outside private home directories"
      return 1
    fi
  fi

  if _pg_running "$dir"; then
    PG_PORT="$(sed -n 4p "$data/postmaster.pid")"
    PG_STARTED=0
    _pg_msg "PostgreSQL is already running for $data on port $PG_PORT; reusing it"
    return 0
  fi

  if [ ! -f "$data/PG_VERSION" ]; then
    _pg_msg "Initialising a PostgreSQL cluster in $data"
    if ! _pg_as "$PGBIN/initdb" -D "$data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1; then
      _pg_msg "error: initdb failed; see $dir/initdb.log:"
      tail -n 20 "$dir/initdb.log" >&2
      return 1
    fi
  fi

  # Unix socket paths are limited to about 107 bytes; skip the socket when DIR is too deep (TCP still works).
  local sockdir="$dir"
  if [ $(( ${#dir} + 20 )) -gt 100 ]; then sockdir=""; fi

  # pg_ctl hands -o to a shell: quote every word.
  local opts a
  opts="$(printf '%q ' -p "$port" -k "$sockdir" -c listen_addresses=127.0.0.1)"
  for a in "$@"; do opts+="$(printf '%q ' "$a")"; done

  _pg_msg "Starting PostgreSQL ($("$PGBIN/postgres" --version | awk '{print $3}')) on 127.0.0.1:$port, data in $data"
  if ! _pg_as "$PGBIN/pg_ctl" -D "$data" -l "$log" -w -t 60 -o "$opts" start >/dev/null 2>&1; then
    _pg_msg "error: PostgreSQL did not start on port $port; last lines of $log:"
    tail -n 20 "$log" >&2 || true
    return 1
  fi
  PG_PORT="$port"
  PG_STARTED=1
}

pg_stop() {
  if [ $# -lt 1 ]; then _pg_msg "usage: pg_stop DIR"; return 2; fi
  local dir="$1"
  [ -n "$PGBIN" ] || pg_find_bin || return 0
  [ -d "$dir/data" ] || return 0
  _pg_running "$dir" || return 0
  _pg_msg "Stopping PostgreSQL ($dir/data)"
  _pg_as "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
    || _pg_as "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 \
    || { _pg_msg "warning: could not stop PostgreSQL in $dir/data"; return 1; }
}

pg_free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()' 2>/dev/null && return 0
  fi
  # Fallback: probe random high ports; a refused connection means nothing listens there.
  local i p
  for i in $(seq 1 200); do
    p=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      printf '%s\n' "$p"
      return 0
    fi
  done
  _pg_msg "error: found no free TCP port on 127.0.0.1"
  return 1
}

pg_create_db() {
  if [ $# -ne 2 ]; then _pg_msg "usage: pg_create_db PORT NAME"; return 2; fi
  local port="$1" name="$2" exists
  if ! [[ "$name" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; then
    _pg_msg "error: unsupported database name: $name"
    return 2
  fi
  [ -n "$PGBIN" ] || pg_ensure_installed || return 1
  local psql=("$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d postgres)
  exists="$(PGCONNECT_TIMEOUT=10 "${psql[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '$name'")" || {
    _pg_msg "error: cannot connect to PostgreSQL on 127.0.0.1:$port"
    return 1
  }
  if [ "$exists" != 1 ]; then
    _pg_msg "Creating database $name"
    PGCONNECT_TIMEOUT=10 "${psql[@]}" -c "CREATE DATABASE \"$name\"" >/dev/null
  fi
}
