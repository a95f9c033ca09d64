"""The one ``transition`` service: the graph's rules, permissions, scope, and all it writes in one transaction."""

from __future__ import annotations

import pytest
from django_tasks_db.models import DBTaskResult

from jmt.accounts.selectors import build_actor
from jmt.audit.models import OperationLog
from jmt.core.errors import ApiError, NotFound, PermissionDenied
from jmt.merchants.models import RegistrationStatus
from jmt.notifications.models import Message
from jmt.workflow import services
from jmt.workflow.models import WorkflowEvent
from jmt.workflow.tests.conftest import actor, make_application

pytestmark = pytest.mark.django_db


def test_submitting_a_draft_moves_it_and_writes_event_audit_and_a_staff_todo(demo_graph, merchant_admin, superadmin):
    app = make_application(merchant_admin.current_merchant)

    event = services.transition(actor=actor(merchant_admin), obj=app, to="review")

    app.refresh_from_db()
    assert app.state == "review"
    assert (event.from_state, event.to_state, event.actor_id, event.merchant_id) == (
        "draft",
        "review",
        merchant_admin.pk,
        app.merchant_id,
    )
    assert event.title == "演示申请「东海晶莹水晶工商注册」提交：材料填报 → 材料初审"
    log = OperationLog.objects.get(action="workflow:draft->review")
    assert (log.module, log.object_id, log.changes["state"]) == ("registration", str(app.pk), ["draft", "review"])
    todo = Message.objects.get(recipient=superadmin)
    assert (todo.kind, todo.title, todo.link, todo.merchant_id) == (
        "todo",
        "演示申请「东海晶莹水晶工商注册」待初审",
        f"/merchants/onboarding?id={app.pk}",
        None,
    )


def test_a_move_the_graph_does_not_allow_is_409_with_the_allowed_targets(demo_graph, merchant_admin):
    app = make_application(merchant_admin.current_merchant)

    with pytest.raises(ApiError) as refused:
        services.transition(actor=actor(merchant_admin), obj=app, to="approved")

    assert refused.value.status == 409
    assert refused.value.code == "WORKFLOW_ILLEGAL_TRANSITION"
    assert refused.value.details == {"current": "draft", "to": "approved", "allowed": ["review"]}
    app.refresh_from_db()
    assert app.state == "draft"
    assert not WorkflowEvent.objects.exists()


def test_a_read_only_member_cannot_submit(demo_graph, merchant_admin, merchant_member):
    app = make_application(merchant_admin.current_merchant)

    with pytest.raises(PermissionDenied):
        services.transition(actor=actor(merchant_member), obj=app, to="review")
    app.refresh_from_db()
    assert app.state == "draft"


def test_a_merchant_cannot_make_the_back_office_move(demo_graph, merchant_admin):
    app = make_application(merchant_admin.current_merchant, state="review")

    with pytest.raises(PermissionDenied):
        services.transition(actor=actor(merchant_admin), obj=app, to="onsite")


def test_another_merchants_user_does_not_find_the_application(demo_graph, merchant_admin, other_merchant_user):
    app = make_application(merchant_admin.current_merchant)

    with pytest.raises(NotFound):
        services.transition(actor=actor(other_merchant_user), obj=app, to="review")


def test_rejecting_needs_a_reason(demo_graph, merchant_admin, superadmin):
    app = make_application(merchant_admin.current_merchant, state="review")

    with pytest.raises(ApiError) as refused:
        services.transition(actor=actor(superadmin), obj=app, to="rejected", comment="  ")

    assert (refused.value.status, refused.value.code) == (422, "WORKFLOW_COMMENT_REQUIRED")
    assert refused.value.details == {"fields": {"comment": "请填写原因"}}


def test_a_rejection_tells_every_member_of_the_merchant_the_reason(
    demo_graph, merchant_admin, merchant_member, other_merchant_user, superadmin
):
    app = make_application(merchant_admin.current_merchant, state="review")

    services.transition(actor=actor(superadmin), obj=app, to="rejected", comment="营业执照照片不清晰")

    messages = Message.objects.filter(kind="status").order_by("recipient_id")
    assert [m.recipient_id for m in messages] == [merchant_admin.pk, merchant_member.pk]
    message = messages[0]
    assert message.title == "演示申请「东海晶莹水晶工商注册」已驳回"
    assert "说明：营业执照照片不清晰" in message.body
    assert message.link == f"/registration/progress?id={app.pk}"
    assert message.mp_pagepath == "pages/webview/index?path=%2Fm%2Fregistration%2Fprogress%3Fid%3D" + str(app.pk)
    assert (message.merchant_id, message.related_type, message.related_id) == (
        app.merchant_id,
        "workflow.DemoApplication",
        str(app.pk),
    )
    event = WorkflowEvent.objects.get()
    assert event.comment == "营业执照照片不清晰"


def test_the_final_approval_runs_its_effect_and_unlocks_the_merchant(demo_graph, merchant_admin, superadmin):
    merchant = merchant_admin.current_merchant
    merchant.registration_status = RegistrationStatus.IN_PROGRESS
    merchant.save()
    app = make_application(merchant, state="onsite")

    services.transition(actor=actor(superadmin), obj=app, to="approved")

    merchant.refresh_from_db()
    assert merchant.registration_approved


def test_a_failure_while_notifying_rolls_back_everything_the_move_wrote(
    demo_graph, merchant_admin, superadmin, monkeypatch
):
    merchant_admin.wechat_unionid = "union-admin"
    merchant_admin.save()
    merchant = merchant_admin.current_merchant
    merchant.registration_status = RegistrationStatus.IN_PROGRESS
    merchant.save()
    app = make_application(merchant, state="onsite")

    def broken(**kwargs):
        raise RuntimeError("the message store is down")

    # State, event, audit entry and the effect are written before the notices are raised.
    monkeypatch.setattr("jmt.workflow.services.notify", broken)
    with pytest.raises(RuntimeError):
        services.transition(actor=actor(superadmin), obj=app, to="approved")

    app.refresh_from_db()
    merchant.refresh_from_db()
    assert app.state == "onsite"
    assert not merchant.registration_approved  # the effect was undone too
    assert not WorkflowEvent.objects.exists()
    assert not OperationLog.objects.filter(action__startswith="workflow:").exists()
    assert not Message.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_an_impersonated_move_records_both_identities(demo_graph, merchant_admin, superadmin):
    app = make_application(merchant_admin.current_merchant)
    as_merchant = build_actor(merchant_admin)
    as_merchant.impersonator = superadmin

    event = services.transition(actor=as_merchant, obj=app, to="review")

    assert (event.actor_id, event.impersonator_id) == (merchant_admin.pk, superadmin.pk)
    log = OperationLog.objects.get(action="workflow:draft->review")
    assert (log.actor_id, log.impersonator_id) == (merchant_admin.pk, superadmin.pk)


def test_the_callers_instance_follows_the_move(demo_graph, merchant_admin):
    app = make_application(merchant_admin.current_merchant)

    services.transition(actor=actor(merchant_admin), obj=app, to="review")

    assert app.state == "review"


def test_start_records_the_creation_on_the_timeline(demo_graph, merchant_admin):
    app = make_application(merchant_admin.current_merchant)

    event = services.start(actor=actor(merchant_admin), obj=app)

    assert (event.from_state, event.to_state) == ("", "draft")
    assert event.title == "演示申请「东海晶莹水晶工商注册」已创建"
