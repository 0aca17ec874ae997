#!/usr/bin/env bash
# Sign-in timing (docs/benchmarks.md, "Identity"): known user with a wrong password vs unknown user vs good sign-in,
# and Argon2id vs the earlier PBKDF2, in the same run. Not part of `mvn verify`.
#   platform/scripts/bench-sign-in.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -ntp -q -pl platform -am test-compile -DskipTests
mvn -B -ntp -q -pl platform dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
cp="platform/target/test-classes:platform/target/classes:api/target/classes:$(cat platform/target/bench-classpath.txt)"
exec java -Xmx1g -cp "$cp" cn.tongguan.platform.auth.SignInBench "$@"
