#!/usr/bin/env bash
# Builds okx-store.jar with plain javac + jar, and runs its tests, benchmarks or the jar itself.
#   ./build.sh            build okx-store.jar (only when a source changed)
#   ./build.sh test       build, compile test/ and run every JUnit 5 test
#   ./build.sh bench      build and run the benchmarks (bench/results.json)
#   ./build.sh run ARGS   build and run the jar with the JDK the build found
#   ./build.sh java ARGS  run the found JDK's java (used by the Makefile and CI)
#   ./build.sh fetch-libs (re)fetch lib/ jars with Maven's client, then verify them
#   ./build.sh clean
set -euo pipefail
cd "$(dirname "$0")"

VERSION=0.1.0
SQLITE_JAR=lib/sqlite-jdbc-3.54.1.0.jar
JUNIT_JAR=lib/junit-platform-console-standalone-1.14.4.jar
OUT=build

die() { echo "build.sh: $*" >&2; exit 1; }

# The feature version of a JDK home's javac, or nothing.
jdk_feature() {
  local v
  [ -x "$1/bin/javac" ] && [ -x "$1/bin/java" ] || return 0
  v=$("$1/bin/javac" -version 2>&1 | awk '{print $2}')
  v=${v%%[.+-]*}
  [[ "$v" =~ ^[0-9]+$ ]] && echo "$v"
  return 0
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ]; then
    local f; f=$(jdk_feature "$JAVA_HOME")
    if [ -n "$f" ] && [ "$f" -ge 21 ]; then echo "$JAVA_HOME"; return; fi
  fi
  local best="" bestv=0 d f
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    [ -L "$d" ] && continue
    f=$(jdk_feature "$d")
    if [ -n "$f" ] && [ "$f" -ge 21 ] && [ "$f" -gt "$bestv" ]; then best=$d; bestv=$f; fi
  done
  [ -n "$best" ] || die "no JDK 21 or newer found: set JAVA_HOME to one (found: $(command -v javac || echo none))"
  echo "$best"
}

fetch_libs() {
  command -v mvn >/dev/null || die "lib/ jars are missing or wrong and Maven's client (mvn) is not installed to fetch them"
  local a
  for a in org.xerial:sqlite-jdbc:3.54.1.0 org.junit.platform:junit-platform-console-standalone:1.14.4; do
    mvn -q dependency:copy -Dartifact="$a" -DoutputDirectory=lib >&2 || die "mvn could not fetch $a"
  done
}

verify_libs() {
  if ! (cd lib && sha256sum --quiet -c SHA256SUMS >/dev/null 2>&1); then
    echo "build.sh: lib/ jars missing or not matching lib/SHA256SUMS; fetching them with mvn" >&2
    fetch_libs
    (cd lib && sha256sum --quiet -c SHA256SUMS) || die "lib/ jars do not match lib/SHA256SUMS"
  fi
}

newer_than() { # true when any file under the given paths is newer than $1
  local target=$1; shift
  [ -e "$target" ] || return 0
  [ -n "$(find "$@" -newer "$target" -type f -print -quit 2>/dev/null)" ]
}

JDK=$(find_jdk)
JAVAC="$JDK/bin/javac"
JAVA="$JDK/bin/java"
JAR="$JDK/bin/jar"

build_jar() {
  verify_libs
  newer_than okx-store.jar src lib build.sh || return 0
  rm -rf "$OUT/classes" "$OUT/launcher" "$OUT/stage"
  mkdir -p "$OUT/classes" "$OUT/launcher" "$OUT/stage"
  # The launcher is compiled for an old release so a JDK older than 21 can load it and say so.
  "$JAVAC" --release 8 -Xlint:-options -nowarn -d "$OUT/launcher" src/okxstore/cli/Launcher.java
  find src -name '*.java' ! -path src/okxstore/cli/Launcher.java > "$OUT/sources.txt"
  "$JAVAC" --release 21 -encoding UTF-8 -Xlint:all,-serial,-processing -Werror -d "$OUT/classes" \
    -cp "$SQLITE_JAR" @"$OUT/sources.txt"
  (cd "$OUT/stage" && "$JAR" --extract --file "../../$SQLITE_JAR")
  # Drop sqlite-jdbc's manifest, multi-release and module descriptors: the merged jar is a plain one.
  rm -rf "$OUT/stage/META-INF/MANIFEST.MF" "$OUT/stage/META-INF/versions" "$OUT/stage/module-info.class"
  cp -r "$OUT/classes/." "$OUT/stage/"
  cp -r "$OUT/launcher/." "$OUT/stage/"
  mkdir -p "$OUT/stage/okxstore"
  printf 'version=%s\nsqlite-jdbc=3.54.1.0\n' "$VERSION" > "$OUT/stage/okxstore/version.properties"
  # Checksums of sqlite-jdbc's native libraries, so the command line can cache one and verify it.
  (cd "$OUT/stage" && find org/sqlite/native -type f -print0 | sort -z | xargs -0 sha256sum \
    | awk '{print $2 "=" $1}') > "$OUT/stage/okxstore/native.sha256"
  printf 'Main-Class: okxstore.cli.Launcher\nEnable-Native-Access: ALL-UNNAMED\nImplementation-Title: okx-store\nImplementation-Version: %s\n' \
    "$VERSION" > "$OUT/manifest.txt"
  rm -f okx-store.jar.tmp
  "$JAR" --create --file okx-store.jar.tmp --manifest "$OUT/manifest.txt" -C "$OUT/stage" .
  mv -f okx-store.jar.tmp okx-store.jar
  echo "built okx-store.jar with $JDK" >&2
}

compile_tests() {
  build_jar
  newer_than "$OUT/test-classes/.stamp" test okx-store.jar || return 0
  rm -rf "$OUT/test-classes"
  mkdir -p "$OUT/test-classes"
  find test -name '*.java' > "$OUT/test-sources.txt"
  "$JAVAC" --release 21 -encoding UTF-8 -d "$OUT/test-classes" \
    -cp "okx-store.jar:$JUNIT_JAR" @"$OUT/test-sources.txt"
  touch "$OUT/test-classes/.stamp"
}

run_tests() {
  compile_tests
  local log="$OUT/test-output.txt" rc=0
  "$JAVA" --enable-native-access=ALL-UNNAMED -Dokxstore.jar="$PWD/okx-store.jar" \
    -jar "$JUNIT_JAR" execute --disable-banner --details=tree --details-theme=ascii \
    -cp "$OUT/test-classes:okx-store.jar" --scan-classpath "$OUT/test-classes" \
    --config junit.jupiter.execution.timeout.default=120s --fail-if-no-tests "$@" 2>&1 | tee "$log" || rc=$?
  local passed failed skipped aborted
  passed=$(awk '/tests successful/ {gsub(/[^0-9]/, "", $2); print $2}' "$log" | tail -1)
  failed=$(awk '/tests failed/ {gsub(/[^0-9]/, "", $2); print $2}' "$log" | tail -1)
  skipped=$(awk '/tests skipped/ {gsub(/[^0-9]/, "", $2); print $2}' "$log" | tail -1)
  aborted=$(awk '/tests aborted/ {gsub(/[^0-9]/, "", $2); print $2}' "$log" | tail -1)
  echo "${passed:-0} passed, ${failed:-0} failed, $(( ${skipped:-0} + ${aborted:-0} )) skipped"
  return "$rc"
}

case "${1:-jar}" in
  jar) build_jar ;;
  test) shift; run_tests "$@" ;;
  bench) shift; compile_tests
    exec "$JAVA" --enable-native-access=ALL-UNNAMED -Dokxstore.jar="$PWD/okx-store.jar" \
      -cp "$OUT/test-classes:okx-store.jar" okxstore.bench.BenchMain "$@" ;;
  run) shift; build_jar; exec "$JAVA" -jar okx-store.jar "$@" ;;
  java) shift; exec "$JAVA" "$@" ;;
  jdk) echo "$JDK" ;;
  fetch-libs) fetch_libs; verify_libs ;;
  clean) rm -rf "$OUT" okx-store.jar okx-store.jar.tmp bench/results.json ;;
  *) die "unknown target '$1' (jar, test, bench, run, java, jdk, fetch-libs, clean)" ;;
esac
