"""The customs code tables: CSV files beside this module (sources in README.md), and the port code table,
which the back office maintains in the database (``customs.PortCode``)."""

from __future__ import annotations

import csv
import time
from dataclasses import dataclass
from functools import cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
TABLES = ("units", "currencies", "countries", "transport_modes", "wrap_types")


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


# --- the port code table (customs.PortCode, maintained in the back office) ------------------------------
# Read on every batch form and declaration, written a few times a year: the enabled rows are kept here for
# PORTS_CACHE_SECONDS and dropped at once by every write of ``services/ports.py`` (other processes see a
# write within that time).
PORTS_CACHE_SECONDS = 30.0
_ports_cache: tuple[float, tuple[tuple[str, str, str, bool], ...]] | None = None


def ports_changed() -> None:
    """Forget the cached table (called by every write of the port code table)."""
    global _ports_cache
    _ports_cache = None


def _enabled_ports() -> tuple[tuple[str, str, str, bool], ...]:
    global _ports_cache
    now = time.monotonic()
    if _ports_cache is None or now - _ports_cache[0] > PORTS_CACHE_SECONDS:
        from jmt.customs.models import PortCode

        rows = PortCode.objects.filter(enabled=True).order_by("country", "-is_main", "code")
        _ports_cache = (now, tuple(rows.values_list("code", "name", "country", "is_main")))
    return _ports_cache[1]


def ports() -> tuple[tuple[str, str, str], ...]:
    """``(code, name, destination country)`` of every enabled row of the port code table."""
    return tuple((code, name, country) for code, name, country, _ in _enabled_ports())


def main_ports() -> dict[str, str]:
    """Destination country code → the code of its main port (an enabled row marked 默认主港)."""
    return {country: code for code, _, country, is_main in _enabled_ports() if is_main}


def main_port(country: str) -> str:
    """The 指运港 an inventory to ``country`` defaults to ("" when the table names none)."""
    return main_ports().get((country or "").strip(), "")
