"""Draw the program's icons with Pillow: a red seal with 绩 in white (app) and a page with the seal (documents).

Run from the repository root: ``python installer/make_icons.py``. Writes
``resources/icons/jixiao.ico`` (16–256 px), ``jixiao.png`` (256 px, for the
window icon), ``jixiao-document.ico`` and ``jixiao-document.png``. The files are
committed; run this again only to change the drawing.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
FONT = ROOT / "resources" / "fonts" / "wqy-microhei.ttc"
SIZES = (16, 24, 32, 48, 64, 128, 256)
RED = (196, 30, 36, 255)
WHITE = (255, 255, 255, 255)
SCALE = 4  # draw large, scale down: smooth edges


def _glyph(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], text: str, fill) -> None:
    """``text`` centred in ``box``, as large as fits."""
    x0, y0, x1, y1 = box
    size = int((y1 - y0) * 0.86)
    font = ImageFont.truetype(str(FONT), size, index=0)
    left, top, right, bottom = draw.textbbox((0, 0), text, font=font)
    x = x0 + ((x1 - x0) - (right - left)) / 2 - left
    y = y0 + ((y1 - y0) - (bottom - top)) / 2 - top
    draw.text((x, y), text, font=font, fill=fill)


def _seal(draw: ImageDraw.ImageDraw, box: tuple[int, int, int, int], small: bool) -> None:
    x0, y0, x1, y1 = box
    side = x1 - x0
    draw.rounded_rectangle(box, radius=side * 0.12, fill=RED)
    if not small:  # the inner frame of a seal; lost in noise below 32 px
        inset = side * 0.07
        draw.rounded_rectangle((x0 + inset, y0 + inset, x1 - inset, y1 - inset), radius=side * 0.08,
                               outline=WHITE, width=max(1, int(side * 0.035)))
    pad = side * (0.12 if small else 0.17)
    _glyph(draw, (int(x0 + pad), int(y0 + pad), int(x1 - pad), int(y1 - pad)), "绩", WHITE)


def app_icon(size: int) -> Image.Image:
    big = size * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    margin = 0 if size <= 24 else big // 32
    _seal(ImageDraw.Draw(image), (margin, margin, big - margin, big - margin), small=size < 32)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def document_icon(size: int) -> Image.Image:
    big = size * SCALE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    left, right, top, bottom = big * 0.14, big * 0.86, big * 0.04, big * 0.96
    fold = big * 0.2
    outline = (110, 110, 110, 255)
    width = max(SCALE, int(big * 0.025))
    draw.polygon([(left, top), (right - fold, top), (right, top + fold), (right, bottom), (left, bottom)],
                 fill=WHITE, outline=outline, width=width)
    draw.polygon([(right - fold, top), (right - fold, top + fold), (right, top + fold)],
                 fill=(225, 225, 225, 255), outline=outline, width=width)
    if size >= 32:  # ruled lines of a form
        for i in range(3):
            y = top + big * (0.16 + 0.09 * i)
            draw.line((left + big * 0.08, y, right - fold - big * 0.04, y), fill=(150, 150, 150, 255),
                      width=width)
    side = big * 0.5
    seal_box = (int(big / 2 - side / 2), int(bottom - side - big * 0.07), int(big / 2 + side / 2),
                int(bottom - big * 0.07))
    _seal(draw, seal_box, small=size < 48)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def write(name: str, draw_at) -> None:
    images = [draw_at(size) for size in SIZES]
    images[-1].save(ICONS / f"{name}.png")
    images[-1].save(ICONS / f"{name}.ico", format="ICO", sizes=[(s, s) for s in SIZES],
                    append_images=images[:-1])


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    write("jixiao", app_icon)
    write("jixiao-document", document_icon)


if __name__ == "__main__":
    main()
