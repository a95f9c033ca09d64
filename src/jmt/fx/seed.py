"""Demo data of 收结汇 for 东海晶莹水晶: a year of rate history up to today (the bundled ECB data,
replayed), a sub-account balance, one completed and one pending settlement. Idempotent: it does
nothing a second time (the rate history only gains the days since it last ran)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from jmt.accounts.models import User
from jmt.accounts.selectors import build_actor
from jmt.audit.services import system_actor
from jmt.documents.services import document_upload
from jmt.fx import ledger, rates, services
from jmt.fx.models import EntryKind, LedgerEntry, RateSnapshot
from jmt.integrations.fx.ecb import last_day, rate_on
from jmt.merchants.models import Merchant

HISTORY_DAYS = 365
SUB_ACCOUNT = "32050161000100001234"
FRANKFURT = ZoneInfo("Europe/Berlin")
EVIDENCE = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _replay_shift(end: dt.date, today: dt.date) -> dt.timedelta:
    """Whole weeks that carry the bundled data's last day to ``today`` or just past it: publication
    weekdays stay weekdays, and the replayed history reaches the last publication day up to today."""
    weeks = max(0, -(-(today - end).days // 7))
    return dt.timedelta(weeks=weeks)


def seed_rate_history(*, today: dt.date | None = None) -> int:
    """A year of snapshots per currency, one per ECB publication day, ending today.

    The bundled ECB data ends on a fixed day (``last_day``), weeks before a demo is started; the demo's
    history replays its last year moved forward by whole weeks so it ends today — real rates and real
    day-to-day moves, dates relative to the day the seed runs — and 多币种波动 and the trend charts have
    the last 30 days at once. Run again later, it adds only the days after each currency's latest
    snapshot. Returns how many snapshots it added."""
    day = today or timezone.localdate()
    now = timezone.now()
    rows = []
    for currency in rates.board_currencies():
        end = last_day(currency)
        shift = _replay_shift(end, day)
        latest = RateSnapshot.objects.filter(currency=currency).order_by("-rate_date").first()
        after = latest.rate_date if latest else None
        seen: set[dt.date] = set()
        for offset in range(HISTORY_DAYS, -1, -1):
            value, published = rate_on(currency, end - dt.timedelta(days=offset))
            shown = published + shift
            if published in seen or shown > day or (after is not None and shown <= after):
                continue
            seen.add(published)
            rows.append(
                RateSnapshot(
                    currency=currency,
                    source="ecb",
                    middle=value,
                    rate_date=shown,
                    fetched_at=min(dt.datetime.combine(shown, dt.time(16, 5), tzinfo=FRANKFURT), now),
                )
            )
    RateSnapshot.objects.bulk_create(rows)
    return len(rows)


@transaction.atomic
def seed_fx(merchant: Merchant, *, applicant: User, officer: User) -> None:
    seed_rate_history()
    if not merchant.ccb_sub_account:
        Merchant.objects.filter(pk=merchant.pk).update(ccb_sub_account=SUB_ACCOUNT)
        merchant.refresh_from_db()
    if LedgerEntry.objects.filter(merchant=merchant).exists():
        return
    account = ledger.open_account(merchant, sub_account_no=merchant.ccb_sub_account)
    ledger.entry(
        actor=system_actor(),
        account=account,
        kind=EntryKind.BALANCE_UPDATE,
        amount=Decimal("12580.00"),
        balance_date=timezone.localdate() - dt.timedelta(days=1),
        note="子账户余额表（演示数据）",
    )
    account.balance_date = timezone.localdate() - dt.timedelta(days=1)
    account.updated_at = timezone.now()
    account.save(update_fields=["balance_date", "updated_at"])

    applicant.current_merchant = merchant
    applicant.save(update_fields=["current_merchant"])
    actor = build_actor(applicant)
    evidence = document_upload(
        actor=actor, kind="other", file=SimpleUploadedFile("亚马逊收款流水-11月.pdf", EVIDENCE, "application/pdf")
    )
    reference = rates.settlement_reference()
    rate = reference.rate if reference else Decimal("7.1000")
    done = services.settlement_request(
        actor=actor,
        amount=Decimal("3000.00"),
        settle_date=timezone.localdate(),
        rate=rate,
        statement_document_id=evidence.pk,
        remark="11 月亚马逊回款",
    )
    services.settlement_complete(
        actor=build_actor(officer),
        settlement_id=done.pk,
        actual_rate=rate,
        cny_amount=(Decimal("3000.00") * rate).quantize(Decimal("0.01")),
    )
    services.settlement_request(
        actor=actor,
        amount=Decimal("1500.00"),
        settle_date=timezone.localdate(),
        rate=rate,
        statement_document_id=evidence.pk,
        remark="速卖通回款",
    )
