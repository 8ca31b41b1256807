#!/usr/bin/env bash
# Starts and stops Planbok's two application servers: Payara Server with planbok.ear (Node 1) and
# Payara Micro with planbok-node2.war (Node 2). Used by scripts/run.sh and by the integration tests.
#
#   scripts/servers.sh start|stop|start-node1|stop-node1|start-node2|stop-node2|kill-node2|status
#
# Settings (environment):
#   PLANBOK_DIST   folder with payara-*.zip, payara-micro.jar, planbok.ear, planbok-node2.war
#   PLANBOK_HOME   folder for the unpacked server, Micro's runtime, logs and pid files
#   PLANBOK_DATA   folder for certificates, H2 database files, Node 2's development master key
#                  (<data>/node2/master.key) and Node 1's database key (<data>/node1/database.key),
#                  each made once, mode 600; kept across runs, never committed
#   PLANBOK_NODE1_DATABASE_KEY or _FILE  Node 1's database key (base64 of 32 bytes, or a file
#                  holding it); by default <data>/node1/database.key
#   PLANBOK_NODE2_MASTER_KEY or _FILE    Node 2's master key; by default <data>/node2/master.key
#   PLANBOK_DB     h2 (default) or postgres
#   PLANBOK_PG_DB_PREFIX  with postgres: databases <prefix>_node1 and <prefix>_node2 (default planbok)
#   PLANBOK_PG_RESET      with postgres: 1 drops and recreates both databases at start
#   PLANBOK_DEPLOY_EAR    0 leaves the EAR to someone else (Arquillian deploys it in the tests);
#                  registered restarts Node 1 with the EAR it already has (the tests' restarts)
#   PLANBOK_OPERATOR_TOKEN_SHA256  the operator token's SHA-256 (hex); by default a development token
#                  is made once in $PLANBOK_DATA/operator-token (mode 600) and its hash passed
#   PLANBOK_NODE1_HTTP (8080) PLANBOK_NODE1_ADMIN (4848) PLANBOK_NODE2_HTTP (8380) PLANBOK_NODE2_GRPC (50051)
#   PLANBOK_NODE2_HTTP_ADDRESS  where Node 2's HTTP port (health) listens, default 127.0.0.1 (loopback
#                  only); 0.0.0.0 for every interface, e.g. for a health check from another host
# -E: the start's ERR trap must also fire for a command failing inside a function (all of them
# are), or a failed deploy leaves both servers running.
set -Eeuo pipefail

here=$(cd "$(dirname "$0")" && pwd)
: "${PLANBOK_DIST:?set PLANBOK_DIST}" "${PLANBOK_HOME:?set PLANBOK_HOME}" "${PLANBOK_DATA:?set PLANBOK_DATA}"
db=${PLANBOK_DB:-h2}
node1_http=${PLANBOK_NODE1_HTTP:-8080}
node1_admin=${PLANBOK_NODE1_ADMIN:-4848}
node2_http=${PLANBOK_NODE2_HTTP:-8380}
node2_grpc=${PLANBOK_NODE2_GRPC:-50051}
node2_http_address=${PLANBOK_NODE2_HTTP_ADDRESS:-127.0.0.1}
tls_password=${PLANBOK_TLS_PASSWORD:-planbok-dev}
mkdir -p "$PLANBOK_HOME/logs" "$PLANBOK_DATA"
PLANBOK_HOME=$(cd "$PLANBOK_HOME" && pwd)
PLANBOK_DATA=$(cd "$PLANBOK_DATA" && pwd)
PLANBOK_DIST=$(cd "$PLANBOK_DIST" && pwd)
certs=$PLANBOK_DATA/certs
payara=$PLANBOK_HOME/payara6
node2_pid=$PLANBOK_HOME/node2.pid
node2_log=$PLANBOK_HOME/logs/node2.log
operator_token=$PLANBOK_DATA/operator-token

log() { echo "[planbok] $*"; }
asadmin() { java -jar "$payara/glassfish/modules/admin-cli.jar" --port "$node1_admin" "$@"; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_ready() { # name url seconds [a health check the application must have reported]
  local name=$1 url=$2 seconds=$3 check=${4:-} body=""
  for ((i = 0; i < seconds; i++)); do
    body=$(curl -s --max-time 5 "$url" || true)
    # Naming one of the application's own checks waits for the application, not only the server.
    if [[ $body == *'"status":"UP"'* ]] \
      && { [ -z "$check" ] || grep -Eq "\"name\" *: *\"$check\"" <<<"$body"; }; then
      log "$name is ready ($url)"
      return 0
    fi
    sleep 1
  done
  log "$name did not become ready within ${seconds}s at $url; last answer: ${body:-none}" >&2
  return 1
}

wait_serving() { # name url seconds: the application's own page answers 200
  local name=$1 url=$2 seconds=$3 code=""
  for ((i = 0; i < seconds; i++)); do
    code=$(curl -s -o /dev/null --max-time 5 -w '%{http_code}' "$url" || true)
    [ "$code" = 200 ] && return 0
    sleep 1
  done
  log "$name did not serve $url within ${seconds}s; last status: ${code:-none}" >&2
  return 1
}

# Node 1 with its application: its own node2 health check (the server answers UP with no checks
# while it still loads an EAR at start-up), then its page (503 until the web module is in place).
node1_ready() {
  wait_ready "Node 1" "http://127.0.0.1:$node1_http/health/ready" 120 node2
  wait_serving "Node 1" "http://127.0.0.1:$node1_http/" 120
}

# A development key: base64 of 32 random bytes, made once, readable only by us; prints its path.
# Node 2's master key seals its shares; Node 1's database key keys its fingerprints and seals its
# chain codes. Losing one makes what it protects unreadable, so for development each lives beside
# the data it protects (a backup of <data> must never be given away whole). Production passes its
# own keys (PLANBOK_NODE2_MASTER_KEY[_FILE], PLANBOK_NODE1_DATABASE_KEY[_FILE], ideally from a KMS).
dev_key() { # node file description
  local file=$PLANBOK_DATA/$1/$2
  if [ ! -s "$file" ]; then
    mkdir -p "$PLANBOK_DATA/$1"
    (umask 077 && head -c 32 /dev/urandom | base64 >"$file.tmp" && mv "$file.tmp" "$file")
    log "made $3 $file" >&2
  fi
  chmod 600 "$file"
  echo "$file"
}

wait_log_line() { # name file pattern seconds [offset: only lines written after this many bytes]
  local name=$1 file=$2 pattern=$3 seconds=$4 offset=${5:-0}
  for ((i = 0; i < seconds; i++)); do
    tail -c +$((offset + 1)) "$file" 2>/dev/null | grep -q -E "$pattern" && return 0
    sleep 1
  done
  log "$name did not finish starting within ${seconds}s (see $file)" >&2
  return 1
}

prepare() {
  "$here/dev-certs.sh" "$certs" >/dev/null
  if [ ! -d "$payara" ]; then
    log "unpacking Payara Server into $PLANBOK_HOME"
    unzip -q -o "$(ls "$PLANBOK_DIST"/payara-*.zip | head -n 1)" -d "$PLANBOK_HOME"
    # Explicit, small heap and the serial collector: two servers share 2 cores and must stay under
    # 1.5 GB resident together when idle.
    sed -i 's#<jvm-options>-Xmx512m</jvm-options>#<jvm-options>-Xms128m</jvm-options><jvm-options>-Xmx512m</jvm-options><jvm-options>-XX:+UseSerialGC</jvm-options><jvm-options>-XX:MaxMetaspaceSize=1024m</jvm-options><jvm-options>-XX:ReservedCodeCacheSize=128m</jvm-options>#' \
      "$payara/glassfish/domains/domain1/config/domain.xml"
  fi
  # Every Arquillian test class redeploys the EAR and each redeployment leaves ~15 MB of class
  # metadata behind; 384 MB ran out after about 21 deployments (OutOfMemoryError: Metaspace,
  # "Could not deploy planbok.ear"). The limit only caps growth; idle use stays near 200 MB.
  sed -i 's#-XX:MaxMetaspaceSize=384m#-XX:MaxMetaspaceSize=1024m#' \
    "$payara/glassfish/domains/domain1/config/domain.xml"
  # /openapi's filter (docs/api.md): Payara looks for the exact name mp.openapi.filter while it
  # deploys, where neither the application's microprofile-config.properties nor an environment
  # variable (MP_OPENAPI_FILTER) is found: a system property is.
  grep -q -- '-Dmp.openapi.filter=' "$payara/glassfish/domains/domain1/config/domain.xml" ||
    sed -i 's#<jvm-options>-XX:MaxMetaspaceSize=1024m</jvm-options>#&<jvm-options>-Dmp.openapi.filter=org.planbok.web.openapi.OpenApiConventions</jvm-options>#' \
      "$payara/glassfish/domains/domain1/config/domain.xml"
  # Neither Server nor X-Powered-By names the server, its version or the JDK (asadmin would need a
  # running server; the file is edited before each start, so older unpacked homes get it too).
  # Payara writes the attributes in either order; lines that already say xpowered-by are left alone.
  sed -i '/xpowered-by=/! s#<http \([^>]*\)default-virtual-server="server"\([^>]*\)>#<http \1default-virtual-server="server"\2 xpowered-by="false" server-header="false">#' \
    "$payara/glassfish/domains/domain1/config/domain.xml"
  # Payara's own /metrics answered anyone (the JVM, the server, Planbok's latencies): it moves to
  # /payara-metrics behind a role nobody is given, and the web module serves /metrics to the operator
  # token (OperatorMetrics).
  grep -q 'endpoint="payara-metrics"' "$payara/glassfish/domains/domain1/config/domain.xml" ||
    sed -i 's#<config name="server-config">#<config name="server-config">\n      <microprofile-metrics-configuration endpoint="payara-metrics" security-enabled="true"></microprofile-metrics-configuration>#' \
      "$payara/glassfish/domains/domain1/config/domain.xml"
  if [ "$db" = postgres ]; then
    "$here/ensure-postgres.sh"
    local prefix=${PLANBOK_PG_DB_PREFIX:-planbok}
    for node in node1 node2; do
      local name=${prefix}_$node role=planbok_$node
      psql -q -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 >/dev/null <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN PASSWORD '$role';
  END IF;
END \$\$;
SQL
      if [ "${PLANBOK_PG_RESET:-0}" = 1 ]; then
        psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null
      fi
      if ! psql -tA -h 127.0.0.1 -U postgres -d postgres -c "SELECT 1 FROM pg_database WHERE datname='$name'" | grep -q 1; then
        psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $name OWNER $role" >/dev/null
        psql -q -h 127.0.0.1 -U postgres -d postgres -c "REVOKE ALL ON DATABASE $name FROM PUBLIC" >/dev/null
      fi
    done
  fi
}

# A development operator token, made once and readable by its owner only. Node 1 gets its SHA-256,
# never the token; scripts/planbok-admin.sh reads the file to call the operator API.
ensure_operator_token() {
  if [ ! -s "$operator_token" ]; then
    (umask 077 && printf 'pbk_op_%s' "$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')" >"$operator_token")
    log "made a development operator token in $operator_token"
  fi
  chmod 600 "$operator_token"
}

db_env() { # node
  local node=$1 upper
  upper=$(echo "$1" | tr '[:lower:]' '[:upper:]')
  if [ "$db" = postgres ]; then
    local prefix=${PLANBOK_PG_DB_PREFIX:-planbok}
    export "PLANBOK_${upper}_DB_DATASOURCE_CLASS=org.postgresql.ds.PGSimpleDataSource"
    export "PLANBOK_${upper}_DB_URL=jdbc:postgresql://127.0.0.1:5432/${prefix}_$node"
    export "PLANBOK_${upper}_DB_USER=planbok_$node"
    export "PLANBOK_${upper}_DB_PASSWORD=planbok_$node"
  else
    mkdir -p "$PLANBOK_DATA/$node"
    export "PLANBOK_${upper}_DB_DATASOURCE_CLASS=org.h2.jdbcx.JdbcDataSource"
    export "PLANBOK_${upper}_DB_URL=jdbc:h2:file:$PLANBOK_DATA/$node/planbok-$node;DB_CLOSE_ON_EXIT=FALSE"
    export "PLANBOK_${upper}_DB_USER=planbok"
    export "PLANBOK_${upper}_DB_PASSWORD=planbok-$node"
  fi
}

start_node2() {
  if [ -f "$node2_pid" ] && kill -0 "$(cat "$node2_pid")" 2>/dev/null; then
    log "Node 2 already running (pid $(cat "$node2_pid"))"
    return 0
  fi
  for p in "$node2_http" "$node2_grpc"; do
    port_free "$p" || { log "port $p is taken: is another Planbok running? (scripts/servers.sh stop)" >&2; return 1; }
  done
  local log_offset
  log_offset=$(stat -c %s "$node2_log" 2>/dev/null || echo 0)
  (
    db_env node2
    export PLANBOK_NODE2_GRPC_PORT=$node2_grpc
    export PLANBOK_NODE2_TLS_KEY_STORE=$certs/node2.p12
    export PLANBOK_NODE2_TLS_KEY_STORE_PASSWORD=$tls_password
    export PLANBOK_NODE2_TLS_TRUSTED_CLIENT_CERTIFICATE=$certs/node1.crt
    if [ -z "${PLANBOK_NODE2_MASTER_KEY:-}" ] && [ -z "${PLANBOK_NODE2_MASTER_KEY_FILE:-}" ]; then
      PLANBOK_NODE2_MASTER_KEY_FILE=$(dev_key node2 master.key "Node 2's development master key")
      export PLANBOK_NODE2_MASTER_KEY_FILE
    fi
    mkdir -p "$PLANBOK_HOME/node2-runtime"
    # Node 2's HTTP port (health only) listens on loopback unless told otherwise, and names no
    # server or version. Micro applies these before it boots.
    cat >"$PLANBOK_HOME/node2-preboot.asadmin" <<PREBOOT
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=$node2_http_address
set configs.config.server-config.network-config.protocols.protocol.http-listener.http.xpowered-by=false
set configs.config.server-config.network-config.protocols.protocol.http-listener.http.server-header=false
PREBOOT
    # The log is appended to, so that what Node 2 wrote before a restart stays readable.
    # Own process group, so stop-node2 ends Micro and nothing else.
    setsid nohup java -Xms64m -Xmx320m -XX:MaxMetaspaceSize=256m -XX:+UseSerialGC \
      -jar "$PLANBOK_DIST/payara-micro.jar" --nocluster --nohazelcast --port "$node2_http" \
      --rootDir "$PLANBOK_HOME/node2-runtime" --contextroot / \
      --prebootcommandfile "$PLANBOK_HOME/node2-preboot.asadmin" \
      --deploy "$PLANBOK_DIST/planbok-node2.war" >>"$node2_log" 2>&1 &
    echo $! >"$node2_pid"
  )
  log "Node 2 starting on Payara Micro (pid $(cat "$node2_pid"), log $node2_log)"
  # Payara Micro starts the application, stops it and starts it again while it deploys (its gRPC
  # server listens, stops, listens), and health may answer UP in between: wait for Micro's own
  # "ready" line first, then for the application's readiness.
  wait_log_line "Node 2" "$node2_log" "Payara Micro .* ready in" 180 "$log_offset"
  wait_ready "Node 2" "http://127.0.0.1:$node2_http/health/ready" 120
}

stop_node2() { # signal
  local signal=${1:-TERM}
  if [ -f "$node2_pid" ]; then
    local pid
    pid=$(cat "$node2_pid")
    if kill -0 "$pid" 2>/dev/null; then
      kill "-$signal" "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -KILL "$pid" 2>/dev/null || true
      log "Node 2 stopped (pid $pid, SIG$signal)"
    fi
    rm -f "$node2_pid"
  fi
}

start_node1() {
  for p in "$node1_http" "$node1_admin"; do
    port_free "$p" || { log "port $p is taken: is another Payara running? (scripts/servers.sh stop)" >&2; return 1; }
  done
  (
    db_env node1
    export PLANBOK_NODE2_TARGET=127.0.0.1:$node2_grpc
    export PLANBOK_NODE1_TLS_KEY_STORE=$certs/node1.p12
    export PLANBOK_NODE1_TLS_KEY_STORE_PASSWORD=$tls_password
    export PLANBOK_NODE1_TLS_NODE2_CERTIFICATE=$certs/node2.crt
    if [ -z "${PLANBOK_NODE1_DATABASE_KEY:-}" ] && [ -z "${PLANBOK_NODE1_DATABASE_KEY_FILE:-}" ]; then
      PLANBOK_NODE1_DATABASE_KEY_FILE=$(dev_key node1 database.key "Node 1's development database key")
      export PLANBOK_NODE1_DATABASE_KEY_FILE
    fi
    if [ -z "${PLANBOK_OPERATOR_TOKEN_SHA256:-}" ]; then
      ensure_operator_token
      PLANBOK_OPERATOR_TOKEN_SHA256=$(sha256sum <"$operator_token" | cut -d' ' -f1)
      export PLANBOK_OPERATOR_TOKEN_SHA256
    fi
    log "Node 1 starting on Payara Server (log $payara/glassfish/domains/domain1/logs/server.log)"
    asadmin start-domain domain1 >/dev/null
  )
  local registered=0
  asadmin list-applications 2>/dev/null | grep -q '^planbok ' && registered=1
  if [ "${PLANBOK_DEPLOY_EAR:-1}" = registered ] && [ $registered = 1 ]; then
    # A restart: the server loaded the application it had at start-up, in a fresh JVM.
    log "Node 1 restarted with the planbok.ear it had"
    node1_ready
  elif [ "${PLANBOK_DEPLOY_EAR:-1}" != 0 ]; then
    if [ $registered = 1 ]; then
      # Deploying over an application loaded in the same JVM can leave EclipseLink holding the old
      # classes (EclipseLink-28019, NoClassDefFoundError on an entity) until the server restarts,
      # so the old one goes first and the new one lands in a fresh JVM.
      asadmin undeploy planbok >/dev/null && log "undeployed the planbok.ear a previous run left"
      asadmin restart-domain domain1 >/dev/null
    fi
    log "deploying planbok.ear"
    asadmin deploy --name planbok "$PLANBOK_DIST/planbok.ear" >/dev/null
    node1_ready
  else
    # start-domain returns once the server accepts admin commands; Arquillian deploys the EAR, and
    # refuses to when a run that deployed it (scripts/run.sh on this home) left it registered.
    if [ $registered = 1 ]; then
      asadmin undeploy planbok >/dev/null && log "undeployed the planbok.ear a previous run left"
    fi
    log "Node 1 is up without an application (it will be deployed by the tests)"
  fi
}

stop_node1() {
  if [ -d "$payara" ]; then
    asadmin stop-domain domain1 >/dev/null 2>&1 && log "Node 1 stopped" || true
  fi
}

case ${1:-} in
  start)
    prepare
    trap 'trap - ERR; log "start failed: stopping what was started"; stop_node1; stop_node2; exit 1' ERR
    start_node2
    start_node1
    trap - ERR
    ;;
  stop) stop_node1; stop_node2 ;;
  start-node1) start_node1 ;;
  stop-node1) stop_node1 ;;
  start-node2) start_node2 ;;
  stop-node2) stop_node2 TERM ;;
  kill-node2) stop_node2 KILL ;;
  status)
    curl -s "http://127.0.0.1:$node1_http/health/ready"; echo
    curl -s "http://127.0.0.1:$node2_http/health/ready"; echo
    ;;
  *) echo "usage: $0 start|stop|start-node1|stop-node1|start-node2|stop-node2|kill-node2|status" >&2; exit 2 ;;
esac
