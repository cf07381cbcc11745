#!/usr/bin/env bash
# Back up the LMS: the database (pg_dump, custom format), public media and private
# files, into one dated directory; remove backups older than the retention.
#
#   deploy/backup.sh                         # env from systemd (lms-backup.service)
#   LMS_ENV_FILE=/etc/lms/env deploy/backup.sh
#
# Reads:
#   DATABASE_URL           postgres://user:password@host:5432/lms (required)
#   MEDIA_ROOT             public uploads (default $LMS_VAR_DIR/media)
#   PRIVATE_MEDIA_ROOT     private files (default $LMS_VAR_DIR/private)
#   LMS_VAR_DIR            default: var/ next to this script's parent, like the app
#   BACKUP_DIR             default /var/backups/lms
#   BACKUP_RETENTION_DAYS  default 14; the newest BACKUP_KEEP_MIN (default 3) are
#                          kept whatever their age
#   BACKUP_RSYNC_TARGET    optional rsync destination (host:/path/) for an off-site copy
#
# Makes $BACKUP_DIR/lms-YYYYmmdd-HHMMSS/ holding db.dump, media.tar.gz,
# private.tar.gz and SHA256SUMS, and prints its path last. deploy/restore.sh takes
# that directory. The directory appears only once complete (it is built as
# *.partial and renamed), so a half-written backup is never mistaken for one.
#
# pg_dump must be the server's major version or newer. The database stays online:
# pg_dump reads one consistent snapshot. Media are archived as they are; an upload
# landing during the run may or may not be in it.
set -euo pipefail
umask 077 # personal data: only the backup user may read what this writes

if [[ -n "${LMS_ENV_FILE:-}" ]]; then
    set -a
    # shellcheck disable=SC1090
    . "$LMS_ENV_FILE"
    set +a
fi

: "${DATABASE_URL:?DATABASE_URL must be set}"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
var_dir=${LMS_VAR_DIR:-$here/../var}
media_root=${MEDIA_ROOT:-$var_dir/media}
private_root=${PRIVATE_MEDIA_ROOT:-$var_dir/private}
backup_dir=${BACKUP_DIR:-/var/backups/lms}
retention_days=${BACKUP_RETENTION_DAYS:-14}
keep_min=${BACKUP_KEEP_MIN:-3}

log() { echo "backup: $*" >&2; }

mkdir -p "$backup_dir"
stamp=$(date +%Y%m%d-%H%M%S)
target="$backup_dir/lms-$stamp"
work="$target.partial"
mkdir "$work"
trap 'rm -rf -- "$work"' EXIT

log "database → $work/db.dump"
pg_dump --format=custom --file="$work/db.dump" --dbname="$DATABASE_URL"
# A dump pg_restore cannot list is no backup: fail now, not on the day it is needed.
pg_restore --list "$work/db.dump" >/dev/null

# archive DIR OUT [tar options...]: DIR's contents as OUT (gzip). GNU tar exits 1
# when a file changed or vanished while it read it (uploads go on, the sweeper
# deletes): the archive is still good, so only a status above 1 fails the backup.
archive() {
    local dir=$1 out=$2 status=0
    shift 2
    if [[ ! -d "$dir" ]]; then
        log "$dir does not exist: nothing to archive for $(basename "$out")"
        return
    fi
    tar --create --gzip --file="$out" --directory="$dir" \
        --warning=no-file-changed --warning=no-file-removed "$@" . || status=$?
    if ((status > 1)); then
        log "tar failed ($status) on $dir"
        exit "$status"
    fi
}

log "media $media_root → media.tar.gz"
# Roster and question files waiting between preview and confirm are personal data
# meant to live an hour: they stay out of backups kept for weeks.
archive "$media_root" "$work/media.tar.gz" \
    --exclude=./roster-uploads --exclude=./question-imports
log "private files $private_root → private.tar.gz"
archive "$private_root" "$work/private.tar.gz"

(cd "$work" && sha256sum -- * >SHA256SUMS)
mv -- "$work" "$target"
trap - EXIT
log "done: $(du -sh "$target" | cut -f1)"

if [[ -n "${BACKUP_RSYNC_TARGET:-}" ]]; then
    log "copying to $BACKUP_RSYNC_TARGET"
    rsync --archive --partial -- "$target" "$BACKUP_RSYNC_TARGET"
fi

# Retention: older than the limit goes, except the newest $keep_min, so a backup
# that has been failing for weeks never leaves the last good ones to be removed.
mapfile -t backups < <(
    find "$backup_dir" -mindepth 1 -maxdepth 1 -type d -name 'lms-[0-9]*' \
        ! -name '*.partial' -printf '%f\n' | sort -r
)
for name in "${backups[@]:$keep_min}"; do
    if [[ -n $(find "$backup_dir/$name" -maxdepth 0 -mtime +"$retention_days") ]]; then
        log "removing $name (older than $retention_days days)"
        rm -rf -- "${backup_dir:?}/$name"
    fi
done
# A run killed half-way leaves a *.partial directory: clear those after a day.
find "$backup_dir" -mindepth 1 -maxdepth 1 -type d -name 'lms-*.partial' -mtime +0 \
    -exec rm -rf -- {} +

echo "$target"
