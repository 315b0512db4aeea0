#!/usr/bin/env bash
# Builds the MongoDB-wire test server: FerretDB v1 embedded in tools/ferretdb (Go, SQLite
# handler, pure Go: no cgo) into $SERVERS_DIR/bin/ferretdb-embedded. Idempotent: skips
# when the stamp matches the sources (go.mod, go.sum, main.go) and the Go version.
#
#   scripts/servers/install-ferretdb.sh [--force]
#
# Needs: go (>= the go directive of tools/ferretdb/go.mod); modules come from the Go
# module proxy (go.sum pins them).
SCRIPT_NAME="install-ferretdb"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

force=0
[[ "${1:-}" == "--force" ]] && force=1

need go
wanted="$(fingerprint "$FERRETDB_SRC/go.mod" "$FERRETDB_SRC/go.sum" "$FERRETDB_SRC/main.go") $(go env GOVERSION)"

if (( !force )) && [[ -x "$FERRETDB_BIN" && -f "$FERRETDB_STAMP" && "$(cat "$FERRETDB_STAMP")" == "$wanted" ]]; then
  log "ferretdb-embedded already built at $FERRETDB_BIN (skipping; --force to redo)"
  exit 0
fi

started="$(now)"
mkdir -p "$BIN_DIR"
rm -f "$FERRETDB_STAMP"
log "building $FERRETDB_BIN with FerretDB $(awk '$1 == "github.com/FerretDB/FerretDB" || $2 == "github.com/FerretDB/FerretDB" {print $NF}' "$FERRETDB_SRC/go.mod" | head -n 1) (CGO_ENABLED=0; modules from the Go module proxy; a cold Go build cache takes ~3-4 min on 2 cores)"
CGO_ENABLED=0 go -C "$FERRETDB_SRC" build -buildvcs=false -trimpath -o "$FERRETDB_BIN" .
echo "$wanted" >"$FERRETDB_STAMP"
log "built $(du -h "$FERRETDB_BIN" | cut -f1) binary in $(( $(now) - started ))s"
