"""点点通 configuration (C6): the back office saves it (secret encrypted at rest, checked at once), the
merchant reads it without the secret, declarations wait for a passing check, and the outbox sends with
the merchant's own account."""

from __future__ import annotations

import json

import pytest
from django.db import connection

from conftest import make_role, make_staff
from jmt.audit.models import OperationLog
from jmt.core import crypto
from jmt.customs.models import CheckStatus, DocStatus, GatewayConfig, Outbox, OutboxState
from jmt.customs.services.gateway import GatewayResolver, ensure_ready
from jmt.customs.services.outbox import outbox_dispatch
from jmt.customs.services.submission import batch_submit
from jmt.customs.tests.factories import make_batch, make_gateway_config, make_shipment
from jmt.integrations.customs_gateway.simulator import Simulator
from jmt.integrations.customs_gateway.tests.fake_server import FakeDianDuanTong
from jmt.integrations.testing import FakeHttpServer

pytestmark = pytest.mark.django_db

SECRET = "Jj-9610-secret-ab12"


def config_body(**overrides):
    body = {
        "base_url": "https://ddt.example.cn/api",
        "app_key": "jmt-donghai",
        "app_secret": SECRET,
        "ebc_code": "3207960a01",
        "ebc_name": "东海晶莹水晶有限公司",
        "agent_code": "3207960B01",
        "agent_name": "连云港捷晶报关有限公司",
        "customs_code": "2305",
        "port_code": "2305",
        "dxp_id": "DXPENT0000012345",
        "callback_url": "https://jmt.example.cn/api/v1/customs/gateway/callback",
        "is_enabled": True,
    }
    body.update(overrides)
    return body


def put(api, path, body):
    return api.client.put(
        f"/api/v1{path}",
        json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {api.token}"},
    )


@pytest.fixture
def root(api, superadmin):
    return api.as_user(superadmin)


def test_the_secret_is_encrypted_at_rest_and_never_returned(root, crystal_merchant):
    response = put(root, f"/admin/customs/gateway-configs/{crystal_merchant.pk}", config_body())
    assert response.status_code == 200, response.json()
    assert SECRET not in response.content.decode()
    assert response.json()["app_secret"] == "已设置（末 4 位 ****ab12）"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT app_secret_encrypted FROM customs_gatewayconfig WHERE merchant_id = %s", [crystal_merchant.pk]
        )
        [stored] = cursor.fetchone()
    assert stored.startswith("gAAAA")  # a Fernet token
    assert SECRET not in stored
    assert GatewayConfig.objects.get(merchant=crystal_merchant).secret() == SECRET
    listing = root.get("/admin/customs/gateway-configs")
    assert SECRET not in listing.content.decode()
    log = OperationLog.objects.get(action="gateway_config_create")
    assert SECRET not in json.dumps(log.changes, ensure_ascii=False)


def test_saving_runs_the_check_and_a_wrong_secret_fails_then_a_fix_passes(root, crystal_merchant):
    path = f"/admin/customs/gateway-configs/{crystal_merchant.pk}"
    failed = put(root, path, config_body(app_secret="wrong-secret")).json()
    assert failed["check_status"] == "failed"
    assert failed["check_status_label"] == "检测未通过"
    assert "凭证无效" in failed["check_message"]
    assert failed["readiness"]["code"] == "CUSTOMS_GATEWAY_CHECK_FAILED"
    fixed = put(root, path, config_body(app_secret="right-secret-9999")).json()
    assert (fixed["check_status"], fixed["readiness"]["ready"]) == ("ok", True)
    assert "****9999" in fixed["app_secret"]
    assert fixed["ebc_code"] == "3207960A01"  # codes are upper-cased


def test_leaving_the_secret_empty_keeps_the_stored_one_and_recheck_runs_again(root, crystal_merchant):
    path = f"/admin/customs/gateway-configs/{crystal_merchant.pk}"
    put(root, path, config_body())
    kept = put(root, path, config_body(app_secret="", dxp_id="DXPENT0000099999")).json()
    assert kept["dxp_id"] == "DXPENT0000099999"
    assert GatewayConfig.objects.get(merchant=crystal_merchant).secret() == SECRET
    GatewayConfig.objects.filter(merchant=crystal_merchant).update(base_url="https://unreachable.example.cn/api")
    rechecked = root.post(f"/admin/customs/gateway-configs/{crystal_merchant.pk}/check").json()
    assert rechecked["check_status"] == "failed"
    assert "无法连接" in rechecked["check_message"]


def test_a_new_configuration_needs_its_fields_in_chinese(root, crystal_merchant):
    response = put(
        root,
        f"/admin/customs/gateway-configs/{crystal_merchant.pk}",
        config_body(app_secret=None, base_url="ddt.example.cn", customs_code="23", ebc_code="123"),
    )
    assert response.status_code == 422
    fields = response.json()["details"]["fields"]
    assert fields["app_secret"] == "请填写 App Secret"
    assert "http://" in fields["base_url"]
    assert "4 位数字" in fields["customs_code"]
    assert "10 位海关编码" in fields["ebc_code"]
    assert not GatewayConfig.objects.exists()


def test_the_merchant_reads_its_configuration_without_the_secret(api, merchant_member, crystal_merchant):
    make_gateway_config(crystal_merchant, secret="member-must-not-see-9876")
    response = api.as_user(merchant_member).get("/customs/gateway")
    assert response.status_code == 200
    body = response.json()
    assert body["configured"] is True
    assert body["app_secret"] == "已设置（末 4 位 ****9876）"
    assert "member-must-not-see" not in response.content.decode()
    assert body["readiness"] == {"ready": True, "code": "", "message": ""}


def test_a_merchant_without_configuration_is_told_whom_to_ask(api, merchant_admin):
    body = api.as_user(merchant_admin).get("/customs/gateway").json()
    assert body["configured"] is False
    assert body["readiness"]["code"] == "CUSTOMS_GATEWAY_NOT_CONFIGURED"
    assert "请联系捷晶管理员配置点点通接口" in body["readiness"]["message"]


def test_staff_without_the_code_get_403_and_merchant_users_404(api, crystal_merchant, merchant_admin):
    clerk = make_staff("clerk", roles=[make_role("受理员", ["merchants:list:view"])])
    refused = api.as_user(clerk).get("/admin/customs/gateway-configs")
    assert (refused.status_code, refused.json()["code"]) == (403, "PERMISSION_DENIED")
    hidden = api.as_user(merchant_admin).get("/admin/customs/gateway-configs")
    assert hidden.status_code == 404


def test_a_read_only_data_scope_cannot_save_a_configuration(api, crystal_merchant):
    viewer = make_staff(
        "viewer",
        roles=[make_role("只读", ["operations:gateway:view", "operations:gateway:edit"], data_scope="all_read")],
    )
    viewer_api = api.as_user(viewer)
    assert viewer_api.get(f"/admin/customs/gateway-configs/{crystal_merchant.pk}").status_code == 200
    response = put(viewer_api, f"/admin/customs/gateway-configs/{crystal_merchant.pk}", config_body())
    assert response.status_code == 404
    assert not GatewayConfig.objects.exists()


def test_submission_is_refused_while_the_configuration_is_missing_or_failing(crystal_merchant, actor_for):
    from jmt.core.errors import ApiError

    batch = make_batch(crystal_merchant, gateway=False)
    make_shipment(batch)
    with pytest.raises(ApiError) as missing:
        batch_submit(actor=actor_for(crystal_merchant), batch=batch)
    assert missing.value.code == "CUSTOMS_GATEWAY_NOT_CONFIGURED"
    assert "请联系捷晶管理员配置点点通接口" in missing.value.message
    config = make_gateway_config(crystal_merchant, check_status=CheckStatus.FAILED, check_message="凭证无效")
    with pytest.raises(ApiError) as failing:
        ensure_ready(crystal_merchant)
    assert failing.value.code == "CUSTOMS_GATEWAY_CHECK_FAILED"
    assert failing.value.message == "点点通接口检测未通过：凭证无效，请联系捷晶管理员"
    config.check_status = CheckStatus.OK
    config.is_enabled = False
    config.save()
    with pytest.raises(ApiError) as disabled:
        ensure_ready(crystal_merchant)
    assert disabled.value.code == "CUSTOMS_GATEWAY_NOT_CONFIGURED"
    assert Outbox.objects.count() == 0


def test_rotated_keys_still_decrypt_and_a_lost_key_is_reported(settings, crystal_merchant):
    old = crypto.Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    config = make_gateway_config(crystal_merchant, secret="rotate-me-1234")
    settings.FIELD_ENCRYPTION_KEYS = [crypto.Fernet.generate_key().decode(), old]
    assert GatewayConfig.objects.get(pk=config.pk).secret() == "rotate-me-1234"
    settings.FIELD_ENCRYPTION_KEYS = [crypto.Fernet.generate_key().decode()]
    with pytest.raises(crypto.DecryptionFailed):
        GatewayConfig.objects.get(pk=config.pk).secret()


# --- the real adapter with a merchant's own account -----------------------------------------------


@pytest.fixture
def merchant_gateway(settings):
    settings.HTTP_ALLOW_PRIVATE_HOSTS = True
    settings.CUSTOMS_GATEWAY_BACKEND = "dianduantong"
    settings.CUSTOMS_GATEWAY_BASE_URL = "http://127.0.0.1:9/not-this-one"
    settings.CUSTOMS_GATEWAY_APP_KEY = "platform-key"
    settings.CUSTOMS_GATEWAY_APP_SECRET = "platform-secret"
    with FakeHttpServer(FakeDianDuanTong(app_key="donghai-key", secret="donghai-secret")) as server:
        yield server


def test_the_outbox_sends_with_the_merchants_own_base_url_key_and_secret(merchant_gateway, crystal_merchant):
    make_gateway_config(
        crystal_merchant, base_url=merchant_gateway.url + "ddt", app_key="donghai-key", secret="donghai-secret"
    )
    batch = make_batch(crystal_merchant)
    order, _, _ = make_shipment(batch)
    batch_submit(actor=_actor(crystal_merchant), batch=batch)
    fallback = Simulator()  # would be used only for merchants without a configuration
    report = outbox_dispatch(gateway=fallback, resolve=GatewayResolver(fallback))
    assert report.sent == 2
    calls = merchant_gateway.calls("/ddt/ceb/messages")
    assert len(calls) == 2
    assert {c.headers["x-app-key"] for c in calls} == {"donghai-key"}
    assert set(merchant_gateway.app.accepted) == set(Outbox.objects.values_list("message__guid", flat=True))
    order.refresh_from_db()
    assert order.status == DocStatus.SENT
    assert Outbox.objects.filter(state=OutboxState.SENT).count() == 2


def test_the_real_adapter_checks_a_merchants_account_on_save(merchant_gateway, api, superadmin, crystal_merchant):
    root = api.as_user(superadmin)
    path = f"/admin/customs/gateway-configs/{crystal_merchant.pk}"
    base = merchant_gateway.url + "ddt"
    bad = put(root, path, config_body(base_url=base, app_key="donghai-key", app_secret="not-it")).json()
    assert bad["check_status"] == "failed"
    assert "凭证无效" in bad["check_message"]
    good = put(root, path, config_body(base_url=base, app_key="donghai-key", app_secret="donghai-secret")).json()
    assert good["check_status"] == "ok"
    assert good["check_message"] == "连接正常，密钥有效"
    assert merchant_gateway.calls("/ddt/ping")


def _actor(merchant):
    from jmt.core.auth import Actor

    return Actor(user=None, merchant=merchant, role="admin", permissions=frozenset())


def test_a_callback_signed_with_a_merchants_key_verifies_against_that_merchants_secret(settings, crystal_merchant):
    from jmt.customs.services.gateway import callback_credentials

    settings.CUSTOMS_GATEWAY_APP_KEY = "platform-key"
    settings.CUSTOMS_GATEWAY_APP_SECRET = "platform-secret"
    make_gateway_config(crystal_merchant, app_key="donghai-key", secret="donghai-secret")
    assert callback_credentials("donghai-key") == ("donghai-key", "donghai-secret")
    assert callback_credentials("someone-else") == ("platform-key", "platform-secret")
    assert callback_credentials("") == ("platform-key", "platform-secret")
