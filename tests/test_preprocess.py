"""Preprocessing steps on synthetic cards: detection, flattening, orientation, lighting, QR."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from cardscan import ocr, preprocess
from cardscan.model import Box, LoadedImage, OcrResult, Pixels
from cardscan.ocr.tesseract import TesseractEngine
from cardscan.preprocess import detect, lighting, orient, qr, quads, textregion, warp


def reader(model: str = "eng") -> ocr.CardReader:
    """A reader with the real Tesseract: orientation is decided by reading."""
    return ocr.CardReader(TesseractEngine(), model, ocr.Deadline(60))


LINES = ("JANE DOE", "Chief Engineer", "jane@example.com", "+1 415 555 0100")


def render_card(width: int = 700, height: int = 400) -> np.ndarray:
    """Return a white card with black text lines (BGR)."""
    card = np.full((height, width, 3), 250, np.uint8)
    for i, text in enumerate(LINES):
        scale = 1.6 if i == 0 else 1.1
        cv2.putText(card, text, (40, 80 + 75 * i), cv2.FONT_HERSHEY_SIMPLEX, scale, (20, 20, 20), 2)
    return card


def textured_table(width: int, height: int, seed: int = 1) -> np.ndarray:
    """Return a brownish, noisy, wood-like background (BGR)."""
    rng = np.random.default_rng(seed)
    grain = np.sin(np.linspace(0, 40, height))[:, None] * 20 + rng.normal(0, 12, (height, width))
    base = np.clip(90 + grain, 0, 255).astype(np.uint8)
    return np.dstack([base // 2, (base * 0.7).astype(np.uint8), base])


def photo_of(card: np.ndarray, corners: list[tuple[float, float]], size=(1600, 1200)) -> np.ndarray:
    """Return the card warped onto a table at the given corners (tl, tr, br, bl)."""
    height, width = card.shape[:2]
    source = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    matrix = cv2.getPerspectiveTransform(source, np.float32(corners))
    frame = textured_table(*size)
    warped = cv2.warpPerspective(card, matrix, size)
    mask = cv2.warpPerspective(np.full(card.shape[:2], 255, np.uint8), matrix, size)
    frame[mask > 127] = warped[mask > 127]
    return frame


TILTED = [(420.0, 300.0), (1230.0, 360.0), (1180.0, 830.0), (380.0, 780.0)]


def loaded(pixels: np.ndarray) -> LoadedImage:
    return LoadedImage(source="synthetic.jpg", pixels=pixels, sha256="0" * 64)


@pytest.mark.parametrize(
    "corners",
    [
        pytest.param(TILTED, id="perspective"),
        pytest.param(
            [(200.0, 150.0), (1400.0, 150.0), (1400.0, 1000.0), (200.0, 1000.0)], id="big"
        ),
        pytest.param([(700.0, 500.0), (1000.0, 520.0), (990.0, 690.0), (690.0, 680.0)], id="small"),
    ],
)
def test_finds_card_corners_within_tolerance(corners):
    photo = photo_of(render_card(), corners)
    small, factor = detect.downscale(photo)
    [quad] = detect.find_quads(small)
    error = np.abs(quad * factor - np.float32(corners)).max()
    assert error < 12, f"corners off by {error:.1f} px: {quad * factor}"


def banded_card(width: int = 700, height: int = 400, band: int = 100) -> np.ndarray:
    """Return a white card whose bottom is a dark red band with white print: in grey, the band
    is about as dark as the test table."""
    card = render_card(width, height)
    card[height - band :] = (40, 30, 140)
    cv2.putText(card, "ACME LTD", (40, height - 35), cv2.FONT_HERSHEY_SIMPLEX, 1.3, (250,) * 3, 3)
    return card


def test_outline_takes_in_a_band_the_colour_of_the_table():
    small, factor = detect.downscale(photo_of(banded_card(), TILTED))
    [quad] = detect.find_quads(small)
    error = np.abs(quad * factor - np.float32(TILTED)).max()
    assert error < 15, f"corners off by {error:.1f} px: {quad * factor}"


def veined_photo(corners: list[tuple[float, float]], size=(1600, 1200), seed=5) -> np.ndarray:
    """Return a cream card on a veined, unevenly lit table of nearly its own colour.

    Every blob here leaks into the table (the light falls off across the frame and the veins
    bridge card and table), so only the card's straight sides give its outline.
    """
    rng = np.random.default_rng(seed)
    card = render_card()
    card[card[..., 0] > 200] = (205, 215, 222)
    light = np.linspace(1.15, 0.75, size[0])[None, :, None]
    table = np.full((size[1], size[0], 3), (150, 200, 225), np.float32) * light
    frame = np.clip(table, 0, 255).astype(np.uint8)
    for _ in range(200):
        walk = np.cumsum(rng.normal(0, 10, (60, 2)), axis=0) + rng.uniform((0, 0), size)
        cv2.polylines(frame, [np.int32(walk)], False, (120, 150, 170), 2, cv2.LINE_AA)
    height, width = card.shape[:2]
    source = np.float32([[0, 0], [width, 0], [width, height], [0, height]])
    matrix = cv2.getPerspectiveTransform(source, np.float32(corners))
    warped = cv2.warpPerspective(card, matrix, size)
    mask = cv2.warpPerspective(np.full((height, width), 255, np.uint8), matrix, size)
    frame[mask > 127] = warped[mask > 127]
    return frame


def test_card_on_a_veined_table_is_found_by_its_straight_sides():
    small, factor = detect.downscale(veined_photo(TILTED))
    [quad] = detect.find_quads(small)
    error = np.abs(quad * factor - np.float32(TILTED)).max()
    assert error < 15, f"corners off by {error:.1f} px: {quad * factor}"


def test_text_under_glare_comes_out_dark_and_paper_white():
    card = render_card()
    height, width = card.shape[:2]
    yy, xx = np.mgrid[0:height, 0:width]
    glare = 200 * np.exp(-(((xx - 250) / 160) ** 2 + ((yy - 160) / 70) ** 2))
    lit = np.clip(card * 0.7 + glare[..., None], 0, 255).astype(np.uint8)  # a dim card, a flash
    out = lighting.normalise(lit)
    ink = card[..., 0] < 128
    under = glare > 120
    assert np.median(out[ink & under]) < 128  # was ~180 before glare was handled: pale grey
    assert np.median(out[ink & (glare < 10)]) < 64
    assert np.median(out[~ink & under]) > 220


def test_two_cards_in_one_photo_are_two_cards():
    photo = photo_of(
        render_card(), [(100.0, 100.0), (700.0, 100.0), (700.0, 450.0), (100.0, 450.0)]
    )
    second = photo_of(
        render_card(), [(850.0, 650.0), (1450.0, 650.0), (1450.0, 1000.0), (850.0, 1000.0)]
    )
    photo[600:] = second[600:]
    cards = preprocess.find_cards(loaded(photo), reader())
    assert [c.method for c in cards] == ["quad", "quad"]


REDUCED_PHOTOS = [
    # a card 3200 px long is 1600 long at half size: cut out of the half-size photo
    pytest.param(
        [(400.0, 500.0), (3600.0, 500.0), (3600.0, 2350.0), (400.0, 2350.0)], False, id="big"
    ),
    # a card 1250 px long would be enlarged from the half-size photo: decoded at full size
    pytest.param(
        [(1400.0, 1100.0), (2650.0, 1100.0), (2650.0, 1820.0), (1400.0, 1820.0)], True, id="small"
    ),
]


@pytest.mark.parametrize(("corners", "needs_full"), REDUCED_PHOTOS)
def test_a_photo_given_at_half_size_is_decoded_at_full_size_only_for_a_small_card(
    corners: list[tuple[float, float]], needs_full: bool
) -> None:
    photo = photo_of(render_card(), corners, size=(4000, 3000))
    half = cv2.resize(photo, (2000, 1500), interpolation=cv2.INTER_AREA)  # as imageio gives it
    asked: list[int] = []

    def decode_full() -> Pixels:
        asked.append(1)
        return photo

    given = LoadedImage("synthetic.jpg", half, "0" * 64, reduced=2.0, decode_full=decode_full)
    [card], frame = preprocess.cut_out_with_frame(given)
    [as_full], frame_as_full = preprocess.cut_out_with_frame(loaded(photo))
    assert bool(asked) == needs_full
    assert card.method == as_full.method == "quad"
    assert card.pixels.shape[1] == as_full.pixels.shape[1] == warp.CARD_SIDE
    # the card's scale is to the photo's full size either way (text height in photo pixels)
    assert card.scale == pytest.approx(as_full.scale, rel=0.02)
    assert frame.shape == frame_as_full.shape == (1500, 2000, 3)  # FRAME_SIDE long
    if needs_full:  # then exactly what a photo given at full size gives
        assert np.array_equal(card.pixels, as_full.pixels)
        assert np.array_equal(frame, frame_as_full)


def test_flattened_card_keeps_aspect_and_reads_upright():
    [card] = preprocess.find_cards(loaded(photo_of(render_card(), TILTED)), reader())
    height, width = card.pixels.shape[:2]
    assert card.method == "quad"
    assert card.rotation == 0
    assert width == warp.CARD_SIDE
    assert 1.5 < width / height < 1.9


@pytest.mark.parametrize("turn", [90, 180, 270])
def test_turned_card_is_turned_back(turn):
    card = render_card(1400, 800)
    turned = orient.rotate(card, turn)
    back = orient.upright(turned, reader()).turn
    assert (turn + back) % 360 == 0


class Unread(TesseractEngine):
    """Tesseract that fails the test if asked to read."""

    def read(self, *args: object, **kwargs: object) -> OcrResult:
        raise AssertionError("the card was read again")


def words_of(result: OcrResult) -> list[tuple[str, Box, float]]:
    return [(w.text, w.box, w.confidence) for line in result.lines for w in line.words]


def test_a_confident_reading_settles_the_turn_and_is_read_once():
    [card] = preprocess.find_cards(loaded(photo_of(render_card(), TILTED)), reader())
    assert card.rotation == 0
    assert card.reading is not None and card.reading.lang == "eng"
    assert "jane@example.com" in card.reading.text
    assert card.prepared is not None  # the image that reading read, for any other reading
    assert np.array_equal(card.prepared, lighting.normalise(card.pixels))
    again = ocr.read_card(card, ocr.CardReader(Unread(), "eng", ocr.Deadline(60)))
    assert words_of(again) == words_of(card.reading)  # not read again (Unread cannot read) ...
    assert any(w.ink is not None for line in again.lines for w in line.words)  # ... but inked
    latin = ocr.read_card(card, reader("Latin"))  # another model reads anew
    assert latin is not card.reading and latin.lang == "Latin"


def test_an_upside_down_card_is_not_settled_by_its_first_reading():
    way_up = orient.upright(orient.rotate(render_card(1400, 800), 180), reader())
    assert way_up.turn == 180
    assert way_up.reading is None  # it was read the wrong way up: read_card reads it again
    assert way_up.prepared is None


def test_text_line_direction():
    grey = lighting.normalise(render_card(1000, 570))
    assert not orient.text_runs_vertically(grey)
    assert orient.text_runs_vertically(orient.rotate(grey, 90))


def test_lighting_flattens_a_gradient_and_keeps_text():
    card = cv2.cvtColor(render_card(1000, 570), cv2.COLOR_BGR2GRAY).astype(np.float32)
    ramp = np.linspace(0.35, 1.0, card.shape[1], dtype=np.float32)[None, :]
    shaded = (card * ramp).astype(np.uint8)
    flat = lighting.normalise(shaded)
    paper = flat[5:30]  # a strip of blank card along the top
    assert shaded[5:30].std() > 30
    assert paper.std() < 12 and paper.mean() > 235
    assert flat.min() < 60  # the text is still dark


def test_light_text_on_dark_band_becomes_dark_on_white():
    card = render_card(1000, 570)
    card[:200] = 255 - card[:200]  # a dark band with light text above white card
    flat = lighting.normalise(card)
    assert flat[5:30].mean() > 220 and flat[400:560, 900:990].mean() > 220
    assert flat[:200].min() < 80


def test_noise_is_measured_and_smoothed():
    clean = cv2.cvtColor(render_card(1000, 570), cv2.COLOR_BGR2GRAY)
    grain = np.random.default_rng(3).normal(0, 10, clean.shape)
    noisy = np.clip(clean + grain, 0, 255).astype(np.uint8)
    assert lighting.noise_level(clean) < lighting.NOISY < lighting.noise_level(noisy)
    assert lighting.noise_level(lighting.normalise(noisy)) < lighting.noise_level(noisy)


def test_qr_code_is_decoded():
    payload = "BEGIN:VCARD\nVERSION:3.0\nFN:Jane Doe\nEND:VCARD"
    code = cv2.QRCodeEncoder.create().encode(payload)
    code = cv2.resize(code, None, fx=8, fy=8, interpolation=cv2.INTER_NEAREST)
    card = render_card(1000, 600)
    card[300 : 300 + code.shape[0], 700 : 700 + code.shape[1]] = cv2.cvtColor(
        code, cv2.COLOR_GRAY2BGR
    )
    assert qr.decode_qr(card) == payload
    assert qr.decode_qr(render_card()) is None


def test_no_outline_falls_back_to_text_region():
    page = np.full((900, 1600, 3), 250, np.uint8)  # a card that fills the frame: no edges
    page[250:650, 400:1100] = render_card()
    [card] = preprocess.find_cards(loaded(page), reader())
    assert card.method == "text-region"
    assert textregion.find_text_region(np.full((300, 500, 3), 128, np.uint8)) is None


def test_tilted_text_without_outline_is_straightened():
    page = np.full((900, 1600, 3), 250, np.uint8)
    page[250:650, 400:1100] = render_card()
    tilt = cv2.getRotationMatrix2D((800, 450), 8, 1.0)
    page = cv2.warpAffine(page, tilt, (1600, 900), borderValue=(250, 250, 250))
    [card] = preprocess.find_cards(loaded(page), reader())
    top_left, top_right = np.float32(card.quad[0]), np.float32(card.quad[1])
    slope = np.degrees(np.arctan2(*(top_right - top_left)[::-1]))
    assert card.method == "text-region"
    assert abs(abs(slope) - 8) < 2


def test_blank_frame_is_read_whole():
    [card] = preprocess.find_cards(loaded(np.full((600, 800, 3), 200, np.uint8)), reader())
    assert card.method == "frame" and card.quad is None


def test_corners_are_ordered_clockwise_from_top_left():
    shuffled = np.float32([[10, 90], [100, 5], [0, 0], [110, 95]])
    ordered = quads.order_corners(shuffled)
    assert ordered.tolist() == [[0, 0], [100, 5], [110, 95], [10, 90]]


def test_trace_is_shown_each_step():
    seen: dict[str, Pixels] = {}
    [card] = preprocess.find_cards(
        loaded(photo_of(render_card(), TILTED)), reader(), lambda step, px: seen.update({step: px})
    )
    assert sorted(seen) == ["1-outline", "2-card1-flat", "3-card1-normalised"]
    assert np.array_equal(seen["2-card1-flat"], card.pixels)
    assert seen["3-card1-normalised"].ndim == 2  # what Tesseract reads: grey
