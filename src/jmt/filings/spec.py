"""What a filing type is: a workflow graph + a field schema + a form config, declared once.

``FilingType`` bundles them; ``jmt.filings.registry.register`` registers the type and its graph, and
everything else — the API, the merchant pages (PC and H5), the back-office queue, the notifications,
the guided path and the material templates — reads the type from the registry. A new type is one
``FilingType(...)`` value: no endpoint, page or table of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from jmt.workflow.graph import Graph, Move, Notice, State

REVIEW = "operations:filings:edit"
QUEUE_VIEW = "operations:filings:view"

# Field types the form renders and the checks understand.
FIELD_TYPES = frozenset(
    {"text", "textarea", "choice", "phone", "email", "credit_code", "id_number", "postcode", "url", "date", "document"}
)


@dataclass(frozen=True)
class FieldSpec:
    """One field of a filing form.

    ``source`` says where its value comes from so nobody retypes it:
    ``profile.<field>`` (the merchant profile), ``vault.<kind>`` (the newest document of that category
    in 我的资料), ``filing.<type>.<result>`` (a number another filing produced), ``const.<text>``.
    """

    name: str
    label: str
    type: str = "text"
    required: bool = True
    source: str = ""
    choices: tuple[str, ...] = ()
    document_kind: str = ""  # for type "document": the vault category ("" = any)
    max_length: int = 200
    help: str = ""

    def __post_init__(self) -> None:
        if self.type not in FIELD_TYPES:
            raise ValueError(f"field {self.name}: unknown type {self.type!r}")


@dataclass(frozen=True)
class Section:
    title: str
    fields: tuple[FieldSpec, ...]


@dataclass(frozen=True)
class ResultSpec:
    """A number the authority gives back, recorded by 捷晶 on approval.

    ``gateway_field`` names the 点点通 configuration field it pre-fills ("" = none)."""

    name: str
    label: str
    pattern: str = ""  # a regular expression the value must match ("" = any non-empty text)
    pattern_help: str = ""
    required: bool = True
    gateway_field: str = ""
    upper: bool = True  # codes are kept in capitals


@dataclass(frozen=True)
class TemplateSpec:
    """A material template: ``src/jmt/filings/templates/<file>.json`` rendered pre-filled.

    ``format`` is what the merchant gets: ``xlsx`` for forms (a table of labelled values), ``docx`` for
    letters (承诺书, 授权委托书 …) that are Word documents in practice.
    """

    key: str
    title: str
    file: str
    format: Literal["xlsx", "docx"] = "xlsx"


@dataclass(frozen=True)
class FilingType:
    key: str  # the URL key and the catalog item key: "dxp-id"
    feature: str  # FEATURES.md id: "D4"
    label: str  # DXP ID 申请
    order: int  # place on the guided path
    purpose: str  # what it is for, in plain Chinese
    why_export: str  # why it matters for 9610 export (the guided path's recommendation)
    authority: str  # where it is handled
    duration: str  # how long it usually takes
    steps: tuple[str, ...]  # what happens, in order
    sections: tuple[Section, ...]
    results: tuple[ResultSpec, ...] = ()
    templates: tuple[TemplateSpec, ...] = ()
    requires: tuple[str, ...] = ()  # type keys best done first
    optional: bool = False  # on the path but not needed by everyone (a seller may use a platform's DXP ID)
    optional_note: str = ""
    item: str = ""  # the catalog item whose permission codes it uses ("" = ``key``)
    handling_hint: str = "捷晶已将材料递交主管部门，正在办理"
    graph: Graph = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        names = [f.name for f in self.fields()]
        if len(set(names)) != len(names):
            raise ValueError(f"{self.key}: duplicate field")
        object.__setattr__(self, "graph", make_graph(self))

    @property
    def catalog_item(self) -> str:
        return self.item or self.key

    @property
    def graph_type(self) -> str:
        return f"filing-{self.key}"

    @property
    def edit_code(self) -> str:
        return f"filings:{self.catalog_item}:edit"

    @property
    def view_code(self) -> str:
        return f"filings:{self.catalog_item}:view"

    @property
    def route(self) -> str:
        return f"/filings/{self.key}"

    def fields(self) -> list[FieldSpec]:
        return [f for section in self.sections for f in section.fields]

    def field(self, name: str) -> FieldSpec | None:
        return next((f for f in self.fields() if f.name == name), None)

    def template(self, key: str) -> TemplateSpec | None:
        return next((t for t in self.templates if t.key == key), None)


# --- the graph every filing type shares in shape ------------------------------------------------
# State keys and move labels are the same in every filing graph (the log reads a move by its keys).

FILLING, RETURNED, DECLINED, REVIEWING, HANDLING, COMPLETED = (
    "filling",
    "returned",
    "declined",
    "reviewing",
    "handling",
    "completed",
)
EDITABLE_STATES = frozenset({FILLING, RETURNED})

TO_REVIEW = Notice.staff_todo("{label}「{name}」待审核", "商户已提交{label}材料，请尽快审核。")
STATUS = Notice.merchant_status(title="{label}「{name}」{to_label}", body="您的{label}已进入「{to_label}」。{comment}")
RETURNED_NOTICE = Notice.merchant_status(
    title="{label}「{name}」需要修改",
    body="捷晶审核后请您修改部分内容，修改意见已标在对应的填写项上。{comment}",
)
DECLINED_NOTICE = Notice.merchant_status(
    title="{label}「{name}」已驳回", body="您的{label}未通过审核。{comment}。可按原因重新办理。"
)


def make_graph(ft: FilingType) -> Graph:
    from jmt.filings.effects import completed, submitted

    merchant = ft.edit_code
    return Graph(
        type=ft.graph_type,
        label=ft.label,
        model="filings.Filing",
        module="filings",
        todo_item=f"filings:{ft.catalog_item}",
        detail_route=f"{ft.route}?id={{id}}",
        admin_route="/operations/filings?id={id}",
        queue_permission=REVIEW,
        name_field="title",
        model_filter=(("filing_type", ft.key),),
        states=(
            State(FILLING, "填写材料", order=10, hint="请核对预填的信息，补齐材料后提交"),
            State(
                RETURNED,
                "待修改",
                order=15,
                on_board=False,
                board_node=FILLING,
                hint="请按各项的修改意见修改后重新提交",
            ),
            State(DECLINED, "已驳回", order=16, on_board=False, board_node=FILLING, hint="请按驳回原因准备后重新办理"),
            State(REVIEWING, "捷晶审核", order=20, hint="捷晶正在核对您的材料，通常 1 个工作日内完成"),
            State(HANDLING, "主管部门办理", order=30, hint=ft.handling_hint),
            State(COMPLETED, "已办结", order=40, terminal=True, hint="已办结，结果已记录"),
        ),
        moves=(
            Move(FILLING, REVIEWING, merchant, "提交", notify=(TO_REVIEW, STATUS), effect=submitted),
            Move(RETURNED, REVIEWING, merchant, "重新提交", notify=(TO_REVIEW, STATUS), effect=submitted),
            Move(DECLINED, FILLING, merchant, "重新办理", notify=(STATUS,)),
            Move(REVIEWING, RETURNED, REVIEW, "退回修改", needs_comment=True, notify=(RETURNED_NOTICE,)),
            Move(REVIEWING, DECLINED, REVIEW, "驳回", needs_comment=True, notify=(DECLINED_NOTICE,)),
            Move(REVIEWING, HANDLING, REVIEW, "受理并递交", notify=(STATUS,)),
            Move(HANDLING, RETURNED, REVIEW, "退回修改", needs_comment=True, notify=(RETURNED_NOTICE,)),
            Move(HANDLING, DECLINED, REVIEW, "驳回", needs_comment=True, notify=(DECLINED_NOTICE,)),
            Move(HANDLING, COMPLETED, REVIEW, "办结", notify=(STATUS,), effect=completed),
        ),
    )
