"""What the assistant knows about the merchant: its sales channels (asked once, kept here), its
工商注册 status and the modules it uses, read through the other apps' published reads."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jmt.customs.models import Batch
from jmt.customs.services.gateway import config_of, readiness
from jmt.merchants.models import RegistrationStatus
from jmt.training.models import MerchantChannels, SalesChannel


@dataclass(frozen=True)
class MerchantContext:
    channels: tuple[str, ...]
    channels_asked: bool
    registration_status: str
    gateway: str  # none | no_dxp | not_ready | ready
    gateway_message: str
    batches: int

    @property
    def registration_approved(self) -> bool:
        return self.registration_status == RegistrationStatus.APPROVED

    def channel_labels(self) -> list[str]:
        names = dict(SalesChannel.choices)
        return [str(names.get(c, c)) for c in self.channels]

    def modules_in_use(self) -> list[str]:
        used = ["工商注册（已核准）" if self.registration_approved else "工商注册（未核准）"]
        if self.gateway != "none":
            used.append("点点通接口配置")
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
    )
