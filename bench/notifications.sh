#!/usr/bin/env bash
# Notification benchmark: 420,000 citizens with an income reminder due. Time from the reminder scheduler's start
# until a local fake FCM server has accepted every push (real Firebase Admin SDK, embedded MariaDB), with a check for
# duplicates and losses, and peak memory. First run seeds the citizens (kept in bench/results/notifications-db).
#
#   bench/notifications.sh                      # 420,000 citizens, 4 dispatcher loops
#   CITIZENS=50000 DISPATCHERS=2 bench/notifications.sh
#
# Needs: JDK 17+. Prints the numbers; docs/benchmarks.md records them by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
# One reactor build of the backend and the modules it needs (-am): works on a fresh clone with an empty local Maven
# repository, installs nothing; the sibling modules come from their target/classes.
./mvnw -q -B -DskipTests -pl backend -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
CP="backend/target/test-classes:backend/target/classes:$(cat backend/target/bench-classpath.txt)"
exec java ${JAVA_OPTS:--Xmx1g} -cp "$CP" nl.bijstandsportaal.bench.NotificationBenchmark
