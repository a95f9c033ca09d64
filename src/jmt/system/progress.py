"""我的进度 (G10, H5): each module's steps done, the next step, and the merchant's recent 9610 orders.

One read built from each app's own selectors, so every figure is the current merchant's and only what
the person may read: a module closed to the merchant (工商注册 not approved) or to the person (no
permission) shows its steps undone and why, without reading its rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from jmt.accounts.selectors import catalog_for
from jmt.core import catalog
from jmt.core.auth import Actor
from jmt.core.errors import ApiError, NotFound, PermissionDenied
from jmt.customs import selectors as customs
from jmt.customs.codes.receipts import explain_document
from jmt.customs.services.gateway import readiness
from jmt.filings import selectors as filings
from jmt.fx import selectors as fx
from jmt.fx.flow import SETTLEMENT
from jmt.logistics import selectors as logistics
from jmt.logistics.flow import SHIP_VIEW
from jmt.refunds import selectors as refunds
from jmt.refunds.flow import CLAIM, FORWARD
from jmt.refunds.flow import VIEW as REFUNDS_VIEW
from jmt.registration import selectors as registration
from jmt.registration.flow import REGISTRATION
from jmt.training import selectors as training
from jmt.workflow import selectors as workflow

RECENT_ORDERS = 5
REGISTRATION_VIEW = "registration:progress:view"
FILINGS_VIEW = "filings:guide:view"
CUSTOMS_VIEW = "customs:orders:view"
SUMMARIES_VIEW = "customs:summaries:view"
TRAINING_VIEW = "training:courses:view"
# The steps of the modules whose steps are not a workflow's (shown undone too while the module is closed).
CUSTOMS_STEPS = ["点点通接口配置", "导入并申报订单", "清单放行", "汇总申请"]
LOGISTICS_STEPS = ["比价选渠道", "下单发货", "运输跟踪", "签收"]
FX_STEPS = ["开通外汇子账户", "收到外汇", "提交结汇申请", "结汇到账"]


@dataclass(frozen=True)
class Next:
    text: str
    route: str


def _card(module: dict[str, Any], steps: list[tuple[str, bool]], following: Next, summary: str = "") -> dict[str, Any]:
    done = sum(1 for _, ok in steps if ok)
    return {
        "key": module["key"],
        "title": module["title"],
        "route": module["route"],
        "enabled": True,
        "disabled_reason": "",
        "steps": [{"label": label, "done": ok} for label, ok in steps],
        "done": done,
        "total": len(steps),
        "percent": round(done * 100 / len(steps)) if steps else 0,
        "next": following.text,
        "next_route": following.route,
        "summary": summary,
    }


def _closed(module: dict[str, Any], labels: list[str], reason: str) -> dict[str, Any]:
    """A module the merchant or the person cannot use yet: its steps undone, and why (with the way to
    工商注册 when that is what it waits for)."""
    gated = reason == catalog.GATE_REASONS[catalog.Gate.REGISTRATION_APPROVED]
    card = _card(module, [(label, False) for label in labels], Next(reason, "/registration/progress" if gated else ""))
    card.update(enabled=False, disabled_reason=reason)
    return card


# --- 工商注册 ----------------------------------------------------------------------------------------

REGISTRATION_STEPS = [s.label for s in REGISTRATION.board()]


def _registration(actor: Actor, module: dict[str, Any]) -> dict[str, Any]:
    merchant = actor.merchant
    if merchant is not None and merchant.registration_approved:
        steps = [(label, True) for label in REGISTRATION_STEPS]
        return _card(module, steps, Next("工商注册已核准，全部业务模块已开通", "/registration/progress"), "已核准")
    application = registration.current_application(actor=actor)
    if application is None:
        steps = [(label, False) for label in REGISTRATION_STEPS]
        return _card(module, steps, Next("提交工商注册申请，核准后开通全部业务", "/registration/apply"), "未办理")
    board = workflow.progress(actor=actor, type_=REGISTRATION.type, obj_id=application.pk)
    steps = [(node["label"], node["status"] == "done") for node in board["nodes"]]
    return _card(module, steps, Next(board["hint"], "/registration/progress"), board["state_label"])


# --- 跨境申报 ----------------------------------------------------------------------------------------


def _filings(actor: Actor, module: dict[str, Any]) -> dict[str, Any]:
    guide = filings.guide(actor=actor)
    steps = [(s["label"], s["status"] == "done") for s in guide["steps"]]
    following = next((s for s in guide["steps"] if s["key"] == guide["next"]), None)
    route = following["route"] if following else "/filings/guide"
    return _card(module, steps, Next(guide["next_reason"], route), f"已办结 {guide['done']}/{guide['total']} 项")


# --- 出口报关 (9610) -----------------------------------------------------------------------------------


def _customs(actor: Actor, module: dict[str, Any]) -> dict[str, Any]:
    merchant = customs.acting_merchant(actor)
    ready = readiness(merchant)
    counts = customs.order_counts(actor=actor)
    summaries = customs.summaries(actor=actor).exists() if actor.can(SUMMARIES_VIEW) else False
    released = counts["released"] + counts["closed"] > 0
    steps = list(zip(CUSTOMS_STEPS, (ready.ready, counts["total"] > 0, released, summaries), strict=True))
    if counts["problem"]:
        following = Next(f"{counts['problem']} 个订单申报异常，请查看原因并处理", "/customs/orders?status=problem")
    elif not ready.ready:
        following = Next(ready.message or "请联系捷晶管理员配置点点通接口", "/customs/gateway")
    elif not counts["total"]:
        following = Next("在「出口订单批次报送」导入第一批订单", "/customs/batches")
    elif not released:
        following = Next("订单已申报，等待海关放行", "/customs/orders")
    elif not summaries:
        following = Next("清单放行后，按月提交汇总申请", "/customs/summaries")
    else:
        following = Next("9610 出口流程已全部走通，可继续申报新订单", "/customs/batches")
    return _card(module, steps, following, f"订单 {counts['total']} 个")


# --- 跨境物流 ----------------------------------------------------------------------------------------


def _logistics(actor: Actor, module: dict[str, Any]) -> dict[str, Any]:
    if actor.merchant is None:
        raise NotFound()
    rows = logistics.shipments(actor=actor).filter(merchant_id=actor.merchant.pk)
    states = set(rows.values_list("state", flat=True).distinct())
    total = rows.count()
    done = (
        bool(logistics.favourite_ids(actor)) or total > 0,
        total > 0,
        bool(states - {"ordered"}),
        "delivered" in states,
    )
    steps = list(zip(LOGISTICS_STEPS, done, strict=True))
    exceptions = rows.filter(state="exception").count()
    if exceptions:
        following = Next(f"{exceptions} 个运单异常，请按承运商说明处理", "/logistics/shipments?state=exception")
    elif not total:
        following = Next("比较渠道报价，寄出第一单", "/logistics/carriers")
    elif states - {"delivered"}:
        following = Next("有运单在途，可随时查看轨迹", "/logistics/shipments")
    else:
        following = Next("运单已全部签收，可继续比价下单", "/logistics/carriers")
    return _card(module, steps, following, f"运单 {total} 个")


# --- 出口退税 ----------------------------------------------------------------------------------------


def _refunds(actor: Actor, module: dict[str, Any]) -> dict[str, Any]:
    rows = refunds.claims(actor=actor)
    states = set(rows.values_list("state", flat=True).distinct())
    reached = max((FORWARD.index(s) for s in states if s in FORWARD), default=-1)
    steps = [(CLAIM.label_of("draft"), bool(states))] + [
        (CLAIM.label_of(s), i <= reached) for i, s in enumerate(FORWARD)
    ]
    waiting = rows.filter(state__in=("draft", "rejected")).count()
    if waiting:
        following = Next(f"{waiting} 个退税申报待您补充后提交", "/refunds/claims")
    elif not states:
        following = Next("选择已结关的报关单，创建出口退税申报", "/refunds/claims")
    elif reached < len(FORWARD) - 1:
        following = Next(CLAIM.state(FORWARD[reached]).hint, "/refunds/progress")
    else:
        following = Next("退税款已到账，可继续申报新的报关单", "/refunds/claims")
    return _card(module, steps, following, f"申报 {rows.count()} 笔")


# --- 收结汇 -------------------------------------------------------------------------------------------


def _fx(actor: Actor, module: dict[str, Any]) -> dict[str, Any]:
    account = fx.account_summary(actor=actor)
    received = account is not None and fx.ledger_entries(actor=actor).exists()
    rows = fx.settlement_list(actor=actor)
    states = set(rows.values_list("state", flat=True).distinct())
    steps = list(zip(FX_STEPS, (account is not None, received, bool(states), "completed" in states), strict=True))
    if account is None:
        following = Next("外汇子账户开通后即可收汇，请联系捷晶", "/fx/settlements")
    elif "pending" in states:
        following = Next(SETTLEMENT.state("pending").hint, "/fx/settlements")
    elif received:
        following = Next("可用余额可随时申请结汇", "/fx/settlements/new")
    else:
        following = Next("等待境外货款到账", "/fx/settlements?tab=ledger")
    balance = account["available"]["amount"] if account else "0.00"
    return _card(module, steps, following, f"可用 ${float(balance):,.2f}")


# --- 培训 ---------------------------------------------------------------------------------------------


def _training(actor: Actor, module: dict[str, Any]) -> dict[str, Any]:
    courses = training.course_list(actor=actor)
    if not courses:
        return _card(module, [], Next("课程正在准备中，上线后会在这里提醒", "/training/courses"), "暂无课程")
    steps = [(c["title"], bool(c["progress"]["completed"])) for c in courses]
    going = next((c for c in courses if c["progress"]["started"] and not c["progress"]["completed"]), None)
    fresh = next((c for c in courses if not c["progress"]["started"]), None)
    if going is not None:
        following = Next(f"继续学习「{going['title']}」（{going['progress']['percent']}%）", _course(going))
    elif fresh is not None:
        following = Next(f"开始学习「{fresh['title']}」", _course(fresh))
    else:
        following = Next("全部课程已学完", "/training/courses")
    done = sum(1 for _, ok in steps if ok)
    return _card(module, steps, following, f"已学完 {done}/{len(steps)} 门")


def _course(course: dict[str, Any]) -> str:
    return f"/training/courses/{course['id']}"


# --- the page --------------------------------------------------------------------------------------

Builder = Callable[[Actor, dict[str, Any]], dict[str, Any]]
MODULES: list[tuple[str, str, Builder]] = [
    ("registration", REGISTRATION_VIEW, _registration),
    ("filings", FILINGS_VIEW, _filings),
    ("customs", CUSTOMS_VIEW, _customs),
    ("logistics", SHIP_VIEW, _logistics),
    ("refunds", REFUNDS_VIEW, _refunds),
    ("fx", fx.SETTLEMENTS_VIEW, _fx),
    ("training", TRAINING_VIEW, _training),
]
TITLES = {"customs": "出口报关（9610）", "training": "培训"}
NO_PERMISSION = "您没有访问此模块的权限"


def _closed_steps(key: str) -> list[str]:
    """The steps of a module shown undone while it is closed (nothing of it is read)."""
    return {
        "registration": REGISTRATION_STEPS,
        "filings": [ft["label"] for ft in filings.types()],
        "customs": CUSTOMS_STEPS,
        "logistics": LOGISTICS_STEPS,
        "refunds": [CLAIM.label_of("draft"), *(CLAIM.label_of(s) for s in FORWARD)],
        "fx": FX_STEPS,
    }.get(key, [])


def _orders(actor: Actor) -> dict[str, Any]:
    """The recent 9610 orders and the counts by status, or nothing while 出口报关 is closed to the person."""
    if not actor.can(CUSTOMS_VIEW):
        return {"enabled": False, "counts": None, "recent": []}
    try:
        counts = customs.order_counts(actor=actor)
        rows = list(customs.orders(actor=actor)[:RECENT_ORDERS])
    except ApiError:
        return {"enabled": False, "counts": None, "recent": []}
    recent = []
    for order in rows:
        kind, doc = customs.order_overall(order)
        explained = explain_document(kind, doc)
        recent.append(
            {
                "id": order.pk,
                "order_no": order.order_no,
                "status_label": explained.label,
                "tone": explained.tone,
                "created_at": order.created_at,
                "route": f"/customs/orders/{order.pk}",
            }
        )
    return {"enabled": True, "counts": counts, "recent": recent}


def my_progress(*, actor: Actor) -> dict[str, Any]:
    if actor.merchant is None:
        raise NotFound()
    modules = {m["key"]: m for m in catalog_for(actor)}
    cards = []
    for key, code, build in MODULES:
        module = {**modules[key], "title": TITLES.get(key, modules[key]["title"])}
        if not module["enabled"] or not actor.can(code):
            cards.append(_closed(module, _closed_steps(key), module["disabled_reason"] or NO_PERMISSION))
            continue
        try:
            cards.append(build(actor, module))
        except (NotFound, PermissionDenied):  # outside the person's data scope
            cards.append(_closed(module, _closed_steps(key), NO_PERMISSION))
        except ApiError as exc:  # closed in a way the catalog does not know
            cards.append(_closed(module, _closed_steps(key), exc.message))
    return {"modules": cards, "orders": _orders(actor)}
