import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

PRODUCTION_ENV = {
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
    "DJANGO_DEBUG": "false",
    "DJANGO_SECURE_SSL_REDIRECT": "true",
    "DJANGO_SECURE_COOKIES": "true",
    "DJANGO_HSTS_SECONDS": "31536000",
    "DJANGO_BEHIND_PROXY": "true",
    "DJANGO_ALLOWED_HOSTS": "jmt.example.cn",
}


def test_the_deployment_checklist_is_clean_with_production_settings(tmp_path):
    env = {**os.environ, **PRODUCTION_ENV, "JMT_VAR_DIR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser journeys in this process, never in production
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_every_response_carries_the_security_headers(client):
    response = client.get("/api/v1/system/notices")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    script_src = csp.split("script-src")[1].split(";")[0]
    assert script_src.strip() == "'self'"
    assert "style-src 'self' 'unsafe-inline'" in csp  # antd's CSS-in-JS injects <style> elements
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_the_single_page_apps_are_served_with_the_policy(client):
    response = client.get("/admin/system/logs")
    assert "script-src 'self';" in response["Content-Security-Policy"]


def test_only_the_mobile_h5_may_load_the_wechat_js_sdk_for_the_mini_program_bridge(client):
    mobile = client.get("/m/downloads")["Content-Security-Policy"]
    assert mobile.split("script-src")[1].split(";")[0].strip() == "'self' https://res.wx.qq.com"
    for path in ("/downloads", "/admin/downloads", "/api/v1/system/notices"):
        assert client.get(path)["Content-Security-Policy"].split("script-src")[1].split(";")[0].strip() == "'self'"


def test_behind_the_proxy_https_is_enforced_with_hsts(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    plain = client.get("/api/v1/system/notices")
    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")
    secure = client.get("/api/v1/system/notices", headers={"X-Forwarded-Proto": "https"})
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"


def test_the_api_docs_load_their_scripts_from_our_own_origin(client):
    page = client.get("/api/v1/docs").content.decode()
    assert "cdn." not in page
    assert "/static/ninja/swagger-ui-bundle.js" in page
    assert client.get("/static/ninja/swagger-ui-bundle.js").status_code == 200


def test_a_refusal_is_a_json_error_in_chinese(client):
    response = client.get("/api/v1/admin/system/monitor")
    assert response.status_code == 401
    assert response.json() == {"code": "UNAUTHENTICATED", "message": "请先登录", "details": {}}
