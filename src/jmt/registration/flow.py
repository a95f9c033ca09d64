"""The 工商注册 graph: 材料填报 → 材料初审 → 现场核验 → 核准通过, 已驳回 shown on 材料填报.

One graph for 个体户新办, 企业新办 and 已注册企业信息补充, so the back office works one queue
(注册与入驻管理) and every merchant sees the same four-node board.

Gating: approval runs ``approve`` inside the transition's transaction: the application's values are
written into the merchant profile (``profile_update(staff=True)``) and
``Merchant.registration_status`` becomes ``approved``. The service catalog gate
(``accounts.selectors._gate_open`` → ``merchant.registration_approved``) reads that field, so the six
gated modules open for every member of the merchant with the same commit that moves the application.
"""

from __future__ import annotations

from typing import cast

from django.utils import timezone

from jmt.merchants.models import Merchant, RegistrationStatus
from jmt.merchants.profile import profile_update
from jmt.registration.forms import profile_changes
from jmt.registration.models import Application
from jmt.workflow.graph import Graph, Move, Notice, State, TransitionContext

APPLY = "registration:apply:edit"
SUPPLEMENT = "registration:supplement:edit"
REVIEW = "merchants:onboarding:edit"
QUEUE_VIEW = "merchants:onboarding:view"


def submitted(ctx: TransitionContext) -> None:
    app = cast(Application, ctx.obj)
    app.submitted_at = ctx.event.created_at
    app.save(update_fields=["submitted_at"])
    Merchant.objects.filter(pk=app.merchant_id).exclude(registration_status=RegistrationStatus.APPROVED).update(
        registration_status=RegistrationStatus.IN_PROGRESS
    )


def approve(ctx: TransitionContext) -> None:
    app = cast(Application, ctx.obj)
    merchant = profile_update(
        actor=ctx.actor, merchant=app.merchant, changes=profile_changes(app.kind, app.data), staff=True
    )
    merchant.registration_status = RegistrationStatus.APPROVED
    merchant.save(update_fields=["registration_status"])
    app.approved_at = timezone.now()
    app.save(update_fields=["approved_at"])


TO_REVIEW = Notice.staff_todo("{label}「{name}」待初审", "商户已提交工商注册材料，请尽快初审。")
STATUS = Notice.merchant_status()
REJECTED = Notice.merchant_status(
    title="{label}「{name}」已驳回", body="您的{label}「{name}」未通过审核。{comment}。请按原因修改后重新提交。"
)


REGISTRATION = Graph(
    type="registration",
    label="工商注册申请",
    model="registration.Application",
    module="registration",
    todo_item="registration:progress",
    detail_route="/registration/progress?id={id}",
    admin_route="/merchants/onboarding?id={id}",
    queue_permission=REVIEW,
    name_field="title",
    states=(
        State("draft", "材料填报", order=10, hint="请填写并提交注册材料"),
        State("rejected", "已驳回", order=15, on_board=False, board_node="draft", hint="请按驳回原因修改后重新提交"),
        State("review", "材料初审", order=20, hint="捷晶正在审核您的材料，通常 1 个工作日内完成"),
        State("onsite", "现场核验", order=30, hint="捷晶工作人员将与您联系，约定现场核验时间"),
        State("approved", "核准通过", order=40, terminal=True, hint="工商注册已核准，全部业务模块已开通"),
    ),
    moves=(
        # The merchant's moves; for 已注册企业信息补充 the service also asks for ``SUPPLEMENT``.
        Move("draft", "review", APPLY, "提交", notify=(TO_REVIEW,), effect=submitted),
        Move("rejected", "review", APPLY, "重新提交", notify=(TO_REVIEW,), effect=submitted),
        Move("review", "onsite", REVIEW, "通过初审", notify=(STATUS,)),
        Move("review", "rejected", REVIEW, "驳回", needs_comment=True, notify=(REJECTED,)),
        Move("onsite", "approved", REVIEW, "核准通过", notify=(STATUS,), effect=approve),
        Move("onsite", "rejected", REVIEW, "驳回", needs_comment=True, notify=(REJECTED,)),
    ),
)
