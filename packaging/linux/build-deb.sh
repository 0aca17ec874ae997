#!/usr/bin/env bash
# Builds a Debian package of the console: jlink trims a Java runtime to the modules the console needs,
# jpackage wraps it with the console's jars (JavaFX jars from Maven on the class path) into a .deb.
# Run through `./dev package` (which installs fakeroot); output: target/package/tongguan-console_*.deb
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/package
rm -rf "$out" && mkdir -p "$out/input"
version=$(sed -n "0,/<version>/s#.*<version>\(.*\)</version>.*#\1#p" pom.xml)
app_version=${version%%-*}   # jpackage wants digits only

mvn -B -ntp -q -DskipTests -pl console -am install
mvn -B -ntp -q -pl console dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$PWD/$out/input"
cp "console/target/tongguan-console-$version.jar" "$out/input/"

# Modules the jars use, as jdeps sees them, plus what is reached by reflection or service loading
# (jdk.crypto.ec for TLS to a city's HTTPS platform, jdk.localedata for Chinese formats).
mods=$(jdeps -q --multi-release 17 --ignore-missing-deps --print-module-deps --class-path "$out/input/*" \
       "$out/input/tongguan-console-$version.jar" 2>/dev/null || true)
mods="${mods:+$mods,}java.base,java.desktop,java.logging,java.naming,java.net.http,java.sql,java.xml,java.management,jdk.unsupported,jdk.crypto.ec,jdk.localedata,jdk.charsets,jdk.zipfs"
jlink --add-modules "$mods" --strip-debug --no-header-files --no-man-pages --compress=2 --output "$out/runtime"

jpackage --type deb \
  --name tongguan-console --app-version "$app_version" \
  --vendor "Tongguan" --description "统管 — 城市运行管理服务平台指挥大厅控制台 (Tongguan command-hall console)" \
  --input "$out/input" --main-jar "tongguan-console-$version.jar" --main-class cn.tongguan.console.ConsoleLauncher \
  --runtime-image "$out/runtime" \
  --java-options "-Dfile.encoding=UTF-8 -Xmx2g" \
  --linux-package-name tongguan-console --linux-app-category misc --linux-menu-group "Office" --linux-shortcut \
  --linux-deb-maintainer "dev@tongguan.cn" \
  --dest "$out"
ls -l "$out"/*.deb
