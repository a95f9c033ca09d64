"""Every audited act and every workflow move reads as Chinese in 日志管理 and 我的·操作记录."""

from __future__ import annotations

import ast
from pathlib import Path

from jmt.audit import labels
from jmt.workflow import registry

SRC = Path(__file__).resolve().parents[2]


def _has_chinese(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _recorded_action_codes() -> dict[str, str]:
    """``action="…"`` of every call to ``record`` / ``record_event`` in the source (tests excluded)."""
    found: dict[str, str] = {}
    for path in SRC.rglob("*.py"):
        if "tests" in path.parts or "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name not in {"record", "record_event"}:
                continue
            for keyword in node.keywords:
                if keyword.arg == "action" and isinstance(keyword.value, ast.Constant):
                    found[str(keyword.value.value)] = str(path.relative_to(SRC))
    return found


def test_the_scan_finds_the_audited_acts_of_every_area():
    codes = _recorded_action_codes()
    assert {"batch_create", "invt_cancel_withdraw", "waybill_submit", "profile_update", "switch_merchant"} <= set(codes)


def test_every_audit_action_code_has_a_chinese_label():
    missing = {
        code: where
        for code, where in _recorded_action_codes().items()
        if labels.action_label(code) == code or not _has_chinese(labels.action_label(code))
    }
    assert missing == {}


def test_every_workflow_move_reads_as_its_button_and_chinese_states():
    graphs = registry.all_graphs()
    assert graphs
    for graph in graphs:
        for move in graph.moves:
            text = labels.action_label(f"workflow:{move.source}->{move.target}")
            assert text == f"{move.label}（{graph.label_of(move.source)} → {graph.label_of(move.target)}）"


def test_an_unknown_code_still_shows_its_code():
    assert labels.action_label("no_such_action") == "no_such_action"


def test_a_changed_import_cell_is_named_by_its_workbook_header():
    assert labels.field_label("customs.OrderImport", "1", "logisticsNo") == "物流运单编号"
    assert labels.field_label("customs.OrderImport", "1", "qty") != "qty"
    assert labels.field_label("customs.WayBill", "1", "parts") == "报文份数"
