"""What the benchmark scripts (run from the repository root, ``python bench/x.py``) share: Django's set-up,
the machine's description, copying a template row into many with one ``INSERT … SELECT``, percentiles."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def setup() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jmt.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def machine() -> dict[str, str]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "unknown"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    return {"nproc": str(os.cpu_count()), "cpu": cpu, "ram": memory}


def copy_sql(table: str, columns: list[str], overrides: dict[str, str], source: str) -> str:
    """``INSERT INTO table (every column but id) SELECT <template column or override> FROM source``."""
    listed = [c for c in columns if c != "id"]
    values = ", ".join(overrides.get(c, f'tpl."{c}"') for c in listed)
    names = ", ".join(f'"{c}"' for c in listed)
    return f'INSERT INTO "{table}" ({names}) SELECT {values} FROM {source}'  # noqa: S608 - our own table names


def columns(model: Any) -> list[str]:
    return [field.column for field in model._meta.local_concrete_fields]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def bench_actor(label: str):  # type: ignore[no-untyped-def]
    """A fresh approved merchant with an admin user and a batch, for one benchmark run."""
    import uuid

    from jmt.accounts.models import User
    from jmt.core.auth import Actor
    from jmt.customs.models import Batch
    from jmt.customs.seed import seed_customs_gateway
    from jmt.merchants.models import MemberRole, Membership, Merchant, RegistrationStatus

    tag = uuid.uuid4().hex[:8]
    merchant = Merchant.objects.create(name=f"bench {label} {tag}", registration_status=RegistrationStatus.APPROVED)
    user = User.objects.create_user(username=f"bench-{tag}", current_merchant=merchant)
    Membership.objects.create(user=user, merchant=merchant, role=MemberRole.ADMIN)
    batch = Batch.objects.create(
        merchant=merchant, name=f"bench {tag}", customs_code="2305", port_code="2305", traf_mode="5",
        ebp_code="3207960P01", ebp_name="东海水晶跨境商城", ebc_code="3207960A01", ebc_name="东海晶莹水晶有限公司",
        agent_code="3207960B01", agent_name="连云港捷晶报关有限公司", pod="502", cop_code="3207960B01",
        cop_name="连云港捷晶报关有限公司", dxp_id="DXPENT0000012345",
    )  # fmt: skip
    seed_customs_gateway(merchant)  # its own 点点通 account (simulator), as every declaring merchant has
    actor = Actor(user=user, merchant=merchant, role="admin", permissions=frozenset())
    return actor, batch, tag
