"""What the assistant knows about the merchant: its sales channels (asked once, kept here), its
工商注册 status, where each 跨境申报 filing stands (DXP ID above all) and the modules it uses, read
through the other apps' published reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jmt.customs.models import Batch
from jmt.customs.services.gateway import config_of, readiness
from jmt.filings.selectors import merchant_overview
from jmt.merchants.models import RegistrationStatus
from jmt.training.models import MerchantChannels, SalesChannel

DXP_FILING = "dxp-id"


@dataclass(frozen=True)
class FilingStatus:
    key: str
    label: str
    route: str
    optional: bool
    started: bool
    done: bool
    state_label: str


@dataclass(frozen=True)
class MerchantContext:
    channels: tuple[str, ...]
    channels_asked: bool
    registration_status: str
    gateway: str  # none | no_dxp | not_ready | ready
    gateway_message: str
    batches: int
    filings: tuple[FilingStatus, ...] = field(default=())

    @property
    def registration_approved(self) -> bool:
        return self.registration_status == RegistrationStatus.APPROVED

    @property
    def registration_label(self) -> str:
        return str(RegistrationStatus(self.registration_status).label)

    def filing(self, key: str) -> FilingStatus | None:
        return next((f for f in self.filings if f.key == key), None)

    def next_filing(self) -> FilingStatus | None:
        """The first required filing not yet done (one waiting on the merchant or not started)."""
        return next((f for f in self.filings if not f.done and not f.optional), None)

    def channel_labels(self) -> list[str]:
        names = dict(SalesChannel.choices)
        return [str(names.get(c, c)) for c in self.channels]

    def modules_in_use(self) -> list[str]:
        used = ["工商注册（已核准）" if self.registration_approved else "工商注册（未核准）"]
        if self.gateway != "none":
            used.append("点点通接口配置")
        done = [f.label for f in self.filings if f.done]
        if done:
            used.append("跨境申报（已办结：" + "、".join(done) + "）")
        going = [f"{f.label}（{f.state_label}）" for f in self.filings if f.started and not f.done]
        if going:
            used.append("跨境申报（办理中：" + "、".join(going) + "）")
        if self.batches:
            used.append(f"出口报关（{self.batches} 个批次）")
        return used


EMPTY = MerchantContext((), False, RegistrationStatus.NOT_STARTED, "none", "", 0)


def merchant_context(merchant: Any) -> MerchantContext:
    if merchant is None:
        return EMPTY
    kept = MerchantChannels.objects.filter(merchant=merchant).first()
    config = config_of(merchant)
    if config is None or not config.is_enabled:
        gateway, message = "none", ""
    elif not config.dxp_id:
        gateway, message = "no_dxp", ""
    else:
        ready = readiness(merchant, config)
        gateway, message = ("ready", "") if ready.ready else ("not_ready", ready.message)
    return MerchantContext(
        channels=tuple(kept.channels) if kept else (),
        channels_asked=kept is not None,
        registration_status=merchant.registration_status,
        gateway=gateway,
        gateway_message=message,
        batches=Batch.objects.filter(merchant=merchant).count(),
        filings=tuple(FilingStatus(**row) for row in merchant_overview(merchant.pk)),
    )
