"""No internal words on any built page (issue 10, item 7): every page of the merchant PC, the H5 and the
back office is loaded and its rendered text read; a feature ID (C3, LA…), an English field name
(statisticsFlag, logisticsNo, invt_cancel_withdraw), a 「（guid）」 label, an id-and-code object like
「6@4:admin」, or a test host or 「模拟网关」 on a merchant page fails the walk, naming the page."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import Page

from e2e.conftest import MOBILE, PC
from e2e.test_me_journeys import sign_in
from jmt.accounts.models import User
from jmt.accounts.selectors import build_actor
from jmt.audit.services import record, record_event
from jmt.core import catalog
from jmt.customs.tests.factories import make_batch, make_gateway_config
from jmt.merchants.models import MemberRole, Membership

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

FEATURE_IDS = sorted({item.feature for module in catalog.all_modules() for item in module.items if item.feature})
FEATURE_ID = re.compile(r"(?<![A-Za-z0-9])(" + "|".join(map(re.escape, FEATURE_IDS)) + r")(?![A-Za-z0-9])")
CAMEL_CASE = re.compile(r"(?<![A-Za-z0-9/.@-])[a-z]+(?:[A-Z][a-z0-9]*)+(?![A-Za-z0-9/.@-])")
SNAKE_CASE = re.compile(r"(?<![A-Za-z0-9/.@-])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9/.@-])")
ASCII_IN_BRACKETS = re.compile(r"（[A-Za-z_]+）")
ID_AT_CODE = re.compile(r"\b\d+@\d+:[a-z]+\b")
MERCHANT_ONLY = re.compile(r"127\.0\.0\.1|localhost|example\.(?:cn|com)|模拟网关")


def problems(text: str, *, merchant: bool) -> list[str]:
    found = [f"功能编号 {m}" for m in FEATURE_ID.findall(text)]
    found += [f"英文字段 {m}" for m in CAMEL_CASE.findall(text)]
    found += [f"英文字段 {m}" for m in SNAKE_CASE.findall(text)]
    found += [f"括号里的英文 {m}" for m in ASCII_IN_BRACKETS.findall(text)]
    found += [f"编号对象 {m}" for m in ID_AT_CODE.findall(text)]
    if merchant:
        found += [f"技术细节 {m}" for m in MERCHANT_ONLY.findall(text)]
    return found


def test_the_checks_catch_what_the_issue_saw():
    seen = (
        "申报业务类型（statisticsFlag） R1 工商注册 C3 6@4:admin 操作 invt_cancel_withdraw"
        " 字段 logisticsNo 回调 127.0.0.1:8000"
    )
    assert len(problems(seen, merchant=True)) == 8  # statisticsFlag: a field name and in brackets
    fine = "2026-12-05 13:15 CA1234 航班 A 简化申报 B 汇总申报 DXP ID 13800000001 SF1234567890 营业执照.png"
    assert problems(fine, merchant=True) == []


def rendered_text(page: Page, url: str) -> str:
    page.goto(url)
    page.wait_for_function(
        "() => document.body.innerText.trim().length > 20"
        " && !document.querySelector('.ant-spin-spinning, .ant-skeleton, .adm-spin-loading, .adm-dot-loading')",
        timeout=15_000,
    )
    page.wait_for_timeout(250)
    return page.locator("body").inner_text()


def walk(page: Page, base: str, paths: list[str], *, merchant: bool) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in paths:
        bad = problems(rendered_text(page, f"{base}{path}"), merchant=merchant)
        if bad:
            found[path] = sorted(set(bad))
    return found


def routes(modules: tuple[catalog.Module, ...]) -> list[str]:
    paths: list[str] = []
    for module in modules:
        paths.append(module.route)
        paths.extend(item.route for item in module.items if item.route)
    return list(dict.fromkeys(paths))


@pytest.fixture
def history(merchant_admin: User, merchant_member: User, superadmin: User) -> None:
    """What the issue saw in the logs: a member added, customs acts, a changed workbook cell; a test gateway."""
    merchant = merchant_admin.current_merchant
    assert merchant is not None
    make_gateway_config(merchant, base_url="http://127.0.0.1:8000/fake-ddt", callback_url="http://127.0.0.1:8000/cb")
    batch = make_batch(merchant, name="2026年3月 第1批")
    actor = build_actor(merchant_admin)
    member = Membership.objects.get(user=merchant_member, merchant=merchant)
    record(
        actor=actor, module="merchants", action="add_member", obj=member, before={}, after={"role": MemberRole.MEMBER}
    )
    record(actor=actor, module="customs", action="waybill_submit", obj=batch, before={}, after={"parts": 1})
    record_event(
        actor=actor,
        module="customs",
        action="order_import_row_update",
        object_type="customs.OrderImport",
        object_id="1",
        object_repr="三月订单.xlsx",
        changes={"logisticsNo": ["", "SF1234567890"], "qty": ["1", "2"]},
    )
    record_event(
        actor=actor, module="customs", action="invt_cancel_withdraw", object_type="customs.InvtCancel", object_id="1"
    )


def test_no_page_shows_a_feature_id_or_an_english_field_name(
    live_server: Any, new_context: Any, merchant_admin: User, superadmin: User, history: None
):
    base = live_server.url
    merchant_pages = [
        "/",
        "/messages",
        "/documents",
        "/me/profile",
        "/me/security",
        "/me/merchant",
        "/me/members",
        "/me/logs",
    ]
    merchant_pages += routes(catalog.MODULES)

    pc = new_context(viewport=PC).new_page()
    sign_in(pc, base, merchant_admin)
    found = walk(pc, base, merchant_pages, merchant=True)

    phone = new_context(viewport=MOBILE, is_mobile=True, has_touch=True).new_page()
    sign_in(phone, base, merchant_admin, path="/m/healthz-not-a-page")
    h5_pages = ["/", "/messages", "/me", "/me/profile", "/me/security", "/me/merchant", "/me/members", "/documents"]
    h5_pages += routes(catalog.MODULES)
    found.update({f"/m{path}": bad for path, bad in walk(phone, f"{base}/m", h5_pages, merchant=True).items()})

    office = new_context(viewport=PC).new_page()
    sign_in(office, base, superadmin, prefix="admin.", path="/admin/healthz-not-a-page")
    office_pages = ["/", "/messages", *routes(catalog.ADMIN_MODULES)]
    found.update(
        {f"/admin{path}": bad for path, bad in walk(office, f"{base}/admin", office_pages, merchant=False).items()}
    )

    assert found == {}
