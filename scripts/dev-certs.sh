#!/usr/bin/env bash
# Generates the development certificates for the Node 1 <-> Node 2 mutual TLS link, once.
#   scripts/dev-certs.sh DIR
# Writes DIR/node1.p12 + DIR/node1.crt (Node 1's client identity) and DIR/node2.p12 + DIR/node2.crt
# (Node 2's server identity, valid for localhost and 127.0.0.1). Each node trusts exactly the other's
# certificate (pinning), so no CA is involved. Never commit these files: they are made per machine.
set -euo pipefail
dir=${1:?usage: dev-certs.sh DIR}
password=${PLANBOK_TLS_PASSWORD:-planbok-dev}
mkdir -p "$dir"
make_identity() {
  local name=$1 ext=$2
  [ -f "$dir/$name.p12" ] && [ -f "$dir/$name.crt" ] && return 0
  rm -f "$dir/$name.p12" "$dir/$name.crt"
  keytool -genkeypair -alias "$name" -keyalg EC -groupname secp256r1 -sigalg SHA256withECDSA \
    -dname "CN=planbok-$name,O=Planbok development" -validity 825 $ext \
    -keystore "$dir/$name.p12" -storetype PKCS12 -storepass "$password" -keypass "$password" >/dev/null 2>&1
  keytool -exportcert -rfc -alias "$name" -keystore "$dir/$name.p12" -storepass "$password" \
    -file "$dir/$name.crt" >/dev/null 2>&1
  echo "dev-certs: made $dir/$name.p12 and $dir/$name.crt"
}
make_identity node1 "-ext EKU=clientAuth"
make_identity node2 "-ext SAN=dns:localhost,ip:127.0.0.1 -ext EKU=serverAuth"
chmod 600 "$dir"/*.p12
