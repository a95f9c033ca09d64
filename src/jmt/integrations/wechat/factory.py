"""Pick the WeChat adapter named by ``settings.WECHAT_BACKEND``."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from jmt.integrations.wechat.client import HttpWechatClient
from jmt.integrations.wechat.fake import FakeWechatClient
from jmt.integrations.wechat.port import WechatClient

BACKENDS = ("fake", "http")


def _setting(name: str) -> str:
    return str(getattr(settings, name, "") or "")


def get_wechat_client() -> WechatClient:
    backend = settings.WECHAT_BACKEND
    if backend == "fake":
        return FakeWechatClient()
    if backend == "http":
        missing = [name for name in ("WECHAT_MINIPROGRAM_SECRET", "WECHAT_WEB_SECRET") if not _setting(name)]
        if missing:
            raise ImproperlyConfigured(f"WECHAT_BACKEND='http' needs these settings: {', '.join(missing)}")
        return HttpWechatClient(
            api_base=_setting("WECHAT_API_BASE"),
            open_base=_setting("WECHAT_OPEN_BASE"),
            mp_appid=_setting("WECHAT_MINIPROGRAM_APPID"),
            mp_secret=_setting("WECHAT_MINIPROGRAM_SECRET"),
            web_appid=_setting("WECHAT_WEB_APPID"),
            web_secret=_setting("WECHAT_WEB_SECRET"),
            web_redirect_uri=_setting("WECHAT_WEB_REDIRECT_URI"),
            # Not in settings.py yet: the service account (公众号) that sends template messages.
            service_appid=_setting("WECHAT_SERVICE_APPID"),
            service_secret=_setting("WECHAT_SERVICE_SECRET"),
        )
    raise ImproperlyConfigured(f"WECHAT_BACKEND must be one of {', '.join(BACKENDS)}, not {backend!r}")
