#!/usr/bin/env bash
# Nominations benchmark (not a test): both services on one Payara Micro, started as deploy/systemd/csec.service
# starts them, against the local MariaDB in a throw-away database. Reports start-up time and resident memory,
# then, after a warm-up, nominations with 32 concurrent clients (wrk, nominations.lua): first as fast as they go
# (throughput), then at a steady RATE a second (the latency users see at that load); with the server's and
# MariaDB's CPU time per nomination. Fails if any answer was not 201 or a state holds more seats than its quota.
#   deploy/bench/nominations.sh      (after: mvn -B -DskipTests package; the load needs wrk: apt-get install wrk)
#   Settings: WARM_UP=120 DURATION=30 RATE=300 (seconds, seconds, nominations a second) PORT=18090;
#   BENCH_JAVA_OPTS and BENCH_PAYARA_OPTS (say '--maxHttpThreads 8') add to the service's command line.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${PORT:-18090}"
WARM_UP="${WARM_UP:-120}"
DURATION="${DURATION:-30}"
RATE="${RATE:-300}"
RUNTIME=deploy/target/runtime
command -v wrk >/dev/null || { echo "The load comes from wrk: apt-get install wrk"; exit 1; }
[ -f "$RUNTIME/course-service.war" ] || mvn -B -q -DskipTests package
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then echo "Something already answers on port $PORT: choose another PORT."; exit 1; fi
SUFFIX=$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')
DB_PASSWORD=$(head -c16 /dev/urandom | od -An -tx1 | tr -d ' \n')
ADMIN_PASSWORD="bench-root-$SUFFIX-pw"
PASSWORD="bench-password-1234"
WORK=deploy/target/bench-$SUFFIX
COURSE_DB=csec_bench_course_$SUFFIX
mkdir -p "$WORK"

mariadb -u root <<SQL
CREATE DATABASE $COURSE_DB CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE csec_bench_cert_$SUFFIX CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'csec_bench_$SUFFIX'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL ON $COURSE_DB.* TO 'csec_bench_$SUFFIX'@'127.0.0.1';
GRANT ALL ON csec_bench_cert_$SUFFIX.* TO 'csec_bench_$SUFFIX'@'127.0.0.1';
SQL
cleanup() {
  # During start.sh's warm-up, the java process is its child.
  if [ -n "${PAYARA:-}" ]; then pkill -P "$PAYARA" 2>/dev/null || true; kill "$PAYARA" 2>/dev/null || true; wait "$PAYARA" 2>/dev/null || true; fi
  mariadb -u root -e "DROP DATABASE IF EXISTS $COURSE_DB; DROP DATABASE IF EXISTS csec_bench_cert_$SUFFIX; DROP USER IF EXISTS 'csec_bench_$SUFFIX'@'127.0.0.1';"
  rm -rf "$WORK/payara-root" "$WORK/bench.properties"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

umask 077
cat > "$WORK/bench.properties" <<PROPS
course.db.datasource-class=com.mysql.cj.jdbc.MysqlDataSource
course.db.url=jdbc:mysql://127.0.0.1:3306/$COURSE_DB?useSSL=false&allowPublicKeyRetrieval=true
course.db.user=csec_bench_$SUFFIX
course.db.password=$DB_PASSWORD
certificate.db.datasource-class=com.mysql.cj.jdbc.MysqlDataSource
certificate.db.url=jdbc:mysql://127.0.0.1:3306/csec_bench_cert_$SUFFIX?useSSL=false&allowPublicKeyRetrieval=true
certificate.db.user=csec_bench_$SUFFIX
certificate.db.password=$DB_PASSWORD
csec.admin.password=$ADMIN_PASSWORD
PROPS

# Starts both services as the systemd unit does and reports the time from launch to ready (the schemas migrated)
# and the memory then. start.sh turns into the service's java process (exec) once any warm-up is done.
# Readiness lists the checks of the services deployed so far: both are, once it has certificate-service's.
ready() { curl -sf "http://127.0.0.1:$PORT/health/ready" 2>/dev/null | grep -q certificate-database; }
start() { # LABEL
  local begin end
  begin=$(date +%s.%N)
  JAVA_OPTS="${BENCH_JAVA_OPTS:-}" PORT="$PORT" deploy/start.sh "$RUNTIME" "$WORK/payara-root" ${BENCH_PAYARA_OPTS:-} \
    --systemProperties "$WORK/bench.properties" --logProperties deploy/logging.properties >> "$WORK/payara.log" 2>&1 &
  PAYARA=$!
  until [ "$(cat "/proc/$PAYARA/comm" 2>/dev/null)" = java ] && ready; do
    kill -0 "$PAYARA" 2>/dev/null || { echo "Payara Micro stopped: see $WORK/payara.log"; exit 1; }
    sleep 0.2
  done
  end=$(date +%s.%N)
  printf '%s: ready in %.1f s, resident memory %d MB\n' "$1" "$(echo "$end - $begin" | bc)" \
    $(( $(ps -o rss= -p "$PAYARA") / 1024 ))
}
start "first start of both services (new Payara root directory: start.sh's one-off warm-up, which creates the MariaDB schemas, then the start)"

API="http://127.0.0.1:$PORT/course/api/v1"
STATES=(AR BO BR CL CO CR CU DO EC SV GT HN MX NI PA PY PE UY VE US CA JM TT BS BB BZ GY SR HT AG DM GD KN LC VC)
call() { # USER:PASSWORD METHOD PATH JSON EXPECTED-STATUS
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' -u "$1" -X "$2" -H 'Content-Type: application/json' --data "$4" "$API$3")
  [ "$status" = "$5" ] || { echo "$2 $3 answered $status, not $5"; exit 1; }
}
account() { # USER ROLE [STATE]
  call "admin:$ADMIN_PASSWORD" POST /accounts "{\"username\":\"$1\",\"displayName\":\"$1\",\"roles\":[\"$2\"]${3:+,\"state\":\"$3\"},\"password\":\"$PASSWORD\"}" 201
}
# Editions PREFIX1..PREFIXn, each with the 35 states at a quota of 50, open for nominations.
editions() { # PREFIX COUNT
  for i in $(seq 1 "$2"); do
    call "bench.leader:$PASSWORD" POST /editions "{\"code\":\"$1$i\",\"title\":\"Benchmark\",\"language\":\"es\",\"onlineStageStart\":\"2027-03-01\",\"onlineStageEnd\":\"2027-05-31\",\"courseHours\":120}" 201
    for state in "${STATES[@]}"; do call "bench.leader:$PASSWORD" PUT "/editions/$1$i/agreements/$state" '{"quota":50}' 200; done
    call "bench.leader:$PASSWORD" PATCH "/editions/$1$i" '{"status":"NOMINATIONS_OPEN"}' 200
  done
}
cpu_ms() { # user + system CPU of a process, from /proc (clock ticks of 10 ms)
  awk '{ print ($14 + $15) * 10 }' "/proc/$1/stat"
}
MARIADB=$(pgrep -x mariadbd || pgrep -x mysqld)
# Nominations for SECONDS on editions PREFIX1.. (enough of them for 700 a second), as fast as they go or at RATE.
load() { # LABEL PREFIX SECONDS [RATE]
  editions "$2" $(( $3 * 700 / 3500 + 1 ))
  local server0 db0 server1 db1
  server0=$(cpu_ms "$PAYARA"); db0=$(cpu_ms "$MARIADB")
  wrk -t2 -c32 -d"$3"s --timeout 30s -s deploy/bench/nominations.lua "http://127.0.0.1:$PORT" -- "$PASSWORD" "$2" 1 2 ${4:-} \
    > "$WORK/wrk-$2.txt"
  server1=$(cpu_ms "$PAYARA"); db1=$(cpu_ms "$MARIADB")
  read -r _ count seconds p50 p90 p99 max failures _ < <(grep '^RESULT' "$WORK/wrk-$2.txt")
  printf '%s: %d nominations in %.1f s = %.0f a second; latency ms p50 %.1f  p90 %.1f  p99 %.1f  max %.1f; ' \
    "$1" "$count" "$seconds" "$(echo "$count / $seconds" | bc -l)" "$p50" "$p90" "$p99" "$max"
  printf 'CPU per nomination: server %.2f ms, MariaDB %.2f ms; answers other than 201: %d\n' \
    "$(echo "($server1 - $server0) / $count" | bc -l)" "$(echo "($db1 - $db0) / $count" | bc -l)" "$failures"
  [ "$failures" = 0 ]
}

account bench.leader COURSE_LEADER
for state in "${STATES[@]}"; do account "bench.${state,,}" STATE_COORDINATOR "$state"; done
# The first two minutes or so of load run slower while the JIT compiles the hot paths: they are not counted.
load "warm-up (not counted)" W "$WARM_UP"
load "32 clients, as fast as they go" B "$DURATION"
load "32 clients, $RATE a second" P "$DURATION" "$RATE"

echo "resident memory after the load: $(( $(ps -o rss= -p $PAYARA) / 1024 )) MB"
kill "$PAYARA"; wait "$PAYARA" || true
start "restart of both services (as after an upgrade or a reboot: same directory, schemas up to date)"
# Counted in the database itself, not through the service; the statuses are those of ParticipantStatus.holdsSeat().
OVER=$(mariadb -u root -N -e "SELECT COUNT(*) FROM (SELECT a.id FROM $COURSE_DB.agreement a
  LEFT JOIN $COURSE_DB.participant p ON p.agreement_id = a.id AND p.status IN ('NOMINATED','ACCEPTED','ENROLLED','CERTIFIED')
  GROUP BY a.id, a.quota HAVING COUNT(p.id) > a.quota) over_quota")
TOTAL=$(mariadb -u root -N -e "SELECT COUNT(*) FROM $COURSE_DB.participant")
echo "nominations stored: $TOTAL; states over quota: $OVER"
[ "$OVER" = "0" ]
