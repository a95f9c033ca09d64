"""A declared state graph per application type: states, the moves between them, who may make each move.

A later module declares its graph once, next to its model, and registers it::

    REGISTRATION = register(
        Graph(
            type="registration",
            label="工商注册申请",
            model="registration.Application",
            module="registration",
            todo_item="registration:progress",
            detail_route="/registration/progress?id={id}",
            states=(
                State("draft", "材料填报", order=10, hint="请填写并提交注册材料"),
                State("review", "材料初审", order=20, hint="捷晶正在审核您的材料，通常 1 个工作日内完成"),
                State("rejected", "已驳回", order=15, board_node="draft", hint="请按驳回原因修改后重新提交"),
                State("approved", "核准通过", order=40, terminal=True),
            ),
            moves=(
                Move("draft", "review", "registration:apply:edit", "提交", notify=(Notice.staff_todo(...),)),
                Move("review", "rejected", "merchants:onboarding:edit", "驳回", needs_comment=True,
                     notify=(Notice.merchant_status(),)),
                ...
            ),
        )
    )

Everything else — the one ``transition`` service, the progress board, the timeline, next-step hints,
expected durations, the activity feed, to-do counts and back-office queues — reads the graph.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from jmt.core import catalog

if TYPE_CHECKING:
    from jmt.core.auth import Actor
    from jmt.workflow.models import WorkflowEvent, WorkflowObject


class Side(StrEnum):
    """Whose turn a move is: the merchant's people, or 捷晶's back office."""

    MERCHANT = "merchant"
    PLATFORM = "platform"


class Audience(StrEnum):
    MERCHANT = "merchant"  # every member of the object's merchant
    STAFF = "staff"  # back-office accounts that hold the graph's queue permission


@dataclass(frozen=True)
class State:
    key: str
    label: str
    order: int
    terminal: bool = False
    hint: str = ""  # the next-step hint shown while the object is in this state
    on_board: bool = True  # a node of the progress board
    board_node: str = ""  # for an off-board state (e.g. 已驳回): the board node it is shown on


@dataclass(frozen=True)
class Notice:
    """A message a move raises. Templates may use ``{label} {name} {from_label} {to_label} {comment}``."""

    audience: Audience
    kind: str  # notifications.models.MessageKind value: "status" | "todo"
    title: str
    body: str = ""

    @classmethod
    def merchant_status(
        cls, title: str = "{label}「{name}」{to_label}", body: str = "{label}「{name}」已进入「{to_label}」。{comment}"
    ) -> Notice:
        return cls(Audience.MERCHANT, "status", title, body)

    @classmethod
    def merchant_todo(cls, title: str, body: str = "") -> Notice:
        return cls(Audience.MERCHANT, "todo", title, body)

    @classmethod
    def staff_todo(cls, title: str, body: str = "") -> Notice:
        return cls(Audience.STAFF, "todo", title, body)


Effect = Callable[["TransitionContext"], None]


@dataclass(frozen=True)
class Move:
    source: str
    target: str
    permission: str  # a catalog code, e.g. "registration:apply:edit"
    label: str  # the button: 提交 / 驳回 / 核准
    needs_comment: bool = False  # a reason is required (驳回)
    notify: tuple[Notice, ...] = ()
    effect: Effect | None = None  # runs inside the transition's transaction, after the state is saved

    @property
    def side(self) -> Side:
        return side_of(self.permission)


@dataclass
class TransitionContext:
    """What an ``effect`` sees: the locked object after the change, the event, the actor."""

    actor: Actor
    obj: WorkflowObject
    move: Move
    event: WorkflowEvent
    extra: dict[str, Any] = field(default_factory=dict)


def _catalog_codes() -> dict[str, Side]:
    codes: dict[str, Side] = {}
    for module in catalog.MODULES:
        for code in module.item_permissions():
            codes[code] = Side.MERCHANT
    for module in catalog.ADMIN_MODULES:
        for code in module.item_permissions():
            codes[code] = Side.PLATFORM
    return codes


def side_of(permission: str) -> Side:
    side = _catalog_codes().get(permission)
    if side is None:
        raise ValueError(f"{permission!r} is not a permission code of the service catalog")
    return side


def catalog_item(code: str) -> tuple[catalog.Module, catalog.Item]:
    """``"customs:orders"`` → the merchant module and item of the catalog."""
    module_key, _, item_key = code.partition(":")
    for module in catalog.MODULES:
        if module.key == module_key:
            for item in module.items:
                if item.key == item_key:
                    return module, item
    raise ValueError(f"{code!r} is not a merchant item of the service catalog")


@dataclass(frozen=True)
class Graph:
    type: str  # the URL key: /api/v1/workflow/{type}/{id}/progress
    label: str  # 工商注册申请
    model: str  # "app_label.ModelName", a subclass of workflow.models.WorkflowObject
    module: str  # catalog module key, also the audit module
    states: tuple[State, ...]
    moves: tuple[Move, ...]
    todo_item: str  # "module:item" of the catalog: where the merchant's to-do count and its page are
    detail_route: str  # merchant route of one object, with "{id}"; the feed and messages link to it
    admin_route: str = ""  # back-office route of one object, with "{id}" (staff messages link to it)
    queue_permission: str = ""  # back-office code whose holders receive staff notices
    name_field: str = ""  # a field of the object that names it in titles ("" → "#id")
    # Several graphs may share one model (the five filings): each then names the field values that pick
    # its own rows, e.g. (("filing_type", "dxp-id"),). Every read and ``registry.graph_of`` apply it.
    model_filter: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        keys = [s.key for s in self.states]
        if len(set(keys)) != len(keys):
            raise ValueError(f"{self.type}: duplicate state")
        for move in self.moves:
            if move.source not in keys or move.target not in keys:
                raise ValueError(f"{self.type}: move {move.source}→{move.target} names an unknown state")
            side_of(move.permission)  # fails fast on a code the catalog does not have
            if self.state(move.source).terminal:
                raise ValueError(f"{self.type}: a terminal state ({move.source}) cannot have moves")
        for state in self.states:
            if not state.on_board and state.board_node not in keys:
                raise ValueError(f"{self.type}: off-board state {state.key} needs a board_node")
        catalog_item(self.todo_item)
        if self.queue_permission:
            side_of(self.queue_permission)

    # --- reading the graph ---
    @property
    def initial(self) -> str:
        """The key of the state a new object starts in (the lowest ``order``)."""
        return min(self.states, key=lambda s: s.order).key

    def state(self, key: str) -> State:
        for state in self.states:
            if state.key == key:
                return state
        raise KeyError(key)

    def label_of(self, key: str) -> str:
        try:
            return self.state(key).label
        except KeyError:
            return key

    def moves_from(self, key: str) -> list[Move]:
        return [m for m in self.moves if m.source == key]

    def move(self, source: str, target: str) -> Move | None:
        return next((m for m in self.moves if m.source == source and m.target == target), None)

    def board(self) -> list[State]:
        return sorted((s for s in self.states if s.on_board), key=lambda s: s.order)

    def board_node_of(self, key: str) -> State:
        state = self.state(key)
        return state if state.on_board else self.state(state.board_node)

    def waiting_on(self, key: str) -> set[Side]:
        """Whose turn it is in state ``key`` (empty for a terminal state)."""
        return {m.side for m in self.moves_from(key)}

    def states_waiting_on(self, side: Side) -> list[str]:
        return [s.key for s in self.states if side in self.waiting_on(s.key)]

    def read_codes(self) -> list[str]:
        """Codes that let one see objects of this type: the merchant item's and the back-office queue's ``view``."""
        module, item = catalog_item(self.todo_item)
        codes = [item.permission(module, "view")]
        if self.queue_permission:
            codes.append(self.queue_permission.rsplit(":", 1)[0] + ":view")
        return codes

    def matches(self, obj: Any) -> bool:
        """``obj`` (an instance of ``model``) is one of this graph's objects."""
        return all(str(getattr(obj, name, "")) == value for name, value in self.model_filter)

    def route_for(self, obj_id: int) -> str:
        return self.detail_route.format(id=obj_id)

    def admin_route_for(self, obj_id: int) -> str:
        return (self.admin_route or self.detail_route).format(id=obj_id)
