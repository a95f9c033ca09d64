"""Chinese names of the audited acts of 服务评价, for the operation log."""

from __future__ import annotations

from jmt.audit import labels

ACTIONS = {
    "rating_create": "提交服务评价",
    "rating_update": "修改服务评价",
    "rating_reply": "回复服务评价",
}

FIELDS = {
    "kind": "业务类型",
    "object_id": "业务编号",
    "stars": "星级",
    "comment": "评价内容",
    "reply": "捷晶回复",
}


def register() -> None:
    labels.register(modules={"ratings": "服务评价"}, actions=ACTIONS, fields={"ratings.Rating": dict(FIELDS)})
