"""The crystal declaration assistant: a few answers → 申报品名, HS candidates with their 申报要素, documents.

Every code, refund rate, unit and element list here is one of the crystal HS facts the platform keeps
(DOMAIN.md § 8, the table and its rule of thumb). Where those facts stop — the full 10-digit code under
7113, 7013 or 7117, synthetic stones that are not made into an article, the elements of a code whose
list is not kept — the answer says so and hands the choice to the customs broker (报关行) instead of
guessing a code.

Pure functions, no database: the API validates the answers and returns :func:`advise`'s result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Material(StrEnum):
    NATURAL = "natural"
    SYNTHETIC = "synthetic"
    GLASS = "glass"


class Working(StrEnum):
    ROUGH = "rough"  # sawn or rough-shaped only
    LOOSE = "loose"  # polished, faceted, cabochon or drilled, but loose (not strung, not set)
    ARTICLE = "article"  # strung or made into an article


class Setting(StrEnum):
    NONE = "none"
    SILVER = "silver"
    GOLD = "gold"


class Stone(StrEnum):
    QUARTZ = "quartz"
    TOURMALINE = "tourmaline"
    OTHER = "other"


class Kind(StrEnum):
    BRACELET = "bracelet"
    PENDANT = "pendant"
    BALL = "ball"
    CARVING = "carving"
    TOWER = "tower"
    PIXIU = "pixiu"
    BEADS = "beads"
    GLASSWARE = "glassware"
    OTHER = "other"


MATERIAL_LABELS = {
    Material.NATURAL: "天然水晶",
    Material.SYNTHETIC: "合成水晶（人工培育）",
    Material.GLASS: "玻璃仿水晶（K9、铅晶质玻璃等）",
}
WORKING_LABELS = {
    Working.ROUGH: "原石：仅锯开或粗加工成形",
    Working.LOOSE: "已加工的散件：抛光、刻面、打孔，未成串、未镶嵌",
    Working.ARTICLE: "制品：串成手串或做成吊坠、球、雕件、塔等",
}
SETTING_LABELS = {Setting.NONE: "未镶嵌贵金属", Setting.SILVER: "银镶（含银托、银链）", Setting.GOLD: "金镶"}
STONE_LABELS = {
    Stone.QUARTZ: "水晶（白晶、紫晶、黄晶、粉晶、发晶等）",
    Stone.TOURMALINE: "碧玺",
    Stone.OTHER: "其他半宝石",
}
KIND_LABELS = {
    Kind.BRACELET: "手链",
    Kind.PENDANT: "吊坠",
    Kind.BALL: "水晶球",
    Kind.CARVING: "摆件",
    Kind.TOWER: "水晶柱",
    Kind.PIXIU: "貔貅",
    Kind.BEADS: "珠子",
    Kind.GLASSWARE: "器皿",
    Kind.OTHER: "其他制品",
}

BROKER = "请报关行确认"
NO_ELEMENTS = "平台资料未收录该编码的申报要素，以报关行提供的最新规范为准"

# The elements DOMAIN.md lists, in declaration order; 7103992000 has the 7116 ones "also" with these.
ELEMENTS_7116 = ("品名", "品牌类型", "出口享惠情况", "种类", "材质", "GTIN", "CAS", "其他")
EXTRA_7103992000 = ("加工程度", "状态", "来源", "等级", "矿物学名", "规格", "化学成分", "颜色")
ELEMENTS_7103992000 = ELEMENTS_7116[:5] + EXTRA_7103992000 + ELEMENTS_7116[5:]


@dataclass(frozen=True)
class Answers:
    material: Material
    working: Working
    setting: Setting = Setting.NONE
    stone: Stone = Stone.QUARTZ
    kind: Kind = Kind.OTHER
    religious: bool = False  # crosses, statues, other religious symbols
    sensitive: bool = False  # coral, ivory, rosewood stands, cinnabar beads


@dataclass(frozen=True)
class Element:
    name: str
    example: str


@dataclass(frozen=True)
class Candidate:
    code: str  # 10 digits, or a heading ("7113") when the facts stop there
    title: str
    refund_rate: str
    unit: str
    elements: tuple[Element, ...]
    elements_note: str = ""
    needs_broker: bool = False
    note: str = ""

    @property
    def gmodel_example(self) -> str:
        """规格型号: the elements' values joined with 「|」 (empty when the elements are not kept)."""
        return "|".join(e.example for e in self.elements)


@dataclass(frozen=True)
class Document:
    name: str
    reason: str
    template: str = ""  # key of a downloadable template (``jmt.crystal.documents.TEMPLATES``)


@dataclass(frozen=True)
class Advice:
    declared_name: str
    candidates: tuple[Candidate, ...]
    documents: tuple[Document, ...]
    notes: tuple[str, ...] = ()
    broker_points: tuple[str, ...] = field(default=())


def _material_word(a: Answers) -> str:
    return {Material.NATURAL: "天然水晶", Material.SYNTHETIC: "合成水晶", Material.GLASS: "玻璃"}[a.material]


def _stone_word(a: Answers) -> str:
    if a.material is not Material.NATURAL or a.stone is Stone.QUARTZ:
        return _material_word(a)
    return "天然碧玺" if a.stone is Stone.TOURMALINE else "天然半宝石"


def declared_name(a: Answers) -> str:
    """The suggested 申报品名: true material + state + what it is (手链, 吊坠, 原石 …)."""
    stone = _stone_word(a)
    if a.setting is not Setting.NONE:
        metal = "银" if a.setting is Setting.SILVER else "金"
        return f"{metal}镶{stone}{KIND_LABELS[a.kind] if a.kind is not Kind.OTHER else '首饰'}"
    if a.material is Material.GLASS:
        if a.kind is Kind.BEADS:
            return "玻璃珠（仿水晶）"
        if a.kind is Kind.GLASSWARE:
            return "铅晶质玻璃器皿"
        return f"玻璃仿水晶{KIND_LABELS[a.kind] if a.kind is not Kind.OTHER else '制品'}"
    if a.working is Working.ROUGH:
        return f"{stone}原石"
    if a.working is Working.LOOSE:
        return f"已加工{stone}散件（未成串、未镶嵌）"
    if a.kind is Kind.BALL:
        return f"{stone}球"
    return f"{stone}{KIND_LABELS[a.kind] if a.kind is not Kind.OTHER else '制品'}"


def _elements_7116(a: Answers, name: str) -> tuple[Element, ...]:
    material = "半宝石" if a.material is Material.NATURAL else "合成水晶"
    kind = KIND_LABELS[a.kind] if a.kind is not Kind.OTHER else "按实际（如 手链、摆件）"
    values = (name, "无品牌", "不享受优惠关税", kind, material, "无", "无", "无")
    return tuple(Element(n, v) for n, v in zip(ELEMENTS_7116, values, strict=True))


def _elements_7103992000(name: str) -> tuple[Element, ...]:
    values = {
        "品名": name,
        "品牌类型": "无品牌",
        "出口享惠情况": "不享受优惠关税",
        "种类": "散珠",
        "材质": "半宝石",
        "加工程度": "已抛光、打孔",
        "状态": "未成串、未镶嵌",
        "来源": "天然",
        "等级": "按实际",
        "矿物学名": "石英",
        "规格": "按实际（如 8mm 圆珠）",
        "化学成分": "二氧化硅",
        "颜色": "按实际（如 紫色）",
        "GTIN": "无",
        "CAS": "无",
        "其他": "无",
    }
    return tuple(Element(n, values[n]) for n in ELEMENTS_7103992000)


def _precious_metal(a: Answers) -> Candidate:
    metal = "银" if a.setting is Setting.SILVER else "金"
    return Candidate(
        code="7113",
        title=f"贵金属首饰（{metal}镶嵌），按金属细分子目",
        refund_rate="13%",
        unit="",
        elements=(),
        elements_note=NO_ELEMENTS,
        needs_broker=True,
        note=f"镶有贵金属的按 7113 归类，10 位编码按所用金属（{metal}）确定，{BROKER}",
    )


def candidates(a: Answers, name: str) -> tuple[Candidate, ...]:
    """The HS codes the crystal facts give for these answers, the likeliest first."""
    if a.setting is not Setting.NONE:
        return (_precious_metal(a),)
    if a.material is Material.GLASS:
        if a.kind is Kind.BEADS:
            return (
                Candidate(
                    "7018100000",
                    "玻璃珠（K9 等仿水晶珠）",
                    "需复核（曾见 9%）",
                    "千克",
                    (),
                    NO_ELEMENTS,
                    needs_broker=True,
                    note="玻璃珠的退税率需复核，申报前请报关行确认",
                ),
            )
        if a.kind is Kind.GLASSWARE:
            return (
                Candidate(
                    "7013",
                    "铅晶质玻璃器皿，按用途细分子目",
                    "13%",
                    "千克",
                    (),
                    NO_ELEMENTS,
                    needs_broker=True,
                    note=f"10 位编码按器皿用途确定，{BROKER}",
                ),
            )
        return (
            Candidate(
                "7117",
                "仿首饰（玻璃制）",
                "",
                "",
                (),
                NO_ELEMENTS,
                needs_broker=True,
                note=f"玻璃仿水晶制品按用途可能归入 7117、7018 或 7013，{BROKER}",
            ),
        )
    if a.working is Working.ARTICLE:
        synthetic = a.material is Material.SYNTHETIC
        return (
            Candidate(
                "7116200000",
                "半宝石制品（手串、吊坠、球、雕件、塔、貔貅等）",
                "13%",
                "千克",
                _elements_7116(a, name),
                needs_broker=synthetic,
                note=(f"材质要素如实填「合成水晶」，不得报天然；合成材质的归类{BROKER}" if synthetic else ""),
            ),
        )
    if a.material is Material.SYNTHETIC:
        return ()  # the facts list 7103 for natural stones only: no code to suggest
    if a.working is Working.ROUGH:
        return (Candidate("7103100000", "水晶原石（仅锯开或粗加工成形）", "13%", "千克", (), NO_ELEMENTS),)
    if a.stone is Stone.TOURMALINE:
        return (Candidate("7103993000", "已加工碧玺（散件）", "13%", "克拉", (), NO_ELEMENTS),)
    if a.stone is Stone.OTHER:
        return (
            Candidate(
                "7103999000",
                "其他已加工半宝石（散件）",
                "13%",
                "克拉",
                (),
                NO_ELEMENTS,
                needs_broker=True,
                note=f"石种不同子目可能不同，{BROKER}",
            ),
        )
    return (
        Candidate("7103992000", "已加工水晶（刻面、弧面、打孔珠，散件）", "13%", "克拉", _elements_7103992000(name)),
    )


def documents(a: Answers) -> tuple[Document, ...]:
    docs = [
        Document("商业发票", "中英文品名与申报品名一致，写明真实材质与加工状态", "commercial_invoice"),
        Document("装箱单", "逐箱列明件数、毛重，注明易碎品与包装方式", "packing_list"),
        Document("申报要素确认单", "按推荐编码逐项填写申报要素，交报关行核对", "declaration_elements"),
    ]
    if a.material is not Material.NATURAL or a.setting is not Setting.NONE:
        docs.append(Document("材质声明", "如实声明合成、玻璃或贵金属材质，避免按天然水晶申报", "material_statement"))
    if a.setting is not Setting.NONE:
        docs.append(Document("贵金属材质或成色证明", f"如检测证书；所需形式{BROKER}"))
    if a.sensitive:
        docs.append(Document("濒危物种进出口证明", f"珊瑚等 CITES 物种须先取得证明；象牙、朱砂等能否出口{BROKER}"))
    return tuple(docs)


def notes(a: Answers) -> tuple[str, ...]:
    out = ["商品描述与发票中不得宣称保健、疗愈等功效", "仿品如实申报真实材质，不得以「天然水晶」申报"]
    if a.religious:
        out.append("含宗教图案的商品在部分目的国会被拒收（如沙特阿拉伯：十字架、非伊斯兰造像），发货前请核实目的国规定")
    if a.sensitive:
        out.append("含珊瑚、象牙、红木底座或朱砂珠的商品需特别留意出口与目的国限制")
    return tuple(out)


def broker_points(a: Answers, found: tuple[Candidate, ...]) -> tuple[str, ...]:
    points = [c.note for c in found if c.needs_broker and c.note]
    if not found:
        points.append("合成水晶原料或散件：平台资料未收录对应编码（7103 各子目按天然宝石列出），请报关行归类")
    return tuple(points)


def advise(a: Answers) -> Advice:
    name = declared_name(a)
    found = candidates(a, name)
    return Advice(
        declared_name=name,
        candidates=found,
        documents=documents(a),
        notes=notes(a),
        broker_points=broker_points(a, found),
    )


# --- reminders: what a declared HS code asks for ------------------------------------------------------


@dataclass(frozen=True)
class Requirement:
    prefix: str
    title: str
    elements: tuple[str, ...]
    message: str


REQUIREMENTS: tuple[Requirement, ...] = (
    Requirement(
        "7116",
        "半宝石制品（7116）",
        ELEMENTS_7116,
        "规格型号按申报要素顺序用「|」连接填写；材质写半宝石或如实写合成，种类写手链、吊坠等",
    ),
    Requirement(
        "7103992000",
        "已加工水晶（7103992000）",
        ELEMENTS_7103992000,
        "散件须写明加工程度、状态（未成串、未镶嵌）、来源（天然）及矿物学名、化学成分等",
    ),
    Requirement(
        "71039",
        "已加工半宝石（7103.99）",
        (),
        "散件按克拉申报；碧玺、其他半宝石子目不同，申报要素以报关行提供的最新规范为准",
    ),
    Requirement("71031", "水晶原石（7103.10）", (), "原石按千克申报，申报要素以报关行提供的最新规范为准"),
    Requirement("7113", "贵金属镶嵌首饰（7113）", (), f"按所用贵金属确定 10 位编码并如实申报材质，{BROKER}"),
    Requirement("7018", "玻璃珠（7018）", (), "玻璃仿水晶须如实申报为玻璃；退税率需复核（曾见 9%）"),
    Requirement("7013", "玻璃器皿（7013）", (), f"按用途确定 10 位编码，{BROKER}"),
)


def requirement_for(hs_code: str) -> Requirement | None:
    """The most specific requirement whose prefix the code starts with."""
    matches = [r for r in REQUIREMENTS if hs_code.startswith(r.prefix)]
    return max(matches, key=lambda r: len(r.prefix)) if matches else None


# --- the questions, as the assistant asks them ---------------------------------------------------------


def _question(key: str, title: str, labels: Mapping[Any, str], **when: list[str]) -> dict[str, Any]:
    return {
        "key": key,
        "title": title,
        "options": [{"value": str(k), "label": v} for k, v in labels.items()],
        "visible_when": when,
    }


def questions() -> list[dict[str, Any]]:
    """The assistant's questions in order; ``visible_when`` names the answers that make one relevant."""
    stones = ["natural", "synthetic"]
    article_kinds = {k: v for k, v in KIND_LABELS.items() if k not in (Kind.BEADS, Kind.GLASSWARE)}
    glass_kinds = {
        Kind.BEADS: "玻璃珠（K9 等）",
        Kind.GLASSWARE: "器皿（铅晶质玻璃杯、碗等）",
        Kind.OTHER: "其他制品、饰品",
    }
    return [
        _question("material", "是天然水晶、合成水晶，还是玻璃仿水晶？", MATERIAL_LABELS),
        _question("working", "加工到什么程度？", WORKING_LABELS, material=stones),
        _question("stone", "是什么石种？", STONE_LABELS, material=["natural"], working=["loose"]),
        _question("kind", "是什么制品？", article_kinds, material=stones, working=["article"]),
        _question("kind", "是什么玻璃制品？", glass_kinds, material=["glass"]),
        _question("setting", "是否镶嵌金、银等贵金属？", SETTING_LABELS, working=["article"]),
        _question("religious", "是否带有十字架、佛像等宗教图案？", {"false": "没有", "true": "有"}),
        _question("sensitive", "是否含珊瑚、象牙、红木底座或朱砂珠？", {"false": "不含", "true": "含有"}),
    ]
