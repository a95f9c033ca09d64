"""Users, SMS codes, refresh tokens and the login log."""

from __future__ import annotations

from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone


class UserManager(BaseUserManager["User"]):
    def create_user(self, username: str, password: str | None = None, **fields: Any) -> User:
        user = self.model(username=username, **fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user


class Gender(models.TextChoices):
    MALE = "male", "男"
    FEMALE = "female", "女"


class User(AbstractBaseUser):
    """A person. Merchant users sign in by phone; back-office staff by username and password."""

    username = models.CharField("登录名", max_length=64, unique=True)
    phone = models.CharField("手机号", max_length=11, unique=True, null=True, blank=True)
    name = models.CharField("姓名", max_length=64, blank=True)
    contact_phone = models.CharField("联系电话", max_length=20, blank=True)
    email = models.CharField("邮箱", max_length=254, blank=True)
    gender = models.CharField("性别", max_length=8, choices=Gender.choices, blank=True)
    id_number = models.CharField("身份证号", max_length=18, blank=True)
    department = models.CharField("部门", max_length=64, blank=True)
    is_active = models.BooleanField("启用", default=True)
    is_staff = models.BooleanField("后台账户", default=False)
    is_superadmin = models.BooleanField("超级管理员", default=False)
    must_change_password = models.BooleanField("下次登录须改密码", default=False)
    wechat_unionid = models.CharField(max_length=64, unique=True, null=True, blank=True)
    wechat_mp_openid = models.CharField(max_length=64, blank=True)
    wechat_web_openid = models.CharField(max_length=64, blank=True)
    current_merchant = models.ForeignKey(
        "merchants.Merchant", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    date_joined = models.DateTimeField("注册时间", default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    USERNAME_FIELD = "username"
    REQUIRED_FIELDS: ClassVar[list[str]] = []

    class Meta:
        verbose_name = "用户"

    def __str__(self) -> str:
        return self.name or self.phone or self.username

    @property
    def display_name(self) -> str:
        if self.name:
            return self.name
        if self.phone:
            return f"{self.phone[:3]}****{self.phone[-4:]}"
        return self.username


class SmsScene(models.TextChoices):
    LOGIN = "login", "登录/注册"
    CHANGE_PHONE = "change_phone", "更换手机号"


class SmsCode(models.Model):
    """One verification code sent. Rows are also the record the send limits count."""

    phone = models.CharField(max_length=11)
    scene = models.CharField(max_length=16, choices=SmsScene.choices)
    code_hash = models.CharField(max_length=128)
    ip = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    failed_attempts = models.PositiveSmallIntegerField(default=0)
    consumed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes: ClassVar[list[models.Index]] = [
            models.Index(fields=["phone", "created_at"]),
            models.Index(fields=["ip", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.phone[:3]}****:{self.scene}"


class RefreshToken(models.Model):
    """A refresh token, stored as its SHA-256 only. Each rotation adds a row to the same family."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="refresh_tokens")
    family = models.UUIDField(db_index=True)
    token_hash = models.CharField(max_length=64, unique=True)
    remember = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    rotated_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    impersonator = models.ForeignKey(User, null=True, blank=True, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints: ClassVar[list[models.BaseConstraint]] = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=models.F("created_at")), name="refresh_expiry_after_creation"
            ),
        ]

    def __str__(self) -> str:
        return f"refresh#{self.pk} family={self.family}"


class WebViewTicket(models.Model):
    """A one-time ticket the mini-program hands to its ``<web-view>`` so the H5 signs in without a token in a
    URL: stored as its SHA-256 only, good for 60 seconds, spent by the first exchange (right or wrong)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")
    ticket_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "小程序网页登录凭证"

    def __str__(self) -> str:
        return f"webview-ticket#{self.pk}"


class LoginMethod(models.TextChoices):
    SMS = "sms", "短信验证码"
    PASSWORD = "password", "账号密码"
    WECHAT_MINIPROGRAM = "wechat_mp", "微信小程序"
    WECHAT_QR = "wechat_qr", "微信扫码"
    REFRESH = "refresh", "刷新令牌"


class LoginLog(models.Model):
    """Every login attempt, successful or not (who, how, from where)."""

    user = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="login_logs")
    identifier = models.CharField("登录标识", max_length=64, db_index=True)
    method = models.CharField(max_length=16, choices=LoginMethod.choices)
    success = models.BooleanField()
    reason = models.CharField(max_length=64, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=400, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        indexes: ClassVar[list[models.Index]] = [models.Index(fields=["identifier", "method", "created_at"])]

    def __str__(self) -> str:
        return f"{self.identifier} {self.method} {'ok' if self.success else self.reason}"
