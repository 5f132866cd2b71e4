#!/usr/bin/env python3
"""Render the bundled sample cards (samples/) from the fictional contacts in samples/cards.json.

    python scripts/make_samples.py [--out samples]

Writes OUT/flat/<card>.png (clean ~1050x600 renders), OUT/photo/<card>.jpg (simulated phone
photos: perspective, shadow, uneven light, blur, noise, turned cards, one EXIF-rotated file),
OUT/scan/<page>.jpg (several cards on a flatbed, as OUT/scans.json lays them: their truth is
their cards' flat rows) and OUT/truth.jsonl (the ground truth of every photo and render, in
the format of the dev set). Every random choice comes from a generator seeded by the card's
id, so a rerun gives the same bytes with the same Pillow/OpenCV/numpy versions.
"""

from __future__ import annotations

import argparse
import json
import sys
import zlib
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image
from sample_photo import JPEG_QUALITY, photograph, save_photo
from sample_render import e164, render_flat, vcard_text
from sample_scan import scan_page

Json = dict[str, Any]


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
    """Write the card's flat render (and photos, if it has any); return their truth rows.

    "photo" is the card's usual photo; each of "captures" shows a hard capture condition (a
    strong shadow, glare, a desk of the card's own colour, a steep turn...), named in its
    "capture" key and in the file name.
    """
    flat = render_flat(card)
    flat_name = f"flat/{card['card_id']}.png"
    flat.save(out / flat_name, optimize=True)
    rows = [truth_row(card, flat_name, "flat", {"frame": list(flat.size), "exif_orientation": 1})]
    spec = card.get("photo")
    if spec:
        rows.append(make_photo(card, flat, spec, card_rng(card), out))
    for spec in card.get("captures", []):
        file = f"{card['card_id']}-{spec['capture']}"
        rng = np.random.default_rng(zlib.crc32(file.encode()))
        rows.append(make_photo(card, flat, {"file": file, **spec}, rng, out))
    return rows


def make_photo(card: Json, flat: Any, spec: Json, rng: np.random.Generator, out: Path) -> Json:
    """Write one photo of the card as spec describes; return its truth row."""
    photo_name = f"photo/{spec.get('file', card['card_id'])}.jpg"
    save_photo(photograph(flat, spec, rng), spec["exif_orientation"], out / photo_name)
    capture = {"frame": spec["size"], "exif_orientation": spec["exif_orientation"],
               "turn": spec["turn"], "background": spec["background"]}  # fmt: skip
    if "capture" in spec:
        named = ("capture", "rotate", "shadow", "glare", "fill")
        capture |= {key: spec[key] for key in named if key in spec}
    return truth_row(card, photo_name, "photo", capture)


def make_scan(spec: Json, cards: dict[str, Json], out: Path) -> None:
    """Write one flatbed scan of the cards spec names, side by side."""
    flats = [render_flat(cards[card_id]) for card_id in spec["cards"]]
    rng = np.random.default_rng(zlib.crc32(spec["file"].encode()))
    page = cv2.cvtColor(scan_page(flats, spec, rng), cv2.COLOR_BGR2RGB)
    Image.fromarray(page).save(out / f"scan/{spec['file']}.jpg", quality=JPEG_QUALITY)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    default_out = Path(__file__).resolve().parent.parent / "samples"
    parser.add_argument("--out", type=Path, default=default_out, help="output folder")
    parser.add_argument(
        "--cards", type=Path, default=default_out / "cards.json", help="the contacts to draw"
    )
    parser.add_argument(
        "--scans", type=Path, default=default_out / "scans.json", help="the scans to lay out"
    )
    args = parser.parse_args(argv)
    cards = json.loads(args.cards.read_text(encoding="utf-8"))
    for tier in ("flat", "photo", "scan"):
        (args.out / tier).mkdir(parents=True, exist_ok=True)
    rows = [row for card in cards for row in make_card(card, args.out)]
    by_id = {card["card_id"]: card for card in cards}
    for spec in json.loads(args.scans.read_text(encoding="utf-8")):
        make_scan(spec, by_id, args.out)
    rows.sort(key=lambda r: (r["tier"] != "flat", r["image"]))
    with (args.out / "truth.jsonl").open("w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    print(f"wrote {len(rows)} images of {len(cards)} cards to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
