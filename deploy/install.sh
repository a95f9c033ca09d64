#!/usr/bin/env bash
# 晶贸通 · install or upgrade the application server on Debian 12 / Ubuntu 24.04, from the distribution's packages.
# Idempotent: run it again after unpacking a new release to upgrade (code, dependencies, migrations, restart).
#
#   sudo deploy/install.sh --server-name jmt.example.cn [--cert FULLCHAIN.pem --key KEY.pem] [--no-start]
#
# Without --cert a self-signed certificate is made once (replace it: docs/服务器操作手册.md §3).
# Layout: code /srv/jmt, data /var/lib/jmt, configuration /etc/jmt/jmt.env (secrets generated on the first
# run, never overwritten), nginx site /etc/nginx/sites-available/jmt.conf, units jmt-web + jmt-worker.
set -euo pipefail

SRC="$(cd "$(dirname "$0")/.." && pwd)"
APP=/srv/jmt
VAR=/var/lib/jmt
ETC=/etc/jmt
SERVER_NAME=""
CERT=""
KEY=""
START=1
while [ $# -gt 0 ]; do
  case "$1" in
    --server-name) SERVER_NAME="$2"; shift 2 ;;
    --cert) CERT="$2"; shift 2 ;;
    --key) KEY="$2"; shift 2 ;;
    --no-start) START=0; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$SERVER_NAME" ] || { echo "usage: $0 --server-name HOST [--cert FULLCHAIN --key KEY] [--no-start]" >&2; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "run as root" >&2; exit 1; }
say() { printf '\n==> %s\n' "$*"; }

say "packages"
"$SRC/deploy/ensure-packages.sh" nginx python3 python3-venv openssl logrotate ca-certificates \
  postgresql-client pgbackrest rsync curl

say "user and directories"
id jmt >/dev/null 2>&1 || useradd --system --user-group --home-dir "$VAR" --shell /usr/sbin/nologin jmt
install -d -o root -g root -m 0755 "$APP"
# nginx (www-data) serves $VAR/static itself: it may pass through $VAR (0711, no listing) but not into media/.
install -d -o jmt -g jmt -m 0711 "$VAR"
install -d -o jmt -g jmt -m 0750 "$VAR/media"
install -d -o jmt -g jmt -m 0755 "$VAR/static"
install -d -o root -g jmt -m 0750 "$ETC" "$ETC/tls"
install -d -o www-data -g adm -m 0750 /var/log/nginx/jmt

say "code → $APP"
if [ "$SRC" != "$APP" ]; then
  rsync -a --chown=root:root --delete --exclude .git --exclude .venv --exclude node_modules --exclude var --exclude '__pycache__' \
    "$SRC/" "$APP/"
fi
if [ ! -f "$APP/web/dist/index.html" ]; then
  command -v npm >/dev/null || { echo "web/dist is missing: unpack a release that contains it, or install Node.js 20" >&2; exit 1; }
  (cd "$APP/web" && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build)
fi
chmod -R go-w "$APP"

say "Python environment"
[ -x "$APP/.venv/bin/python" ] || python3 -m venv "$APP/.venv"
"$APP/.venv/bin/pip" install --quiet --disable-pip-version-check --require-hashes -r "$APP/requirements/base.txt"

say "configuration $ETC/jmt.env"
if [ ! -f "$ETC/jmt.env" ]; then
  secret() { openssl rand -base64 64 | tr -d '\n/+=' | cut -c1-64; }
  fernet() { openssl rand -base64 32 | tr '+/' '-_'; }
  # Generated first: a failing openssl stops the script here instead of writing an empty secret.
  secret_key="$(secret)"; jwt_key="$(secret)"; field_key="$(fernet)"
  sed -e "s|^DJANGO_SECRET_KEY=.*|DJANGO_SECRET_KEY=$secret_key|" \
      -e "s|^JMT_JWT_SIGNING_KEY=.*|JMT_JWT_SIGNING_KEY=$jwt_key|" \
      -e "s|^JMT_FIELD_ENCRYPTION_KEY=.*|JMT_FIELD_ENCRYPTION_KEY=$field_key|" \
      -e "s|jmt.example.cn|$SERVER_NAME|g" \
      "$APP/deploy/jmt.env.example" > "$ETC/jmt.env.new"
  chmod 0640 "$ETC/jmt.env.new"; chown root:jmt "$ETC/jmt.env.new"; mv "$ETC/jmt.env.new" "$ETC/jmt.env"
  echo "   wrote $ETC/jmt.env with fresh secrets: set DATABASE_URL (and the SMS / WeChat / 点点通 keys) now,"
  echo "   and copy JMT_FIELD_ENCRYPTION_KEY to the offline key store (docs/服务器操作手册.md §8)."
fi
install -m 0755 "$APP/deploy/jmt-manage" /usr/local/bin/jmt-manage
set -a
# shellcheck disable=SC1091
. "$ETC/jmt.env"
set +a

say "TLS certificate"
if [ -n "$CERT" ]; then
  install -m 0644 "$CERT" "$ETC/tls/fullchain.pem"
  install -m 0640 -g www-data "$KEY" "$ETC/tls/privkey.pem"
elif [ ! -f "$ETC/tls/fullchain.pem" ]; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 90 -subj "/CN=$SERVER_NAME" \
    -addext "subjectAltName=DNS:$SERVER_NAME" -keyout "$ETC/tls/privkey.pem" -out "$ETC/tls/fullchain.pem" 2>/dev/null
  chgrp www-data "$ETC/tls/privkey.pem"; chmod 0640 "$ETC/tls/privkey.pem"
  echo "   self-signed placeholder made: replace it with the CA's certificate before going live"
fi
chmod 0755 "$ETC/tls"

say "nginx site"
render_nginx() {
  local upstream="    server ${JMT_WEB_BIND:-127.0.0.1:8000};"
  sed -e "s|@SERVER_NAME@|$SERVER_NAME|g" -e "s|@HTTP_PORT@|80|g" -e "s|@HTTPS_PORT@|443|g" \
      -e "s|@HTTPS_REDIRECT_PORT@||g" -e "s|@TLS_CERT@|$ETC/tls/fullchain.pem|g" \
      -e "s|@TLS_KEY@|$ETC/tls/privkey.pem|g" -e "s|@TLS_CHAIN@|$ETC/tls/fullchain.pem|g" \
      -e "s|@UPSTREAM_SERVERS@|$upstream|" -e "s|@WEB_DIST@|$APP/web/dist|g" -e "s|@STATIC_ROOT@|$VAR/static|g" \
      -e "s|@LOG_DIR@|/var/log/nginx/jmt|g" -e "s|@RESOLVER@|127.0.0.53 1.1.1.1|g" \
      "$APP/deploy/nginx/jmt.conf.template"
}
render_nginx > /etc/nginx/sites-available/jmt.conf
ln -sfn /etc/nginx/sites-available/jmt.conf /etc/nginx/sites-enabled/jmt.conf
rm -f /etc/nginx/sites-enabled/default
nginx -t
install -m 0644 "$APP/deploy/logrotate/jmt" /etc/logrotate.d/jmt

say "systemd units"
install -m 0644 "$APP/deploy/systemd/jmt-web.service" "$APP/deploy/systemd/jmt-worker.service" \
  "$APP/deploy/systemd/jmt-worker@.service" /etc/systemd/system/

if [ "$START" -eq 0 ]; then
  say "installed, not started (--no-start): set DATABASE_URL in $ETC/jmt.env, then run this script again"
  exit 0
fi

say "database migrations and static files"
jmt-manage migrate --noinput
jmt-manage collectstatic --noinput -v 0
chmod -R u=rwX,go=rX "$VAR/static"   # read by nginx whatever root's umask was

say "start"
systemctl daemon-reload
systemctl enable jmt-web jmt-worker nginx >/dev/null
systemctl restart jmt-worker jmt-web       # an upgrade: new code, graceful restart of the workers
systemctl reload-or-restart nginx
for _ in $(seq 1 30); do
  curl -fsS -o /dev/null --resolve "$SERVER_NAME:443:127.0.0.1" -k "https://$SERVER_NAME/api/v1/health" && break
  sleep 1
done
curl -fsS --resolve "$SERVER_NAME:443:127.0.0.1" -k "https://$SERVER_NAME/api/v1/health" && echo
say "done: https://$SERVER_NAME/"
