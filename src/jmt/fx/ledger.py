"""The account ledger: the only writer of ``LedgerEntry`` rows, always under the account's row lock.

Balance and frozen amount are the sums of the account's entries (:func:`totals`); an entry's
``balance_after`` / ``frozen_after`` are those sums after it. Every entry is audited with the
account's totals before and after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from jmt.audit.services import record, record_many
from jmt.core.auth import Actor
from jmt.fx.models import ZERO, Account, BalanceImport, EntryKind, LedgerEntry, Settlement
from jmt.merchants.models import Merchant

CENT = Decimal("0.01")


@dataclass(frozen=True)
class Totals:
    balance: Decimal
    frozen: Decimal

    @property
    def available(self) -> Decimal:
        return self.balance - self.frozen


def _cents(value: Decimal | None) -> Decimal:
    return (value or ZERO).quantize(CENT)  # SQLite sums lose the column's scale


def totals(account_id: int) -> Totals:
    """The account's balance and frozen amount, summed from its ledger."""
    sums = LedgerEntry.objects.filter(account_id=account_id).aggregate(balance=Sum("amount"), frozen=Sum("frozen"))
    return Totals(balance=_cents(sums["balance"]), frozen=_cents(sums["frozen"]))


def totals_of(account_ids: list[int]) -> dict[int, Totals]:
    rows = (
        LedgerEntry.objects.filter(account_id__in=account_ids)
        .values("account_id")
        .annotate(balance=Sum("amount"), frozen=Sum("frozen"))
    )
    found = {row["account_id"]: Totals(_cents(row["balance"]), _cents(row["frozen"])) for row in rows}
    return {pk: found.get(pk, Totals(ZERO, ZERO)) for pk in account_ids}


def locked_account(merchant_id: int) -> Account | None:
    """The merchant's account, its row locked until the transaction ends (None if it has none)."""
    return Account.objects.select_for_update().filter(merchant_id=merchant_id).first()


@transaction.atomic
def open_account(merchant: Merchant, *, sub_account_no: str = "") -> Account:
    """The merchant's account, created on first use; locked either way."""
    account = locked_account(merchant.pk)
    if account is None:
        Account.objects.get_or_create(merchant=merchant, defaults={"sub_account_no": sub_account_no})
        account = Account.objects.select_for_update().get(merchant=merchant)
    return account


def entry(
    *,
    actor: Actor,
    account: Account,
    kind: EntryKind,
    amount: Decimal = ZERO,
    frozen: Decimal = ZERO,
    before: Totals | None = None,
    settlement: Settlement | None = None,
    balance_import: BalanceImport | None = None,
    balance_date: date | None = None,
    note: str = "",
) -> LedgerEntry:
    """Append one entry to a locked ``account`` (the caller holds its lock). ``before``: the totals
    the caller already summed under that lock, to spare a second sum."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("ledger entries are written inside the transaction that locked the account")
    current = before or totals(account.pk)
    amount = amount.quantize(CENT)
    frozen = frozen.quantize(CENT)
    after = Totals(current.balance + amount, current.frozen + frozen)
    row = LedgerEntry.objects.create(
        account=account,
        merchant_id=account.merchant_id,
        kind=kind,
        amount=amount,
        frozen=frozen,
        balance_after=after.balance,
        frozen_after=after.frozen,
        settlement=settlement,
        balance_import=balance_import,
        balance_date=balance_date,
        note=note[:200],
        created_by=actor.user,
        created_at=timezone.now(),
    )
    record(
        actor=actor,
        module="fx",
        action=f"ledger_{kind.value}",
        obj=row,
        before={"balance": str(current.balance), "frozen": str(current.frozen)},
        after={"balance": str(after.balance), "frozen": str(after.frozen)},
    )
    return row


def append_many(*, actor: Actor, entries: list[tuple[LedgerEntry, Totals]]) -> list[LedgerEntry]:
    """Many entries at once (a balance workbook applied), each on a different locked account with the
    totals its caller summed under that lock: one bulk insert, one bulk audit write."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("ledger entries are written inside the transaction that locked the account")
    now = timezone.now()
    rows = []
    for row, before in entries:
        row.amount = row.amount.quantize(CENT)
        row.frozen = row.frozen.quantize(CENT)
        row.balance_after = before.balance + row.amount
        row.frozen_after = before.frozen + row.frozen
        row.created_by = actor.user
        row.created_at = now
        rows.append(row)
    created = LedgerEntry.objects.bulk_create(rows, batch_size=1000)
    for kind in {row.kind for row in created}:
        record_many(
            actor=actor,
            module="fx",
            action=f"ledger_{kind}",
            changes=[
                (
                    row,
                    {"balance": str(before.balance), "frozen": str(before.frozen)},
                    {"balance": str(row.balance_after), "frozen": str(row.frozen_after)},
                )
                for row, (_, before) in zip(created, entries, strict=True)
                if row.kind == kind
            ],
        )
    return created
