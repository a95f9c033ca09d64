"""Pick the SMS adapter named by ``settings.SMS_BACKEND``.

The signature (短信签名) is the one of 系统参数 · 通知参数; ``settings.SMS_SIGN_NAME`` (environment
``JMT_SMS_SIGN_NAME``) is its default and the fallback."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from jmt.integrations.sms.aliyun import AliyunSmsSender
from jmt.integrations.sms.console import ConsoleSmsSender
from jmt.integrations.sms.memory import MemorySmsSender
from jmt.integrations.sms.port import SmsSender
from jmt.integrations.sms.tencent import TencentSmsSender

BACKENDS = ("console", "memory", "aliyun", "tencent")


def _required(*names: str) -> dict[str, str]:
    values = {name: str(getattr(settings, name, "") or "") for name in names}
    missing = [name for name, value in values.items() if not value]
    if missing:
        raise ImproperlyConfigured(f"SMS_BACKEND={settings.SMS_BACKEND!r} needs these settings: {', '.join(missing)}")
    return values


def _sign_name(fallback: str) -> str:
    from jmt.system.selectors import parameter

    return str(getattr(parameter("notifications"), "sms_sign", "") or fallback)


def get_sms_sender() -> SmsSender:
    backend = settings.SMS_BACKEND
    if backend == "console":
        return ConsoleSmsSender()
    if backend == "memory":
        return MemorySmsSender()
    if backend == "aliyun":
        c = _required(
            "ALIYUN_SMS_ENDPOINT",
            "ALIYUN_ACCESS_KEY_ID",
            "ALIYUN_ACCESS_KEY_SECRET",
            "SMS_SIGN_NAME",
            "SMS_TEMPLATE_LOGIN",
        )
        return AliyunSmsSender(
            endpoint=c["ALIYUN_SMS_ENDPOINT"],
            access_key_id=c["ALIYUN_ACCESS_KEY_ID"],
            access_key_secret=c["ALIYUN_ACCESS_KEY_SECRET"],
            sign_name=_sign_name(c["SMS_SIGN_NAME"]),
            template_code=c["SMS_TEMPLATE_LOGIN"],
        )
    if backend == "tencent":
        c = _required(
            "TENCENT_SMS_ENDPOINT",
            "TENCENT_SECRET_ID",
            "TENCENT_SECRET_KEY",
            "TENCENT_SMS_SDK_APP_ID",
            "TENCENT_SMS_REGION",
            "SMS_SIGN_NAME",
            "SMS_TEMPLATE_LOGIN",
        )
        return TencentSmsSender(
            endpoint=c["TENCENT_SMS_ENDPOINT"],
            secret_id=c["TENCENT_SECRET_ID"],
            secret_key=c["TENCENT_SECRET_KEY"],
            sdk_app_id=c["TENCENT_SMS_SDK_APP_ID"],
            sign_name=_sign_name(c["SMS_SIGN_NAME"]),
            template_id=c["SMS_TEMPLATE_LOGIN"],
            region=c["TENCENT_SMS_REGION"],
        )
    raise ImproperlyConfigured(f"SMS_BACKEND must be one of {', '.join(BACKENDS)}, not {backend!r}")
