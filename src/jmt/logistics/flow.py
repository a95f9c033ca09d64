"""The 物流运单 graph: 已下单 → 已揽收 → 运输中 → 清关中 → 派送中 → 已签收, 异常 on the side.

Every move is the platform's (tracking), so no state waits on the merchant: the workflow to-do count of
跨境物流 stays 0 and the merchant's own act before pickup is 换渠道 (a service, not a move).

Tracking events move a shipment (``services.tracking_ingest`` acts as the platform with the
back-office code ``operations:logistics:edit``); the latest event decides the target state and the
graph decides whether the move is allowed, so an event that arrives late never moves a shipment
backwards. Every move sends the merchant a 站内信 and a WeChat push.
"""

from __future__ import annotations

from jmt.workflow.graph import Graph, Move, Notice, State

SHIP = "logistics:shipments:edit"
SHIP_VIEW = "logistics:shipments:view"
COMPARE_VIEW = "logistics:carriers:view"
COMPARE_EDIT = "logistics:carriers:edit"
TRACK = "operations:logistics:edit"
QUEUE_VIEW = "operations:logistics:view"

PROGRESS = ("ordered", "picked_up", "in_transit", "customs", "delivering", "delivered")
MOVE_LABELS = {
    "picked_up": "揽收",
    "in_transit": "运输",
    "customs": "清关",
    "delivering": "派送",
    "delivered": "签收",
    "exception": "异常",
}
OPEN_STATES = frozenset({"ordered", "picked_up", "in_transit", "customs", "delivering", "exception"})

STATUS = Notice.merchant_status(
    title="物流运单「{name}」{to_label}", body="您的物流运单「{name}」已更新为「{to_label}」。{comment}"
)
EXCEPTION = Notice.merchant_status(
    title="物流运单「{name}」异常", body="您的物流运单「{name}」出现异常，承运商说明：{comment}。请及时处理。"
)


def _moves() -> tuple[Move, ...]:
    moves: list[Move] = []
    for i, source in enumerate(PROGRESS[:-1]):
        for target in PROGRESS[i + 1 :]:
            moves.append(Move(source, target, TRACK, MOVE_LABELS[target], notify=(STATUS,)))
        moves.append(Move(source, "exception", TRACK, "异常", notify=(EXCEPTION,)))
    moves.append(Move("customs", "in_transit", TRACK, "清关放行", notify=(STATUS,)))
    for target in PROGRESS[1:]:
        moves.append(Move("exception", target, TRACK, MOVE_LABELS[target], notify=(STATUS,)))
    return tuple(moves)


SHIPMENT = Graph(
    type="shipment",
    label="物流运单",
    model="logistics.Shipment",
    module="logistics",
    todo_item="logistics:shipments",
    detail_route="/logistics/shipments/{id}",
    admin_route="/operations/logistics?id={id}",
    queue_permission=TRACK,
    name_field="number",
    states=(
        State("ordered", "已下单", order=10, hint="等待承运商揽收；捷晶将为您录入承运商运单号"),
        State("picked_up", "已揽收", order=20, hint="承运商已揽收，即将发往出口口岸"),
        State("in_transit", "运输中", order=30, hint="包裹运输中"),
        State("exception", "异常", order=35, on_board=False, board_node="in_transit", hint="请按承运商说明处理异常"),
        State("customs", "清关中", order=40, hint="包裹正在目的国清关"),
        State("delivering", "派送中", order=50, hint="包裹正在派送"),
        State("delivered", "已签收", order=60, terminal=True, hint="包裹已签收"),
    ),
    moves=_moves(),
)
