#!/usr/bin/env bash
# Runs the whole product on this machine: both services on one Payara Micro, each with its own schema in
# an embedded H2 database (under ./data), a seeded demo edition, and an emulated Moodle beside them (the demo's
# own application, deploy/target/demo/moodle-demo.war; production never deploys it). Ctrl-C stops it.
#   PORT=8080 (default) deploy/run-demo.sh      (MOODLE_PORT: the emulated Moodle's, on 127.0.0.1; a free one by default)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8080}"
DATA_DIR="${CSEC_DATA_DIR:-$PWD/data}"
DEMO_PASSWORD="${CSEC_DEMO_PASSWORD:-demo-password-2027}"
ADMIN_PASSWORD="${CSEC_ADMIN_PASSWORD:-demo-password-2027}"

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "Building (tests skipped; 'mvn -B verify' runs them)..."
  mvn -B -q -DskipTests package
fi

RUNTIME=deploy/target/runtime
DEMO=deploy/target/demo
mkdir -p "$DATA_DIR"
umask 077
SERVICE_TOKEN=$(head -c24 /dev/urandom | od -An -tx1 | tr -d ' \n')
# The emulated Moodle listens on 127.0.0.1 only, on a port nothing answers on (so several demos can run at once).
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "No free port found for the emulated Moodle: set MOODLE_PORT." >&2; return 1
}
MOODLE_PORT="${MOODLE_PORT:-$(free_port)}"
MOODLE_TOKEN=$(head -c16 /dev/urandom | od -An -tx1 | tr -d ' \n')
PROPERTIES=deploy/target/demo-$PORT.properties
# course-service talks to the emulated Moodle as to a real one (csec.moodle.*); its demo edition uses the demo
# course, 2, and its face-to-face activity, 3, which the emulated Moodle checks it made (DemoCourse).
cat > "$PROPERTIES" <<PROPS
csec.data.dir=$DATA_DIR
csec.demo.seed=true
csec.demo.moodle.port=$MOODLE_PORT
csec.demo.moodle.token=$MOODLE_TOKEN
csec.demo.moodle.course-id=2
csec.demo.moodle.face-to-face-activity-id=3
csec.moodle.url=http://127.0.0.1:$MOODLE_PORT
csec.moodle.token=$MOODLE_TOKEN
csec.outbox.interval-seconds=2
csec.service.token=$SERVICE_TOKEN
csec.certificates.url=http://127.0.0.1:$PORT/certificates
csec.course.url=http://127.0.0.1:$PORT/course
csec.public.url=http://localhost:$PORT
csec.iin.signatory.name=Laura Leader
csec.iin.signatory.title=Coordinadora del curso
csec.iin.signatory.institution=Instituto Interamericano del Niño, la Niña y Adolescentes (IIN-OEA)
csec.demo.password=$DEMO_PASSWORD
csec.admin.username=admin
csec.admin.password=$ADMIN_PASSWORD
PROPS

# Payara Micro keeps the applications it ran in its folder's configuration and would load those old copies before
# deploying the WARs again: the demo starts from a new folder (the data stays in $DATA_DIR).
rm -rf "deploy/target/payara-root-$PORT"
# The services' libraries go in Payara's lib folder, as deploy/start.sh puts them (the WARs are without them).
mkdir -p "deploy/target/payara-root-$PORT/lib"
cp "$RUNTIME"/lib/*.jar "deploy/target/payara-root-$PORT/lib/"
java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx512m -jar "$RUNTIME/payara-micro.jar" \
  --nohazelcast --port "$PORT" --rootdir "deploy/target/payara-root-$PORT" \
  --systemProperties "$PROPERTIES" \
  --deploy "$DEMO/moodle-demo.war:/moodle-demo" \
  --deploy "$RUNTIME/course-service.war:/course" \
  --deploy "$RUNTIME/certificate-service.war:/certificates" \
  > "deploy/target/payara-$PORT.log" 2>&1 &
PAYARA=$!
trap 'kill $PAYARA 2>/dev/null; wait $PAYARA 2>/dev/null' EXIT INT TERM

echo "Starting on port $PORT (log: deploy/target/payara-$PORT.log)..."
# Ready once both services are deployed: readiness lists the checks of the applications deployed so far.
ready() { curl -sf "http://127.0.0.1:$PORT/health/ready" 2>/dev/null | grep -q certificate-database; }
for _ in $(seq 1 120); do
  if ready; then break; fi
  if ! kill -0 $PAYARA 2>/dev/null; then echo "Payara Micro stopped; see deploy/target/payara-$PORT.log"; exit 1; fi
  sleep 1
done
ready || { echo "Not ready after 120 s; see deploy/target/payara-$PORT.log"; exit 1; }

cat <<BANNER

  The CSEC course manager is running, with the demo edition 2027-1 (AR, UY, MX; Uruguay has a waitlist),
  and an emulated Moodle beside the services (no real Moodle needed): accepted participants are enrolled in
  it within seconds. A learner completes the course there with
    curl -X POST http://localhost:$PORT/moodle-demo/users/{moodleUserId}/complete-course
  (the participant's moodleUserId is in the course API; from this machine only).

  Pages           http://localhost:$PORT/course/   (sign in with a demo account below)
  Verification    http://localhost:$PORT/certificates/verify/
  Course API      http://localhost:$PORT/course/api/v1/editions
  Certificates    http://localhost:$PORT/certificates/api/v1/schema
  API document    http://localhost:$PORT/openapi
  Health          http://localhost:$PORT/health        Metrics  http://localhost:$PORT/metrics

  Demo accounts (password: $DEMO_PASSWORD)
    admin      administrator           leader     IIN course leader
    coord.ar   coordinator, Argentina  coord.uy   coordinator, Uruguay   coord.mx  coordinator, Mexico
    sign.ar    signatory, Argentina    sign.uy    signatory, Uruguay

  Try:  curl -u coord.uy:$DEMO_PASSWORD http://localhost:$PORT/course/api/v1/editions/2027-1/agreements/UY/nominations
        curl -u leader:$DEMO_PASSWORD http://localhost:$PORT/course/api/v1/editions/2027-1/moodle-sync

  Data is kept in $DATA_DIR (delete it to start again). Ctrl-C stops the service.
BANNER
wait $PAYARA
