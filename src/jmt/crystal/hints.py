"""The hint copy shown beside crystal-sensitive fields, and where each hint appears.

The back office edits a hint's title, text and whether it is shown (``CrystalHint`` rows); until it
does, the default copy below (from the crystal facts of DOMAIN.md) is what people see. Where a hint
appears is fixed here: a place is a form, a field is the field it sits beside.
"""

from __future__ import annotations

from dataclasses import dataclass

PLACES = {
    "customs_preview": "电子订单导入预览",
    "shipment_goods": "发货单货品",
    "product_form": "商品编辑",
}
FIELDS = {
    ("customs_preview", "gname"): "申报品名",
    ("customs_preview", "gcode"): "HS编码",
    ("customs_preview", "gmodel"): "规格型号",
    ("customs_preview", "packNo"): "件数",
    ("customs_preview", "country"): "最终目的国",
    ("shipment_goods", "goods"): "货品",
    ("product_form", "name"): "商品名称",
    ("product_form", "description"): "商品描述",
}
TITLE_MAX = 20
BODY_MAX = 500


@dataclass(frozen=True)
class HintSpec:
    key: str
    title: str
    body: str
    placements: tuple[tuple[str, str], ...]


HINTS: tuple[HintSpec, ...] = (
    HintSpec(
        "fragile",
        "易碎品申报",
        "水晶制品按易碎品申报与发货：单件用气泡膜或珍珠棉独立包裹，箱内填充至无晃动，外箱贴易碎标识；"
        "如实填写件数与毛重，运单货物描述写明材质（如 Natural quartz bracelet），不要只写礼品。",
        (("customs_preview", "packNo"), ("shipment_goods", "goods")),
    ),
    HintSpec(
        "invoice",
        "商业发票特殊要求",
        "商业发票的中英文品名与申报品名一致，写明真实材质（天然水晶、合成水晶或玻璃）、加工状态（原石、散件、手串）"
        "及是否镶嵌贵金属；计量单位与申报一致（原石、制品按千克，已加工散件按克拉）；单价按实际成交价填写。",
        (("customs_preview", "gname"), ("shipment_goods", "goods")),
    ),
    HintSpec(
        "culture",
        "文化属性说明",
        "含宗教图案的商品在部分目的国会被拒收（如沙特阿拉伯：十字架、非伊斯兰造像）；商品描述不得宣称保健、疗愈功效；"
        "珊瑚（濒危物种）、象牙、红木底座、朱砂珠需特别留意。",
        (("customs_preview", "country"), ("shipment_goods", "goods"), ("product_form", "description")),
    ),
    HintSpec(
        "elements",
        "申报要素填写",
        "规格型号按申报要素顺序用「|」连接：7116200000 为 品名|品牌类型|出口享惠情况|种类|材质|GTIN|CAS|其他；"
        "7103992000 另需加工程度、状态（未成串、未镶嵌）、来源（天然）、等级、矿物学名、规格、化学成分、颜色。",
        (("customs_preview", "gmodel"),),
    ),
    HintSpec(
        "material",
        "如实申报材质",
        "按材质与加工归类：仅锯开的原石 7103100000；抛光或打孔的散件 7103992000；串成手串或做成制品 7116200000；"
        "镶嵌金银的 7113；玻璃仿水晶（K9）7018、7013 或 7117。仿品须申报真实材质，不得写天然水晶。",
        (("customs_preview", "gcode"), ("product_form", "name")),
    ),
)
BY_KEY: dict[str, HintSpec] = {h.key: h for h in HINTS}
