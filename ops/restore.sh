#!/usr/bin/env bash
# Warmth restore (issue 14): a backup made by ops/backup.sh into a NEW, empty database.
#
#   ops/restore.sh BACKUP_DIR NEW_DATABASE
#
# Connection as for backup.sh (PGHOST, PGPORT, PGUSER, PGPASSWORD). The database is created
# here and must not exist (a restore never writes over live data). Then point the nodes at it
# (WARMTH_DB_URL) with the key settings of the backup (BACKUP_DIR/warmth.env) and start them:
# Flyway finds the schema at its version; a backup of an older version is upgraded at start.
set -euo pipefail
backup="${1:?backup folder}"
newdb="${2:?name of the new database}"
(cd "$backup" && sha256sum --check --quiet SHA256SUMS)
if psql -AtX -d postgres -c "select 1 from pg_database where datname = '$newdb'" | grep -q 1; then
  echo "restore: database $newdb exists; restore into a new one" >&2
  exit 1
fi
createdb --encoding=UTF8 --template=template0 "$newdb"
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$newdb" "$backup/warmth.dump"
psql -AtX -d "$newdb" -c "analyze" >/dev/null
echo "restore: $newdb restored from $backup; keys: $backup/warmth.env"
