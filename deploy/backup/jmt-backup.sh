#!/usr/bin/env bash
# 晶贸通 · one backup set: PostgreSQL through pgBackRest (full or diff; WAL is archived continuously) plus what
# the database does not hold — the uploaded files and the secrets file with JMT_FIELD_ENCRYPTION_KEY, without
# which the encrypted columns cannot be read. Run by jmt-backup.timer as root on the primary's machine:
#
#   deploy/backup/jmt-backup.sh full|diff
#
# Environment (defaults for production): PGBACKREST_CONFIG, PGBACKREST_STANZA (jmt), JMT_MEDIA_DIR
# (/var/lib/jmt/media), JMT_ENV_FILE (/etc/jmt/jmt.env), JMT_FILES_REPO (/var/lib/pgbackrest/files).
set -euo pipefail
TYPE="${1:-diff}"
CONFIG="${PGBACKREST_CONFIG:-/etc/pgbackrest/pgbackrest.conf}"
STANZA="${PGBACKREST_STANZA:-jmt}"
MEDIA="${JMT_MEDIA_DIR:-/var/lib/jmt/media}"
ENV_FILE="${JMT_ENV_FILE:-/etc/jmt/jmt.env}"
FILES="${JMT_FILES_REPO:-/var/lib/pgbackrest/files}"
RUN_AS="${PGBACKREST_USER:-postgres}"

runuser -u "$RUN_AS" -- pgbackrest --config="$CONFIG" --stanza="$STANZA" --type="$TYPE" backup
label="$(runuser -u "$RUN_AS" -- pgbackrest --config="$CONFIG" --stanza="$STANZA" --output=json info |
  python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["backup"][-1]["label"])')"
set_dir="$FILES/$label"
install -d -m 0700 "$set_dir"
# Uploads: a tar of the media directory with a SHA-256 list, so a restore can prove it got every file back.
if [ -d "$MEDIA" ]; then
  (cd "$MEDIA" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum) >"$set_dir/media.sha256"
  tar -C "$MEDIA" -czf "$set_dir/media.tar.gz" .
fi
install -m 0600 "$ENV_FILE" "$set_dir/jmt.env"
echo "$label"
