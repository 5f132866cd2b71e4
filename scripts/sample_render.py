"""Drawing the sample cards for scripts/make_samples.py: fonts, text, layouts, QR codes."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import phonenumbers
from PIL import Image, ImageDraw, ImageFont

Json = dict[str, Any]
Rgb = tuple[int, int, int]
FONT_ROOT = Path("/usr/share/fonts")
#: (regular, bold) file names per family, searched for under /usr/share/fonts
FONT_FILES = {
    "dejavu_sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "dejavu_serif": ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf"),
    "liberation_sans": ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"),
    "liberation_serif": ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf"),
    "roboto": ("Roboto-Regular.ttf", "Roboto-Bold.ttf"),
    "lato": ("Lato-Regular.ttf", "Lato-Bold.ttf"),
    "noto_sans": ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
    "open_sans": ("OpenSans-Regular.ttf", "OpenSans-Bold.ttf"),
    "carlito": ("Carlito-Regular.ttf", "Carlito-Bold.ttf"),
    "karla": ("Karla-Regular.otf", "Karla-Bold.otf"),
    "inter": ("Inter-Regular.otf", "Inter-Bold.otf"),
}
#: tried in order when a family is not installed, so the script still runs on a bare system
FALLBACK_FAMILIES = ("dejavu_sans", "liberation_sans", "noto_sans")
LANDSCAPE, PORTRAIT = (1050, 600), (600, 1050)
INK: Rgb = (34, 34, 38)
PAPER: Rgb = (250, 249, 245)
DARK_PAPER: Rgb = (28, 32, 40)


# --- fonts -------------------------------------------------------------------------------


@cache
def find_font_file(name: str) -> Path | None:
    """Return the first file called `name` under /usr/share/fonts, or None."""
    return next(iter(sorted(FONT_ROOT.rglob(name))), None) if FONT_ROOT.is_dir() else None


@dataclass(frozen=True)
class FontFamily:
    name: str
    regular: Path | None
    bold: Path | None

    def font(self, size: int, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
        """Return the family's face at a pixel size (Pillow's own font if none is installed)."""
        path = (self.bold if bold else None) or self.regular
        if path is None:
            return ImageFont.load_default(size)
        return ImageFont.truetype(str(path), size)


def resolve_family(name: str) -> FontFamily:
    """Return the named family, or the first installed fallback family."""
    for candidate in (name, *FALLBACK_FAMILIES):
        regular, bold = (find_font_file(f) for f in FONT_FILES[candidate])
        if regular is not None:
            return FontFamily(candidate, regular, bold)
        print(f"font family {candidate} not installed, trying a fallback", file=sys.stderr)
    return FontFamily("pillow-default", None, None)


# --- drawing text ------------------------------------------------------------------------


@dataclass
class Painter:
    """Draws lines of text on one card in one font family."""

    image: Image.Image
    family: FontFamily
    ink: Rgb

    def __post_init__(self) -> None:
        self.draw = ImageDraw.Draw(self.image)

    def text(self, x: float, y: float, text: str, size: int, **style: Any) -> float:
        """Draw one line with its top at y; anchor 'l', 'm' or 'r' places x; return the next y.

        A line too long for the room it has (style max_width, else up to the card's edge)
        is set smaller, as a designer would, rather than running off the card.
        """
        anchor = style.get("anchor", "l")
        room = style.get("max_width") or self._room(x, anchor)
        font_size = size
        while True:
            font = self.family.font(font_size, bold=style.get("bold", False))
            tracking = style.get("tracking", 0.0) * font_size  # letter-spacing, share of size
            width = self._width(text, font, tracking)
            if width <= room or font_size <= 12:
                break
            font_size = int(font_size * 0.95)
        left = {"l": x, "m": x - width / 2, "r": x - width}[anchor]
        fill = style.get("fill", self.ink)
        if tracking:
            for char in text:
                self.draw.text((left, y), char, font=font, fill=fill)
                left += font.getlength(char) + tracking
        else:
            self.draw.text((left, y), text, font=font, fill=fill)
        return y + size * style.get("leading", 1.35)

    def _room(self, x: float, anchor: str) -> float:
        margin, width = 40, self.image.width
        return {"l": width - x - margin, "r": x - margin, "m": 2 * min(x, width - x) - 2 * margin}[
            anchor
        ]

    @staticmethod
    def _width(
        text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont, tracking: float
    ) -> float:
        if not tracking:
            return float(font.getlength(text))
        return sum(font.getlength(c) + tracking for c in text) - tracking


def contact_lines(card: Json) -> list[str]:
    """Return the card's phone, email, web and address lines as printed, in that order."""
    lines = [f"{p['label']} {p['display']}" for p in card["phones"]]
    lines += card["emails"] + card["websites"] + card["socials"] + card["address_lines"]
    return lines


# --- layouts -----------------------------------------------------------------------------


def layout_left_stack(card: Json, paint: Painter, accent: Rgb) -> None:
    y = paint.text(64, 60, card["name"], 54, bold=True)
    y = paint.text(64, y, card["title"], 30)
    paint.text(64, y + 6, card["company"], 32, bold=True, fill=accent)
    lines = contact_lines(card)
    y = 600 - 52 - 36 * len(lines)
    paint.draw.line((64, y - 20, 420, y - 20), fill=accent, width=3)
    for line in lines:
        y = paint.text(64, y, line, 26, leading=1.38)


def layout_centered(card: Json, paint: Painter, accent: Rgb) -> None:
    y = paint.text(525, 56, card["company"], 34, bold=True, fill=accent, anchor="m")
    paint.draw.line((425, y + 4, 625, y + 4), fill=accent, width=2)
    y = paint.text(525, y + 30, card["name"], 52, bold=True, anchor="m")
    y = paint.text(525, y, card["title"], 30, anchor="m")
    for line in contact_lines(card):
        y = paint.text(525, y + 2, line, 26, anchor="m", leading=1.3)


def layout_two_column(card: Json, paint: Painter, accent: Rgb) -> None:
    y = paint.text(60, 150, card["name"], 46, bold=True, max_width=520)
    y = paint.text(60, y, card["title"], 28, max_width=520)
    paint.text(60, y + 40, card["company"], 30, bold=True, fill=accent, max_width=520)
    paint.draw.line((605, 70, 605, 530), fill=accent, width=3)
    lines = contact_lines(card)
    y = 300 - 19 * len(lines)
    for line in lines:
        y = paint.text(635, y, line, 25, leading=1.5)


def layout_dark_bg(card: Json, paint: Painter, accent: Rgb) -> None:
    paint.draw.rectangle((0, 0, 1050, 600), fill=DARK_PAPER)
    paint.draw.rectangle((0, 0, 18, 600), fill=accent)
    y = paint.text(80, 70, card["name"], 56, bold=True, fill=(245, 245, 240))
    y = paint.text(80, y, card["title"], 30, fill=accent)
    paint.text(80, y + 8, card["company"], 30, bold=True, fill=(220, 220, 215))
    lines = contact_lines(card)
    y = 600 - 56 - 37 * len(lines)
    for line in lines:
        y = paint.text(80, y, line, 27, fill=(230, 230, 228), leading=1.37)


def layout_color_band(card: Json, paint: Painter, accent: Rgb) -> None:
    paint.draw.rectangle((0, 0, 1050, 130), fill=accent)
    paint.text(60, 40, card["company"], 44, bold=True, fill=(255, 255, 255))
    y = paint.text(60, 170, card["name"], 48, bold=True)
    paint.text(60, y, card["title"], 28, fill=(90, 90, 95))
    lines = contact_lines(card)
    y = 600 - 40 - 34 * len(lines)
    for line in lines:
        y = paint.text(990, y, line, 25, anchor="r", leading=1.36)


def layout_all_caps(card: Json, paint: Painter, accent: Rgb) -> None:
    y = paint.text(70, 70, card["name"].upper(), 46, bold=True, tracking=0.18)
    y = paint.text(70, y + 4, card["title"].upper(), 24, tracking=0.22, fill=accent)
    paint.text(70, y + 30, card["company"].upper(), 28, bold=True, tracking=0.12)
    y = 600 - 60 - 36 * len(contact_lines(card))
    for line in contact_lines(card):
        y = paint.text(70, y, line, 26, leading=1.38)


def layout_portrait(card: Json, paint: Painter, accent: Rgb) -> None:
    paint.draw.rectangle((0, 0, 600, 24), fill=accent)
    y = paint.text(300, 120, card["company"], 34, bold=True, fill=accent, anchor="m")
    y = paint.text(300, y + 120, card["name"], 46, bold=True, anchor="m")
    y = paint.text(300, y, card["title"], 28, anchor="m")
    paint.draw.line((200, y + 30, 400, y + 30), fill=accent, width=2)
    y += 80
    for line in contact_lines(card):
        y = paint.text(60, y, line, 25, leading=1.5)


def layout_qr(card: Json, paint: Painter, accent: Rgb) -> None:
    y = paint.text(60, 60, card["name"], 50, bold=True)
    y = paint.text(60, y, card["title"], 28)
    paint.text(60, y + 4, card["company"], 30, bold=True, fill=accent)
    y = 600 - 56 - 38 * len(contact_lines(card))
    for line in contact_lines(card):
        y = paint.text(60, y, line, 27, leading=1.4)
    qr = Image.fromarray(vcard_qr(card, 300)).convert("RGB")
    paint.image.paste(qr, (700, 150))


LAYOUTS = {
    "left_stack": layout_left_stack,
    "centered": layout_centered,
    "two_column": layout_two_column,
    "dark_bg": layout_dark_bg,
    "color_band": layout_color_band,
    "all_caps": layout_all_caps,
    "portrait": layout_portrait,
    "qr": layout_qr,
}


def e164(phone: Json, region: str) -> str:
    """Return a printed phone number in E.164; fail loudly on a typo in cards.json."""
    number = phonenumbers.parse(phone["display"], region)
    if not phonenumbers.is_possible_number(number):
        raise ValueError(f"not a possible {region} number: {phone['display']}")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def vcard_text(card: Json) -> str:
    """Return the card's contact as a vCard 3.0, the payload of its QR code."""
    tel_types = {"mobile": "CELL", "work": "WORK", "fax": "FAX"}
    rows = ["BEGIN:VCARD", "VERSION:3.0", f"N:{card['family_name']};{card['given_name']};;;"]
    rows += [f"FN:{card['name']}", f"ORG:{card['company']}", f"TITLE:{card['title']}"]
    rows += [f"TEL;TYPE={tel_types[p['kind']]}:{e164(p, card['region'])}" for p in card["phones"]]
    rows += [f"EMAIL:{e}" for e in card["emails"]] + [f"URL:{w}" for w in card["websites"]]
    return "\r\n".join([*rows, "END:VCARD"]) + "\r\n"


def vcard_qr(card: Json, size: int) -> np.ndarray:
    """Return a size x size black-on-white QR code of the card's vCard."""
    modules = cv2.QRCodeEncoder.create().encode(vcard_text(card))
    return cv2.resize(modules, (size, size), interpolation=cv2.INTER_NEAREST)


def render_flat(card: Json) -> Image.Image:
    """Return the card drawn flat, at 300 dpi-like resolution."""
    size = PORTRAIT if card["layout"] == "portrait" else LANDSCAPE
    image = Image.new("RGB", size, PAPER)
    painter = Painter(image, resolve_family(card["font"]), INK)
    LAYOUTS[card["layout"]](card, painter, tuple(card["accent"]))
    return image
