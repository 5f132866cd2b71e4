"""Find card outlines (four corners) in a downscaled photo.

Several segmentations are tried, because no single cue works on every surface: a card is
usually brighter than the table (Otsu on grey), differs in colour from the frame's border
(distance from the border colour), or at least has straight edges (Canny). Every outline any of
them yields is scored by how card-like it is, and the best non-overlapping ones are kept, each
grown over a coloured band along one of its sides if there is one (bands.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

from ..model import Pixels
from .bands import grow_over_band
from .colours import border_colour
from .edgelines import colour_edges, outline_candidates
from .quads import Quad, order_corners, reading_order

#: long side of the image detection works on: enough for corners within a few full-res pixels
DETECT_SIDE = 640
#: smallest card, as a share of the frame's area (a card filling 20% of one side is ~4%)
MIN_AREA = 0.03
#: a second card must be at least this share of the first one's area
SECOND_CARD_AREA = 0.4
#: ... and have an image edge along at least this share of its outline
SECOND_CARD_EDGES = 0.6
#: long / short side of the quads accepted as cards (business cards are 1.4-1.9; skew adds)
MIN_ASPECT, MAX_ASPECT = 1.15, 2.6

#: on a plain page (a scan), a colour this many times the page's own variation away from
#: its colour (colours.page_contrast) lies on it
ON_THE_PAGE = 3.0

#: a blob whose outline lies on image edges this much is a card; below it, straight lines are tried
WELL_OUTLINED = 0.5
#: outlines from straight lines need three sides on edges this much, and the fourth this much
LINE_OTHER_SIDES, LINE_WEAKEST_SIDE = 0.8, 0.25


@dataclass(frozen=True)
class Candidate:
    quad: Quad  # in the coordinates of the image searched
    score: float
    area: float
    edge_support: float


def downscale(pixels: Pixels, side: int = DETECT_SIDE) -> tuple[Pixels, float]:
    """Return a copy whose long side is at most `side`, and the factor from it to the original."""
    height, width = pixels.shape[:2]
    scale = min(1.0, side / max(height, width))
    if scale == 1.0:
        return pixels, 1.0
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return np.asarray(cv2.resize(pixels, size, interpolation=cv2.INTER_AREA)), 1.0 / scale


def find_quads(small: Pixels) -> list[Quad]:
    """Return the corners of each card in a small BGR image, largest first (may be empty)."""
    edges = _edges(small)
    candidates = [c for mask in _masks(small, edges) for c in _candidates(mask, edges)]
    if not any(c.edge_support >= WELL_OUTLINED for c in candidates):
        # No blob has a card's outline: on a patterned table or against a table of the card's
        # own colour, try outlines drawn from the frame's long straight edges instead.
        candidates += _line_candidates(small)
    return _apart(candidates, small)


def find_quads_on_page(small: Pixels, page: npt.NDArray[np.float32]) -> list[Quad]:
    """Return the corners of each card lying on a plain page (a flatbed scan), as find_quads.

    page is how far each pixel's colour lies from the page's (colours.page_contrast): paper
    and print alike stand out, however faintly a white card's edge shows against a white lid,
    so what stands out is taken as it is: closing its holes would join cards lying a few
    millimetres apart.
    """
    edges = np.maximum(_edges(small), _page_edges(page))
    # a card laid against the lid's edge has its own edge there, where the scan ends
    cv2.rectangle(edges, (0, 0), (edges.shape[1] - 1, edges.shape[0] - 1), 255, 3)
    on_page = np.where(page > ON_THE_PAGE, 255, 0).astype(np.uint8)
    mask = np.asarray(
        cv2.morphologyEx(on_page, cv2.MORPH_OPEN, np.ones((3, 3), np.uint8)), np.uint8
    )
    return _apart(list(_candidates(mask, edges, on_a_lid=True)), small)


def _apart(candidates: list[Candidate], small: Pixels) -> list[Quad]:
    """Return the likeliest candidates that do not overlap, each grown over a coloured band,
    in reading order: the cards."""
    candidates.sort(key=lambda c: c.score, reverse=True)
    kept: list[Candidate] = []
    for cand in candidates:
        if kept and not _second_card(cand, kept[0]):
            continue
        if any(_overlap(cand.quad, k.quad) > 0.2 for k in kept):
            continue
        kept.append(cand)
    kept.sort(key=lambda c: reading_order(c.quad))
    return [grow_over_band(k.quad, small) for k in kept]


def _second_card(candidate: Candidate, first: Candidate) -> bool:
    """Return whether a candidate beside the best card is another card, not a patch of table."""
    # A second card must be outlined as clearly as a card: a blob of table texture that
    # happens to be four-sided is not, and reading it costs more than reading a card.
    return (
        candidate.area >= SECOND_CARD_AREA * first.area
        and candidate.edge_support >= SECOND_CARD_EDGES
        and candidate.score >= 0.5 * first.score
    )


def _edges(small: Pixels) -> npt.NDArray[np.uint8]:
    grey = cv2.GaussianBlur(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY), (5, 5), 0)
    return np.asarray(cv2.dilate(cv2.Canny(grey, 30, 90), np.ones((5, 5), np.uint8)))


def _masks(small: Pixels, edges: npt.NDArray[np.uint8]) -> Iterator[npt.NDArray[np.uint8]]:
    grey = cv2.GaussianBlur(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY), (5, 5), 0)
    _, threshold = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    bright: npt.NDArray[np.uint8] = np.asarray(threshold, np.uint8)
    yield _clean(bright)
    yield _clean(255 - bright)  # a dark card on a light table
    yield _clean(_unlike_border(small))
    yield edges


def _page_edges(page: npt.NDArray[np.float32]) -> npt.NDArray[np.uint8]:
    """Return the edges of what lies on a plain page, however faint (a white card's)."""
    stretched = np.clip(page * (255.0 / (4 * ON_THE_PAGE)), 0, 255).astype(np.uint8)
    return np.asarray(cv2.dilate(cv2.Canny(stretched, 30, 90), np.ones((5, 5), np.uint8)))


def _unlike_border(small: Pixels) -> npt.NDArray[np.uint8]:
    """Return pixels whose colour is far from the frame border's (the table's) median colour."""
    lab = cv2.cvtColor(cv2.GaussianBlur(small, (7, 7), 0), cv2.COLOR_BGR2LAB).astype(np.float32)
    distance = np.linalg.norm(lab - border_colour(lab), axis=2)
    distance = np.clip(distance * (255.0 / max(float(distance.max()), 1.0)), 0, 255)
    _, mask = cv2.threshold(distance.astype(np.uint8), 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return np.asarray(mask)


def _clean(mask: npt.NDArray[np.uint8]) -> npt.NDArray[np.uint8]:
    # Opening cuts thin bridges to the background (wood grain, shadows); closing fills the
    # text holes, so a card becomes one solid blob.
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5))
    opened = cv2.morphologyEx(mask, cv2.MORPH_OPEN, kernel)
    return np.asarray(cv2.morphologyEx(opened, cv2.MORPH_CLOSE, kernel, iterations=2))


def _candidates(
    mask: npt.NDArray[np.uint8], edges: npt.NDArray[np.uint8], on_a_lid: bool = False
) -> Iterator[Candidate]:
    frame_area = float(mask.shape[0] * mask.shape[1])
    contours, _ = cv2.findContours(mask, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    for contour in contours:
        area = cv2.contourArea(contour)
        if area < MIN_AREA * frame_area or area > 0.995 * frame_area:
            continue
        quad = _fit_quad(contour)
        if quad is None:
            continue
        support = _edge_support(quad, edges)
        score = _score(quad, area, mask.shape[:2], on_a_lid) * (0.2 + 0.8 * support)
        if score > 0:
            yield Candidate(quad, score, float(cv2.contourArea(quad)), support)


def _line_candidates(small: Pixels) -> Iterator[Candidate]:
    """Yield outlines made of long straight edges that the image's edges follow all round."""
    edges = np.asarray(cv2.dilate(colour_edges(small), np.ones((5, 5), np.uint8)), np.uint8)
    for quad in outline_candidates(small):
        area = float(cv2.contourArea(quad))
        if area < MIN_AREA * small.shape[0] * small.shape[1]:
            continue
        # Lines found by extending an edge: three sides must be edges nearly all along, the
        # fourth (a card edge against a table of its own colour) at least in part.
        shares = sorted(_side_support(quad, edges))
        if shares[0] < LINE_WEAKEST_SIDE or shares[1] < LINE_OTHER_SIDES:
            continue
        support = float(np.mean(shares))
        score = _score(quad, area, small.shape[:2]) * (0.2 + 0.8 * support)
        if score > 0:
            yield Candidate(quad, score, area, support)


def _fit_quad(contour: npt.NDArray[np.int32] | cv2.typing.MatLike) -> Quad | None:
    """Return the four corners of a roughly quadrilateral contour, or None."""
    hull = cv2.convexHull(contour)
    perimeter = cv2.arcLength(hull, True)
    for fraction in (0.01, 0.02, 0.03, 0.05, 0.08):
        approx = cv2.approxPolyDP(hull, fraction * perimeter, True)
        if len(approx) == 4:
            return _refine(order_corners(approx.astype(np.float32)), contour)
        if len(approx) < 4:
            break
    return None


def _refine(quad: Quad, contour: npt.NDArray[np.int32] | cv2.typing.MatLike) -> Quad:
    """Return the corners where lines fitted to the contour's four sides meet.

    Corners of the approximated polygon sit on the outline, so rounded card corners pull them
    inwards; lines fitted to the straight middle of each side meet where the corner would be.
    """
    points = np.asarray(contour, np.float32).reshape(-1, 2)
    lines = []
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        side = b - a
        length = float(np.linalg.norm(side))
        if length < 1:
            return quad
        along = (points - a) @ side / length**2
        across = np.abs(_cross(side, points - a)) / length
        near = points[(along > 0.15) & (along < 0.85) & (across < max(3.0, 0.03 * length))]
        if len(near) < 2:
            return quad
        vx, vy, x0, y0 = cv2.fitLine(near, cv2.DIST_HUBER, 0, 0.01, 0.01).ravel()
        lines.append((np.array([x0, y0], np.float32), np.array([vx, vy], np.float32)))
    corners = [_intersect(lines[i - 1], lines[i]) for i in range(4)]
    found = [c for c in corners if c is not None]
    if len(found) < 4:
        return quad
    refined = np.array(found, np.float32)
    # A refinement that moves a corner far is fitting something else: keep the polygon.
    if np.abs(refined - quad).max() > 0.1 * max(float(np.ptp(quad[:, 0])), 1.0):
        return quad
    return refined


def _intersect(
    first: tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]],
    second: tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]],
) -> tuple[float, float] | None:
    (p, u), (q, v) = first, second
    denominator = float(_cross(u, v))
    if abs(denominator) < 1e-6:
        return None
    t = float(_cross(q - p, v)) / denominator
    x, y = p + t * u
    return float(x), float(y)


def _cross(u: npt.NDArray[np.float32], v: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """Return the z of the cross product of 2-D vectors (NumPy 2 deprecates np.cross for 2-D)."""
    return np.asarray(u[..., 0] * v[..., 1] - u[..., 1] * v[..., 0], np.float32)


def _score(
    quad: Quad, contour_area: float, shape: tuple[int, ...], on_a_lid: bool = False
) -> float:
    """Return how card-like a quad is: large, filled, plausibly shaped and not the frame itself
    (unless on_a_lid: what stands out from a scanner's lid is no crop of a table)."""
    area = float(cv2.contourArea(quad))
    if area <= 0:
        return 0.0
    fill = contour_area / area  # a card blob fills its quad; a blob of text or grain does not
    sides = np.linalg.norm(quad - np.roll(quad, -1, axis=0), axis=1)
    long_side = max(sides[0] + sides[2], sides[1] + sides[3])
    short_side = max(min(sides[0] + sides[2], sides[1] + sides[3]), 1.0)
    aspect = long_side / short_side
    if fill < 0.8 or not MIN_ASPECT <= aspect <= MAX_ASPECT or not _convex_angles(quad):
        return 0.0
    height, width = shape[:2]
    margin = 2.0
    on_border = sum(
        1 for x, y in quad if x < margin or y < margin or x > width - margin or y > height - margin
    )
    if on_border >= 3 and not on_a_lid:  # the frame (or a crop of the table): not a card
        return 0.0
    return area / (height * width) * fill * (1.0 - 0.15 * on_border)


def _edge_support(quad: Quad, edges: npt.NDArray[np.uint8]) -> float:
    """Return the share of points along the quad's sides that lie on an image edge."""
    # A blob that leaked into a bright patch of table has a side where the image has no edge.
    shares = _side_support(quad, edges)
    return float(np.mean(shares)) * min(1.0, 2 * min(shares))


def _side_support(quad: Quad, edges: npt.NDArray[np.uint8]) -> list[float]:
    """Return, for each side of the quad, the share of its points that lie on an image edge."""
    height, width = edges.shape[:2]
    steps = np.linspace(0.05, 0.95, 40, dtype=np.float32)[:, None]
    shares = []
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        points = np.rint(a + (b - a) * steps).astype(np.int32)
        xs = np.clip(points[:, 0], 0, width - 1)
        ys = np.clip(points[:, 1], 0, height - 1)
        shares.append(float(np.count_nonzero(edges[ys, xs])) / len(points))
    return shares


def _convex_angles(quad: Quad) -> bool:
    """Return whether every corner angle lies in 50..130 degrees (a plausible perspective)."""
    for i in range(4):
        a, b, c = quad[i - 1], quad[i], quad[(i + 1) % 4]
        u, v = a - b, c - b
        cos = float(np.dot(u, v) / max(float(np.linalg.norm(u) * np.linalg.norm(v)), 1e-6))
        if not -0.65 <= cos <= 0.65:
            return False
    return True


def _overlap(a: Quad, b: Quad) -> float:
    """Return the intersection of two convex quads over the smaller one's area."""
    inter, _ = cv2.intersectConvexConvex(a, b)
    smaller = min(cv2.contourArea(a), cv2.contourArea(b))
    return float(inter) / max(float(smaller), 1e-6)
