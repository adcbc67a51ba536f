#!/usr/bin/env bash
# Starts both services on one Payara Micro as production runs them (systemd/csec.service; the benchmark too).
#   start.sh RUNTIME ROOTDIR [more Payara Micro options, e.g. --logProperties /opt/csec/logging.properties]
# RUNTIME holds payara-micro.jar, the two WARs and lib/, their libraries (deploy/target/runtime, copied to /opt/csec);
# ROOTDIR is Payara Micro's own writable directory (/var/lib/csec/payara). From the environment: PORT (8080),
# JAVA_OPTS (added).
#
# A start loads some 30 000 classes, which was a quarter of its CPU time. So the first start after an install or
# an upgrade (of Payara Micro or of Java) first starts the services once and stops them (Payara's --warmup), while
# Java records those classes in a class-data-sharing archive; later starts map the archive instead of reading and
# checking each class again (deploy/README.md, "Start-up"). The JVM refuses an archive that no longer matches its
# own version or the jars it was made from, so before each start Java is asked whether it would use the archive,
# and a refused one is made again.
set -euo pipefail
[ $# -ge 2 ] || { echo "Usage: $0 RUNTIME ROOTDIR [Payara Micro options]"; exit 2; }
RUNTIME=$1
ROOTDIR=$2
shift 2
LAUNCHER=$ROOTDIR/launch-micro.jar
ARCHIVE=$ROOTDIR/classes.jsa
# The JSON provider is named once: else Payara's JSON log formatter looks it up for every line (README, "Logs").
JVM=(-Xmx512m -XX:+UseSerialGC -Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl ${JAVA_OPTS:-})
PAYARA=(--nohazelcast --port "${PORT:-8080}" "$@"
  --deploy "$RUNTIME/course-service.war:/course" --deploy "$RUNTIME/certificate-service.war:/certificates")

# A launcher bound to ROOTDIR puts Payara's classes on the class path of Java's own class loader, the only
# one whose classes this Java archives; remade, with Payara's configuration, when payara-micro.jar is newer.
if [ ! "$LAUNCHER" -nt "$RUNTIME/payara-micro.jar" ]; then
  rm -rf "$ROOTDIR/config"
  java -jar "$RUNTIME/payara-micro.jar" --rootdir "$ROOTDIR" --outputlauncher
  cp "$ROOTDIR/config/domain.xml" "$ROOTDIR/domain.xml.initial"
fi
# Payara Micro writes the applications it deploys into its configuration and would load those old copies at the
# next start, before deploying the WARs again: each start (and the warm-up) begins from Payara's own.
restore_configuration() { cp "$ROOTDIR/domain.xml.initial" "$ROOTDIR/config/domain.xml"; }
restore_configuration
# The libraries of both services, one copy each, in Payara's lib folder: Payara reads every class of every jar in a
# WAR at each deployment, and these were most of it (deploy/README.md, "Start-up"). Replaced at each start, so an
# upgrade leaves no old copy behind.
rm -f "$ROOTDIR"/lib/*.jar
cp "$RUNTIME"/lib/*.jar "$ROOTDIR/lib/"
if ! java -Xshare:on -XX:SharedArchiveFile="$ARCHIVE" "${JVM[@]}" -cp "$LAUNCHER" -version >/dev/null 2>&1; then
  echo "Preparing quicker starts: starting the services once to record the classes they load (about a minute)."
  rm -f "$ARCHIVE"
  # A failed warm-up only costs the quicker start: the services start all the same, and the next start retries.
  # (Java's notes on the thousand or so classes it cannot archive are left out of the log.)
  java -XX:ArchiveClassesAtExit="$ARCHIVE" -Xlog:cds*=error "${JVM[@]}" -jar "$LAUNCHER" "${PAYARA[@]}" --warmup \
    || echo "The warm-up failed (see above); starting without the archive."
  restore_configuration
fi
exec java -XX:SharedArchiveFile="$ARCHIVE" "${JVM[@]}" -jar "$LAUNCHER" "${PAYARA[@]}"
