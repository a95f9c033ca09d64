import pytest

from jmt.audit.models import OperationLog
from jmt.audit.services import diff
from jmt.integrations.sms import memory
from jmt.merchants.models import MemberRole, Membership, Merchant

pytestmark = pytest.mark.django_db


def test_diff_lists_only_the_fields_that_changed():
    assert diff({"name": "a", "phone": "1"}, {"name": "b", "phone": "1"}) == {"name": ["a", "b"]}


def test_registration_is_audited_with_ip_user_agent_and_the_new_values(api):
    api.post("/auth/sms/send", {"phone": "13812345678", "scene": "login"})
    api.post(
        "/auth/sms/login", {"phone": "13812345678", "code": memory.outbox[-1].code}, headers={"User-Agent": "UA-reg"}
    )
    entries = list(OperationLog.objects.order_by("pk"))
    assert [(e.module, e.action) for e in entries] == [
        ("accounts", "register"),
        ("merchants", "create"),
        ("merchants", "add_member"),
    ]
    register = entries[0]
    assert register.changes["phone"] == [None, "13812345678"]
    assert (register.ip, register.user_agent) == ("127.0.0.1", "UA-reg")
    assert entries[2].changes["role"] == [None, "admin"]


def test_switching_merchant_records_before_and_after(api, merchant_admin, crystal_merchant):
    second = Merchant.objects.create(name="东海二号店")
    Membership.objects.create(user=merchant_admin, merchant=second, role=MemberRole.MEMBER)
    api.as_user(merchant_admin).post("/me/switch-merchant", {"merchant_id": second.pk})
    entry = OperationLog.objects.get(action="switch_merchant")
    assert entry.actor == merchant_admin
    assert entry.changes == {"current_merchant": [crystal_merchant.pk, second.pk]}
