"""Chinese names of the audited acts of 水晶行业专项, for the operation log."""

from __future__ import annotations

from jmt.audit import labels

ACTIONS = {"crystal_hint_update": "修改水晶专项提示文案"}


def register() -> None:
    labels.register(modules={"crystal": "水晶行业专项"}, actions=ACTIONS)
