"""The back-office 工作台 lists the queues a staff member may work, with counts and the page that works each."""

from __future__ import annotations

import pytest

from jmt.registration.tests.test_applications import move, submitted_application

pytestmark = pytest.mark.django_db


def _queues(api, user):
    response = api.as_user(user).get("/admin/system/workbench")
    assert response.status_code == 200, response.content
    return {q["key"]: q for q in response.json()["queues"]}


def test_a_reviewer_sees_the_registration_queues_with_counts_and_the_onboarding_page(api, fresh_admin, reviewer):
    queues = _queues(api, reviewer)
    assert queues["registration:review"]["count"] == 0  # listed even when nothing waits
    app = submitted_application(api, fresh_admin)

    queues = _queues(api, reviewer)
    review = queues["registration:review"]
    assert (review["title"], review["count"], review["route"]) == (
        "工商注册申请 · 待材料初审",
        1,
        "/merchants/onboarding",
    )
    assert review["module"] == "merchants"
    assert queues["registration:onsite"]["count"] == 0
    assert set(queues) == {"registration:review", "registration:onsite"}  # no customs rights, no customs queues

    assert move(api, reviewer, app["id"], "onsite").status_code == 200
    queues = _queues(api, reviewer)
    assert (queues["registration:review"]["count"], queues["registration:onsite"]["count"]) == (0, 1)


def test_someone_who_may_only_read_the_queue_gets_no_registration_queue(api, fresh_admin, onlooker):
    submitted_application(api, fresh_admin)
    assert "registration:review" not in _queues(api, onlooker)


def test_a_superadmin_sees_every_modules_queues_and_a_merchant_user_none(api, fresh_admin, superadmin, merchant_admin):
    submitted_application(api, fresh_admin)
    queues = _queues(api, superadmin)
    assert queues["registration:review"]["count"] == 1
    assert {"customs:outbox-attention", "customs:gateway-failed"} <= set(queues)
    assert _queues(api, merchant_admin) == {}
