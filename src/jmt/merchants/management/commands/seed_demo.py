"""``manage.py seed_demo``: the demo accounts `make run` prints. Safe to run again and again."""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from jmt.accounts.models import User
from jmt.cockpits.seed import seed_cockpits
from jmt.customs.seed import seed_customs_gateway, seed_customs_summarised
from jmt.downloads.seed import seed_downloads
from jmt.filings.seed import seed_filings
from jmt.fx.seed import seed_fx
from jmt.logistics.seed import seed_logistics
from jmt.merchants.models import MemberRole, Membership, Merchant, MerchantType, RegistrationStatus
from jmt.ratings.seed import seed_ratings
from jmt.refunds.seed import seed_refunds
from jmt.registration.seed import ADMIN_PHONE as REGISTRATION_ADMIN_PHONE
from jmt.registration.seed import MERCHANT_NAME as REGISTRATION_MERCHANT
from jmt.registration.seed import seed_approved_application, seed_registration
from jmt.showroom.seed import seed_showroom
from jmt.training.seed import seed_assistant_conversations, seed_training_progress

ADMIN_USERNAME = "admin"
APPROVED_MERCHANT = "东海晶莹水晶"
APPROVED_ADMIN_PHONE = "13800000001"
NEW_MERCHANT_PHONE = "13800000002"
# What the approved merchant's licence, ID card and bank permit said (so forms have something to pre-fill).
APPROVED_PROFILE: dict[str, Any] = {
    "merchant_type": MerchantType.COMPANY,
    "name_en": "Donghai Jingying Crystal Co., Ltd.",
    "credit_code": "91320722MA1XYK1234",
    "company_type": "有限责任公司(自然人独资)",
    "address": "江苏省连云港市东海县牛山街道水晶路88号",
    "address_en": "No. 88 Shuijing Road, Niushan Street, Donghai County, Lianyungang, Jiangsu, China",
    "established_on": dt.date(2019, 3, 15),
    "legal_person": "林晶莹",
    "contact_name": "林晶莹",
    "contact_phone": "13800000001",
    "bank_name": "中国建设银行东海支行",
    "bank_account": "32050163360000001234",
}
READONLY_MEMBER_PHONE = "13800000003"


class Command(BaseCommand):
    help = "Load the demo data (idempotent) and print the demo logins."

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        password = settings.JMT_DEMO_PASSWORD or secrets.token_urlsafe(9)
        admin, _ = User.objects.get_or_create(
            username=ADMIN_USERNAME, defaults={"name": "超级管理员", "is_staff": True, "is_superadmin": True}
        )
        admin.is_staff = admin.is_superadmin = admin.is_active = True
        admin.set_password(password)
        admin.save()

        crystal, _ = Merchant.objects.get_or_create(
            name=APPROVED_MERCHANT, defaults={"registration_status": RegistrationStatus.APPROVED, **APPROVED_PROFILE}
        )
        approved_admin = self._merchant_user(APPROVED_ADMIN_PHONE, "林晶莹", crystal, MemberRole.ADMIN)
        self._merchant_user(READONLY_MEMBER_PHONE, "王小明", crystal, MemberRole.MEMBER)
        # A real application taken to 核准通过, so the 注册进度看板 and the home feed show it.
        seed_approved_application(crystal, applicant=approved_admin, reviewer=admin)
        seed_customs_gateway(crystal)
        # 收结汇: rate history, a sub-account balance, one completed and one pending settlement.
        seed_fx(crystal, applicant=approved_admin, officer=admin)
        # 跨境申报: three filings done, the DXP ID application waiting in 捷晶审核, 云加签 not started.
        seed_filings(crystal, applicant=approved_admin, reviewer=admin)
        seed_customs_summarised(crystal)  # 汇总 done: 报关单号 for 出口退税
        seed_refunds(crystal, applicant=approved_admin, staff_user=admin)
        seed_logistics(crystal, applicant=approved_admin)  # the nine carriers, shipments in several states
        # 服务评价: three completed items rated (the 工商注册 one answered), the rest 待评价.
        seed_ratings(crystal, rater=approved_admin, staff=admin)
        seed_downloads(crystal, approved_admin)  # 下载中心: one finished customs export, one expired

        newcomer = User.objects.filter(phone=NEW_MERCHANT_PHONE).first()
        if newcomer is None:
            fresh = Merchant.objects.create(name="")
            newcomer = self._merchant_user(NEW_MERCHANT_PHONE, "", fresh, MemberRole.ADMIN)
        # 林晶莹 also helps out at the new merchant, so the merchant switcher has something to switch to.
        if newcomer.current_merchant is not None:
            self._merchant_user(APPROVED_ADMIN_PHONE, "林晶莹", newcomer.current_merchant, MemberRole.MEMBER)

        seed_registration()  # one application waiting in 材料初审 (注册与入驻管理)
        # 交易平台: the crystal category tree and ~60 products with pictures, most of them 东海晶莹水晶's.
        sellers = [crystal, crystal, *Merchant.objects.filter(name=REGISTRATION_MERCHANT)]
        seed_showroom(sellers, staff=admin)
        # Courses, lessons and FAQ from the content files; progress of the demo learners for the cockpit
        # (林晶莹 sells on TikTok; her read-only colleague and the newcomer learn less).
        member = User.objects.get(phone=READONLY_MEMBER_PHONE)
        learners = [(approved_admin, crystal), (member, crystal)]
        if newcomer.current_merchant is not None:
            learners.append((newcomer, newcomer.current_merchant))
        seed_training_progress(learners, channels={crystal.pk: ["tiktok", "facebook"]})
        seed_assistant_conversations(learners)  # questions to the assistant, with sources and 有用/没用
        # 数据驾驶舱: sixty days of history across the modules for a few more merchants, then the aggregates.
        seed_cockpits(crystal)
        self.stdout.write(self.style.SUCCESS("演示数据已就绪（demo data loaded）"))
        self.stdout.write(
            "\n".join(
                [
                    "",
                    "  ── 演示账号 / demo logins ─────────────────────────────────────────",
                    f"  后台 /admin/     用户名 {ADMIN_USERNAME}   密码 {password}",
                    f"  商户 /  或 /m/   {APPROVED_ADMIN_PHONE}  东海晶莹水晶 管理员（工商注册已核准，全部模块开放），"
                    "也是新商户的成员（右上角可切换商户）",
                    f"                   {READONLY_MEMBER_PHONE}  东海晶莹水晶 只读成员",
                    f"                   {NEW_MERCHANT_PHONE}  新商户管理员（6 个模块待工商注册核准后开放）",
                    f"                   {REGISTRATION_ADMIN_PHONE}  连云港晶品水晶 管理员（注册申请待初审）",
                    "  短信验证码打印在服务日志里（jmt.sms 一行一条）；任意新手机号可直接注册。",
                    "  ────────────────────────────────────────────────────────────────────",
                    "",
                ]
            )
        )

    def _merchant_user(self, phone: str, name: str, merchant: Merchant, role: str) -> User:
        user, created = User.objects.get_or_create(phone=phone, defaults={"username": phone, "name": name})
        if created:
            user.set_unusable_password()
        Membership.objects.get_or_create(user=user, merchant=merchant, defaults={"role": role})
        if user.current_merchant_id is None:
            user.current_merchant = merchant
        user.save()
        return user
