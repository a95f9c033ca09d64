"""The back-office queue helper, and a graph refusing to be declared wrong."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from jmt.workflow import selectors, services
from jmt.workflow.graph import Graph, Move, Side, State
from jmt.workflow.tests.conftest import actor, make_application

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.mark.django_db
def test_the_queue_lists_every_merchants_items_waiting_on_the_back_office_oldest_first(
    demo_graph, merchant_admin, other_merchant_user, superadmin
):
    with time_machine.travel(T0, tick=False) as clock:
        newer = make_application(merchant_admin.current_merchant)
        older = make_application(other_merchant_user.current_merchant)
        services.transition(actor=actor(other_merchant_user), obj=older, to="review")
        clock.shift(timedelta(hours=1))
        services.transition(actor=actor(merchant_admin), obj=newer, to="review")
    make_application(merchant_admin.current_merchant)  # a draft: the merchant's turn

    waiting = selectors.queue(actor=actor(superadmin), type_="demo", waiting_on=Side.PLATFORM)

    assert list(waiting) == [older, newer]
    counts = {c["key"]: c["count"] for c in selectors.queue_counts(actor=actor(superadmin), type_="demo")}
    assert counts == {"draft": 1, "rejected": 0, "review": 2, "onsite": 0, "approved": 0}


@pytest.mark.django_db
def test_a_merchant_queue_holds_only_its_own_items(demo_graph, merchant_admin, other_merchant_user):
    mine = make_application(merchant_admin.current_merchant)
    make_application(other_merchant_user.current_merchant)

    assert list(selectors.queue(actor=actor(merchant_admin), type_="demo")) == [mine]


def _graph(**changes: Any) -> Graph:
    fields: dict[str, Any] = {
        "type": "broken",
        "label": "坏流程",
        "model": "workflow.DemoApplication",
        "module": "registration",
        "todo_item": "registration:progress",
        "detail_route": "/registration/progress?id={id}",
        "states": (State("a", "甲", 1), State("b", "乙", 2, terminal=True)),
        "moves": (Move("a", "b", "registration:apply:edit", "前进"),),
    }
    fields.update(changes)
    return Graph(**fields)


def test_a_graph_with_a_code_the_catalog_does_not_know_is_refused():
    with pytest.raises(ValueError, match="not a permission code"):
        _graph(moves=(Move("a", "b", "registration:apply:approve", "前进"),))


def test_a_graph_with_a_move_out_of_a_terminal_state_is_refused():
    with pytest.raises(ValueError, match="terminal"):
        _graph(moves=(Move("b", "a", "registration:apply:edit", "回退"),))


def test_a_graph_with_a_move_to_an_unknown_state_is_refused():
    with pytest.raises(ValueError, match="unknown state"):
        _graph(moves=(Move("a", "z", "registration:apply:edit", "前进"),))


def test_whose_turn_it_is_comes_from_the_moves_codes():
    graph = _graph(
        states=(State("a", "甲", 1), State("b", "乙", 2), State("c", "丙", 3, terminal=True)),
        moves=(
            Move("a", "b", "registration:apply:edit", "提交"),
            Move("b", "c", "merchants:onboarding:edit", "核准"),
        ),
    )

    assert graph.waiting_on("a") == {Side.MERCHANT}
    assert graph.waiting_on("b") == {Side.PLATFORM}
    assert graph.waiting_on("c") == set()
    assert graph.initial == "a"  # the key a new object starts in
