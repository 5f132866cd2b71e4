"""Simulated phone photos for scripts/make_samples.py: table, perspective, light, lens, EXIF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image

Json = dict[str, Any]
JPEG_QUALITY = 84


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
    elif kind == "paper":  # a white desk or a sheet of paper: the card's own colour
        shade = 0.93 + 0.05 * smooth_noise(rng, shape, 300) + 0.01 * fine
        base = np.array([250, 248, 243], np.float32)
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
    if "rotate" in spec:  # the card turned this far on the table (degrees, clockwise)
        angle = np.deg2rad(spec["rotate"])
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
    scene = lay_card(np.ascontiguousarray(card), surface, quad)
    if spec.get("shadow"):
        scene = cast_shadow(scene, quad, spec["shadow"], rng)
    if spec.get("glare"):
        scene = add_glare(scene, quad, spec["glare"], rng)
    return light_and_lens(scene, rng)


def cast_shadow(
    scene: np.ndarray, quad: np.ndarray, strength: float, rng: np.random.Generator
) -> np.ndarray:
    """Return the scene with a hard-edged shadow (a phone or a hand) over part of the card."""
    h, w = scene.shape[:2]
    centre = quad.mean(axis=0)
    # A straight shadow edge through the card, slanting, darkening everything on one side.
    angle = rng.uniform(0.3, 1.2)
    normal = np.array([np.cos(angle), np.sin(angle)], np.float32)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    side = (xs - centre[0]) * normal[0] + (ys - centre[1]) * normal[1] + rng.uniform(-30, 30)
    shade = cv2.GaussianBlur((side < 0).astype(np.float32), (0, 0), 6)
    return scene * (1 - strength * shade)[:, :, None]


def add_glare(
    scene: np.ndarray, quad: np.ndarray, strength: float, rng: np.random.Generator
) -> np.ndarray:
    """Return the scene with a bright, washed-out reflection (a laminated or sleeved card)."""
    h, w = scene.shape[:2]
    centre = quad.mean(axis=0) + rng.uniform(-0.15, 0.15, 2) * (quad.max(0) - quad.min(0))
    axes = (quad.max(0) - quad.min(0)) * np.array([0.22, 0.3])
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    spot = np.exp(-(((xs - centre[0]) / axes[0]) ** 2 + ((ys - centre[1]) / axes[1]) ** 2))
    # Reflected light adds to ink and paper alike, and clips at white.
    return scene + strength * 255 * spot[:, :, None]


#: how to store pixels so that a viewer applying the EXIF Orientation tag shows them upright
STORED_TURN = {1: 0, 3: 2, 6: 1, 8: -1}  # np.rot90 k (counter-clockwise quarter turns)


def save_photo(upright: np.ndarray, orientation: int, path: Path) -> None:
    """Write the photo as JPEG, sensor-rotated with an Orientation tag when orientation != 1."""
    stored = Image.fromarray(np.ascontiguousarray(np.rot90(upright, k=STORED_TURN[orientation])))
    exif = Image.Exif()
    if orientation != 1:
        exif[0x0112] = orientation  # Orientation
    stored.save(path, "JPEG", quality=JPEG_QUALITY, optimize=True, exif=exif.tobytes())
