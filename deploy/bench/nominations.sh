#!/usr/bin/env bash
# Nominations benchmark (not a test): both services on one Payara Micro against the local MariaDB, in a
# throw-away database. Reports start-up time, resident memory, nominations per second and latency with
# 32 concurrent clients, and checks that no state holds more seats than its quota.
#   deploy/bench/nominations.sh            (after: mvn -B -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT="${PORT:-18090}"
RUNTIME=deploy/target/runtime
[ -f "$RUNTIME/course-service.war" ] || mvn -B -q -DskipTests package
SUFFIX=$(head -c4 /dev/urandom | od -An -tx1 | tr -d ' \n')
DB_PASSWORD=$(head -c16 /dev/urandom | od -An -tx1 | tr -d ' \n')
ADMIN_PASSWORD="bench-root-$SUFFIX-pw"
WORK=deploy/target/bench-$SUFFIX
mkdir -p "$WORK"

mariadb -u root <<SQL
CREATE DATABASE csec_bench_course_$SUFFIX CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE csec_bench_cert_$SUFFIX CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER 'csec_bench_$SUFFIX'@'127.0.0.1' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL ON csec_bench_course_$SUFFIX.* TO 'csec_bench_$SUFFIX'@'127.0.0.1';
GRANT ALL ON csec_bench_cert_$SUFFIX.* TO 'csec_bench_$SUFFIX'@'127.0.0.1';
SQL
cleanup() {
  if [ -n "${PAYARA:-}" ]; then kill "$PAYARA" 2>/dev/null || true; wait "$PAYARA" 2>/dev/null || true; fi
  mariadb -u root -e "DROP DATABASE IF EXISTS csec_bench_course_$SUFFIX; DROP DATABASE IF EXISTS csec_bench_cert_$SUFFIX; DROP USER IF EXISTS 'csec_bench_$SUFFIX'@'127.0.0.1';"
}
trap cleanup EXIT

umask 077
cat > "$WORK/bench.properties" <<PROPS
course.db.datasource-class=com.mysql.cj.jdbc.MysqlDataSource
course.db.url=jdbc:mysql://127.0.0.1:3306/csec_bench_course_$SUFFIX?useSSL=false&allowPublicKeyRetrieval=true
course.db.user=csec_bench_$SUFFIX
course.db.password=$DB_PASSWORD
certificate.db.datasource-class=com.mysql.cj.jdbc.MysqlDataSource
certificate.db.url=jdbc:mysql://127.0.0.1:3306/csec_bench_cert_$SUFFIX?useSSL=false&allowPublicKeyRetrieval=true
certificate.db.user=csec_bench_$SUFFIX
certificate.db.password=$DB_PASSWORD
csec.admin.password=$ADMIN_PASSWORD
PROPS

START=$(date +%s.%N)
java -Xmx512m -XX:+UseSerialGC ${BENCH_JAVA_OPTS:-} -jar "$RUNTIME/payara-micro.jar" --nohazelcast --port "$PORT" \
  --rootdir "$WORK/payara-root" --systemProperties "$WORK/bench.properties" \
  --deploy "$RUNTIME/course-service.war:/course" --deploy "$RUNTIME/certificate-service.war:/certificates" \
  > "$WORK/payara.log" 2>&1 &
PAYARA=$!
until curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null 2>&1; do
  kill -0 "$PAYARA" 2>/dev/null || { echo "Payara Micro stopped: see $WORK/payara.log"; exit 1; }
  sleep 0.2
done
READY=$(date +%s.%N)
printf 'start-up of both services (launch to ready, MariaDB schemas migrated): %.1f s\n' "$(echo "$READY - $START" | bc)"
echo "resident memory after start-up: $(( $(ps -o rss= -p $PAYARA) / 1024 )) MB"

java -Dserver.pid=$PAYARA ${BENCH_CLIENT_OPTS:-} deploy/bench/NominationBench.java "http://127.0.0.1:$PORT" "$ADMIN_PASSWORD"

echo "resident memory after the load: $(( $(ps -o rss= -p $PAYARA) / 1024 )) MB"
OVER=$(mariadb -u root -N -e "SELECT COUNT(*) FROM (SELECT a.state_code, a.quota, COUNT(p.id) held
  FROM csec_bench_course_$SUFFIX.agreement a LEFT JOIN csec_bench_course_$SUFFIX.participant p
  ON p.agreement_id = a.id AND p.status IN ('NOMINATED','ACCEPTED','ENROLLED','CERTIFIED')
  GROUP BY a.id HAVING held > a.quota) over_quota")
SEATED=$(mariadb -u root -N -e "SELECT COUNT(*) FROM csec_bench_course_$SUFFIX.participant WHERE status = 'NOMINATED'")
echo "seats held: $SEATED (35 states x 50 = 1750 expected); states over quota: $OVER"
[ "$OVER" = "0" ]
