#!/bin/sh
# Prints map-layers' test classpath (test-classes:classes:dependencies) for the bench scripts, offline-safe:
# runs one small test and reads the class path surefire used from its report.
#   test-classpath.sh [MAVEN_REPO]       (run from the repository root)
set -eu
repo=${1:-$HOME/.m2/repository}
mvn -B -ntp -q -o -Dmaven.repo.local="$repo" -pl map-layers test -Dtest=TileKeyTest >/dev/null
grep -o 'name="surefire.test.class.path" value="[^"]*"' map-layers/target/surefire-reports/TEST-cn.tongguan.map.internal.TileKeyTest.xml \
    | sed 's/.*value="//; s/"$//'
