"""The customs code tables (CSV files beside this module, sources in README.md)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
TABLES = ("units", "currencies", "countries", "transport_modes", "wrap_types", "ports")


@dataclass(frozen=True)
class CodeTable:
    name: str
    entries: tuple[tuple[str, str], ...]  # (code, name) in file order

    @property
    def by_code(self) -> dict[str, str]:
        return dict(self.entries)

    def labels(self) -> list[str]:
        """``"035-千克"``: what the template's drop-downs show."""
        return [f"{code}-{name}" for code, name in self.entries]

    def lookup(self) -> dict[str, str]:
        """Every accepted spelling → code: ``035``, ``35``, ``035-千克``, ``千克`` (and the name's first word)."""
        index: dict[str, str] = {}
        width = max((len(code) for code, _ in self.entries), default=0)
        for code, name in self.entries:
            index[code] = code
            index[f"{code}-{name}"] = code
            index.setdefault(name, code)
            first = name.split(" ")[0]
            index.setdefault(first, code)
            for word in name.split(" ")[1:]:
                index.setdefault(word.upper(), code)  # currency letters: USD → 502
            if code.isdigit() and width:
                index.setdefault(str(int(code)), code)
        return index


@cache
def table(name: str) -> CodeTable:
    if name not in TABLES:
        raise KeyError(name)
    with (HERE / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    rows = list(csv.DictReader(lines))
    return CodeTable(name=name, entries=tuple((row["code"].strip(), row["name"].strip()) for row in rows))


@cache
def ports() -> tuple[tuple[str, str, str], ...]:
    """``(code, name, destination country)`` of every row of ``ports.csv``."""
    with (HERE / "ports.csv").open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return tuple((r["code"].strip(), r["name"].strip(), r["country"].strip()) for r in csv.DictReader(lines))


@cache
def main_ports() -> dict[str, str]:
    """Destination country code → the code of its main port (``ports.csv``, ``main`` = 1)."""
    with (HERE / "ports.csv").open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    found: dict[str, str] = {}
    for row in csv.DictReader(lines):
        if row.get("main", "").strip() == "1":
            found.setdefault(row["country"].strip(), row["code"].strip())
    return found


def main_port(country: str) -> str:
    """The 指运港 an inventory to ``country`` defaults to ("" when the table names none)."""
    return main_ports().get((country or "").strip(), "")
