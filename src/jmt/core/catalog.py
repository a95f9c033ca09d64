"""The service catalog: the one list of modules and items on the platform.

Navigation (PC, mobile, back office), home tiles, gating, ``/me``, global search, to-do counts and
the permission tree all read this module; nothing else lists modules. Feature IDs are those of
FEATURES.md.

Permission codes are ``module:page:action``. Each merchant item has a ``view`` code and, where
the merchant can change something there, a ``edit`` code; back-office items likewise. An item may
list its own actions (buttons) instead, e.g. 角色权限 has 查看 / 新增与编辑 / 删除. The permission
tree (menu → page → button) is this catalog read as modules → items → actions: see
:func:`permission_tree`. Every code an endpoint declares with ``@require`` must be in it (a test
walks the API to check).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Surface(StrEnum):
    MERCHANT = "merchant"  # PC web and mobile H5
    ADMIN = "admin"  # back office


class Gate(StrEnum):
    """Why an item may be closed to a merchant."""

    NONE = "none"
    REGISTRATION_APPROVED = "registration_approved"


GATE_REASONS: dict[Gate, str] = {
    Gate.REGISTRATION_APPROVED: "完成工商注册并核准通过后开放",
}
COMING_SOON = "即将上线"


@dataclass(frozen=True)
class Action:
    """A button-level permission of an item: ``view`` reads; every other action writes."""

    key: str
    title: str

    @property
    def writes(self) -> bool:
        return self.key != VIEW


VIEW = "view"
EDIT = "edit"
VIEW_ACTION = Action(VIEW, "查看")
EDIT_ACTION = Action(EDIT, "编辑")


@dataclass(frozen=True)
class Item:
    key: str
    feature: str
    title: str
    route: str
    description: str = ""
    writable: bool = True
    actions: tuple[Action, ...] = ()
    # The merchant page exists. Until then the item (and a module with none built) says 即将上线 and does not
    # open; set it where the page lands and the home, menus and catalog flip by themselves.
    built: bool = False

    def permission(self, module: Module, action: str = VIEW) -> str:
        return f"{module.key}:{self.key}:{action}"

    def action_list(self) -> tuple[Action, ...]:
        """The item's buttons: its declared actions, else 查看 (and 编辑 when writable)."""
        if self.actions:
            return self.actions
        return (VIEW_ACTION, EDIT_ACTION) if self.writable else (VIEW_ACTION,)


@dataclass(frozen=True)
class Module:
    key: str
    title: str
    icon: str
    description: str
    surface: Surface
    items: tuple[Item, ...]
    gate: Gate = Gate.NONE
    route: str = ""
    keywords: tuple[str, ...] = field(default_factory=tuple)

    @property
    def permission(self) -> str:
        return f"{self.key}:*:view"

    def item_permissions(self) -> list[str]:
        return [item.permission(self, action.key) for item in self.items for action in item.action_list()]

    @property
    def built(self) -> bool:
        """A module is open for business once one of its items is built."""
        return any(item.built for item in self.items)


M = Surface.MERCHANT
A = Surface.ADMIN
G = Gate.REGISTRATION_APPROVED

MODULES: tuple[Module, ...] = (
    Module(
        "registration",
        "工商注册",
        "bank",
        "个体户与企业注册办理、资料补充、注册进度",
        M,
        (
            Item("apply", "R1", "工商注册办理", "/registration/apply", "未注册：在线办理个体户或企业注册", built=True),
            Item(
                "supplement",
                "R2",
                "已注册企业信息补充",
                "/registration/supplement",
                "已有营业执照：上传执照、法人身份证、开户许可证",
                built=True,
            ),
            Item(
                "progress",
                "R3",
                "注册进度看板",
                "/registration/progress",
                "材料填报 → 初审 → 现场核验 → 核准",
                writable=False,
                built=True,
            ),
        ),
        route="/registration",
    ),
    Module(
        "logistics",
        "跨境物流",
        "car",
        "物流服务商比较与一站式发货",
        M,
        (
            Item("carriers", "L1", "物流服务商选择", "/logistics/carriers", "DHL、UPS、顺丰国际等渠道对比", built=True),
            Item("shipments", "L2", "一站式发货", "/logistics/shipments", "寄件信息自动填写，轨迹实时跟踪", built=True),
        ),
        gate=G,
        route="/logistics",
    ),
    Module(
        "filings",
        "跨境申报",
        "audit",
        "海关企业注册、电子口岸卡、DXP ID、云加签、企业备案",
        M,
        (
            Item(
                "guide", "D1", "出口申报流程推荐", "/filings/guide", "一条路径办完全部申报", writable=False, built=True
            ),
            Item("customs-registration", "D2", "海关企业注册登记", "/filings/customs-registration", built=True),
            Item("eport-card", "D3", "电子口岸卡办理", "/filings/eport-card", built=True),
            Item("dxp-id", "D4", "DXP ID 申请", "/filings/dxp-id", built=True),
            Item("cloud-signing", "D5", "云加签申请", "/filings/cloud-signing", built=True),
            Item("enterprise-record", "D6", "企业备案", "/filings/enterprise-record", built=True),
            Item("notifications", "D7", "申报状态通知", "/filings/notifications", writable=False, built=True),
        ),
        gate=G,
        route="/filings",
    ),
    Module(
        "customs",
        "出口报关",
        "container",
        "9610 跨境电商出口：批次、电子订单、总分单、汇总、撤销",
        M,
        (
            Item(
                "batches",
                "C1",
                "出口订单批次报送",
                "/customs/batches",
                "批次创建、点点通自动校验、审批进度",
                built=True,
            ),
            Item("orders", "C2", "电子订单报送", "/customs/orders", "Excel 模板导入、逐行校验、批量申报", built=True),
            Item("manifests", "C3", "清单总分单报送", "/customs/manifests", "放行后自动关联运单，一键提交", built=True),
            Item("summaries", "C4", "汇总申请单报送", "/customs/summaries", "按月汇总结关清单", built=True),
            Item("cancels", "C5", "撤销申请单报送", "/customs/cancels", "按清单编号撤销申报", built=True),
            Item(
                "gateway",
                "C6",
                "点点通企业接口配置",
                "/customs/gateway",
                "查看接口配置与校验结果",
                writable=False,
                built=True,
            ),
            Item("notifications", "C7", "业务办理通知", "/customs/notifications", writable=False, built=True),
        ),
        gate=G,
        route="/customs",
        keywords=("报关", "9610", "点点通"),
    ),
    Module(
        "refunds",
        "出口退税",
        "money-collect",
        "退税申报、进度与状态通知",
        M,
        (
            Item("claims", "T1", "出口退税申报", "/refunds/claims", "上传报关单、进项与销售发票", built=True),
            Item(
                "progress",
                "T2",
                "退税进度图",
                "/refunds/progress",
                "申报 → 审核 → 退库 → 到账",
                writable=False,
                built=True,
            ),
            Item("notifications", "T3", "退税状态通知", "/refunds/notifications", writable=False, built=True),
        ),
        gate=G,
        route="/refunds",
    ),
    Module(
        "fx",
        "收结汇",
        "dollar",
        "多币种汇率、外币到账与快速结汇",
        M,
        (
            Item("rates", "F1", "多币种汇率看板", "/fx/rates", "美元、欧元、英镑等实时汇率与提醒", built=True),
            Item(
                "settlements",
                "F2",
                "外币到账展示及结汇",
                "/fx/settlements",
                "子账户余额、收结汇明细、快速结汇",
                built=True,
            ),
        ),
        gate=G,
        route="/fx",
    ),
    Module(
        "training",
        "培训服务",
        "read",
        "智能客服、在线学习中心与水晶申报助手",
        M,
        (
            Item("assistant", "E1", "智能客服", "/training/assistant", "平台使用、结汇与跨境平台问答", built=True),
            Item("courses", "E2", "在线学习中心", "/training/courses", "水晶行业课程库与文化差异专项课", built=True),
            Item(
                "crystal",
                "A2",
                "水晶申报助手",
                "/training/crystal",
                "天然或合成、是否镶嵌 → 申报品名、HS 编码与申报要素，特殊单证模板",
                writable=False,
                built=True,
            ),
        ),
        route="/training",
    ),
    Module(
        "showroom",
        "交易平台",
        "shop",
        "商品展厅、分类浏览与商品详情",
        M,
        (
            Item("hall", "S1", "商品展厅", "/showroom", "按分类浏览全部已上架商品", writable=False, built=True),
            Item(
                "categories", "S2", "分类页", "/showroom/categories", "某一分类下的全部商品", writable=False, built=True
            ),
            Item(
                "products",
                "S3",
                "我的商品",
                "/showroom/products",
                "商品详情（图集、购买咨询）；提交自家商品审核上架",
                built=True,
            ),
        ),
        gate=G,
        route="/showroom",
    ),
)

ADMIN_MODULES: tuple[Module, ...] = (
    Module(
        "merchants",
        "商户管理",
        "team",
        "商户信息、注册与入驻审核",
        A,
        (
            Item("list", "A1", "商户信息管理", "/merchants"),
            Item("onboarding", "RA", "注册与入驻管理", "/merchants/onboarding"),
        ),
        route="/merchants",
    ),
    Module(
        "operations",
        "业务受理",
        "solution",
        "物流、申报、报关、退税、结汇、服务评价",
        A,
        (
            Item("logistics", "LA", "物流管理", "/operations/logistics"),
            Item("filings", "DA", "申报受理", "/operations/filings"),
            Item("customs", "CA", "报关流程可视化", "/operations/customs"),
            Item("gateway", "C6", "点点通接口配置", "/operations/gateway"),
            Item("ports", "C1", "港口代码表", "/operations/ports", "海关港口代码表：指运港与各国家（地区）默认主港"),
            Item("refunds", "TA", "退税管理", "/operations/refunds"),
            Item("fx", "FA", "结汇管理", "/operations/fx"),
            Item("ratings", "U4", "服务评价", "/operations/ratings", "商户对已办结业务的评价与回复"),
        ),
        route="/operations",
    ),
    Module(
        "content",
        "内容管理",
        "appstore",
        "培训课程、商品展厅、水晶行业专项",
        A,
        (
            Item("training", "EA", "培训管理", "/content/training"),
            Item("showroom", "SA", "商品管理", "/content/showroom"),
            Item("crystal", "A2", "水晶行业专项", "/content/crystal"),
        ),
        route="/content",
    ),
    Module(
        "dashboards",
        "数据驾驶舱",
        "dashboard",
        "综合数据与综合服务指标",
        A,
        (
            Item(
                "overview",
                "A3",
                "综合数据",
                "/dashboards/overview",
                "实时数据、全球订单分布、热销商品、物流时效；大屏展示；自定义报表导出",
                actions=(VIEW_ACTION, Action("export", "导出报表")),
                built=True,
            ),
            Item(
                "service",
                "A4",
                "综合服务",
                "/dashboards/service",
                "注册通过率、通关与退税周期、物流准时率、结汇失败率等服务指标",
                writable=False,
                built=True,
            ),
        ),
        route="/dashboards",
    ),
    Module(
        "system",
        "系统管理",
        "setting",
        "账户、角色、参数、日志与监控",
        A,
        (
            Item(
                "accounts",
                "A5",
                "管理员账户",
                "/system/accounts",
                "后台账户、角色分配、停用与重置密码、登录日志",
                actions=(
                    VIEW_ACTION,
                    Action(EDIT, "新增与编辑"),
                    Action("status", "停用与启用"),
                    Action("password", "重置密码"),
                ),
            ),
            Item(
                "roles",
                "A6",
                "角色权限",
                "/system/roles",
                "角色的功能权限（菜单、页面、按钮）与数据权限",
                actions=(VIEW_ACTION, Action(EDIT, "新增与编辑"), Action("delete", "删除")),
            ),
            Item("parameters", "A7", "系统参数", "/system/parameters"),
            Item(
                "logs",
                "A8",
                "日志管理",
                "/system/logs",
                actions=(VIEW_ACTION, Action("export", "导出"), Action("archive", "归档")),
            ),
            Item("monitor", "G7", "系统监控", "/system/monitor", writable=False),
            Item(
                "impersonation",
                "G6",
                "用户切换",
                "/system/impersonation",
                "以商户用户身份查看与操作，全程记录双方身份",
                actions=(VIEW_ACTION, Action(EDIT, "切换为商户用户")),
            ),
        ),
        route="/system",
    ),
)

GATED_MODULE_KEYS: frozenset[str] = frozenset(m.key for m in MODULES if m.gate is not Gate.NONE)


def merchant_permissions(*, writable: bool) -> list[str]:
    """Every merchant-surface permission code; read-only members get only the ``view`` ones."""
    codes: list[str] = []
    for module in MODULES:
        for code in module.item_permissions():
            if writable or not code_writes(code):
                codes.append(code)
    return codes


def admin_permissions() -> list[str]:
    codes: list[str] = []
    for module in ADMIN_MODULES:
        codes.extend(module.item_permissions())
    return codes


def all_modules() -> Iterable[Module]:
    return (*MODULES, *ADMIN_MODULES)


def code_writes(code: str) -> bool:
    """A code whose action is not ``view`` changes data."""
    return code.rsplit(":", 1)[-1] != VIEW


def surface_of(code: str) -> Surface | None:
    """The surface a code belongs to (by its module), or None for a code the catalog does not know."""
    module_key = code.split(":", 1)[0]
    for module in all_modules():
        if module.key == module_key:
            return module.surface
    return None


def all_permissions() -> frozenset[str]:
    """Every code of the permission tree, both surfaces."""
    return frozenset(code for module in all_modules() for code in module.item_permissions())


def permission_tree(surface: Surface | None = None) -> list[dict[str, Any]]:
    """The permission tree: menu (module) → page (item) → button (action), leaves are codes.

    Node keys: ``module:<key>``, ``page:<module>:<item>``; a leaf's key is its permission code.
    """
    tree: list[dict[str, Any]] = []
    for module in all_modules():
        if surface is not None and module.surface is not surface:
            continue
        pages = []
        for item in module.items:
            buttons = [
                {
                    "key": item.permission(module, action.key),
                    "title": action.title,
                    "level": "button",
                    "code": item.permission(module, action.key),
                    "writes": action.writes,
                    "children": [],
                }
                for action in item.action_list()
            ]
            pages.append(
                {
                    "key": f"page:{module.key}:{item.key}",
                    "title": item.title,
                    "level": "page",
                    "code": None,
                    "writes": False,
                    "children": buttons,
                }
            )
        tree.append(
            {
                "key": f"module:{module.key}",
                "title": module.title,
                "level": "menu",
                "code": None,
                "writes": False,
                "surface": module.surface.value,
                "children": pages,
            }
        )
    return tree
