#!/usr/bin/env bash
# Warmth backup (issue 14): the database (pg_dump, custom format) and the key settings, into one
# folder with checksums. Runs while the nodes serve (pg_dump reads one consistent snapshot).
#
#   ops/backup.sh [TARGET_DIR]            (default /var/backups/warmth/<UTC time>)
#
# Connection: PGHOST, PGPORT, PGUSER, PGDATABASE (default warmth) and PGPASSWORD or ~/.pgpass,
# as for every PostgreSQL tool. Keys: the environment file of the service (WARMTH_ENV_FILE,
# default /etc/warmth/warmth.env), which holds WARMTH_PII_* — without it the personal data in
# the dump cannot be read back. Keep the key file apart from the dump (another medium, another
# person): whoever holds both holds every ID and card number.
set -euo pipefail
target="${1:-/var/backups/warmth/$(date -u +%Y%m%dT%H%M%SZ)}"
env_file="${WARMTH_ENV_FILE:-/etc/warmth/warmth.env}"
db="${PGDATABASE:-warmth}"
umask 077
mkdir -p "$target"
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$target/warmth.dump" "$db"
if [ -f "$env_file" ]; then
  cp "$env_file" "$target/warmth.env"
else
  echo "backup: no key file at $env_file (set WARMTH_ENV_FILE): the dump alone cannot reveal personal data" >&2
fi
# The H2 default's generated key file, when the installation uses one.
if [ -n "${WARMTH_KEY_FILE:-}" ] && [ -f "$WARMTH_KEY_FILE" ]; then
  cp "$WARMTH_KEY_FILE" "$target/pii.keys"
fi
pg_restore --list "$target/warmth.dump" > "$target/contents.txt"
(cd "$target" && sha256sum warmth.dump ./*.env ./pii.keys 2>/dev/null > SHA256SUMS || true)
echo "backup: $(du -h "$target/warmth.dump" | cut -f1) written to $target ($(grep -c 'TABLE DATA' "$target/contents.txt") tables)"
