"""JMT_PRODUCTION=true: the settings refuse to start without the secrets a server needs (deploy/jmt.env.example)."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from jmt.settings import BASE_DIR, database_from_url, production_problems


def complete_env(tmp_path: Path) -> dict[str, str]:
    return {
        "JMT_PRODUCTION": "true",
        "JMT_VAR_DIR": str(tmp_path),
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(60),
        "JMT_FIELD_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "DATABASE_URL": "postgres://jmt:pw@db1:5432,db2:5432/jmt?target_session_attrs=read-write",
        "DJANGO_ALLOWED_HOSTS": "jmt.example.cn",
    }


def start_settings(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Import the settings in a fresh interpreter, as gunicorn and the worker do at start."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "JMT_", "DATABASE_URL"))}
    return subprocess.run(
        [sys.executable, "-c", "import jmt.settings"],
        env={**base, "PYTHONPATH": str(BASE_DIR / "src"), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_production_starts_with_every_secret_set(tmp_path: Path) -> None:
    result = start_settings(complete_env(tmp_path))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "missing", ["DJANGO_SECRET_KEY", "JMT_FIELD_ENCRYPTION_KEY", "DATABASE_URL", "DJANGO_ALLOWED_HOSTS"]
)
def test_production_refuses_to_start_without_a_needed_setting(tmp_path: Path, missing: str) -> None:
    env = complete_env(tmp_path)
    del env[missing]
    result = start_settings(env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr
    assert not (tmp_path / "secret_key").exists()  # no key quietly generated on the server


def test_short_secret_key_is_refused() -> None:
    problems = production_problems({**complete_env(Path("/nonexistent")), "DJANGO_SECRET_KEY": "changeme"})
    assert any("DJANGO_SECRET_KEY" in p for p in problems)


def test_invalid_field_encryption_key_is_refused() -> None:
    problems = production_problems({**complete_env(Path("/nonexistent")), "JMT_FIELD_ENCRYPTION_KEY": "not-a-key"})
    assert any("JMT_FIELD_ENCRYPTION_KEY" in p for p in problems)


def test_sqlite_database_is_refused_in_production() -> None:
    problems = production_problems({**complete_env(Path("/nonexistent")), "DATABASE_URL": "sqlite:////srv/jmt.db"})
    assert any("DATABASE_URL" in p for p in problems)


def test_debug_is_refused_in_production() -> None:
    problems = production_problems({**complete_env(Path("/nonexistent")), "DJANGO_DEBUG": "true"})
    assert problems == ["DJANGO_DEBUG must be false"]


def test_s3_storage_needs_its_credentials() -> None:
    env = {**complete_env(Path("/nonexistent")), "JMT_STORAGE": "s3", "JMT_S3_BUCKET": "jmt"}
    problems = production_problems(env)
    assert problems == [
        "JMT_S3_ACCESS_KEY_ID must be set when JMT_STORAGE=s3",
        "JMT_S3_SECRET_ACCESS_KEY must be set when JMT_STORAGE=s3",
    ]


def test_without_production_flag_the_embedded_defaults_still_start(tmp_path: Path) -> None:
    result = start_settings({"JMT_VAR_DIR": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "secret_key").exists()


def test_multi_host_database_url_keeps_every_host_and_the_session_attribute() -> None:
    db = database_from_url("postgres://jmt:p%40ss@db1:5432,db2:5433/jmt?target_session_attrs=read-write")
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["HOST"], db["PORT"], db["NAME"], db["USER"], db["PASSWORD"]) == (
        "db1,db2",
        "5432,5433",
        "jmt",
        "jmt",
        "p@ss",
    )
    assert db["OPTIONS"] == {"target_session_attrs": "read-write"}


def test_single_host_database_url_is_parsed_as_before() -> None:
    db = database_from_url("postgres://jmt@db1:5432/jmt")
    assert (db["HOST"], db["PORT"], db["NAME"]) == ("db1", 5432, "jmt")
