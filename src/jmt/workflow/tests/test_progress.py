"""Progress boards, next-step hints and expected durations, drawn from the graph and its history."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from jmt.workflow import selectors, services
from jmt.workflow.tests.conftest import actor, make_application

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def test_the_board_shows_done_current_and_pending_nodes_with_the_hint(api, demo_graph, merchant_admin):
    app = make_application(merchant_admin.current_merchant)
    services.transition(actor=actor(merchant_admin), obj=app, to="review")

    body = api.as_user(merchant_admin).get(f"/workflow/demo/{app.pk}/progress").json()

    assert [(n["label"], n["status"]) for n in body["nodes"]] == [
        ("材料填报", "done"),
        ("材料初审", "current"),
        ("现场核验", "pending"),
        ("核准通过", "pending"),
    ]
    assert (body["state"], body["state_label"], body["hint"]) == ("review", "材料初审", "捷晶正在审核您的材料")
    assert body["waiting_on"] == ["platform"]
    assert body["allowed"] == []  # the merchant has nothing to do now
    assert [e["to_label"] for e in body["timeline"]] == ["材料初审"]
    assert body["timeline"][0]["actor_side"] == "merchant"


def test_a_rejected_application_sits_on_its_first_node_with_the_reason(api, demo_graph, merchant_admin, superadmin):
    app = make_application(merchant_admin.current_merchant, state="review")
    services.transition(actor=actor(superadmin), obj=app, to="rejected", comment="缺少法人身份证反面")

    body = api.as_user(merchant_admin).get(f"/workflow/demo/{app.pk}/progress").json()

    assert body["nodes"][0] == {
        "key": "draft",
        "label": "材料填报",
        "status": "current",
        "state_label": "已驳回",
        "expected_seconds": None,
    }
    assert body["last_comment"] == "缺少法人身份证反面"
    assert body["hint"] == "请按驳回原因修改后重新提交"
    assert body["allowed"] == [{"to": "review", "to_label": "材料初审", "label": "重新提交", "needs_comment": False}]
    assert body["timeline"][0]["actor_side"] == "platform"


def test_an_approved_application_has_every_node_done(api, demo_graph, merchant_admin, superadmin):
    app = make_application(merchant_admin.current_merchant, state="onsite")
    services.transition(actor=actor(superadmin), obj=app, to="approved")

    body = api.as_user(merchant_admin).get(f"/workflow/demo/{app.pk}/progress").json()

    assert {n["status"] for n in body["nodes"]} == {"done"}
    assert body["terminal"] is True
    assert body["expected_seconds"] is None


def test_the_back_office_sees_the_moves_it_may_make(api, demo_graph, merchant_admin, superadmin):
    app = make_application(merchant_admin.current_merchant, state="review")

    body = api.as_user(superadmin).get(f"/workflow/demo/{app.pk}/progress").json()

    assert [(m["to"], m["label"], m["needs_comment"]) for m in body["allowed"]] == [
        ("rejected", "驳回", True),
        ("onsite", "通过初审", False),
    ]


def test_expected_duration_is_the_median_of_past_stays_and_null_without_history(demo_graph, merchant_admin, superadmin):
    merchant = merchant_admin.current_merchant
    for hours in (1, 3, 2):
        with time_machine.travel(T0, tick=False) as clock:
            app = make_application(merchant)
            services.transition(actor=actor(merchant_admin), obj=app, to="review")
            clock.shift(timedelta(hours=hours))
            services.transition(actor=actor(superadmin), obj=app, to="onsite")

    expected = selectors.expected_durations(demo_graph)

    assert expected["review"] == 2 * 3600
    assert expected["onsite"] is None  # nobody has left 现场核验 yet
    assert expected["draft"] is None  # no creation events were recorded
    current = make_application(merchant, state="review")
    board = selectors.progress(actor=actor(merchant_admin), type_="demo", obj_id=current.pk)
    assert board["expected_seconds"] == 7200
    assert [n["expected_seconds"] for n in board["nodes"]] == [None, 7200, None, None]


def test_another_merchant_cannot_see_the_board(api, demo_graph, merchant_admin, other_merchant_user):
    app = make_application(merchant_admin.current_merchant)

    response = api.as_user(other_merchant_user).get(f"/workflow/demo/{app.pk}/progress")

    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"


def test_an_unknown_type_is_a_coded_404(api, merchant_admin):
    response = api.as_user(merchant_admin).get("/workflow/no-such-type/1/progress")

    assert response.status_code == 404
    assert response.json()["code"] == "WORKFLOW_TYPE_UNKNOWN"


def test_the_transition_endpoint_moves_and_returns_the_new_board(api, demo_graph, merchant_admin):
    app = make_application(merchant_admin.current_merchant)

    response = api.as_user(merchant_admin).post(f"/workflow/demo/{app.pk}/transitions", {"to": "review"})

    assert response.status_code == 200
    assert response.json()["state"] == "review"


def test_the_transition_endpoint_refuses_an_illegal_move_with_409_and_the_allowed_moves(
    api, demo_graph, superadmin, merchant_admin
):
    app = make_application(merchant_admin.current_merchant, state="review")

    response = api.as_user(superadmin).post(f"/workflow/demo/{app.pk}/transitions", {"to": "approved"})

    assert response.status_code == 409
    body = response.json()
    assert body["code"] == "WORKFLOW_ILLEGAL_TRANSITION"
    assert body["details"]["allowed"] == ["rejected", "onsite"]
    assert "材料初审" in body["message"]
