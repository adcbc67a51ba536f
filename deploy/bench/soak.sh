#!/usr/bin/env bash
# Soak run (not a test): both services on one Payara Micro against the local MariaDB, in a throw-away database,
# with the emulated Moodle, under mixed traffic like the real users' for several minutes (SoakTraffic.java:
# coordinators, the course leader, the public, monitoring, and some deliberately wrong requests). Reports
# requests and latency per kind, errors, and the server's memory every 30 s (RSS, and the heap kept after a full
# GC) with a verdict on its trend; fails if any answer was not the expected one or a state holds more seats
# than its quota. Leaves nothing running and nothing in the database server.
#   DURATION=300 (default, seconds) PORT=18091 deploy/bench/soak.sh      (after: mvn -B -DskipTests package)
#   Options of the traffic: SOAK_CLIENT_OPTS='-Dcoordinators=8 -DpublicClients=3 -DthinkMs=150' (see SoakTraffic.java);
#   more Connector/J settings in the URLs (the services set theirs themselves): SOAK_DB_PARAMS='&name=value...'
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${PORT:-18091}"
DURATION="${DURATION:-300}"
RUNTIME=deploy/target/runtime
DEMO=deploy/target/demo
[ -f "$RUNTIME/course-service.war" ] && [ -f "$DEMO/moodle-demo.war" ] || mvn -B -q -DskipTests package
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then echo "Something already answers on port $PORT: choose another PORT."; exit 1; fi
SUFFIX=$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')
DB_PASSWORD=$(head -c16 /dev/urandom | od -An -tx1 | tr -d ' \n')
ADMIN_PASSWORD="soak-root-$SUFFIX-pw"
WORK=deploy/target/soak-$SUFFIX
mkdir -p "$WORK"

cleanup() {
  if [ -n "${PAYARA:-}" ] && kill -0 "$PAYARA" 2>/dev/null; then
    pkill -P "$PAYARA" 2>/dev/null || true # during start.sh's warm-up, the java process is its child
    kill "$PAYARA" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$PAYARA" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$PAYARA" 2>/dev/null || true
    wait "$PAYARA" 2>/dev/null || true
  fi
  mariadb -u root -e "DROP DATABASE IF EXISTS csec_soak_course_$SUFFIX; DROP DATABASE IF EXISTS csec_soak_cert_$SUFFIX; DROP USER IF EXISTS 'csec_soak_$SUFFIX'@'127.0.0.1';"
  # The log stays for a look afterwards; the copies, the exploded WARs and the passwords go.
  rm -rf "$WORK/runtime" "$WORK/demo" "$WORK/payara-root" "$WORK/soak.properties"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mariadb -u root <<SQL
CREATE DATABASE csec_soak_course_$SUFFIX CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE csec_soak_cert_$SUFFIX CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'csec_soak_$SUFFIX'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL ON csec_soak_course_$SUFFIX.* TO 'csec_soak_$SUFFIX'@'127.0.0.1';
GRANT ALL ON csec_soak_cert_$SUFFIX.* TO 'csec_soak_$SUFFIX'@'127.0.0.1';
SQL

# Our own copy: a build elsewhere in the tree during the run must not change the files under a running server.
cp -r "$RUNTIME" "$WORK/runtime"
cp -r "$DEMO" "$WORK/demo"
umask 077
# All clients come from 127.0.0.1, so public verification's per-address limit is raised: the run measures the
# service, not the limit. The emulated Moodle is the demo's, deployed and configured as run-demo.sh does (on a free
# port of 127.0.0.1, chosen as run-demo.sh chooses it). The JDBC URLs are as plain as production's (deploy/README.md,
# "Database connections").
MOODLE_PORT=${MOODLE_PORT:-}
while [ -z "$MOODLE_PORT" ]; do
  MOODLE_PORT=$((20000 + RANDOM % 30000))
  if (exec 3<>"/dev/tcp/127.0.0.1/$MOODLE_PORT") 2>/dev/null; then MOODLE_PORT=; fi
done
MOODLE_TOKEN=$(head -c16 /dev/urandom | od -An -tx1 | tr -d ' \n')
cat > "$WORK/soak.properties" <<PROPS
course.db.datasource-class=com.mysql.cj.jdbc.MysqlDataSource
course.db.url=jdbc:mysql://127.0.0.1:3306/csec_soak_course_$SUFFIX?useSSL=false&allowPublicKeyRetrieval=true${SOAK_DB_PARAMS:-}
course.db.user=csec_soak_$SUFFIX
course.db.password=$DB_PASSWORD
certificate.db.datasource-class=com.mysql.cj.jdbc.MysqlDataSource
certificate.db.url=jdbc:mysql://127.0.0.1:3306/csec_soak_cert_$SUFFIX?useSSL=false&allowPublicKeyRetrieval=true${SOAK_DB_PARAMS:-}
certificate.db.user=csec_soak_$SUFFIX
certificate.db.password=$DB_PASSWORD
csec.admin.password=$ADMIN_PASSWORD
csec.demo.moodle.port=$MOODLE_PORT
csec.demo.moodle.token=$MOODLE_TOKEN
csec.moodle.url=http://127.0.0.1:$MOODLE_PORT
csec.moodle.token=$MOODLE_TOKEN
csec.outbox.interval-seconds=2
csec.service.token=$(head -c24 /dev/urandom | od -An -tx1 | tr -d ' \n')
csec.certificates.url=http://127.0.0.1:$PORT/certificates
csec.course.url=http://127.0.0.1:$PORT/course
csec.public.url=http://127.0.0.1:$PORT
csec.verify.requests-per-minute=${VERIFY_PER_MINUTE:-1000000}
PROPS

START=$(date +%s.%N)
# Started as production starts them (deploy/start.sh), which turns into the service's java process (exec) once its
# one-off warm-up is done. Ready once both services are deployed: readiness lists the checks of the applications
# deployed so far.
JAVA_OPTS="${SOAK_JAVA_OPTS:-}" PORT="$PORT" deploy/start.sh "$WORK/runtime" "$WORK/payara-root" \
  --systemProperties "$WORK/soak.properties" --deploy "$WORK/demo/moodle-demo.war:/moodle-demo" \
  > "$WORK/payara.log" 2>&1 &
PAYARA=$!
until [ "$(cat "/proc/$PAYARA/comm" 2>/dev/null)" = java ] \
  && curl -sf "http://127.0.0.1:$PORT/health/ready" 2>/dev/null | grep -q certificate-database; do
  kill -0 "$PAYARA" 2>/dev/null || { echo "Payara Micro stopped: see $WORK/payara.log"; exit 1; }
  [ "$(echo "$(date +%s.%N) - $START > 300" | bc)" = 0 ] || { echo "Not ready after 300 s: see $WORK/payara.log"; exit 1; }
  sleep 0.5
done
printf 'first start of both services (start.sh'"'"'s warm-up included, MariaDB schemas migrated): %.1f s; log: %s\n' \
  "$(echo "$(date +%s.%N) - $START" | bc)" "$WORK/payara.log"
# Payara builds the OpenAPI document on its first request (scanning both WARs): a start-up cost, shown here
# rather than as one slow request in the traffic's figures.
printf 'first GET /openapi (the document is built): %s s\n' \
  "$(curl -s -o /dev/null -w '%{time_total}' --max-time 120 -H 'Accept: application/json' "http://127.0.0.1:$PORT/openapi")"

TRAFFIC=0
java ${SOAK_CLIENT_OPTS:-} deploy/bench/SoakTraffic.java "http://127.0.0.1:$PORT" "$ADMIN_PASSWORD" "$PAYARA" "$DURATION" \
  || TRAFFIC=$?

OVER=$(mariadb -u root -N -e "SELECT COUNT(*) FROM (SELECT a.state_code, a.quota, COUNT(p.id) held
  FROM csec_soak_course_$SUFFIX.agreement a LEFT JOIN csec_soak_course_$SUFFIX.participant p
  ON p.agreement_id = a.id AND p.status IN ('NOMINATED','ACCEPTED','ENROLLED','CERTIFIED')
  GROUP BY a.id HAVING held > a.quota) over_quota")
echo "states over quota (database): $OVER"
echo "server log: $(grep -c 'SEVERE' "$WORK/payara.log" || true) SEVERE line(s), $(grep -c 'Exception' "$WORK/payara.log" || true) line(s) naming an exception"
[ "$TRAFFIC" = 0 ] && [ "$OVER" = 0 ]
