import pytest
from django.core.management import call_command

from jmt.accounts.models import User
from jmt.merchants.models import Membership, Merchant
from jmt.registration.models import Application

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_the_demo_accounts_and_can_run_again(settings, capsys, tmp_path):
    settings.JMT_DEMO_PASSWORD = "Demo-Password-2026"
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("seed_demo")
    call_command("seed_demo")
    out = capsys.readouterr().out
    assert "Demo-Password-2026" in out
    admin = User.objects.get(username="admin")
    assert admin.is_superadmin
    assert admin.check_password("Demo-Password-2026")
    from jmt.cockpits.seed import DEMO_MERCHANTS

    # three with logins (+ the one whose 工商注册 waits in 材料初审), and the cockpits' history merchants
    assert Merchant.objects.count() == 3 + len(DEMO_MERCHANTS)
    crystal = Merchant.objects.get(name="东海晶莹水晶")
    assert crystal.registration_approved
    assert crystal.credit_code == "91320722MA1XYK1234"  # a profile for the forms to pre-fill from
    assert "13800000005" in out  # the login of the merchant waiting in 材料初审
    roles = dict(Membership.objects.filter(merchant=crystal).values_list("user__phone", "role"))
    assert roles == {"13800000001": "admin", "13800000003": "member"}
    assert Membership.objects.filter(user__phone="13800000001").count() == 2
    assert User.objects.get(phone="13800000001").current_merchant == crystal


def test_the_approved_demo_merchant_holds_a_real_approved_application(settings, tmp_path, api):
    settings.JMT_DEMO_PASSWORD = "Demo-Password-2026"
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("seed_demo")
    call_command("seed_demo")
    crystal = Merchant.objects.get(name="东海晶莹水晶")
    [app] = Application.objects.filter(merchant=crystal)
    assert app.state == "approved"
    assert app.approved_at is not None
    assert crystal.registration_approved
    current = api.as_user(User.objects.get(phone="13800000001")).get("/registration/current").json()
    assert current["application"]["progress"]["state_label"] == "核准通过"
    assert [n["status"] for n in current["application"]["progress"]["nodes"]] == ["done"] * 4


def test_seed_demo_generates_and_prints_a_password_when_none_is_configured(settings, capsys, tmp_path):
    settings.JMT_DEMO_PASSWORD = ""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("seed_demo")
    line = next(line for line in capsys.readouterr().out.splitlines() if "用户名 admin" in line)
    password = line.split("密码")[1].strip()
    assert len(password) >= 12
    assert User.objects.get(username="admin").check_password(password)
