#!/usr/bin/env bash
# Operator commands against a running Planbok (Node 1).
#
#   scripts/planbok-admin.sh create-organization NAME [FIRST_KEY_LABEL]
#       creates an organization and its first API key; prints both. The key is shown only here.
#   scripts/planbok-admin.sh create-console-user ORGANIZATION_ID EMAIL
#       creates the organization's first console admin with a generated password, shown only here;
#       the admin signs in at /console/ and changes it, and is told by mail that the operator acted.
#       The operator token makes nothing else: an organization that has its admin gets 409
#       admin-exists, and its admins add every further user in the console.
#
# Settings (environment):
#   PLANBOK_URL                  Node 1's base URL (default http://localhost:8080)
#   PLANBOK_DATA                 data folder with the development operator token (default ./data)
#   PLANBOK_OPERATOR_TOKEN_FILE  the operator token's file (default $PLANBOK_DATA/operator-token)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
url=${PLANBOK_URL:-http://localhost:8080}
token_file=${PLANBOK_OPERATOR_TOKEN_FILE:-${PLANBOK_DATA:-$root/data}/operator-token}

die() { echo "planbok-admin: $*" >&2; exit 1; }

json_string() { # escapes \ and "; refuses control characters, which the API refuses too
  local s=$1
  [[ $s == *[[:cntrl:]]* ]] && die "control characters are not allowed: $s"
  s=${s//\\/\\\\}
  s=${s//\"/\\\"}
  printf '"%s"' "$s"
}

field() { # name json: the first "name":"value" in json
  grep -o "\"$1\":\"[^\"]*\"" <<<"$2" | head -n 1 | cut -d'"' -f4
}

create_organization() {
  local name=$1 label=${2:-initial}
  [ -r "$token_file" ] || die "cannot read the operator token $token_file (start the servers once, or set PLANBOK_OPERATOR_TOKEN_FILE)"
  local body key response status
  body="{\"name\":$(json_string "$name"),\"firstKeyLabel\":$(json_string "$label")}"
  key="create-organization-$(cat /proc/sys/kernel/random/uuid 2>/dev/null || date +%s%N)"
  # The token goes to curl on stdin, so it never appears in a process list.
  response=$(printf 'header = "Authorization: Bearer %s"\n' "$(cat "$token_file")" |
    curl -sS --config - -w '\n%{http_code}' -X POST "$url/api/v1/operator/organizations" \
      -H 'Content-Type: application/json' -H "Idempotency-Key: $key" --data-binary "$body") ||
    die "cannot reach $url"
  status=${response##*$'\n'}
  response=${response%$'\n'*}
  [ "$status" = 201 ] || die "HTTP $status: $response"
  # Views list id first, so the first "id" is the organization's.
  echo "organization  $(field id "$response")"
  echo "name          $(field name "$response")"
  echo "api key       $(field apiKey "$response")"
  echo "              (shown once: store it now; Planbok keeps only its hash)"
}

operator_post() { # path body: prints the body and the HTTP status on its own last line
  [ -r "$token_file" ] || die "cannot read the operator token $token_file (start the servers once, or set PLANBOK_OPERATOR_TOKEN_FILE)"
  local key
  key="planbok-admin-$(cat /proc/sys/kernel/random/uuid 2>/dev/null || date +%s%N)"
  # The token goes to curl on stdin, so it never appears in a process list.
  printf 'header = "Authorization: Bearer %s"\n' "$(cat "$token_file")" |
    curl -sS --config - -w '\n%{http_code}' -X POST "$url$1" \
      -H 'Content-Type: application/json' -H "Idempotency-Key: $key" --data-binary "$2" ||
    die "cannot reach $url"
}

create_console_user() {
  local organization=$1 email=$2 role=${3:-admin} response status
  [[ $organization =~ ^[0-9a-fA-F-]{36}$ ]] || die "not an organization id: $organization"
  response=$(operator_post "/api/v1/operator/organizations/$organization/console-users" \
    "{\"email\":$(json_string "$email"),\"role\":$(json_string "$role")}")
  status=${response##*$'\n'}
  response=${response%$'\n'*}
  [ "$status" = 201 ] || die "HTTP $status: $response"
  echo "console user  $(field email "$response") ($(field role "$response"))"
  echo "organization  $(field organizationId "$response")"
  echo "password      $(field password "$response")"
  echo "              (shown once: hand it over now; sign in at $url/console/ and change it)"
}

case ${1:-} in
  create-organization)
    [ $# -ge 2 ] || die "usage: $0 create-organization NAME [FIRST_KEY_LABEL]"
    create_organization "$2" "${3:-initial}"
    ;;
  create-console-user)
    [ $# -ge 3 ] || die "usage: $0 create-console-user ORGANIZATION_ID EMAIL"
    create_console_user "$2" "$3" admin
    ;;
  *)
    echo "usage: $0 create-organization NAME [FIRST_KEY_LABEL]" >&2
    echo "       $0 create-console-user ORGANIZATION_ID EMAIL" >&2
    exit 2
    ;;
esac
