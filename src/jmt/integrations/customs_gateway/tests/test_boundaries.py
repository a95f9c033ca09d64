"""The gateway side knows the wire format only: nothing in ``integrations`` imports the customs app."""

from __future__ import annotations

import ast
from pathlib import Path

import jmt.integrations

ROOT = Path(jmt.integrations.__file__).resolve().parent


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_integration_module_imports_the_customs_app():
    offenders = {
        str(path.relative_to(ROOT)): sorted(name for name in _imports(path) if name.startswith("jmt.customs"))
        for path in ROOT.rglob("*.py")
        if "tests" not in path.parts
    }
    assert {path: names for path, names in offenders.items() if names} == {}


def test_the_simulator_still_answers_a_malformed_message_with_a_ceb900():
    from lxml import etree

    from jmt.integrations.customs_gateway.ceb import CEB_NS, validation_errors

    root = etree.Element(f"{{{CEB_NS}}}CEB303Message", attrib={"guid": "X", "version": "1.0"})
    assert validation_errors(root)  # the official XSD is read and refuses an empty message
