"""The cockpits' scheduled rebuild of their aggregates (entry ``cockpits.refresh`` of the scheduler)."""

from __future__ import annotations

from django_tasks import task

from jmt.cockpits import facts


@task()
def cockpit_refresh() -> int:
    return facts.rebuild().rows
