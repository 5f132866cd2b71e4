"""Which outlines may be the card, on synthetic photos: a logo box inside a card that fills the
frame, a tight crop, a blank card beside a printed one."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from typer.testing import CliRunner

from cardscan import pipeline, preprocess, reading
from cardscan.cli import app
from cardscan.errors import ExitCode
from cardscan.model import Box, LoadedImage, OcrLine, OcrResult, OcrWord
from cardscan.preprocess import detect, outlines, ranking
from cardscan.settings import EngineOptions, ScanSettings

TEXT = ("JANE DOE", "Chief Engineer", "jane@example.com", "+1 415 555 0100")


def printed(card: np.ndarray, left: int, top: int, lines=TEXT) -> np.ndarray:
    """Return the card with text lines printed from (left, top)."""
    for i, text in enumerate(lines):
        scale = 1.5 if i == 0 else 1.0
        position = (left, top + 60 * i)
        cv2.putText(card, text, position, cv2.FONT_HERSHEY_SIMPLEX, scale, (20, 20, 20), 2)
    return card


def logo_card() -> np.ndarray:
    """Return a photo filled by a card whose logo is a dark box of a card's proportions."""
    card = np.full((700, 1200, 3), 245, np.uint8)
    card[200:420, 60:400] = (120, 60, 20)
    return printed(card, 480, 260)


def tight_crop() -> np.ndarray:
    """Return a photo cropped to the card's printed area: no card edge anywhere."""
    return printed(np.full((420, 900, 3), 240, np.uint8), 40, 80)


def card_pair() -> np.ndarray:
    """Return a dark table with a blank card (left) beside a printed one (right)."""
    table = np.full((800, 1600, 3), 45, np.uint8)
    table[200:600, 80:760] = 240
    table[200:600, 840:1520] = 240
    printed(table[200:600, 840:1520], 30, 110)
    return table


def small_copy(photo: np.ndarray) -> np.ndarray:
    return detect.downscale(photo)[0]


def ink_box(photo: np.ndarray, scale: float) -> tuple[int, int, int, int]:
    """Return the box (left, top, right, bottom) around the printed text, scaled."""
    ys, xs = np.nonzero(photo.max(axis=2) < 60)  # dark grey: the text, not the brown logo
    return tuple(round(v * scale) for v in (xs.min(), ys.min(), xs.max(), ys.max()))


def covered(outline: outlines.Outline, box: tuple[int, int, int, int]) -> float:
    """Return the share of a box (left, top, right, bottom) inside the outline's quad."""
    left, top, right, bottom = box
    rect = np.float32([[left, top], [right, top], [right, bottom], [left, bottom]])
    overlap, _ = cv2.intersectConvexConvex(rect, outline.quad)
    return float(overlap) / ((right - left) * (bottom - top))


def test_a_logo_box_inside_a_card_has_the_text_region_as_the_alternative():
    photo = logo_card()
    small = small_copy(photo)
    [options] = outlines.card_outlines(small)
    scale = small.shape[1] / 1200
    text = ink_box(photo, scale)
    logo = tuple(round(v * scale) for v in (60, 200, 400, 420))
    assert [o.method for o in options] == ["quad", "text-region"]
    assert covered(options[0], logo) > 0.9 and covered(options[0], text) < 0.1
    assert covered(options[1], text) > 0.95


def test_a_tight_crop_is_read_whole():
    photo = tight_crop()
    small = small_copy(photo)
    [options] = outlines.card_outlines(small)
    text = ink_box(photo, small.shape[1] / 900)
    assert [o.method for o in options] == ["text-region"]
    assert covered(options[0], text) > 0.95


def test_a_blank_card_beside_a_printed_one_is_a_card_of_its_own():
    options = outlines.card_outlines(small_copy(card_pair()))
    assert [[o.method for o in card] for card in options] == [["quad"], ["quad"]]


LID = 244


def flatbed(
    cards: int, paper: tuple[int, int, int] | None, gap: int, turn: float, margin: int = 120
):
    """Return a scan of printed cards laid in rows on a white lid (gap pixels apart, each turned
    by +-turn degrees, margin pixels from the lid's corner; the last card of the lid's own
    colour when paper is None), and each card's text box."""
    page = np.full((1754, 2480, 3), LID, np.uint8)
    boxes, x, y = [], margin, margin
    for i in range(cards):
        own_colour = paper is None and i == cards - 1
        colour = (LID, LID, LID) if own_colour else paper or (252, 252, 252)
        card = printed(np.full((600, 1050, 3), colour, np.uint8), 60, 120)
        ys, xs = np.nonzero(card.max(axis=2) < 60)
        if x + 1050 > 2480:
            x, y = margin, y + 600 + gap
        angle = turn if i % 2 else -turn
        matrix = cv2.getRotationMatrix2D((525, 300), angle, 1.0)
        matrix[:, 2] += (x, y)
        cv2.warpAffine(card, matrix, (2480, 1754), page, borderMode=cv2.BORDER_TRANSPARENT)
        boxes.append((x + xs.min(), y + ys.min(), x + xs.max(), y + ys.max()))
        x += 1050 + gap
    return page, boxes


@pytest.mark.parametrize(
    ("cards", "paper", "gap", "turn", "margin"),
    [
        pytest.param(4, (252, 252, 252), 60, 0.0, 120, id="white-cards-5mm-apart"),
        pytest.param(3, (236, 246, 250), 60, 3.0, 120, id="cream-cards-turned-5mm-apart"),
        pytest.param(2, (252, 252, 252), 150, 2.0, 30, id="cards-near-the-lids-corner"),
        pytest.param(3, (252, 252, 252), 60, 0.0, 0, id="a-card-flush-in-the-lids-corner"),
        pytest.param(4, None, 60, 0.0, 120, id="a-card-of-the-lids-own-colour"),
    ],
)
def test_cards_side_by_side_on_a_scanners_white_lid_are_cards_of_their_own(
    cards, paper, gap, turn, margin
):
    # Class: a flatbed scan of several cards. A white card differs from a white lid by a few
    # levels, and cards lie closer than the gap that parts cards on a table. A card of the
    # lid's own colour shows no outline: its text is read as a card of its own.
    page, boxes = flatbed(cards, paper, gap, turn, margin)
    small = small_copy(page)
    found = outlines.card_outlines(small)
    last = "text-region" if paper is None else "quad"
    assert [[o.method for o in card] for card in found] == [["quad"]] * (cards - 1) + [[last]]
    scale = small.shape[1] / 2480
    for card, box in zip(found, boxes, strict=True):
        assert covered(card[0], tuple(round(v * scale) for v in box)) > 0.95


@pytest.mark.parametrize(
    "photo",
    [
        pytest.param(logo_card(), id="render-with-a-logo-box"),
        pytest.param(tight_crop(), id="tight-crop"),
        pytest.param(
            printed(printed(np.full((700, 1200, 3), 250, np.uint8), 40, 80), 640, 420),
            id="render-with-two-text-blocks",
        ),
    ],
)
def test_a_card_filling_a_plain_frame_stays_one_card(photo):
    # Guard: a render's paper is as plain as a lid; its text blocks are not cards on a page.
    assert preprocess.colours.page_contrast(small_copy(photo)) is not None
    assert len(outlines.card_outlines(small_copy(photo))) == 1


def test_a_table_is_no_plain_page():
    # Guard: light falls off across a table photographed; a lid is lit evenly.
    ramp = np.linspace(150, 230, 1600, dtype=np.float32)[None, :, None]
    photo = np.broadcast_to(ramp, (1200, 1600, 3)).astype(np.uint8)
    assert preprocess.colours.page_contrast(small_copy(photo)) is None


@pytest.mark.parametrize(
    ("quads", "kept"),
    [
        pytest.param([[0, 0, 100, 60], [10, 10, 40, 30]], [0], id="logo-inside-card"),
        pytest.param([[0, 0, 100, 60], [120, 0, 220, 60]], [0, 1], id="side-by-side"),
        pytest.param([[0, 0, 100, 60], [80, 10, 140, 50]], [0, 1], id="overlapping-edge"),
    ],
)
def test_an_outline_inside_a_larger_one_is_dropped(quads, kept):
    boxes = [np.float32([[a, b], [c, b], [c, d], [a, d]]) for a, b, c, d in quads]
    assert [q.tolist() for q in outlines.drop_nested(boxes)] == [boxes[i].tolist() for i in kept]


def one_line(*words: tuple[str, float]) -> OcrResult:
    """Return a reading of one line of (text, confidence) words."""
    boxes = [OcrWord(text, Box(60 * i, 0, 50, 20), conf) for i, (text, conf) in enumerate(words)]
    return OcrResult((OcrLine(tuple(boxes)),), 800, 40)


@pytest.mark.parametrize(
    ("words", "score"),
    [
        pytest.param([("ACME", 0.9)], 3.6, id="a-word"),
        pytest.param([("ACME", 0.3)], 0.0, id="doubtful-word"),
        pytest.param([("jo@acme.io", 1.0)], 20.0, id="contact-data-twice"),
        pytest.param([("555-0100", 0.5)], 0.0, id="at-the-threshold"),
        pytest.param([("--", 0.9)], 0.0, id="no-letters"),
    ],
)
def test_text_score(words, score):
    assert ranking.text_score(one_line(*words)) == pytest.approx(score)


@pytest.mark.parametrize(
    ("texts", "chosen"),
    [
        pytest.param(["", "JANE DOE jane@acme.io"], 1, id="logo-reads-nothing"),
        pytest.param(["JANE DOE jane@acme.io", "JANE DOE jane@acme.io x"], 0, id="barely-more"),
        pytest.param(["ACME", "JANE DOE jane@acme.io +1 415 555 0100"], 1, id="much-more"),
        pytest.param(["", ""], 0, id="nothing-anywhere"),
    ],
)
def test_rank_by_text_favours_the_earlier_outline(texts, chosen):
    readings = {i: one_line(*((w, 0.9) for w in t.split())) for i, t in enumerate(texts)}
    calls = []

    def read(option: int) -> OcrResult:
        calls.append(option)
        return readings[option] if readings[option].lines[0].words else OcrResult((), 800, 40)

    ranked = ranking.rank_by_text(list(readings), read)
    assert ranked.choice == chosen
    assert calls == list(readings)  # each outline read once, in order


# With real reading (Tesseract, through the engine seam): the outline holding the card's text
# is chosen, and a blank card is no contact.


def reader() -> preprocess.Reader:
    return reading.plan_for(EngineOptions()).reader(60.0)


def test_the_text_decides_between_a_logo_box_and_the_card():
    photo = loaded(logo_card())
    [found] = preprocess.cut_out(photo)
    card = preprocess.choose_upright(found, 1, reader())
    assert card.method == "text-region"
    assert card.reading is not None
    assert "jane@example.com" in card.reading.text


def test_a_tight_crop_reads_whole():
    [result] = pipeline.scan_image(loaded(tight_crop()), ScanSettings())
    assert result.contact.emails == ("jane@example.com",)
    assert [p.number for p in result.contact.phones] == ["+14155550100"]


def test_a_blank_card_beside_a_printed_one_yields_one_contact_and_is_counted():
    [page] = pipeline.scan_pages(iter([loaded(card_pair())]), ScanSettings())
    assert [r.contact.emails for r in page.results] == [("jane@example.com",)]
    assert page.skipped == 1


def test_add_says_what_it_skipped(tmp_path: Path):
    path = tmp_path / "two cards.png"
    cv2.imwrite(str(path), card_pair())
    result = CliRunner().invoke(app, ["add", str(path)])
    assert result.exit_code == 0
    assert "added #1" in result.stderr
    assert "skipped 1 card-shaped region with no contact data" in result.stderr


def test_a_blank_card_alone_is_no_card_text(tmp_path: Path):
    table = np.full((800, 1200, 3), 45, np.uint8)
    table[200:600, 260:940] = 240
    path = tmp_path / "blank.png"
    cv2.imwrite(str(path), table)
    result = CliRunner().invoke(app, ["add", str(path)])
    assert result.exit_code == ExitCode.OCR_FAILURE
    assert "no card text found" in result.stderr


def loaded(pixels: np.ndarray) -> LoadedImage:
    return LoadedImage(source="synthetic.png", pixels=pixels, sha256="0" * 64)
