"""``manage.py cockpit_refresh``: rebuild the cockpit aggregates now (the scheduler does it every 10 minutes)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from jmt.cockpits import facts


class Command(BaseCommand):
    help = "Rebuild the cockpit aggregates from the source records."

    def handle(self, *args: Any, **options: Any) -> None:
        refresh = facts.rebuild()
        self.stdout.write(f"{refresh.rows} rows in {refresh.seconds:.2f} s")
