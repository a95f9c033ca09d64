"""Product pictures for the demo data, drawn with Pillow: a soft gradient backdrop in the stone's
colours and the shape of the goods (a cluster of points, a bead bracelet, a geode, a pendant, a
sphere), drawn at twice the size and scaled down so the edges are smooth."""

from __future__ import annotations

import math
import random

from PIL import Image, ImageDraw, ImageFilter, ImageOps

SIZE = 900
SCALE = 2

Colour = tuple[int, int, int]

# name → (light, deep) of each stone the demo sells
STONES: dict[str, tuple[Colour, Colour]] = {
    "白水晶": ((236, 242, 250), (150, 172, 204)),
    "紫水晶": ((206, 160, 232), (92, 44, 140)),
    "粉晶": ((252, 212, 224), (214, 112, 146)),
    "黄水晶": ((252, 228, 150), (201, 150, 46)),
    "茶晶": ((196, 164, 140), (86, 58, 46)),
    "绿幽灵": ((178, 226, 180), (46, 125, 50)),
    "海蓝宝": ((170, 228, 240), (42, 143, 176)),
    "黑曜石": ((130, 130, 148), (24, 24, 32)),
    "草莓晶": ((248, 180, 204), (194, 24, 91)),
    "月光石": ((232, 238, 248), (150, 170, 206)),
    "青金石": ((120, 140, 220), (26, 35, 126)),
    "红纹石": ((246, 172, 172), (198, 40, 40)),
}


def _mix(a: Colour, b: Colour, t: float) -> Colour:
    return (int(a[0] + (b[0] - a[0]) * t), int(a[1] + (b[1] - a[1]) * t), int(a[2] + (b[2] - a[2]) * t))


def _backdrop(light: Colour, deep: Colour, edge: int) -> Image.Image:
    """A radial glow: near-white in the middle, the stone's pale tint at the edges."""
    pale = _mix(light, (255, 255, 255), 0.55)
    tint = _mix(light, deep, 0.18)
    glow = Image.radial_gradient("L").resize((edge, edge))
    return ImageOps.colorize(glow, black=pale, white=tint).convert("RGB")


def _facet_prism(
    draw: ImageDraw.ImageDraw,
    cx: float,
    base: float,
    width: float,
    height: float,
    angle: float,
    light: Colour,
    deep: Colour,
) -> None:
    """One pointed crystal: a body and a tip, a lit face and a shaded face."""

    def rot(x: float, y: float) -> tuple[float, float]:
        dx, dy = x - cx, y - base
        c, s = math.cos(angle), math.sin(angle)
        return (cx + dx * c - dy * s, base + dx * s + dy * c)

    w = width / 2
    tip_y = base - height
    shoulder = tip_y + width * 0.9
    left = [rot(cx - w, base), rot(cx - w, shoulder), rot(cx, tip_y), rot(cx, base)]
    right = [rot(cx, base), rot(cx, tip_y), rot(cx + w, shoulder), rot(cx + w, base)]
    draw.polygon(left, fill=_mix(light, deep, 0.25), outline=_mix(deep, (0, 0, 0), 0.2))
    draw.polygon(right, fill=_mix(light, deep, 0.6), outline=_mix(deep, (0, 0, 0), 0.2))
    draw.line(
        [rot(cx - w * 0.55, base - height * 0.1), rot(cx - w * 0.55, shoulder + width * 0.2)],
        fill=(255, 255, 255),
        width=int(width * 0.08),
    )


def _cluster(draw: ImageDraw.ImageDraw, edge: int, light: Colour, deep: Colour, rng: random.Random) -> None:
    base = edge * 0.78
    draw.ellipse([edge * 0.14, base - edge * 0.07, edge * 0.86, base + edge * 0.09], fill=_mix(deep, (60, 50, 50), 0.5))
    for i in range(9):
        cx = edge * (0.22 + 0.56 * rng.random())
        height = edge * (0.28 + 0.3 * rng.random())
        width = edge * (0.08 + 0.05 * rng.random())
        angle = (cx / edge - 0.5) * 0.9 + rng.uniform(-0.15, 0.15)
        _facet_prism(draw, cx, base + (i % 3) * edge * 0.01, width, height, angle, light, deep)


def _bead(draw: ImageDraw.ImageDraw, x: float, y: float, r: float, light: Colour, deep: Colour) -> None:
    draw.ellipse([x - r, y - r, x + r, y + r], fill=deep)
    for step in range(6):
        t = step / 6
        rr = r * (0.92 - t * 0.55)
        ox, oy = -r * 0.22 * t, -r * 0.25 * t
        draw.ellipse([x + ox - rr, y + oy - rr, x + ox + rr, y + oy + rr], fill=_mix(deep, light, 0.25 + t * 0.75))
    hr = r * 0.22
    draw.ellipse([x - r * 0.42 - hr, y - r * 0.45 - hr, x - r * 0.42 + hr, y - r * 0.45 + hr], fill=(255, 255, 255))


def _bracelet(draw: ImageDraw.ImageDraw, edge: int, light: Colour, deep: Colour, rng: random.Random) -> None:
    cx, cy = edge / 2, edge / 2
    ring = edge * 0.3
    count = rng.choice([16, 18, 20])
    r = ring * math.sin(math.pi / count) * 1.02
    draw.ellipse([cx - ring, cy - ring, cx + ring, cy + ring], outline=(200, 190, 180), width=int(edge * 0.006))
    order = sorted(range(count), key=lambda i: math.sin(2 * math.pi * i / count))
    for i in order:
        a = 2 * math.pi * i / count
        _bead(draw, cx + ring * math.cos(a), cy + ring * math.sin(a) * 0.92, r, light, deep)


def _sphere(draw: ImageDraw.ImageDraw, edge: int, light: Colour, deep: Colour, rng: random.Random) -> None:
    cx, cy, r = edge / 2, edge * 0.44, edge * 0.27
    draw.polygon(
        [
            (cx - r * 0.7, edge * 0.84),
            (cx + r * 0.7, edge * 0.84),
            (cx + r * 0.45, cy + r * 0.82),
            (cx - r * 0.45, cy + r * 0.82),
        ],
        fill=(120, 84, 58),
    )
    draw.rectangle([cx - r * 0.8, edge * 0.84, cx + r * 0.8, edge * 0.87], fill=(92, 62, 42))
    _bead(draw, cx, cy, r, light, deep)
    for _ in range(5):
        a = rng.uniform(0, 2 * math.pi)
        d = rng.uniform(0.2, 0.7) * r
        s = rng.uniform(0.03, 0.07) * r
        draw.ellipse(
            [cx + d * math.cos(a) - s, cy + d * math.sin(a) - s, cx + d * math.cos(a) + s, cy + d * math.sin(a) + s],
            fill=_mix(light, (255, 255, 255), 0.6),
        )


def _geode(draw: ImageDraw.ImageDraw, edge: int, light: Colour, deep: Colour, rng: random.Random) -> None:
    cx, cy = edge / 2, edge * 0.52
    rx, ry = edge * 0.3, edge * 0.36
    draw.ellipse([cx - rx * 1.1, cy - ry * 1.06, cx + rx * 1.1, cy + ry * 1.06], fill=(112, 100, 92))
    draw.ellipse([cx - rx, cy - ry, cx + rx, cy + ry], fill=deep)
    for _ in range(70):
        a = rng.uniform(0, 2 * math.pi)
        d = rng.uniform(0.15, 0.95)
        x, y = cx + rx * d * math.cos(a), cy + ry * d * math.sin(a)
        s = edge * rng.uniform(0.012, 0.03)
        draw.polygon(
            [(x, y - s * 1.6), (x + s, y), (x, y + s * 0.6), (x - s, y)], fill=_mix(deep, light, rng.uniform(0.3, 1.0))
        )


def _pendant(draw: ImageDraw.ImageDraw, edge: int, light: Colour, deep: Colour, rng: random.Random) -> None:
    cx = edge / 2
    draw.line(
        [(edge * 0.2, edge * 0.08), (cx, edge * 0.3), (edge * 0.8, edge * 0.08)],
        fill=(196, 160, 90),
        width=int(edge * 0.008),
    )
    draw.ellipse(
        [cx - edge * 0.03, edge * 0.28, cx + edge * 0.03, edge * 0.34], outline=(196, 160, 90), width=int(edge * 0.01)
    )
    top, bottom, w = edge * 0.34, edge * 0.86, edge * 0.13
    left = [(cx, top), (cx - w, top + w * 1.2), (cx - w, bottom - w * 1.4), (cx, bottom)]
    right = [(cx, top), (cx + w, top + w * 1.2), (cx + w, bottom - w * 1.4), (cx, bottom)]
    draw.polygon(left, fill=_mix(light, deep, 0.25))
    draw.polygon(right, fill=_mix(light, deep, 0.62))
    draw.line(
        [(cx - w * 0.55, top + w * 1.4), (cx - w * 0.55, bottom - w * 1.8)],
        fill=(255, 255, 255),
        width=int(edge * 0.012),
    )


SHAPES = {"cluster": _cluster, "bracelet": _bracelet, "sphere": _sphere, "geode": _geode, "pendant": _pendant}


def draw(stone: str, shape: str, seed: int) -> Image.Image:
    """A 900 × 900 picture of ``shape`` in ``stone``'s colours; the same seed draws the same picture."""
    light, deep = STONES[stone]
    edge = SIZE * SCALE
    rng = random.Random(seed)  # noqa: S311 - demo drawings, not security
    image = _backdrop(light, deep, edge)
    shadow = Image.new("L", (edge, edge), 0)
    ImageDraw.Draw(shadow).ellipse([edge * 0.22, edge * 0.8, edge * 0.78, edge * 0.9], fill=90)
    shadow = shadow.filter(ImageFilter.GaussianBlur(edge * 0.02))
    image.paste((60, 50, 60), mask=shadow)
    SHAPES[shape](ImageDraw.Draw(image), edge, light, deep, rng)
    return image.resize((SIZE, SIZE), Image.Resampling.LANCZOS)


def demo_qr(text: str) -> Image.Image:
    """A stand-in for the staff WeChat QR image: a QR-like pattern (not a scannable code), to be
    replaced in 系统参数 › 交易平台."""
    modules, cell = 29, 14
    rng = random.Random(text)  # noqa: S311 - a drawn pattern, not security
    edge = modules * cell + 2 * 4 * cell
    image = Image.new("RGB", (edge, edge), (255, 255, 255))
    d = ImageDraw.Draw(image)
    offset = 4 * cell

    def box(x: int, y: int, n: int, fill: Colour) -> None:
        d.rectangle(
            [offset + x * cell, offset + y * cell, offset + (x + n) * cell - 1, offset + (y + n) * cell - 1], fill=fill
        )

    for y in range(modules):
        for x in range(modules):
            if rng.random() < 0.5:
                box(x, y, 1, (26, 26, 26))
    for fx, fy in ((0, 0), (modules - 7, 0), (0, modules - 7)):
        box(fx - 1 if fx else 0, fy - 1 if fy else 0, 8, (255, 255, 255))
        box(fx, fy, 7, (26, 26, 26))
        box(fx + 1, fy + 1, 5, (255, 255, 255))
        box(fx + 2, fy + 2, 3, (26, 26, 26))
    c = modules // 2
    box(c - 3, c - 3, 6, (255, 255, 255))
    box(c - 2, c - 2, 4, (7, 193, 96))
    return image
