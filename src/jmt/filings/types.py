"""The five filings a Donghai seller needs before 9610 export (D2–D6), declared on one mechanism.

Fields follow the 国际贸易「单一窗口」 forms and the 数据分中心 / 电子口岸 application forms as reprinted
in public guides (see ../shared/DOMAIN.md §9); local details (海关, 制卡点) are choices, kept
configurable here. Every field names where its value comes from, so the merchant only confirms.
"""

from __future__ import annotations

from jmt.documents.models import DocumentKind
from jmt.filings import registry
from jmt.filings.spec import FieldSpec, FilingType, ResultSpec, Section, TemplateSpec

CUSTOMS_OFFICES = ("连云港海关", "南京海关", "徐州海关", "苏州海关", "其他海关")
PLATFORMS = ("TikTok Shop", "Amazon", "eBay", "AliExpress", "Shopee", "Etsy", "独立站", "其他")


def _company(*, with_en: bool = False) -> tuple[FieldSpec, ...]:
    fields = [
        FieldSpec("name", "企业名称", source="profile.name", max_length=128),
        FieldSpec("credit_code", "统一社会信用代码", type="credit_code", source="profile.credit_code"),
    ]
    if with_en:
        fields += [
            FieldSpec("name_en", "企业英文名称", source="profile.name_en", max_length=200),
        ]
    fields.append(FieldSpec("address", "注册地址", source="profile.address", max_length=255))
    if with_en:
        fields.append(FieldSpec("address_en", "英文地址", source="profile.address_en", max_length=255))
    return tuple(fields)


def _legal() -> tuple[FieldSpec, ...]:
    return (
        FieldSpec("legal_person", "法定代表人", source="profile.legal_person", max_length=64),
        FieldSpec(
            "legal_person_id_number", "法定代表人身份证号", type="id_number", source="profile.legal_person_id_number"
        ),
        FieldSpec("legal_person_phone", "法定代表人手机号", type="phone", source="profile.legal_person_phone"),
    )


def _contact(title: str = "联系人") -> tuple[FieldSpec, ...]:
    return (
        FieldSpec("contact_name", f"{title}姓名", source="profile.contact_name", max_length=64),
        FieldSpec("contact_phone", f"{title}手机号", type="phone", source="profile.contact_phone"),
        FieldSpec("contact_email", f"{title}邮箱", type="email", max_length=100),
    )


def _licence_and_id() -> tuple[FieldSpec, ...]:
    return (
        FieldSpec(
            "licence_document",
            "营业执照",
            type="document",
            document_kind=DocumentKind.BUSINESS_LICENCE,
            source=f"vault.{DocumentKind.BUSINESS_LICENCE}",
        ),
        FieldSpec(
            "id_card_front_document",
            "法人身份证人像面",
            type="document",
            document_kind=DocumentKind.ID_CARD_FRONT,
            source=f"vault.{DocumentKind.ID_CARD_FRONT}",
        ),
        FieldSpec(
            "id_card_back_document",
            "法人身份证国徽面",
            type="document",
            document_kind=DocumentKind.ID_CARD_BACK,
            source=f"vault.{DocumentKind.ID_CARD_BACK}",
        ),
    )


def _signed(name: str, label: str, template: str) -> FieldSpec:
    return FieldSpec(name, label, type="document", help=f"下载「{template}」模板，核对预填内容，签字盖章后扫描上传")


CUSTOMS_CODE = FieldSpec(
    "customs_code",
    "海关注册编码",
    source="filing.customs-registration.customs_code",
    max_length=10,
    help="海关企业注册登记办结后自动带入",
)

CUSTOMS_REGISTRATION = FilingType(
    key="customs-registration",
    feature="D2",
    label="海关企业注册登记",
    order=10,
    purpose="向海关办理报关单位备案（进出口货物收发货人），取得 10 位海关注册编码。"
    "它是企业在海关的身份：以后每一份出口报文的电商企业代码、退税备案都要用到它。",
    why_export="9610 出口的每一份订单、清单都要填写电商企业代码（海关注册编码），没有它无法申报。",
    authority="国际贸易「单一窗口」企业资质 → 资质备案（所在地海关审核）",
    duration="材料齐全时约 3 个工作日；备案长期有效",
    steps=(
        "核对从企业资料带入的信息，补齐英文名称、邮编和联系人邮箱",
        "下载《报关单位备案信息表》，核对后签字盖章上传",
        "捷晶审核材料（1 个工作日内），通过后代为向海关提交备案",
        "海关审核通过后，捷晶记录海关注册编码，并自动带入点点通接口配置",
    ),
    sections=(
        Section(
            "备案信息",
            (
                FieldSpec("application_type", "申请类型", type="choice", choices=("新增备案", "变更备案")),
                FieldSpec("unit_type", "报关单位类型", type="choice", choices=("进出口货物收发货人", "报关企业")),
                FieldSpec("customs_office", "所在地海关", type="choice", choices=CUSTOMS_OFFICES),
                FieldSpec("region", "行政区划", max_length=40, help="例如：江苏省连云港市东海县"),
                FieldSpec(
                    "economic_zone",
                    "经济区划",
                    type="choice",
                    choices=("一般经济区域", "经济技术开发区", "综合保税区", "高新技术产业开发区"),
                ),
            ),
        ),
        Section("企业信息", (*_company(with_en=True), FieldSpec("postcode", "邮政编码", type="postcode"))),
        Section("法定代表人", _legal()),
        Section("海关业务联系人", _contact("海关业务联系人")),
        Section(
            "申请材料",
            (*_licence_and_id(), _signed("record_form_document", "报关单位备案信息表（签章）", "报关单位备案信息表")),
        ),
    ),
    results=(
        ResultSpec(
            "customs_code",
            "海关注册编码",
            pattern=r"^[0-9A-Z]{10}$",
            pattern_help="10 位数字或大写字母，例如 3207960ABC",
            gateway_field="ebc_code",
        ),
        ResultSpec("ciq_code", "检验检疫备案号", pattern=r"^\d{10}$", pattern_help="10 位数字", required=False),
    ),
    templates=(TemplateSpec("record-form", "报关单位备案信息表", "customs_registration_form.json"),),
    handling_hint="海关正在审核报关单位备案，通常 3 个工作日内完成",
)

EPORT_CARD = FilingType(
    key="eport-card",
    feature="D3",
    label="电子口岸卡办理",
    order=20,
    purpose="在中国电子口岸办理法人卡和操作员卡（现多为 UKey），卡里有企业的 SM2 数字证书，"
    "用来登录「单一窗口」并给报文签名。",
    why_export="没有电子口岸卡（或加签证书）就无法对报文签名，海关不接收未签名的申报。",
    authority="中国电子口岸身份认证管理系统（制卡点受理、制卡）",
    duration="材料齐全时约 3–5 个工作日，可现场领取或邮寄",
    steps=(
        "选择办卡类型与介质，核对带入的企业与法人信息",
        "填写操作员信息和领卡方式，下载《电子口岸卡申请表》和《授权委托书》签章上传",
        "捷晶审核后递交制卡点，制卡完成后按您选择的方式领取",
        "办结后捷晶记录电子口岸卡号，云加签与 DXP ID 申请会自动带入",
    ),
    requires=("customs-registration",),
    sections=(
        Section(
            "办卡信息",
            (
                FieldSpec(
                    "card_type",
                    "办卡类型",
                    type="choice",
                    choices=("法人卡 + 操作员卡（首次办理）", "新增操作员卡", "换卡 / 补卡"),
                ),
                FieldSpec("medium", "介质", type="choice", choices=("UKey", "IC 卡")),
                FieldSpec("issuing_point", "制卡点", max_length=64, help="例如：连云港电子口岸制卡中心"),
            ),
        ),
        Section("企业信息", (*_company(), CUSTOMS_CODE)),
        Section("法定代表人", _legal()),
        Section(
            "操作员",
            (
                FieldSpec("operator_name", "操作员姓名", source="profile.contact_name", max_length=64),
                FieldSpec("operator_id_number", "操作员身份证号", type="id_number"),
                FieldSpec("operator_phone", "操作员手机号", type="phone", source="profile.contact_phone"),
            ),
        ),
        Section(
            "领卡方式",
            (
                FieldSpec("collection", "领取方式", type="choice", choices=("现场领取", "邮寄")),
                FieldSpec(
                    "mailing_address",
                    "邮寄地址",
                    required=False,
                    source="profile.address",
                    max_length=255,
                    help="选择邮寄时填写",
                ),
            ),
        ),
        Section(
            "申请材料",
            (
                *_licence_and_id(),
                _signed("application_document", "电子口岸卡申请表（签章）", "电子口岸卡申请表"),
                _signed("authorisation_document", "授权委托书（签章）", "授权委托书"),
            ),
        ),
    ),
    results=(
        ResultSpec("eport_card_no", "电子口岸卡号", pattern=r"^[0-9A-Z]{8,20}$", pattern_help="8–20 位数字或大写字母"),
    ),
    templates=(
        TemplateSpec("application", "电子口岸卡申请表", "eport_card_application.json"),
        TemplateSpec("authorisation", "授权委托书", "eport_card_authorisation.json", format="docx"),
    ),
    handling_hint="制卡点正在受理和制卡，通常 3–5 个工作日",
)

DXP_ID = FilingType(
    key="dxp-id",
    feature="D4",
    label="DXP ID 申请",
    order=40,
    purpose="向数据分中心申请数据交换平台 DXP 的企业标识，格式为 DXPENT 加 10 位数字，"
    "用于自行（或通过点点通）向海关传输跨境电商报文。",
    why_export="每一份海关报文的 BaseTransfer 都要写 DXP ID，报文信封的发送方也是它；自行传输报文必须先有 DXP ID。",
    authority="南京海关数据分中心（接入申请、安全承诺、联调测试）",
    duration="约 5–10 个工作日（含联调测试）",
    steps=(
        "选择传输方式与签名方式，核对带入的企业、海关注册编码和电子口岸卡号",
        "下载《DXP 接入申请表》和《安全承诺书》，签章上传",
        "捷晶审核后递交数据分中心，配合完成联调测试",
        "办结后捷晶记录 DXP ID，并自动写入点点通接口配置",
    ),
    requires=("customs-registration", "eport-card"),
    optional=True,
    optional_note="由平台代为传输报文的商户可以不申请（平台在报文中填写您的海关注册编码）",
    sections=(
        Section(
            "接入方式",
            (
                FieldSpec(
                    "transport", "传输方式", type="choice", choices=("MQ", "AS2", "AMQP"), help="通过点点通传输时选 MQ"
                ),
                FieldSpec("signing", "签名方式", type="choice", choices=("云加签", "UKey / 加密卡", "签名服务器")),
                FieldSpec(
                    "access_route",
                    "接入途径",
                    type="choice",
                    choices=("通过点点通接入", "自建系统接入"),
                ),
                FieldSpec("server_ip", "接入服务器 IP", required=False, max_length=64, help="自建系统接入时填写"),
            ),
        ),
        Section(
            "企业信息",
            (
                *_company(),
                CUSTOMS_CODE,
                FieldSpec(
                    "eport_card_no",
                    "电子口岸卡号",
                    source="filing.eport-card.eport_card_no",
                    max_length=20,
                    help="电子口岸卡办结后自动带入",
                ),
            ),
        ),
        Section("联系人", _contact()),
        Section(
            "申请材料",
            (
                FieldSpec(
                    "licence_document",
                    "营业执照",
                    type="document",
                    document_kind=DocumentKind.BUSINESS_LICENCE,
                    source=f"vault.{DocumentKind.BUSINESS_LICENCE}",
                ),
                _signed("application_document", "DXP 接入申请表（签章）", "DXP 接入申请表"),
                _signed("commitment_document", "安全承诺书（签章）", "安全承诺书"),
            ),
        ),
    ),
    results=(
        ResultSpec(
            "dxp_id",
            "DXP ID",
            pattern=r"^DXPENT\d{10}$",
            pattern_help="DXPENT 加 10 位数字，例如 DXPENT0000012345",
            gateway_field="dxp_id",
        ),
    ),
    templates=(
        TemplateSpec("application", "DXP 接入申请表", "dxp_application.json"),
        TemplateSpec("commitment", "安全承诺书", "dxp_commitment.json", format="docx"),
    ),
    handling_hint="数据分中心正在审核并安排联调测试，通常 5–10 个工作日",
)

CLOUD_SIGNING = FilingType(
    key="cloud-signing",
    feature="D5",
    label="云加签申请",
    order=50,
    purpose="开通云加签服务：报文由签名服务用企业的 SM2 证书签名，不必插着电子口岸卡在电脑前操作。",
    why_export="海关只接收带有效签名的报文；云加签让点点通在后台自动签名和发送。",
    authority="加签服务商（点点通云加签或中国电子口岸云加签）及数据分中心证书登记",
    duration="约 3–5 个工作日",
    steps=(
        "选择加签服务商和签名算法，核对带入的企业信息与电子口岸卡号",
        "下载《云加签服务申请表》，签章上传",
        "捷晶审核后提交服务商开通，并在数据分中心登记签名证书",
        "办结后捷晶记录加签证书序列号",
    ),
    requires=("eport-card",),
    optional=True,
    optional_note="使用电子口岸卡或 UKey 在本机签名的商户可以不申请",
    sections=(
        Section(
            "加签服务",
            (
                FieldSpec(
                    "provider",
                    "加签服务商",
                    type="choice",
                    choices=("点点通云加签", "中国电子口岸云加签", "其他服务商"),
                ),
                FieldSpec("algorithm", "签名算法", type="choice", choices=("SM2-SM3（推荐）", "RSA-SHA1")),
            ),
        ),
        Section(
            "证书持有单位",
            (
                *_company(),
                CUSTOMS_CODE,
                FieldSpec(
                    "eport_card_no",
                    "电子口岸卡号",
                    source="filing.eport-card.eport_card_no",
                    max_length=20,
                    help="电子口岸卡办结后自动带入",
                ),
            ),
        ),
        Section("联系人", _contact()),
        Section(
            "申请材料",
            (
                FieldSpec(
                    "licence_document",
                    "营业执照",
                    type="document",
                    document_kind=DocumentKind.BUSINESS_LICENCE,
                    source=f"vault.{DocumentKind.BUSINESS_LICENCE}",
                ),
                _signed("application_document", "云加签服务申请表（签章）", "云加签服务申请表"),
            ),
        ),
    ),
    results=(
        ResultSpec(
            "cert_serial",
            "加签证书序列号",
            pattern=r"^[0-9A-F]{8,40}$",
            pattern_help="8–40 位十六进制（0–9、A–F）",
        ),
        ResultSpec(
            "cert_valid_to",
            "证书有效期至",
            pattern=r"^\d{4}-\d{2}-\d{2}$",
            pattern_help="例如 2036-12-31",
            required=False,
            upper=False,
        ),
    ),
    templates=(TemplateSpec("application", "云加签服务申请表", "cloud_signing_application.json"),),
    handling_hint="服务商正在开通云加签并登记证书，通常 3–5 个工作日",
)

ENTERPRISE_RECORD = FilingType(
    key="enterprise-record",
    feature="D6",
    label="企业备案",
    order=30,
    purpose="在所在地海关办理跨境电商企业信息登记（勾选「电子商务企业」并登记店铺网址），"
    "海关据此认可您是 9610 出口的电商企业。",
    why_export="未登记为跨境电商企业，海关不认可 9610 申报中的电商企业身份，清单无法放行。",
    authority="国际贸易「单一窗口」报关单位备案变更（跨境电商企业信息登记，海关总署公告 2018 年第 194 号）",
    duration="约 1–3 个工作日",
    steps=(
        "核对带入的企业信息和海关注册编码，填写店铺名称与网址",
        "下载《跨境电商企业信息登记表》，签章上传",
        "捷晶审核后向所在地海关提交登记",
        "海关登记完成后办结",
    ),
    requires=("customs-registration",),
    sections=(
        Section(
            "登记信息",
            (
                FieldSpec(
                    "enterprise_role",
                    "企业类型",
                    type="choice",
                    choices=("电子商务企业", "电子商务平台企业", "物流企业", "支付企业"),
                ),
                FieldSpec("customs_office", "主管海关", type="choice", choices=CUSTOMS_OFFICES),
            ),
        ),
        Section("企业信息", (*_company(), CUSTOMS_CODE)),
        Section(
            "店铺信息",
            (
                FieldSpec("platform", "销售平台", type="choice", choices=PLATFORMS),
                FieldSpec("shop_name", "店铺名称", max_length=100),
                FieldSpec("shop_url", "店铺网址", type="url", max_length=255),
            ),
        ),
        Section("法定代表人", _legal()),
        Section("联系人", _contact()),
        Section(
            "申请材料",
            (
                FieldSpec(
                    "licence_document",
                    "营业执照",
                    type="document",
                    document_kind=DocumentKind.BUSINESS_LICENCE,
                    source=f"vault.{DocumentKind.BUSINESS_LICENCE}",
                ),
                _signed("record_form_document", "跨境电商企业信息登记表（签章）", "跨境电商企业信息登记表"),
                FieldSpec("shop_screenshot_document", "店铺后台截图", type="document", required=False),
            ),
        ),
    ),
    results=(
        ResultSpec(
            "record_no",
            "登记回执编号",
            required=False,
            pattern=r"^[0-9A-Za-z-]{4,40}$",
            pattern_help="4–40 位数字、字母或连字符",
        ),
    ),
    templates=(TemplateSpec("record-form", "跨境电商企业信息登记表", "enterprise_record_form.json"),),
    handling_hint="所在地海关正在办理跨境电商企业登记，通常 1–3 个工作日",
)

FIVE = (CUSTOMS_REGISTRATION, EPORT_CARD, ENTERPRISE_RECORD, DXP_ID, CLOUD_SIGNING)


def register_all() -> None:
    for ft in FIVE:
        registry.register(ft)
