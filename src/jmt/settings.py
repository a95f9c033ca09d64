"""Settings, all read from the environment (see README "Configuration")."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent  # the repository root
VAR_DIR = Path(os.environ.get("JMT_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


# JMT_PRODUCTION=true (deploy/jmt.env.example): refuse to start while a secret the server needs is missing,
# instead of quietly generating a key into var/ or falling back to SQLite as `make run` does.
PRODUCTION = env_bool("JMT_PRODUCTION")
MIN_SECRET_LENGTH = 50


def _fernet_key_is_valid(key: str) -> bool:
    from cryptography.fernet import Fernet

    try:
        Fernet(key.encode())
    except ValueError:
        return False
    return True


def production_problems(env: dict[str, str]) -> list[str]:
    """What a production environment lacks; empty when it may start."""
    problems = []
    secret = env.get("DJANGO_SECRET_KEY", "")
    if len(secret) < MIN_SECRET_LENGTH or secret.startswith("@"):
        problems.append(f"DJANGO_SECRET_KEY must be set to {MIN_SECRET_LENGTH}+ random characters")
    jwt_key = env.get("JMT_JWT_SIGNING_KEY")
    if jwt_key is not None and len(jwt_key) < MIN_SECRET_LENGTH:
        problems.append(f"JMT_JWT_SIGNING_KEY, when set, must be {MIN_SECRET_LENGTH}+ random characters")
    field_keys = [k.strip() for k in env.get("JMT_FIELD_ENCRYPTION_KEY", "").split(",") if k.strip()]
    if not field_keys or not all(_fernet_key_is_valid(k) for k in field_keys):
        problems.append("JMT_FIELD_ENCRYPTION_KEY must be set to Fernet key(s) (Fernet.generate_key()), and backed up")
    database_url = env.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")) or "CHANGE-ME" in database_url:
        problems.append("DATABASE_URL must point to PostgreSQL (both pg_auto_failover nodes)")
    if not env.get("DJANGO_ALLOWED_HOSTS", "").strip():
        problems.append("DJANGO_ALLOWED_HOSTS must name the public host names")
    if env.get("DJANGO_DEBUG", "").strip().lower() in {"1", "true", "yes", "on"}:
        problems.append("DJANGO_DEBUG must be false")
    if env.get("JMT_STORAGE", "local") == "s3":
        for name in ("JMT_S3_BUCKET", "JMT_S3_ACCESS_KEY_ID", "JMT_S3_SECRET_ACCESS_KEY"):
            if not env.get(name):
                problems.append(f"{name} must be set when JMT_STORAGE=s3")
    return problems


if PRODUCTION and (_problems := production_problems(dict(os.environ))):
    raise ImproperlyConfigured("JMT_PRODUCTION=true, refusing to start: " + "; ".join(_problems))


def _secret_key() -> str:
    configured = os.environ.get("DJANGO_SECRET_KEY")
    if configured:
        return configured
    # Embedded mode: a random key generated once and kept beside the database.
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        import secrets

        key_file.write_text(secrets.token_urlsafe(64))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.staticfiles",
    "ninja",  # serves Swagger UI from our own static files (no CDN, fits the Content-Security-Policy)
    "django_tasks",
    "django_tasks_db",
    "jmt.core",
    "jmt.audit",
    "jmt.accounts",
    "jmt.merchants",
    "jmt.system",
    "jmt.rbac",
    "jmt.workflow",
    "jmt.notifications",
    "jmt.customs",
    "jmt.documents",
    "jmt.registration",
    "jmt.fx",
    "jmt.filings",
    "jmt.refunds",
    "jmt.logistics",
    "jmt.showroom",
    "jmt.training",
    "jmt.cockpits",
    "jmt.crystal",
    "jmt.search",
    "jmt.ratings",
    "jmt.downloads",
    "jmt.integrations.customs_gateway",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "jmt.system.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "jmt.system.metrics.RequestMetricsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

if env_bool("JMT_SERVER_TIMING"):  # CPU per request in a response header, for the load benchmark only
    MIDDLEWARE.insert(0, "jmt.core.timing.ServerTimingMiddleware")

ROOT_URLCONF = "jmt.urls"
ASGI_APPLICATION = "jmt.asgi.application"
WSGI_APPLICATION = "jmt.wsgi.application"

TEMPLATES: list[dict[str, Any]] = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]

# --- database: PostgreSQL when DATABASE_URL says so, the embedded SQLite file otherwise ---
SQLITE_PATH = VAR_DIR / "jmt.sqlite3"
# Persistent connections are off (Django's advice under ASGI, where every sync request runs in a thread of
# its own and would keep its own connection): on PostgreSQL each process borrows from a psycopg pool of at
# most JMT_DB_POOL_MAX_SIZE connections instead (deploy/README.md sizes max_connections from it).


def database_from_url(url: str) -> dict[str, Any]:
    """Django's DATABASES entry for ``url``. A PostgreSQL URL may name several hosts
    (``postgres://jmt@db1:5432,db2:5432/jmt?target_session_attrs=read-write``): libpq tries them in turn
    and keeps the one that accepts writes, so after a pg_auto_failover promotion new connections reach the
    new primary without a configuration change."""
    if url.startswith(("postgres://", "postgresql://")) and "," in url.split("/")[2]:
        from psycopg.conninfo import conninfo_to_dict

        params = {key: str(value) for key, value in conninfo_to_dict(url).items()}
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": params.pop("dbname", ""),
            "USER": params.pop("user", ""),
            "PASSWORD": params.pop("password", ""),
            "HOST": params.pop("host", ""),
            "PORT": params.pop("port", ""),
            "OPTIONS": params,
            "CONN_MAX_AGE": 0,
        }
    return dict(dj_database_url.parse(url, conn_max_age=0))


DATABASES = {"default": database_from_url(os.environ.get("DATABASE_URL") or f"sqlite:///{SQLITE_PATH}")}
DB_POOL_ENABLED = env_bool("JMT_DB_POOL", True)
DB_POOL_MIN_SIZE = int(os.environ.get("JMT_DB_POOL_MIN_SIZE", "2"))
DB_POOL_MAX_SIZE = int(os.environ.get("JMT_DB_POOL_MAX_SIZE", "10"))
DB_POOL_TIMEOUT_SECONDS = float(os.environ.get("JMT_DB_POOL_TIMEOUT_SECONDS", "10"))
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # With the pool, health checks make the pool check each connection as it is borrowed: after a
    # PostgreSQL restart the broken ones are replaced instead of failing a request.
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Behind pgbouncer in transaction mode server-side cursors (QuerySet.iterator()) must be off.
    DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env_bool("JMT_DB_DISABLE_SERVER_SIDE_CURSORS", False)
    if DB_POOL_ENABLED:
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": min(DB_POOL_MIN_SIZE, DB_POOL_MAX_SIZE),
            "max_size": DB_POOL_MAX_SIZE,
            "timeout": DB_POOL_TIMEOUT_SECONDS,  # a request waits this long for a free connection, then fails
            "max_idle": 300,  # idle connections above min_size are closed after five minutes
            "reconnect_timeout": 60,
        }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # WAL + busy timeout + IMMEDIATE transactions: the web server and the task worker write side by side.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "jmt.accounts.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "jmt.accounts.password_validation.CommonPasswordValidator"},
    {"NAME": "jmt.accounts.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# --- static files: Django serves the built front end (web/dist) in `make run` ---
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
WEB_DIST = Path(os.environ.get("JMT_WEB_DIST", BASE_DIR / "web" / "dist"))
WHITENOISE_ROOT = WEB_DIST if WEB_DIST.exists() else None
WHITENOISE_INDEX_FILE = False
WHITENOISE_USE_FINDERS = True  # app static files (Swagger UI) without a collectstatic step
WHITENOISE_AUTOREFRESH = DEBUG
# Vite names every file under assets/ with a content hash: cache those for a year. The build writes .gz and .br
# copies beside them, which WhiteNoise serves to browsers that accept them (index.html stays `no-cache`).
WHITENOISE_IMMUTABLE_FILE_TEST = r"^/assets/.+-[\w-]{8,}\.\w+$"
MEDIA_ROOT = VAR_DIR / "media"  # uploaded documents: never served directly, only through /api/v1/documents
# Uploads go through Django's storage API: the local disk (one machine, or a shared mount), or an S3-compatible
# object store (阿里云 OSS, 腾讯云 COS, MinIO) that every app machine reaches — docs/scaling.md.
STORAGE_BACKEND = os.environ.get("JMT_STORAGE", "local")  # local | s3
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if STORAGE_BACKEND == "s3":
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ.get("JMT_S3_BUCKET", ""),
            "endpoint_url": os.environ.get("JMT_S3_ENDPOINT_URL") or None,
            "access_key": os.environ.get("JMT_S3_ACCESS_KEY_ID", ""),
            "secret_key": os.environ.get("JMT_S3_SECRET_ACCESS_KEY", ""),
            "region_name": os.environ.get("JMT_S3_REGION") or None,
            "default_acl": None,  # private objects: files leave only through the application's checked download
            "querystring_auth": True,
            "file_overwrite": False,
            "addressing_style": os.environ.get("JMT_S3_ADDRESSING_STYLE") or None,
        },
    }
DOCUMENT_MAX_BYTES = int(os.environ.get("JMT_DOCUMENT_MAX_BYTES", str(10 * 1024 * 1024)))

# 下载中心: an export queued or generating longer than this is taken as lost (its worker died) and marked 失败.
DOWNLOAD_STUCK_MINUTES = int(os.environ.get("JMT_DOWNLOAD_STUCK_MINUTES", "30"))

# --- background tasks (django-tasks with the database backend and db_worker) ---
TASKS = {
    "default": {
        "BACKEND": os.environ.get("JMT_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# --- security (production values: deploy/README.md) ---
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", False)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("DJANGO_BEHIND_PROXY") else None
USE_X_FORWARDED_HOST = False
# Content-Security-Policy and Permissions-Policy: jmt.system.middleware (override with these settings).
if os.environ.get("JMT_CONTENT_SECURITY_POLICY"):
    CONTENT_SECURITY_POLICY = os.environ["JMT_CONTENT_SECURITY_POLICY"]

# --- operation log, monitor, scheduler ---
AUDIT_ARCHIVE_AFTER_DAYS = int(os.environ.get("JMT_AUDIT_ARCHIVE_AFTER_DAYS", "180"))  # also a system parameter
REQUEST_METRICS_FLUSH_SECONDS = float(os.environ.get("JMT_REQUEST_METRICS_FLUSH_SECONDS", "5"))
SCHEDULER_TICK_SECONDS = float(os.environ.get("JMT_SCHEDULER_TICK_SECONDS", "30"))

# --- authentication ---
JWT_SIGNING_KEY = os.environ.get("JMT_JWT_SIGNING_KEY", SECRET_KEY)
JWT_ACCESS_TTL_SECONDS = 15 * 60
JWT_REFRESH_TTL_REMEMBER_SECONDS = 7 * 24 * 3600
JWT_REFRESH_TTL_SECONDS = 12 * 3600
LOGIN_MAX_FAILURES = 5
LOGIN_FAILURE_WINDOW_SECONDS = 15 * 60
LOGIN_LOCK_SECONDS = 15 * 60

# --- SMS codes and their limits ---
SMS_CODE_TTL_SECONDS = 5 * 60
SMS_CODE_MAX_ATTEMPTS = 5
SMS_RESEND_COOLDOWN_SECONDS = 60
SMS_MAX_PER_PHONE_HOUR = 5
SMS_MAX_PER_PHONE_DAY = 10
SMS_MAX_PER_IP_HOUR = int(os.environ.get("JMT_SMS_MAX_PER_IP_HOUR", "30"))

# --- integrations: each port picks its adapter here (stand-ins by default) ---
SMS_BACKEND = os.environ.get("JMT_SMS_BACKEND", "console")  # console | memory | aliyun | tencent
SMS_SIGN_NAME = os.environ.get("JMT_SMS_SIGN_NAME", "晶贸通")
SMS_TEMPLATE_LOGIN = os.environ.get("JMT_SMS_TEMPLATE_LOGIN", "")
ALIYUN_SMS_ENDPOINT = os.environ.get("JMT_ALIYUN_SMS_ENDPOINT", "https://dysmsapi.aliyuncs.com/")
ALIYUN_ACCESS_KEY_ID = os.environ.get("JMT_ALIYUN_ACCESS_KEY_ID", "")
ALIYUN_ACCESS_KEY_SECRET = os.environ.get("JMT_ALIYUN_ACCESS_KEY_SECRET", "")
TENCENT_SMS_ENDPOINT = os.environ.get("JMT_TENCENT_SMS_ENDPOINT", "https://sms.tencentcloudapi.com/")
TENCENT_SECRET_ID = os.environ.get("JMT_TENCENT_SECRET_ID", "")
TENCENT_SECRET_KEY = os.environ.get("JMT_TENCENT_SECRET_KEY", "")
TENCENT_SMS_SDK_APP_ID = os.environ.get("JMT_TENCENT_SMS_SDK_APP_ID", "")
TENCENT_SMS_REGION = os.environ.get("JMT_TENCENT_SMS_REGION", "ap-guangzhou")

WECHAT_BACKEND = os.environ.get("JMT_WECHAT_BACKEND", "fake")  # fake | http
WECHAT_API_BASE = os.environ.get("JMT_WECHAT_API_BASE", "https://api.weixin.qq.com")
WECHAT_OPEN_BASE = os.environ.get("JMT_WECHAT_OPEN_BASE", "https://open.weixin.qq.com")
WECHAT_MINIPROGRAM_APPID = os.environ.get("JMT_WECHAT_MP_APPID", "wx-demo-miniprogram")
WECHAT_MINIPROGRAM_SECRET = os.environ.get("JMT_WECHAT_MP_SECRET", "")
WECHAT_WEB_APPID = os.environ.get("JMT_WECHAT_WEB_APPID", "wx-demo-website")
WECHAT_WEB_SECRET = os.environ.get("JMT_WECHAT_WEB_SECRET", "")
WECHAT_SERVICE_APPID = os.environ.get("JMT_WECHAT_SERVICE_APPID", "")
WECHAT_SERVICE_SECRET = os.environ.get("JMT_WECHAT_SERVICE_SECRET", "")
WECHAT_WEB_REDIRECT_URI = os.environ.get("JMT_WECHAT_WEB_REDIRECT_URI", "http://127.0.0.1:8000/login/wechat-callback")

# Service-account template messages (G4): one template per message kind, its data keys, and the
# mini-program page that opens an H5 route in its web-view (``?path=/m/...``). An empty template id
# means that kind is not pushed (the attempt is recorded as skipped).
WECHAT_TEMPLATE_IDS = {
    "status": os.environ.get("JMT_WECHAT_TEMPLATE_STATUS", ""),
    "todo": os.environ.get("JMT_WECHAT_TEMPLATE_TODO", ""),
    "announcement": os.environ.get("JMT_WECHAT_TEMPLATE_ANNOUNCEMENT", ""),
}
WECHAT_TEMPLATE_FIELDS = {"title": "thing1", "body": "thing2", "time": "time3"}
WECHAT_MINIPROGRAM_WEBVIEW_PAGE = os.environ.get("JMT_WECHAT_MP_WEBVIEW_PAGE", "pages/webview/index")

# Message-center event stream (server-sent events)
NOTIFICATIONS_STREAM_POLL_SECONDS = 1.0
NOTIFICATIONS_STREAM_HEARTBEAT_SECONDS = 15.0
NOTIFICATIONS_STREAM_MAX_SECONDS = 300.0

# Outbound HTTP: private and loopback addresses are refused unless allowed (tests allow loopback fakes).
# llm (智能客服): "none" answers from the knowledge base alone; "openai" is any OpenAI-compatible chat endpoint.
LLM_BACKEND = os.environ.get("JMT_LLM_BACKEND", "none")  # none | openai | fake
LLM_BASE_URL = os.environ.get("JMT_LLM_BASE_URL", "")  # e.g. https://api.deepseek.com/v1
LLM_API_KEY = os.environ.get("JMT_LLM_API_KEY", "")
LLM_MODEL = os.environ.get("JMT_LLM_MODEL", "")
LLM_TIMEOUT_SECONDS = float(os.environ.get("JMT_LLM_TIMEOUT_SECONDS", "30"))
# Where the assistant hands a question over to people (「我不确定」): the staff WeChat and its hours.
SUPPORT_WECHAT = os.environ.get("JMT_SUPPORT_WECHAT", "jiejing-kefu")
SUPPORT_HOURS = os.environ.get("JMT_SUPPORT_HOURS", "工作日 8:30–18:00")
HTTP_ALLOW_PRIVATE_HOSTS = env_bool("JMT_HTTP_ALLOW_PRIVATE_HOSTS", False)
HTTP_TIMEOUT_SECONDS = float(os.environ.get("JMT_HTTP_TIMEOUT_SECONDS", "10"))

# --- 收结汇: where the rate board's quotes come from ---
FX_RATES_BACKEND = os.environ.get("JMT_FX_RATES_BACKEND", "offline")  # offline (bundled ECB data) | boc
FX_BOC_URL = os.environ.get("JMT_FX_BOC_URL", "https://www.boc.cn/sourcedb/whpj/")

# --- customs (9610): the official export schema, the 点点通 gateway, the submission pipeline ---
# The official XSD is not part of the repository: point this at the copy handed out by customs.
CUSTOMS_XSD_PATH = Path(
    os.environ.get(
        "JMT_CUSTOMS_XSD_PATH",
        BASE_DIR.parent / "shared" / "domain" / "customs" / "xsd" / "海关跨境出口业务节点报文定义202205.xsd",
    )
)
# --- tracking (跨境物流): the stand-in advances demo shipments; 17track is the real adapter ---
TRACKING_BACKEND = os.environ.get("JMT_TRACKING_BACKEND", "standin")  # standin | 17track
TRACKING_API_BASE = os.environ.get("JMT_TRACKING_API_BASE", "https://api.17track.net/track/v2.2")
TRACKING_API_KEY = os.environ.get("JMT_TRACKING_API_KEY", "")
TRACKING_STANDIN_STEP_SECONDS = float(os.environ.get("JMT_TRACKING_STANDIN_STEP_SECONDS", "60"))
TRACKING_POLL_STALE_SECONDS = 6 * 3600  # the real adapter polls a number no push has updated for this long

CUSTOMS_GATEWAY_BACKEND = os.environ.get("JMT_CUSTOMS_GATEWAY_BACKEND", "simulator")  # simulator | dianduantong
CUSTOMS_GATEWAY_BASE_URL = os.environ.get("JMT_CUSTOMS_GATEWAY_BASE_URL", "")
CUSTOMS_GATEWAY_APP_KEY = os.environ.get("JMT_CUSTOMS_GATEWAY_APP_KEY", "")
CUSTOMS_GATEWAY_APP_SECRET = os.environ.get("JMT_CUSTOMS_GATEWAY_APP_SECRET", "")
CUSTOMS_GATEWAY_CALLBACK_URL = os.environ.get(
    "JMT_CUSTOMS_GATEWAY_CALLBACK_URL", "http://127.0.0.1:8000/api/v1/customs/gateway/callback"
)
CUSTOMS_GATEWAY_MAX_SKEW_SECONDS = 300  # signed requests older or newer than this are refused
CUSTOMS_SIMULATOR_SEED = int(os.environ.get("JMT_CUSTOMS_SIMULATOR_SEED", "9610"))
CUSTOMS_SIMULATOR_STEP_SECONDS = float(os.environ.get("JMT_CUSTOMS_SIMULATOR_STEP_SECONDS", "2"))
CUSTOMS_OUTBOX_MAX_ATTEMPTS = 8  # then the message waits in "needs attention"
CUSTOMS_OUTBOX_LEASE_SECONDS = 120  # a claimed message another worker may take over after this
# A 撤销 waits this long in the outbox, during which 「不再撤销」 takes it back (once sent it cannot be).
CUSTOMS_CANCEL_GRACE_SECONDS = int(os.environ.get("JMT_CUSTOMS_CANCEL_GRACE_SECONDS", "300"))
CUSTOMS_IMPORT_MAX_ROWS = 200_000
CUSTOMS_IMPORT_MAX_BYTES = 60 * 1024 * 1024
# Secrets kept in the database (the 点点通 app secret) are encrypted with Fernet. One key or several,
# comma-separated (the first encrypts, all decrypt: rotation); empty = a key derived from SECRET_KEY.
FIELD_ENCRYPTION_KEYS = env_list("JMT_FIELD_ENCRYPTION_KEY")

# --- demo data ---
JMT_DEMO_PASSWORD = os.environ.get("JMT_DEMO_PASSWORD", "")

NINJA_PAGINATION_MAX_PER_PAGE_SIZE = 100

LOGGING: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        "jmt": {"handlers": ["console"], "level": os.environ.get("JMT_LOG_LEVEL", "INFO")},
        "django": {"handlers": ["console"], "level": "WARNING"},
        # httpx logs full URLs at INFO; WeChat puts secrets and tokens in query strings.
        "httpx": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
