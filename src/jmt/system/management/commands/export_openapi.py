"""``manage.py export_openapi PATH``: write the OpenAPI document the front-end client is generated from."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Write the OpenAPI document of /api/v1 to a file (stable key order)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        from jmt.api import api

        schema = api.get_openapi_schema(path_prefix="/api/v1")
        path.write_text(json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        self.stdout.write(f"wrote {path}")
