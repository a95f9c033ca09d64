"""Shared test fixtures: the personas every test speaks of, and an API client that speaks JSON."""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.apps import apps as django_apps
from django.test import Client

from jmt.accounts.models import User
from jmt.accounts.tokens import issue_tokens
from jmt.customs.codes import ports_changed
from jmt.merchants.models import MemberRole, Membership, Merchant, RegistrationStatus


class Api:
    """A JSON client for /api/v1 that can carry a bearer token."""

    def __init__(self, client: Client, token: str | None = None) -> None:
        self.client = client
        self.token = token

    def _headers(self, extra: dict[str, str] | None) -> dict[str, str]:
        headers = dict(extra or {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        return headers

    def get(self, path: str, headers: dict[str, str] | None = None, **params: Any) -> Any:
        return self.client.get(f"/api/v1{path}", params, headers=self._headers(headers))

    def post(self, path: str, body: Any = None, headers: dict[str, str] | None = None, **extra: Any) -> Any:
        return self.client.post(
            f"/api/v1{path}",
            json.dumps(body or {}),
            content_type="application/json",
            headers=self._headers(headers),
            **extra,
        )

    def as_user(self, user: User) -> Api:
        return Api(self.client, issue_tokens(user, remember=False).access)


@pytest.fixture(autouse=True)
def _port_table(request: pytest.FixtureRequest) -> Iterator[None]:
    """Each test starts from the port code table the migration loads (the sample rows): a transactional test
    (every browser journey) flushes it, and a test that wrote it leaves its rows in the in-process cache."""
    ports_changed()
    uses_db = {"db", "transactional_db"} & set(request.fixturenames) or request.node.get_closest_marker("django_db")
    if uses_db:
        # an autouse fixture runs before the test's own database fixture: ask for the one the test uses
        marker = request.node.get_closest_marker("django_db")
        transactional = "transactional_db" in request.fixturenames or bool(marker and marker.kwargs.get("transaction"))
        request.getfixturevalue("transactional_db" if transactional else "db")
        from jmt.customs.models import PortCode

        if not PortCode.objects.exists():
            sample = importlib.import_module("jmt.customs.migrations.0008_port_codes")
            sample.load_sample(django_apps, None)
    yield
    ports_changed()


@pytest.fixture(autouse=True)
def _stand_ins(settings: Any) -> Iterator[None]:
    """Tests use the in-memory SMS outbox and the fake WeChat client, both empty at the start of each test."""
    from jmt.integrations.sms import memory
    from jmt.integrations.wechat import fake

    settings.SMS_BACKEND = "memory"
    settings.WECHAT_BACKEND = "fake"
    memory.clear()
    fake.clear()
    yield
    memory.clear()
    fake.clear()


@pytest.fixture
def api(client: Client) -> Api:
    return Api(client)


def queries_of(call: Callable[[], Any]) -> int:
    """How many queries ``call`` runs once warm (a first call fills the caches: the built-in role rows …),
    without the request-metrics flush that follows a response now and then."""
    from django.db import connection
    from django.test import override_settings
    from django.test.utils import CaptureQueriesContext

    with override_settings(REQUEST_METRICS_FLUSH_SECONDS=0):
        call()
        with CaptureQueriesContext(connection) as captured:
            call()
    return len(captured)


def make_merchant_user(phone: str, merchant: Merchant, role: str, name: str = "") -> User:
    user = User.objects.create_user(username=phone, phone=phone, name=name, current_merchant=merchant)
    Membership.objects.create(user=user, merchant=merchant, role=role)
    return user


@pytest.fixture
def crystal_merchant(db: None) -> Merchant:
    """东海晶莹水晶: 工商注册 approved, every module open."""
    return Merchant.objects.create(name="东海晶莹水晶", registration_status=RegistrationStatus.APPROVED)


@pytest.fixture
def merchant_admin(crystal_merchant: Merchant) -> User:
    """商户管理员 of 东海晶莹水晶."""
    return make_merchant_user("13800000001", crystal_merchant, MemberRole.ADMIN, "林晶莹")


@pytest.fixture
def merchant_member(crystal_merchant: Merchant) -> User:
    """商户成员 (read-only) of 东海晶莹水晶."""
    return make_merchant_user("13800000003", crystal_merchant, MemberRole.MEMBER, "王小明")


@pytest.fixture
def other_merchant_user(db: None) -> User:
    """其他商户的用户: admin of a different, not yet registered merchant."""
    return make_merchant_user("13900000009", Merchant.objects.create(name="连云港某水晶店"), MemberRole.ADMIN)


@pytest.fixture
def superadmin(db: None) -> User:
    """超级管理员 of the back office."""
    return User.objects.create_user(
        username="root", password="Crystal-2026!", name="超级管理员", is_staff=True, is_superadmin=True
    )


STAFF_PASSWORD = "Crystal-2026!"


def make_staff(
    username: str, *, roles: Any = (), name: str = "", password: str = STAFF_PASSWORD, **fields: Any
) -> User:
    """A back-office account holding ``roles`` (platform ``rbac.Role`` rows)."""
    from jmt.rbac.models import RoleAssignment

    user = User.objects.create_user(username=username, password=password, name=name, is_staff=True, **fields)
    for role in roles:
        RoleAssignment.objects.create(user=user, role=role)
    return user


def make_role(name: str, codes: Any, *, data_scope: str = "all_read", **fields: Any) -> Any:
    from jmt.rbac.models import Role

    return Role.objects.create(name=name, permissions=sorted(codes), data_scope=data_scope, **fields)


@pytest.fixture
def customer_service(db: None) -> User:
    """客服: a back-office account whose role reads every merchant and may switch to merchant users (read-only)."""
    role = make_role(
        "客服",
        ["merchants:list:view", "system:impersonation:view", "system:impersonation:edit"],
        data_scope="all_read",
    )
    return make_staff("kefu", roles=[role], name="张客服")


S3_BUCKET = "jmt-uploads"


@pytest.fixture
def s3(settings: Any) -> Iterator[Any]:
    """The default storage switched to a bucket on moto's local S3 server (JMT_STORAGE=s3 in production);
    yields a boto3 client of that server. The bucket starts empty: moto keeps its state per process, so it
    is reset first (an object left by an earlier test would otherwise still be there)."""
    import socket
    import urllib.request

    import boto3  # type: ignore[import-untyped]
    from moto.server import ThreadedMotoServer

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    urllib.request.urlopen(urllib.request.Request(f"{endpoint}/moto-api/reset", method="POST")).close()  # noqa: S310
    credentials = {"aws_access_key_id": "test-key", "aws_secret_access_key": "test-secret"}
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **credentials)
    client.create_bucket(Bucket=S3_BUCKET)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": S3_BUCKET,
                "endpoint_url": endpoint,
                "access_key": credentials["aws_access_key_id"],
                "secret_key": credentials["aws_secret_access_key"],
                "region_name": "us-east-1",
                "default_acl": None,
                "file_overwrite": False,
            },
        },
    }
    yield client
    server.stop()
