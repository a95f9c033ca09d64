"""Reads of the port code table for the back office (「港口代码表」): the list with its search, one row,
and the state of the table (still the sample rows, or imported)."""

from __future__ import annotations

from typing import Any

from django.db.models import Max, Q, QuerySet

from jmt.core.errors import NotFound
from jmt.customs.codes import table
from jmt.customs.models import PortCode, PortSource

PORTS_VIEW = "operations:ports:view"
PORTS_EDIT = "operations:ports:edit"


def port_list(*, keyword: str = "", country: str = "", enabled: bool | None = None) -> QuerySet[PortCode]:
    """``keyword`` matches the code or the name; ``country`` a country code or its Chinese name."""
    rows = PortCode.objects.all()
    if keyword.strip():
        word = keyword.strip()
        rows = rows.filter(Q(code__icontains=word) | Q(name__icontains=word))
    if country.strip():
        wanted = country.strip()
        codes = [code for code, name in table("countries").entries if wanted == code or wanted in name]
        rows = rows.filter(country__in=codes)
    if enabled is not None:
        rows = rows.filter(enabled=enabled)
    return rows.order_by("country", "-is_main", "code")


def port_get(port_id: int) -> PortCode:
    port = PortCode.objects.filter(pk=port_id).first()
    if port is None:
        raise NotFound("没有这个港口代码")
    return port


def port_out(port: PortCode) -> dict[str, Any]:
    return {
        "id": port.pk,
        "code": port.code,
        "name": port.name,
        "country": port.country,
        "country_name": table("countries").by_code.get(port.country, ""),
        "is_main": port.is_main,
        "enabled": port.enabled,
        "source": port.source,
        "source_label": port.get_source_display(),
        "updated_at": port.updated_at,
    }


def port_table_state() -> dict[str, Any]:
    """Counts of the table, and whether it still holds the sample rows (the page's banner)."""
    rows = PortCode.objects.all()
    sample = rows.filter(source=PortSource.SAMPLE).count()
    return {
        "total": rows.count(),
        "enabled": rows.filter(enabled=True).count(),
        "countries": rows.values("country").distinct().count(),
        "mains": rows.filter(is_main=True).count(),
        "sample_rows": sample,
        "is_sample": sample > 0,
        "updated_at": rows.aggregate(last=Max("updated_at"))["last"],
    }
