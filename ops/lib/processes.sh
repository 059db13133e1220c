# Shared by ops/kafka/kafka.sh and ops/cluster/cluster.sh (sourced; the caller defines say and die).

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# port_taken PORT PID_FILE: port_in_use, but when PID_FILE is there (our process holding the port ended without being
# stopped: killed, crashed) first give it the moment the kernel needs to tear it down. After kill -9 a big JVM is
# gone from ps at once but its other threads take a moment longer to exit, and its ports are free only then (about a
# second measured for a TaskManager that ran a job); so wait up to BORDERFLOW_PORT_RELEASE_WAIT seconds (default 15)
# before taking the port for someone else's.
port_taken() {
  local port="$1" pid_file="$2"
  [[ -f "$pid_file" ]] || { port_in_use "$port"; return; }
  local deadline=$((SECONDS + ${BORDERFLOW_PORT_RELEASE_WAIT:-15}))
  while port_in_use "$port"; do
    (( SECONDS < deadline )) || return 0
    sleep 0.2
  done
  return 1
}

# fetch_maven_jars POM LIB LOG_DIR WHAT: the dependencies of POM copied from Maven Central into LIB, once. The marker
# is written last, so an interrupted download is fetched again.
fetch_maven_jars() {
  local pom="$1" lib="$2" logs="$3" what="$4"
  [[ -f "$lib/.complete" ]] && return
  command -v mvn >/dev/null 2>&1 || die "mvn not found; it fetches the $what jars (apt-get install maven)"
  mkdir -p "$lib" "$logs"
  say "fetching the $what jars from Maven Central into $lib ..."
  if ! mvn -q -B -f "$pom" dependency:copy-dependencies -DoutputDirectory="$lib" > "$logs/fetch.log" 2>&1; then
    rm -rf "$lib"
    tail -20 "$logs/fetch.log" >&2
    die "could not fetch the $what jars (log: $logs/fetch.log)"
  fi
  touch "$lib/.complete"
}
