"""The course texts, help texts and FAQ seed kept as files in ``content/`` (YAML and Markdown)."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent / "content"


@cache
def course_files() -> tuple[dict[str, Any], ...]:
    """Every course file, in file-name order (that order is the course order)."""
    return tuple(yaml.safe_load(path.read_text(encoding="utf-8")) for path in sorted((ROOT / "courses").glob("*.yaml")))


@cache
def help_text(key: str) -> str:
    path = ROOT / "help" / f"{key}.md"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


@cache
def faq_seed() -> tuple[dict[str, str], ...]:
    return tuple(yaml.safe_load((ROOT / "faq.yaml").read_text(encoding="utf-8")))
