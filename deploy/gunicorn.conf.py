"""Gunicorn for the LMS behind nginx: `gunicorn -c deploy/gunicorn.conf.py`.

Every value can be overridden from the environment (systemd's EnvironmentFile), so
one file serves a small VPS, a larger app server and the load test in
tests/lms/test_load.py, which starts the app with this file.
"""

import multiprocessing
import os

wsgi_app = "lms.wsgi:application"

# A unix socket that only nginx (group www-data) can reach; set GUNICORN_BIND to
# 127.0.0.1:8000 if nginx runs elsewhere or in a container.
bind = [os.environ.get("GUNICORN_BIND", "unix:/run/lms/gunicorn.sock")]
umask = 0o007

# Sync workers: nginx buffers whole requests and responses, so a phone on a slow
# network never holds a worker. 2 x cores + 1 is the usual start; watch the
# database's max_connections (each worker keeps one, DB_CONN_MAX_AGE) when raising.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# Exports, PDFs and roster previews run in Celery; a request longer than this is a
# bug, and the worker is replaced rather than left hanging.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak never becomes an outage.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200

# nginx on the same host is the only proxy trusted to set X-Forwarded-*; Django
# reads the scheme from SECURE_PROXY_SSL_HEADER and client addresses through
# TRUSTED_PROXY_COUNT.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs go to stderr, which systemd hands to the journal. An empty
# GUNICORN_ACCESS_LOG turns the access log off (nginx keeps its own).
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "lms-web"

# Gunicorn's control socket (`gunicornc`) lives in systemd's RuntimeDirectory; an
# empty GUNICORN_CONTROL_SOCKET turns it off, e.g. for a second instance.
control_socket = os.environ.get("GUNICORN_CONTROL_SOCKET", "/run/lms/gunicorn.ctl")
control_socket_disable = not control_socket
