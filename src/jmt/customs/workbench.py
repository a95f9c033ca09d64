"""出口报关's queues on the back-office 工作台 (registered into ``jmt.system.workbench``)."""

from __future__ import annotations

from typing import Any

from jmt.core.auth import Actor
from jmt.customs.models import GatewayConfig, Outbox
from jmt.customs.models.gateway import CheckStatus
from jmt.customs.models.messages import OutboxState
from jmt.rbac.scope import merchants_visible
from jmt.system import workbench

GATEWAY = "operations:gateway"
CUSTOMS = "operations:customs"


def queues(actor: Actor) -> list[dict[str, Any]]:
    entries = []
    if actor.can(f"{CUSTOMS}:view"):
        entries.append(
            {
                "key": "customs:outbox-attention",
                "module": "operations",
                "title": "报文发送失败待处理",
                "description": "在「报关流程可视化」中查看失败原因并重新发送",
                "count": Outbox.objects.filter(merchants_visible(actor, f"{CUSTOMS}:view"))
                .filter(state=OutboxState.NEEDS_ATTENTION)
                .count(),
                "route": "/operations/customs",
            }
        )
    if actor.can(f"{GATEWAY}:edit"):
        entries.append(
            {
                "key": "customs:gateway-failed",
                "module": "operations",
                "title": "点点通接口检测未通过",
                "description": "在「点点通接口配置」中修正商户的接口配置",
                "count": GatewayConfig.objects.filter(merchants_visible(actor, f"{GATEWAY}:view"))
                .filter(check_status=CheckStatus.FAILED)
                .count(),
                "route": "/operations/gateway",
            }
        )
    return entries


def register() -> None:
    workbench.register("customs", queues)
