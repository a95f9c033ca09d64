"""Whether a claim's foreign-exchange receipt (收汇) is recorded.

收结汇 (``jmt.fx``) registers a source here from its ``AppConfig.ready``
(``jmt.fx.refund_receipts.received_since``): a function that, given a claim, answers whether the
sub-account ledger shows the receipts behind it. A registered source's ``ok`` wins; when it says
nothing (another currency, receipts not covering the amount, money collected outside the sub-account)
the merchant's manual confirmation (``services.claim_fx_confirm``) stands.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from jmt.refunds.models import Claim


@dataclass(frozen=True)
class Receipt:
    ok: bool
    message: str
    fix_label: str = ""


Source = Callable[[Claim], Receipt | None]
_sources: list[Source] = []


def register(source: Source) -> None:
    if source not in _sources:
        _sources.append(source)


def status(claim: Claim) -> Receipt:
    for source in _sources:
        found = source(claim)
        if found is not None and found.ok:
            return found
    if claim.fx_confirmed_at is not None:
        when = claim.fx_confirmed_at.strftime("%Y-%m-%d")
        return Receipt(True, f"已确认收汇（{when} 手工确认{('：' + claim.fx_note) if claim.fx_note else ''}）")
    return Receipt(False, "尚未确认收汇：出口货款收汇后才能申报退税", "确认已收汇")
