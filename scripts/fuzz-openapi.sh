#!/usr/bin/env bash
# Property-based fuzzing of every operation in GET /openapi.json with schemathesis (PyPI), as
# several roles, against the API on the embedded defaults. Not part of CI: it takes minutes.
#
#   scripts/fuzz-openapi.sh                    # 30 examples per operation and role
#   FUZZ_MAX_EXAMPLES=200 FUZZ_SEED=7 scripts/fuzz-openapi.sh
#
# Checks: not_a_server_error (no 5xx, ever) and response_schema_conformance (every answer matches
# the documented schema). Prints the number of cases and the failures; exits 1 on any failure.
# Reports (ndjson, one per role) and the API's log are kept in .fuzz/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."

FUZZ_DIR=.fuzz
MAX_EXAMPLES=${FUZZ_MAX_EXAMPLES:-30}
SEED=${FUZZ_SEED:-20261201}
PORT=${FUZZ_PORT:-3977}
CHECKS=${FUZZ_CHECKS:-not_a_server_error,response_schema_conformance}
SCHEMATHESIS_VERSION='schemathesis>=4.32,<5'
BASE="http://127.0.0.1:${PORT}"

mkdir -p "$FUZZ_DIR"
if [[ ! -x "$FUZZ_DIR/venv/bin/schemathesis" ]]; then
  python3 -m venv "$FUZZ_DIR/venv"
  "$FUZZ_DIR/venv/bin/pip" install --quiet "$SCHEMATHESIS_VERSION"
fi
[[ "${FUZZ_SKIP_BUILD:-}" == 1 ]] || npm run -s build

DATA_DIR=$(mktemp -d "${TMPDIR:-/tmp}/fuzz-api-XXXXXX")
export DATA_DIR
API_PID=
# Keeps the run's exit status: under set -e, the API's own status (143 after the kill) must not replace it.
cleanup() {
  local rc=$?
  if [[ -n "$API_PID" ]]; then
    kill "$API_PID" 2>/dev/null || true
    wait "$API_PID" 2>/dev/null || true
  fi
  rm -rf "$DATA_DIR"
  exit "$rc"
}
trap cleanup EXIT

# minPosition waits are bounded by MIN_POSITION_TIMEOUT_MS; a short one keeps generated positions fast.
PORT=$PORT LOG_FORMAT=json LOG_LEVEL=warn MIN_POSITION_TIMEOUT_MS=300 node dist/apps/api/apps/api/src/main.js >"$FUZZ_DIR/api.log" 2>&1 &
API_PID=$!
for _ in $(seq 1 100); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 0.2; done
curl -fs "$BASE/health" >/dev/null || { echo "the API did not start; see $FUZZ_DIR/api.log" >&2; exit 1; }

mint() { npm run -s cli -- mint-token "$@"; }

# A real organization supervised by msp-fuzz, so that organization tokens name one the API knows.
MSP_OWNER=$(mint --role msp_owner --sub fuzz-msp-owner --msp msp-fuzz --email owner@msp-fuzz.example --name 'Fuzz Owner')
ORG_ID=$(curl -fs -X POST "$BASE/organizations" -H "Authorization: Bearer $MSP_OWNER" -H 'Content-Type: application/json' \
  -d '{"name":"Fuzz Org"}' | sed -E 's/.*"id":"([^"]+)".*/\1/')
sleep 1 # the organization directory view takes the organization in

declare -A TOKENS=(
  [msp_owner]="$MSP_OWNER"
  [msp_admin]=$(mint --role msp_admin --sub fuzz-msp-admin --msp msp-fuzz --email admin@msp-fuzz.example)
  [org_owner]=$(mint --role org_owner --sub fuzz-org-owner --org "$ORG_ID" --email owner@org-fuzz.example)
  [org_admin]=$(mint --role org_admin --sub fuzz-org-admin --org "$ORG_ID" --email admin@org-fuzz.example)
  [org_member]=$(mint --role org_member --sub fuzz-org-member --org "$ORG_ID" --email member@org-fuzz.example)
  [service]=$(mint --role service --sub fuzz-service --org "$ORG_ID")
)

status=0
for role in msp_owner msp_admin org_owner org_admin org_member service; do
  echo "== fuzzing as $role (max $MAX_EXAMPLES examples per operation, seed $SEED)"
  if ! "$FUZZ_DIR/venv/bin/schemathesis" run "$BASE/openapi.json" \
      --header "Authorization: Bearer ${TOKENS[$role]}" \
      --checks "$CHECKS" \
      --max-examples "$MAX_EXAMPLES" --seed "$SEED" \
      --phases examples,coverage,fuzzing \
      --workers 2 --request-timeout 10 --no-color \
      --suppress-health-check all \
      --report ndjson --report-ndjson-path "$FUZZ_DIR/report-$role.ndjson" \
      >"$FUZZ_DIR/run-$role.txt" 2>&1; then
    status=1
  fi
  grep -A1 '^Test cases:' "$FUZZ_DIR/run-$role.txt" | tail -1 || true
done

cases=$(grep -hoE '^ +[0-9]+ generated' "$FUZZ_DIR"/run-*.txt | awk '{ sum += $1 } END { print sum + 0 }')
server_errors=$(grep -c '"level":50' "$FUZZ_DIR/api.log" || true)
echo "== $cases test cases over 6 roles; $server_errors errors logged by the API (5xx); details in $FUZZ_DIR/run-<role>.txt"
[[ "$server_errors" == 0 ]] || status=1
exit $status
