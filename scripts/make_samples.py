#!/usr/bin/env python3
"""Render the bundled sample cards (samples/) from the fictional contacts in samples/cards.json.

    python scripts/make_samples.py [--out samples]

Writes OUT/flat/<card>.png (clean ~1050x600 renders), OUT/photo/<card>.jpg (simulated phone
photos: perspective, shadow, uneven light, blur, noise, turned cards, one EXIF-rotated file)
and OUT/truth.jsonl (the ground truth of every image, in the format of the dev set). Every
random choice comes from a generator seeded by the card's id, so a rerun gives the same bytes
with the same Pillow/OpenCV/numpy versions.
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
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
JPEG_QUALITY = 84


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


# --- photo simulation --------------------------------------------------------------------


def smooth_noise(rng: np.random.Generator, shape: tuple[int, int], cell: int) -> np.ndarray:
    """Return noise in 0..1 that varies over about `cell` pixels (an upscaled random grid)."""
    h, w = shape
    grid = rng.random((h // cell + 2, w // cell + 2)).astype(np.float32)
    return cv2.resize(grid, (w, h), interpolation=cv2.INTER_CUBIC).clip(0, 1)


def background(kind: str, shape: tuple[int, int], rng: np.random.Generator) -> np.ndarray:
    """Return a textured surface to lay the card on (float32 RGB, 0..255)."""
    h, w = shape
    fine = rng.normal(0, 1, (h, w)).astype(np.float32)
    if kind == "wood":
        warp = smooth_noise(rng, shape, 160) * 40
        grain = np.sin((np.arange(h, dtype=np.float32)[:, None] + warp) / 7.0)
        shade = 0.75 + 0.12 * grain + 0.1 * smooth_noise(rng, shape, 40) + 0.02 * fine
        base = np.array([150, 100, 62], np.float32)
    elif kind == "fabric":
        weave = (
            np.sin(np.arange(w, dtype=np.float32) * 1.3)[None, :]
            * np.sin(np.arange(h, dtype=np.float32) * 1.3)[:, None]
        )
        shade = 0.8 + 0.06 * weave + 0.12 * smooth_noise(rng, shape, 90) + 0.04 * fine
        base = np.array([70, 88, 120], np.float32)
    elif kind == "granite":
        speckle = cv2.GaussianBlur(fine, (0, 0), 1.2)
        shade = 0.7 + 0.18 * speckle + 0.12 * smooth_noise(rng, shape, 120)
        base = np.array([120, 118, 114], np.float32)
    else:  # a plain desk
        shade = 0.85 + 0.1 * smooth_noise(rng, shape, 300) + 0.015 * fine
        base = np.array([200, 196, 188], np.float32)
    return shade[:, :, None] * base[None, None, :]


def card_quad(
    card_size: tuple[int, int], frame: tuple[int, int], spec: Json, rng: np.random.Generator
) -> np.ndarray:
    """Return where the card's corners land in the frame: scaled, rotated, tilted, off-centre."""
    (cw, ch), (fw, fh), tilt = card_size, frame, spec["tilt"]
    scale = min(fw / cw, fh / ch) * spec.get("fill", rng.uniform(0.6, 0.72))
    half = np.array([[-cw, -ch], [cw, -ch], [cw, ch], [-cw, ch]], np.float32) * scale / 2
    angle = np.deg2rad(rng.uniform(-7, 7))
    rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
    corners = half @ rotation.T.astype(np.float32)
    corners += rng.uniform(-tilt, tilt, (4, 2)).astype(np.float32) * (cw * scale)
    centre = np.array([fw / 2, fh / 2]) + rng.uniform(-0.05, 0.05, 2) * np.array([fw, fh])
    return (corners + centre).astype(np.float32)


def lay_card(card: np.ndarray, surface: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """Return the surface with the card warped onto quad, over a soft shadow."""
    h, w = surface.shape[:2]
    ch, cw = card.shape[:2]
    source = np.array([[0, 0], [cw, 0], [cw, ch], [0, ch]], np.float32)
    matrix = cv2.getPerspectiveTransform(source, quad)
    footprint: np.ndarray = np.zeros((h, w), np.float32)
    offset = np.array([10, 16], np.float32)  # light from the upper left
    cv2.fillConvexPoly(footprint, (quad + offset).astype(np.int32), 1.0)
    shadow = cv2.GaussianBlur(footprint, (0, 0), 14)
    surface = surface * (1 - 0.45 * shadow[:, :, None])
    warped = cv2.warpPerspective(card.astype(np.float32), matrix, (w, h), flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.ones((ch, cw), np.float32), matrix, (w, h))[:, :, None]
    return surface * (1 - mask) + warped * mask


def light_and_lens(image: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Return the photo with a light gradient, a warm cast, defocus and sensor noise (uint8)."""
    h, w = image.shape[:2]
    angle = rng.uniform(0, 2 * np.pi)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    ramp = ((xs / w - 0.5) * np.cos(angle) + (ys / h - 0.5) * np.sin(angle)).astype(np.float32)
    light = 0.95 + rng.uniform(0.15, 0.3) * ramp
    cast = np.array([1.0, 0.98, rng.uniform(0.88, 0.96)], np.float32)
    image = image * light[:, :, None] * cast[None, None, :]
    image = cv2.GaussianBlur(image, (0, 0), rng.uniform(0.7, 1.2))
    image = image + rng.normal(0, rng.uniform(2.5, 4.5), image.shape).astype(np.float32)
    return image.clip(0, 255).astype(np.uint8)


def photograph(flat: Image.Image, spec: Json, rng: np.random.Generator) -> np.ndarray:
    """Return an upright phone photo (RGB) of the flat card as described by its photo spec."""
    card: np.ndarray = np.asarray(flat, np.float32)
    card = card * (0.97 + 0.03 * smooth_noise(rng, card.shape[:2], 25))[:, :, None]  # paper
    card = np.rot90(card, k=-spec["turn"] // 90)  # turned clockwise on the table
    frame_w, frame_h = spec["size"]
    surface = background(spec["background"], (frame_h, frame_w), rng)
    quad = card_quad((card.shape[1], card.shape[0]), (frame_w, frame_h), spec, rng)
    return light_and_lens(lay_card(np.ascontiguousarray(card), surface, quad), rng)


#: how to store pixels so that a viewer applying the EXIF Orientation tag shows them upright
STORED_TURN = {1: 0, 3: 2, 6: 1, 8: -1}  # np.rot90 k (counter-clockwise quarter turns)


def save_photo(upright: np.ndarray, orientation: int, path: Path) -> None:
    """Write the photo as JPEG, sensor-rotated with an Orientation tag when orientation != 1."""
    stored = Image.fromarray(np.ascontiguousarray(np.rot90(upright, k=STORED_TURN[orientation])))
    exif = Image.Exif()
    if orientation != 1:
        exif[0x0112] = orientation  # Orientation
    stored.save(path, "JPEG", quality=JPEG_QUALITY, optimize=True, exif=exif.tobytes())


# --- truth and output --------------------------------------------------------------------


def e164(phone: Json, region: str) -> str:
    """Return a printed phone number in E.164; fail loudly on a typo in cards.json."""
    number = phonenumbers.parse(phone["display"], region)
    if not phonenumbers.is_possible_number(number):
        raise ValueError(f"not a possible {region} number: {phone['display']}")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def truth_row(card: Json, image: str, tier: str, capture: Json) -> Json:
    """Return the ground truth of one image of a card, in the dev set's format."""
    phones = [
        {"number_e164": e164(p, card["region"]), "kind": p["kind"], "display": p["display"],
         "label": p["label"]}
        for p in card["phones"]
    ]  # fmt: skip
    keys = ("card_id", "region", "layout", "name", "given_name", "family_name", "title")
    return {
        "image": image,
        "tier": tier,
        **{k: card[k] for k in keys},
        "company": card["company"],
        "emails": card["emails"],
        "phones": phones,
        "websites": card["websites"],
        "socials": card["socials"],
        "address": ", ".join(card["address_lines"]) or None,
        "address_lines": card["address_lines"],
        "font_family": card["font"],
        "qr_payload": vcard_text(card) if card["layout"] == "qr" else None,
        "capture": capture,
    }


def card_rng(card: Json) -> np.random.Generator:
    """Return the card's own generator: its output does not depend on the other cards."""
    return np.random.default_rng(zlib.crc32(card["card_id"].encode()))


def make_card(card: Json, out: Path) -> list[Json]:
    """Write the card's flat render (and photo, if it has one); return their truth rows."""
    flat = render_flat(card)
    flat_name = f"flat/{card['card_id']}.png"
    flat.save(out / flat_name, optimize=True)
    rows = [truth_row(card, flat_name, "flat", {"frame": list(flat.size), "exif_orientation": 1})]
    spec = card.get("photo")
    if spec:
        photo_name = f"photo/{spec.get('file', card['card_id'])}.jpg"
        save_photo(
            photograph(flat, spec, card_rng(card)), spec["exif_orientation"], out / photo_name
        )
        capture = {"frame": spec["size"], "exif_orientation": spec["exif_orientation"],
                   "turn": spec["turn"], "background": spec["background"]}  # fmt: skip
        rows.append(truth_row(card, photo_name, "photo", capture))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    default_out = Path(__file__).resolve().parent.parent / "samples"
    parser.add_argument("--out", type=Path, default=default_out, help="output folder")
    parser.add_argument(
        "--cards", type=Path, default=default_out / "cards.json", help="the contacts to draw"
    )
    args = parser.parse_args(argv)
    cards = json.loads(args.cards.read_text(encoding="utf-8"))
    for tier in ("flat", "photo"):
        (args.out / tier).mkdir(parents=True, exist_ok=True)
    rows = [row for card in cards for row in make_card(card, args.out)]
    rows.sort(key=lambda r: (r["tier"] != "flat", r["image"]))
    with (args.out / "truth.jsonl").open("w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    print(f"wrote {len(rows)} images of {len(cards)} cards to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
