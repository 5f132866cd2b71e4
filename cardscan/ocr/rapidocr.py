"""RapidOCR: PP-OCR models in ONNX, run by onnxruntime; the only module that imports rapidocr.

An optional engine (`pip install 'cardscan[rapidocr]'`): rapidocr is imported when the engine
is first used, so cardscan works without it. It reads only the models inside the rapidocr
wheel, named by file, so RapidOCR never looks for, or downloads, any other.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib.metadata
import math
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import MissingDependencyError, OcrError, OcrTimeoutError
from ..model import Box, Layout, OcrLine, OcrResult, OcrWord, Pixels
from .engine import EngineInfo

NAME = "rapidocr"
INSTALL_HINT = (
    "install it with `pip install 'cardscan[rapidocr]'` "
    "(or `CARDSCAN_EXTRAS=rapidocr scripts/setup.sh`)"
)
#: the one model the wheel carries: PP-OCRv6 "small", multilingual (Latin-script languages with
#: their accents, Chinese, Japanese), so it serves every --lang
MODEL = "PP-OCRv6_small"
#: its files in the wheel's models/ folder, per RapidOCR stage: text detection, the 0/180 degree
#: turn of each line, recognition
_FILES = {
    "Det": "PP-OCRv6_det_small.onnx",
    "Cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx",
    "Rec": "PP-OCRv6_rec_small.onnx",
}
#: the longest side text is detected at: onnxruntime's memory grows with the detector's input,
#: and a worker must stay within its budget (README: RapidOCR); lines are still cut out of the
#: image at up to _CROP_SIDE, so small text keeps its pixels for recognition
DETECT_SIDE = 960
_CROP_SIDE = 2000


class RapidOcrEngine:
    """The Engine protocol over RapidOCR; one per process (not safe for concurrent reads)."""

    name = NAME
    #: PP-OCR was trained on colour photos: it reads the card as photographed
    prefers_normalised = False

    def __init__(self, threads: int = 1, detect_side: int = DETECT_SIDE) -> None:
        # One onnxruntime thread: batches run one worker process per core already.
        self._threads = threads
        self._detect_side = detect_side
        self._ocr: Any = None
        self._stop = _Stop()

    def probe(self) -> EngineInfo:
        """Return RapidOCR's version, models folder and model; raise if it or a model is absent."""
        rapidocr, onnxruntime = _modules()
        folder = _models_folder(rapidocr)
        missing = [f for f in _FILES.values() if not (folder / f).is_file()]
        if missing:
            raise MissingDependencyError(
                f"rapidocr at {folder} has no {missing[0]}; reinstall it: {INSTALL_HINT}"
            )
        version = f"{_version('rapidocr')} (onnxruntime {onnxruntime.__version__})"
        return EngineInfo(name=NAME, version=version, location=str(folder), models=(MODEL,))

    def models(self, lang: str, accents: bool) -> tuple[str, ...]:
        """Return the one bundled model, which reads every language cardscan is asked for;
        raise MissingDependencyError when RapidOCR is not installed."""
        self.probe()
        return (MODEL,)

    def read(
        self,
        pixels: Pixels,
        layout: Layout = Layout.SPARSE,
        model: str | None = None,
        timeout: float = 60.0,
    ) -> OcrResult:
        """Return the lines RapidOCR reads on pixels, split into words with boxes.

        The layout is ignored: the detector finds the lines of any layout itself. The first
        read loads the models, within its timeout. A read past its timeout is stopped between
        two operators of the network it is in and raises OcrTimeoutError.
        """
        if model not in (None, MODEL):
            raise OcrError(f"rapidocr has no model {model!r}; it reads with {MODEL}")
        start = time.monotonic()
        ocr = self._engine()
        _give_back_memory()  # what reading the card freed, before the networks' buffers come
        timer = threading.Timer(max(timeout - (time.monotonic() - start), 0.0), self._stop.now)
        self._stop.reset()
        timer.start()
        try:
            output = ocr(pixels, return_word_box=True)
        except Exception as e:  # onnxruntime and RapidOCR raise bare exceptions of many kinds
            if self._stop.stopped:
                raise OcrTimeoutError(f"rapidocr took longer than {timeout:g}s") from e
            last = str(e).strip().splitlines()[-1:] or [type(e).__name__]
            raise OcrError(f"rapidocr failed: {last[0]}") from e
        finally:
            timer.cancel()
            _give_back_memory()
        if time.monotonic() - start > timeout:  # stopped between two runs of the network
            raise OcrTimeoutError(f"rapidocr took longer than {timeout:g}s")
        height, width = pixels.shape[:2]
        return _to_result(output, width, height)

    def _engine(self) -> Any:
        if self._ocr is None:
            self.probe()
            self._ocr = _load(self._threads, self._detect_side, self._stop)
        return self._ocr


class _Stop:
    """A flag onnxruntime checks between two operators: set, it ends the run with an error."""

    def __init__(self) -> None:
        self.options: Any = None
        self.stopped = False

    def reset(self) -> None:
        _, onnxruntime = _modules()
        self.options = onnxruntime.RunOptions()
        self.stopped = False

    def now(self) -> None:
        self.stopped = True
        self.options.terminate = True


def _modules() -> tuple[Any, Any]:
    try:
        import onnxruntime
        import rapidocr
    except ImportError as e:
        raise MissingDependencyError(f"rapidocr is not installed; {INSTALL_HINT}") from e
    return rapidocr, onnxruntime


def _models_folder(rapidocr: Any) -> Path:
    return Path(rapidocr.__file__).resolve().parent / "models"


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _load(threads: int, detect_side: int, stop: _Stop) -> Any:
    """Return a RapidOCR reading with the bundled models, its sessions under stop's control."""
    rapidocr, _ = _modules()
    folder = _models_folder(rapidocr)
    params: dict[str, Any] = {f"{stage}.model_path": str(folder / f) for stage, f in _FILES.items()}
    params |= {
        "Global.log_level": "error",
        "Global.max_side_len": _CROP_SIDE,
        "Det.limit_type": "max",
        "Det.limit_side_len": detect_side,
        # One line at a time: a batch pads its lines to the widest one's width, which costs
        # memory (a batch's buffers) and time (padding read as if it were text) on one thread
        "Rec.rec_batch_num": 1,
        "Cls.cls_batch_num": 1,
        "EngineConfig.onnxruntime.intra_op_num_threads": threads,
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
        # RapidOCR's default, said here because it matters: with onnxruntime's arena a worker
        # keeps the buffers of the largest image it has read
        "EngineConfig.onnxruntime.enable_cpu_mem_arena": False,
    }
    ocr = rapidocr.RapidOCR(params=params)
    # Load the three models now, so that a read's time is reading, and wrap their sessions
    # (RapidOCR 3 has no option for run options: hence its loaders, and the extra's <4 pin).
    for stage in (ocr._load_det_model(), ocr._load_cls_model(), ocr._load_rec_model()):
        stage.session.session = _StoppableSession(stage.session.session, stop)
    return ocr


class _StoppableSession:
    """An onnxruntime session whose every run obeys a _Stop (RapidOCR passes no run options)."""

    def __init__(self, session: Any, stop: _Stop) -> None:
        self._session = session
        self._stop = stop

    def run(self, output_names: Any, input_feed: Any, run_options: Any = None) -> Any:
        return self._session.run(output_names, input_feed, self._stop.options)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)


def _give_back_memory() -> None:
    """Return freed heap pages to the system (glibc only).

    Without the arena, onnxruntime's buffers come from malloc, and glibc keeps what a read
    freed in a fragmented heap: a worker's memory crept up card after card.
    """
    with contextlib.suppress(AttributeError, OSError):  # not glibc: left to itself
        ctypes.CDLL(None).malloc_trim(0)


def _to_result(output: Any, width: int, height: int) -> OcrResult:
    """Return RapidOCR's lines (quad, text, score) as OcrLines of words in reading order."""
    boxes = getattr(output, "boxes", None)
    texts = getattr(output, "txts", None)
    if boxes is None or texts is None:
        return OcrResult((), width, height, engine=NAME, lang=MODEL)
    # One entry per line that has word boxes; RapidOCR drops the lines it could not split, so
    # entries are matched to lines by their letters, not by position.
    splits = [s for s in (output.word_results or ()) if _is_split(s)]
    lines, next_split = [], 0
    for quad, text, score in zip(boxes, texts, output.scores, strict=True):
        conf = min(max(float(score), 0.0), 1.0)
        words = None
        if next_split < len(splits):
            words = words_from_pieces(text, splits[next_split], conf, width, height)
            next_split += words is not None
        if words is None:
            words = words_by_position(text, np.asarray(quad, float), conf, width, height)
        if words:
            lines.append(OcrLine(tuple(words)))
    lines.sort(key=lambda ln: (ln.box.top, ln.box.left))
    return OcrResult(tuple(lines), width, height, engine=NAME, lang=MODEL)


def _is_split(entry: Any) -> bool:
    return isinstance(entry, Sequence) and all(
        isinstance(p, Sequence) and len(p) == 3 and isinstance(p[0], str) for p in entry
    )


def words_from_pieces(
    text: str, pieces: Sequence[Any], conf: float, width: int, height: int
) -> list[OcrWord] | None:
    """Return text's words boxed by RapidOCR's pieces, or None if the pieces are of other text.

    RapidOCR finds a piece's box from where the recogniser saw its letters, and cuts pieces at
    spaces, at a change of script and at a wide gap: so a word is one or more whole pieces.
    Its piece scores are not used: 3.10 pairs each piece with one letter's score, so every
    word carries its line's score.
    """
    tokens = text.split()
    if "".join(tokens) != "".join(p[0] for p in pieces):
        return None
    words, i = [], 0
    for token in tokens:
        got, box = "", None
        while len(got) < len(token):
            if i == len(pieces) or not token.startswith(got + pieces[i][0]):
                return None
            got += pieces[i][0]
            part = quad_box(np.asarray(pieces[i][2], float), width, height)
            box = part if box is None else box.union(part)
            i += 1
        if box is not None:
            words.append(OcrWord(token, box, conf))
    return words


def words_by_position(
    text: str, quad: np.ndarray, conf: float, width: int, height: int
) -> list[OcrWord]:
    """Return text's words boxed by their share of the line's letters, along the line's quad."""
    top_left, top_right, bottom_right, bottom_left = quad[:4]
    words, start = [], 0
    for token in text.split():
        begin = text.index(token, start)
        start = begin + len(token)
        a, b = begin / len(text), start / len(text)
        corners = np.array(
            [
                top_left + a * (top_right - top_left),
                top_left + b * (top_right - top_left),
                bottom_left + a * (bottom_right - bottom_left),
                bottom_left + b * (bottom_right - bottom_left),
            ]
        )
        words.append(OcrWord(token, quad_box(corners, width, height), conf))
    return words


def quad_box(points: np.ndarray, width: int, height: int) -> Box:
    """Return the upright box around points, kept inside a width x height image."""
    xs, ys = points[:, 0], points[:, 1]
    left = min(max(math.floor(float(xs.min())), 0), max(width - 1, 0))
    top = min(max(math.floor(float(ys.min())), 0), max(height - 1, 0))
    right = min(max(math.ceil(float(xs.max())), left + 1), width)
    bottom = min(max(math.ceil(float(ys.max())), top + 1), height)
    return Box(left, top, max(right - left, 0), max(bottom - top, 0))
