"""What a filing's moves do besides changing its state, inside the transition's transaction."""

from __future__ import annotations

from typing import cast

from jmt.filings.models import Filing
from jmt.workflow.graph import TransitionContext


def submitted(ctx: TransitionContext) -> None:
    """提交 / 重新提交: keep exactly what was submitted (信息回看); the change requests are answered."""
    filing = cast(Filing, ctx.obj)
    filing.submitted_data = dict(filing.data)
    filing.submitted_at = ctx.event.created_at
    filing.change_requests = {}
    filing.save(update_fields=["submitted_data", "submitted_at", "change_requests"])


def completed(ctx: TransitionContext) -> None:
    """办结: the results must be recorded (``filing_approve`` does it first); they pre-fill the 点点通
    configuration through the customs service."""
    from jmt.customs.services.gateway import gateway_config_prefill
    from jmt.filings import forms, registry
    from jmt.filings.errors import FilingError

    filing = cast(Filing, ctx.obj)
    ft = registry.get(filing.filing_type)
    _, errors = forms.clean_results(ft, filing.results)
    if errors:
        raise FilingError.results_invalid(errors)
    filing.completed_at = ctx.event.created_at
    filing.save(update_fields=["completed_at"])
    values = {
        r.gateway_field: filing.results[r.name] for r in ft.results if r.gateway_field and filing.results.get(r.name)
    }
    if not values:
        return
    merchant = filing.merchant
    defaults: dict[str, str] = {}
    if "ebc_code" in values:  # the seller declares for itself: its own code and name are the 申报企业's too
        defaults = {"ebc_name": merchant.name, "agent_code": values["ebc_code"], "agent_name": merchant.name}
    gateway_config_prefill(actor=ctx.actor, merchant=merchant, values=values, defaults=defaults)
