#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh: the database into DATABASE_URL, public
# media into MEDIA_ROOT, private files into PRIVATE_MEDIA_ROOT.
#
#   deploy/restore.sh [--clean] [--no-files] /var/backups/lms/lms-20261123-023012
#
# Stop lms-web, lms-worker and lms-beat first (on every host), and start them again
# after `manage.py migrate` (when the code is newer than the backup) and a cache
# flush (the cache still holds pages and sessions of the data being replaced).
#
# By default the target must be empty: an empty database (`createdb -O lms lms`) and
# empty or missing media directories, so a restore never mixes two states.
#   --clean     replace what is there: the database's objects are dropped and
#               recreated, existing media directories are moved aside to
#               <dir>.before-restore-<time> (delete them once all is well)
#   --no-files  the database only
#
# Reads DATABASE_URL, MEDIA_ROOT, PRIVATE_MEDIA_ROOT, LMS_VAR_DIR and LMS_ENV_FILE
# like backup.sh. The whole database restore is one transaction: it lands entirely
# or not at all.
set -euo pipefail
umask 027

clean=0
files=1
while [[ $# -gt 0 ]]; do
    case $1 in
    --clean) clean=1 ;;
    --no-files) files=0 ;;
    -h | --help)
        sed -n '2,20p' "$0"
        exit 0
        ;;
    -*)
        echo "restore: unknown option $1" >&2
        exit 2
        ;;
    *) break ;;
    esac
    shift
done
[[ $# -eq 1 ]] || {
    echo "usage: $0 [--clean] [--no-files] BACKUP_DIRECTORY" >&2
    exit 2
}
source_dir=$(cd "$1" && pwd)

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

log() { echo "restore: $*" >&2; }
die() {
    log "$*"
    exit 1
}

# --- Check everything before changing anything ---------------------------------------

[[ -f "$source_dir/db.dump" ]] || die "$source_dir has no db.dump"
(cd "$source_dir" && sha256sum --check --quiet SHA256SUMS) ||
    die "checksums do not match: the backup is damaged"

tables=$(psql --no-psqlrc --tuples-only --no-align --dbname="$DATABASE_URL" \
    --command="SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
if ((tables > 0 && !clean)); then
    die "the target database already has $tables tables; restore into an empty" \
        "database (createdb) or pass --clean to replace them"
fi

# restore_pairs: archive name, then the directory it goes to.
restore_pairs=()
if ((files)); then
    restore_pairs=(media.tar.gz "$media_root" private.tar.gz "$private_root")
    for ((i = 0; i < ${#restore_pairs[@]}; i += 2)); do
        dir=${restore_pairs[i + 1]}
        if [[ -d "$dir" && -n $(ls -A -- "$dir") && $clean -eq 0 ]]; then
            die "$dir is not empty; pass --clean to move it aside and restore"
        fi
    done
fi

# --- Database ------------------------------------------------------------------------

log "database ← $source_dir/db.dump"
# --no-owner/--no-privileges: the objects belong to whoever restores (the app's own
# role), whatever the role names were on the old server.
restore_options=(--no-owner --no-privileges --exit-on-error --single-transaction)
if ((clean)); then
    restore_options+=(--clean --if-exists)
fi
pg_restore "${restore_options[@]}" --dbname="$DATABASE_URL" "$source_dir/db.dump"

# --- Files ---------------------------------------------------------------------------

for ((i = 0; i < ${#restore_pairs[@]}; i += 2)); do
    name=${restore_pairs[i]}
    dir=${restore_pairs[i + 1]}
    if [[ ! -f "$source_dir/$name" ]]; then
        log "no $name in the backup: $dir left as it is"
        continue
    fi
    if [[ -d "$dir" && -n $(ls -A -- "$dir") ]]; then
        aside="$dir.before-restore-$(date +%Y%m%d-%H%M%S)"
        log "moving $dir aside to $aside"
        mv -- "$dir" "$aside"
    fi
    mkdir -p -- "$dir"
    log "$name → $dir"
    # Run as root, tar gives the files back to their owner by name (lms); run as
    # the app's user, they are its own.
    tar --extract --gzip --file="$source_dir/$name" --directory="$dir"
done
if [[ -d "$private_root" ]] && ((files)); then
    # Private files: only the app's own user, never the web server's group.
    chmod 0700 -- "$private_root"
fi

log "done. Next: manage.py migrate (if the code is newer), flush the cache, start"
log "lms-web, lms-worker and lms-beat."
