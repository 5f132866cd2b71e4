"""Faults and hostile input, through the real CLI in subprocesses: each case also checks the store.

Endless input, FIFOs and devices, a store that is read-only, full or locked, a batch interrupted
or its parent killed, output files that exist or are symlinks, hostile imported text.
"""

from __future__ import annotations

import ctypes
import os
import re
import resource
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from cardscan.contact import Contact, Meeting
from cardscan.errors import ExitCode
from cardscan.store import ContactStore
from cardscan.workers import SCRATCH_PREFIX, scratch_folder

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CARD = SAMPLES / "flat" / "tidewater.png"
OTHER_CARD = SAMPLES / "flat" / "hollowmere.png"
#: Python writing zeros to stdout until the reader goes away: an endless stream, not a file.
ENDLESS = [sys.executable, "-c", "import sys\nwhile True: sys.stdout.buffer.write(bytes(1 << 20))"]
#: A contact file and a card in it, for stores made without OCR.
VCARD = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Quill\r\nEMAIL:ada@quill.example\r\nEND:VCARD\r\n"


#: Runs a command as its grandchild and writes the grandchild's peak memory (KB) to a file. The
#: peak a child reports includes what its parent held when it forked (Linux keeps the old
#: memory's high-water mark at exec), so the CLI is forked from this small process, not pytest.
MEASURED = """
import os, sys
peak_file, *command = sys.argv[1:]
pid = os.fork()
if pid == 0:
    os.execv(command[0], command)
_, status, usage = os.wait4(pid, 0)
with open(peak_file, "w") as f:
    f.write(str(usage.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
sys.exit(code if code >= 0 else 128 - code)
"""


def cardscan(
    *args: str | Path,
    stdin: int | None = None,
    preexec_fn: Callable[[], None] | None = None,
    peak_file: Path | None = None,
) -> subprocess.Popen[str]:
    """Start the real CLI in its own session (so a test can signal its process group)."""
    command = [sys.executable, "-m", "cardscan", *map(str, args)]
    if peak_file is not None:
        command = [sys.executable, "-c", MEASURED, str(peak_file), *command]
    return subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL if stdin is None else stdin,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=lambda: _as_from_a_terminal(preexec_fn),
        start_new_session=True,
    )


def _as_from_a_terminal(preexec_fn: Callable[[], None] | None) -> None:
    """Give the CLI Ctrl-C as a terminal does: a test run started in the background (`cmd &`
    in a script) has SIGINT ignored, and a child would inherit that and never see Ctrl-C."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if preexec_fn is not None:
        preexec_fn()


def run(
    *args: str | Path,
    timeout: float = 180,
    stdin: int | None = None,
    preexec_fn: Callable[[], None] | None = None,
) -> tuple[int, str, str, int]:
    """Run the CLI to its end: exit code, stdout, stderr and its peak memory in MB."""
    with tempfile.NamedTemporaryFile("r") as peak:
        proc = cardscan(*args, stdin=stdin, preexec_fn=preexec_fn, peak_file=Path(peak.name))
        try:
            out, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            raise
        return proc.returncode, out, err, int(peak.read() or 0) // 1024


def contact_count(db: Path) -> int:
    with sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        count = int(con.execute("SELECT count(*) FROM contacts").fetchone()[0])
    con.close()
    return count


@pytest.fixture
def db() -> Path:
    return Path(os.environ["CARDSCAN_DB"])


@pytest.fixture
def stored(db: Path) -> Path:
    """The test's store with one contact in it (made without OCR)."""
    with ContactStore(db) as store:
        store.add(Contact(name="Ada Quill", emails=("ada@quill.example",)), Meeting(met="x"))
    return db


# --- 1. bounded reads ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        pytest.param(["scan", "-"], "<stdin>: too large (over 128 MB)", id="scan"),
        pytest.param(["add", "-"], "<stdin>: too large (over 128 MB)", id="add"),
        pytest.param(["parse", "-"], "<stdin>: too large (over 1 MB)", id="parse"),
        pytest.param(["import", "-"], "<stdin>: too large (over 64 MB)", id="import"),
    ],
)
def test_endless_stdin_is_refused_quickly_in_bounded_memory(
    args: list[str], problem: str, db: Path
) -> None:
    feeder = subprocess.Popen(ENDLESS, stdout=subprocess.PIPE)
    assert feeder.stdout is not None
    try:
        start = time.monotonic()
        code, _, err, peak = run(*args, stdin=feeder.stdout.fileno(), timeout=120)
    finally:
        feeder.kill()
        feeder.wait()
    assert code == ExitCode.BAD_INPUT, err
    assert problem in err
    assert "Traceback" not in err
    assert peak < 400, f"{peak} MB"
    assert time.monotonic() - start < 60  # seconds on a loaded machine; the read itself is fast
    assert not db.exists() or contact_count(db) == 0


@pytest.mark.parametrize("command", ["scan", "add", "import", "parse"])
def test_a_device_named_as_a_file_is_not_a_regular_file(command: str, db: Path) -> None:
    code, _, err, _ = run(command, "/dev/zero", timeout=60)
    assert code == ExitCode.BAD_INPUT
    assert err.strip().splitlines()[0] == "cardscan: /dev/zero: not a regular file (a device)"
    assert not db.exists() or contact_count(db) == 0


# --- 2. only regular files -----------------------------------------------------------------


def test_a_fifo_in_a_folder_is_skipped_and_the_cards_beside_it_are_stored(
    tmp_path: Path, db: Path
) -> None:
    folder = tmp_path / "cards"
    folder.mkdir()
    shutil.copy(CARD, folder / "tidewater.png")
    os.mkfifo(folder / "x.jpg")  # nobody will ever write to it: opening it would block
    code, _, err, _ = run("add", folder, "--fast", "-j", "1", timeout=240)
    assert code == 0, err
    assert f"cardscan: {folder / 'x.jpg'}: skipped, not a regular file (a FIFO)" in err
    assert "added #1" in err
    assert contact_count(db) == 1


def test_a_fifo_named_directly_is_refused_without_blocking(tmp_path: Path, db: Path) -> None:
    fifo = tmp_path / "card.jpg"
    os.mkfifo(fifo)
    for command in ("scan", "add", "import"):
        code, _, err, _ = run(command, fifo, timeout=60)
        assert code == ExitCode.BAD_INPUT
        assert f"cardscan: {fifo}: not a regular file (a FIFO)" in err
    assert not db.exists() or contact_count(db) == 0


# --- 3. store errors -------------------------------------------------------------------------


def _without_file_permission_override() -> None:
    """Have a root child obey file modes, as any user does (CI runs the tests as root)."""
    if os.geteuid() != 0:
        return
    libc = ctypes.CDLL(None, use_errno=True)
    for capability in (1, 2):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH
        if libc.prctl(24, capability, 0, 0, 0) != 0:  # PR_CAPBSET_DROP: gone after exec
            raise OSError(ctypes.get_errno(), "cannot drop a capability")


@pytest.fixture
def read_only_store(stored: Path, tmp_path: Path) -> Iterator[Path]:
    """A copy of the store in a folder where neither it nor the folder can be written."""
    folder = tmp_path / "readonly"
    folder.mkdir()
    copy = folder / "contacts.db"
    shutil.copy(stored, copy)
    copy.chmod(0o444)
    folder.chmod(0o555)
    yield copy
    folder.chmod(0o755)


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["list"], id="list"),
        pytest.param(["show", "1"], id="show"),
        pytest.param(["export", "--format", "json"], id="export"),
        pytest.param(["due"], id="due"),
    ],
)
def test_a_read_only_store_can_be_read(args: list[str], read_only_store: Path) -> None:
    code, out, err, _ = run(
        *args, "--db", read_only_store, preexec_fn=_without_file_permission_override
    )
    assert code == 0, err
    assert "Ada Quill" in out
    assert sorted(p.name for p in read_only_store.parent.iterdir()) == ["contacts.db"]


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["note", "1", "more"], id="note"),
        pytest.param(["delete", "1", "--yes"], id="delete"),
        pytest.param(["import", "-"], id="import"),
    ],
)
def test_writing_to_a_read_only_store_is_one_line_and_exit_6(
    args: list[str], read_only_store: Path, tmp_path: Path
) -> None:
    vcard = tmp_path / "in.vcf"
    vcard.write_bytes(VCARD.replace(b"Ada Quill", b"Bo Quill").replace(b"ada@", b"bo@"))
    with vcard.open("rb") as f:
        code, _, err, _ = run(
            *args,
            "--db",
            read_only_store,
            stdin=f.fileno(),
            preexec_fn=_without_file_permission_override,
        )
    assert code == ExitCode.STORE_ERROR
    assert err.splitlines()[-1] == (
        f"cardscan: {read_only_store}: store is read-only "
        "(no permission to write the file or its folder)"
    )
    assert "Traceback" not in err
    assert contact_count(read_only_store) == 1


def test_a_missing_store_named_for_reading_is_an_error_and_nothing_is_created(
    tmp_path: Path,
) -> None:
    missing = tmp_path / "typo" / "contacts.db"
    for args in (["list", "--db", missing], ["export", "--db", missing]):
        code, _, err, _ = run(*args)
        assert code == ExitCode.STORE_ERROR
        assert err == f"cardscan: {missing}: no such store (nothing was created)\n"
    assert not missing.parent.exists()


def test_the_default_store_not_yet_created_lists_as_empty(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CARDSCAN_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    code, out, err, _ = run("list")
    assert (code, out, err) == (0, "", "cardscan: 0 contacts\n")
    assert not (tmp_path / "data").exists()


def _with_store_limited_to(pages: int) -> list[str]:
    """Python code that runs the CLI with every store connection capped at `pages` pages."""
    code = (
        "import sqlite3\n"
        "from cardscan.cli import main\n"
        "connect = sqlite3.connect\n"
        "def limited(*args, **kwargs):\n"
        "    db = connect(*args, **kwargs)\n"
        f"    db.execute('PRAGMA max_page_count = {pages}')\n"
        "    return db\n"
        "sqlite3.connect = limited\n"
        "main()\n"
    )
    return ["-c", code]


def test_a_full_disk_stops_the_batch_with_its_summary_and_keeps_the_store(
    stored: Path, tmp_path: Path
) -> None:
    with sqlite3.connect(stored) as con:
        pages = con.execute("PRAGMA page_count").fetchone()[0]
    con.close()
    folder = tmp_path / "cards"
    folder.mkdir()
    shutil.copy(CARD, folder / "a.png")
    shutil.copy(OTHER_CARD, folder / "b.png")
    argv = [sys.executable, *_with_store_limited_to(pages + 1), "add", str(folder), "--fast"]
    proc = subprocess.run(argv, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == ExitCode.STORE_ERROR, proc.stderr
    lines = proc.stderr.splitlines()
    full = f"cardscan: {stored}: store cannot grow: the disk is full (this change was not written)"
    assert full in lines
    assert "cardscan: 0 added, 0 updated, 0 skipped, 0 failed, 2 not stored" in lines
    assert "Traceback" not in proc.stderr
    assert contact_count(stored) == 1


def test_a_lock_held_too_long_is_one_line_and_exit_6(
    stored: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CARDSCAN_LOCK_WAIT", "1")
    other = sqlite3.connect(stored, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer, holding its lock
    try:
        code, _, err, _ = run("note", "1", "a note that must wait")
        assert code == ExitCode.STORE_ERROR
        assert err == (
            f"cardscan: {stored}: store is locked by another program for over 1 s; "
            "try again later\n"
        )
        code, out, _, _ = run("list")  # readers are not blocked by a writer
        assert code == 0
        assert "Ada Quill" in out
    finally:
        other.execute("ROLLBACK")
        other.close()
    with ContactStore(stored) as store:
        assert store.get(1).notes == ()


# --- 4. interrupts and orphans -----------------------------------------------------------------


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found |= {int(p) for p in (task / "children").read_text().split()}
    except FileNotFoundError:  # it has just exited
        pass
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"  # a zombie has exited; only its parent's wait is missing


def _batch_with_workers(folder: Path) -> tuple[subprocess.Popen[str], set[int]]:
    """Start `add -j 2` on the folder; return it once both its workers are reading."""
    proc = cardscan("add", folder, "-j", "2")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        workers = _children(proc.pid)
        if len(workers) >= 2 and any(_children(w) for w in workers):  # a Tesseract runs
            return proc, workers
        time.sleep(0.1)
    os.killpg(proc.pid, signal.SIGKILL)
    raise AssertionError("the batch never started its workers")


@pytest.fixture
def six_cards(tmp_path: Path) -> Path:
    folder = tmp_path / "cards"
    folder.mkdir()
    for i in range(3):
        shutil.copy(CARD, folder / f"t{i}.png")
        shutil.copy(OTHER_CARD, folder / f"h{i}.png")
    return folder


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize(
    "stop",
    [
        pytest.param(lambda pid: os.kill(pid, signal.SIGTERM), id="sigterm"),
        pytest.param(lambda pid: os.killpg(pid, signal.SIGINT), id="ctrl-c"),
    ],
)
def test_an_interrupted_batch_stops_within_2s_with_its_summary(
    stop: Callable[[int], None],
    six_cards: Path,
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    proc, workers = _batch_with_workers(six_cards)
    stop(proc.pid)
    start = time.monotonic()
    _, err = proc.communicate(timeout=30)
    assert time.monotonic() - start < 2
    assert proc.returncode == ExitCode.INTERRUPTED
    assert "cardscan: interrupted" in err
    assert re.search(r"^cardscan: \d+ added, \d+ updated, 0 skipped, 0 failed", err, re.M)
    assert "Traceback" not in err
    assert not any(_running(w) for w in workers)
    assert 0 <= contact_count(db) <= 2  # the two cards, each stored whole or not at all
    assert _ours(scratch) == []  # the killed workers' files for Tesseract removed


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_within_5s_when_their_parent_is_killed(
    six_cards: Path, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    proc, workers = _batch_with_workers(six_cards)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    deadline = time.monotonic() + 5
    while any(_running(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_running(w) for w in workers)
    if db.exists():
        assert contact_count(db) <= 2
    # what the killed batch left for Tesseract is in its scratch folder, which the next removes
    left = _ours(scratch)
    assert left and all(name.startswith(SCRATCH_PREFIX) for name in left)
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    with scratch_folder() as new:
        assert _ours(scratch) == [Path(new).name]
    assert _ours(scratch) == []


def _ours(folder: Path) -> list[str]:
    """Return the names in folder of files cardscan, pytesseract or Tesseract wrote."""
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(("cardscan", "tess")))


def test_peak_memory_is_the_commands_own() -> None:
    # The memory bounds above rest on this figure: a command holding 200 MB shows it, and one
    # holding little shows little, though this process holds 300 MB when it starts them.
    held = bytearray(300 << 20)
    for i in range(0, len(held), 4096):
        held[i] = 1
    grow = "x = bytearray(200 << 20)\nfor i in range(0, len(x), 4096): x[i] = 1"
    peaks = []
    for code in (grow, "pass"):
        with tempfile.NamedTemporaryFile("r") as peak:
            command = [sys.executable, "-c", MEASURED, peak.name, sys.executable, "-c", code]
            subprocess.run(command, check=True)
            peaks.append(int(peak.read()) // 1024)
    assert 200 <= peaks[0] < 280
    assert peaks[1] < 60
    del held


# --- 6. output files ---------------------------------------------------------------------------

OUTPUTS = [
    pytest.param(["export", "-o"], id="export"),
    pytest.param(["followup", "1", "-o"], id="followup-draft"),
    pytest.param(["followup", "1", "--ics"], id="followup-ics"),
]


@pytest.mark.parametrize("args", OUTPUTS)
def test_an_existing_output_file_needs_force(args: list[str], stored: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.file"
    target.write_text("the user's own file")
    code, _, err, _ = run(*args, target)
    assert code == ExitCode.BAD_INPUT
    assert err == f"cardscan: {target}: already exists (--force to overwrite it)\n"
    assert target.read_text() == "the user's own file"

    code, _, err, _ = run(*args, target, "--force")
    assert code == 0, err
    assert "Ada Quill" in target.read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.file", "store"]  # no temp file
    assert contact_count(stored) == 1


@pytest.mark.parametrize("args", OUTPUTS)
def test_a_symlink_at_the_output_is_refused_and_its_target_untouched(
    args: list[str], stored: Path, tmp_path: Path
) -> None:
    precious = tmp_path / "precious.txt"
    precious.write_text("must survive")
    link = tmp_path / "out.file"
    link.symlink_to(precious)
    for extra in ([], ["--force"]):
        code, _, err, _ = run(*args, link, *extra)
        assert code == ExitCode.BAD_INPUT
        assert err == f"cardscan: {link}: is a symbolic link; not followed (remove it first)\n"
    assert precious.read_text() == "must survive"
    assert link.is_symlink()
    assert contact_count(stored) == 1


def _file_size_limit(size: int) -> Callable[[], None]:
    def limit() -> None:  # a full disk, for this process: writes past `size` bytes fail
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


def test_an_output_that_cannot_be_written_whole_leaves_the_old_file(
    stored: Path, tmp_path: Path
) -> None:
    with ContactStore(stored) as store:
        store.add_note(1, "long notes " * 10_000)  # an export of 110 KB
    backup = tmp_path / "backup.vcf"
    backup.write_text("yesterday's backup")
    # 64 KB: room for the store's shared-memory file, not for the export
    limit = _file_size_limit(64 * 1024)
    code, _, err, _ = run("export", "-o", backup, "--force", preexec_fn=limit, timeout=60)
    assert code == ExitCode.BAD_INPUT
    assert err.startswith(f"cardscan: {backup}: cannot write (")
    assert err.endswith("; nothing was changed\n")
    assert backup.read_text() == "yesterday's backup"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backup.vcf", "store"]
    assert contact_count(stored) == 1


# --- 7. hostile imported text, and printing it -------------------------------------------------

ESC_NAME = "Eve\x1b]0;pwned\x07 Mallory\r\nX-Injected: 1\x00\x9b31m"


def _vcard_value(text: str) -> str:
    return text.replace("\r\n", "\\n")  # a vCard escapes a line break; the rest goes in raw


def test_import_strips_control_characters_and_leaves_out_invalid_emails_and_phones(
    tmp_path: Path, db: Path
) -> None:
    vcf = tmp_path / "shared.vcf"
    vcf.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\n"
        f"FN:{_vcard_value(ESC_NAME)}\r\n"
        "ORG:Evil\x1b[2J Corp\r\n"
        "EMAIL:not an email\r\nEMAIL:eve@mallory.example\r\n"
        "TEL:+1 415 555 0100\r\nTEL;TYPE=CELL:+1 12\r\n"
        "NOTE:first line\\nsecond\x1b[31m line\r\n"
        "END:VCARD\r\n",
        newline="",
    )
    code, _, err, _ = run("import", vcf)
    assert code == 0, err
    assert "card 1: left out email 'not an email' (not an email address)" in err
    assert "left out phone" in err
    with ContactStore(db) as store:
        [kept] = store.list()
    assert kept.contact.name == "Eve]0;pwned Mallory X-Injected: 131m"
    assert kept.contact.company == "Evil[2J Corp"
    assert kept.contact.emails == ("eve@mallory.example",)
    assert [p.number for p in kept.contact.phones] == ["+14155550100"]
    assert [n.text for n in kept.notes] == ["first line\nsecond[31m line"]


def test_cardscan_csv_with_a_field_over_128_kib_imports(tmp_path: Path, db: Path) -> None:
    long_note = "discussed at length. " * 10_000  # 210 KB, over the csv module's default
    with ContactStore(tmp_path / "source.db") as source:
        source.add(Contact(name="Ada Quill", emails=("ada@quill.example",)), Meeting())
        source.add_note(1, long_note)
    exported = tmp_path / "all.csv"
    code, _, err, _ = run(
        "export", "--format", "csv", "-o", exported, "--db", tmp_path / "source.db"
    )
    assert code == 0, err
    code, _, err, _ = run("import", exported)
    assert code == 0, err
    with ContactStore(db) as store:
        [kept] = store.list()
    assert [n.text for n in kept.notes] == [long_note]


def test_stored_control_characters_and_file_names_are_printed_escaped(
    tmp_path: Path, db: Path
) -> None:
    with ContactStore(db) as store:  # a store written before import cleaned its input
        store.add(Contact(name=ESC_NAME, emails=("eve@mallory.example",)), Meeting(met="x\x1b"))
    for args in (["list"], ["show", "1"], ["due"], ["followup", "1"]):
        code, out, err, _ = run(*args)
        assert code == 0, err
        if args[0] != "followup":  # a draft folds them into spaces itself
            assert "Eve\\x1b]0;pwned\\x07 Mallory" in out, args
        assert not any(c in out for c in "\x1b\x07\x00\x9b\r"), args
    code, out, _, _ = run("show", "1", "--json")
    assert "\\u001b" in out and "\\u009b" in out and "\x9b" not in out

    hostile = tmp_path / "card\x1b]0;pwned\x07.jpg"
    code, _, err, _ = run("scan", hostile)
    assert code == ExitCode.BAD_INPUT
    assert err == f"cardscan: {tmp_path}/card\\x1b]0;pwned\\x07.jpg: no such file\n"
    assert contact_count(db) == 1


# --- 8. pages of a PDF or TIFF -------------------------------------------------------------------


def _document(path: Path, fmt: str) -> None:
    """Write a card, a blank page and another card as the three pages of one PDF or TIFF."""
    from PIL import Image

    first, third = (Image.open(p).convert("RGB") for p in (CARD, OTHER_CARD))
    blank = Image.new("RGB", first.size, "white")
    first.save(path, fmt, save_all=True, append_images=[blank, third], resolution=300)


@pytest.mark.parametrize("fmt", ["PDF", "TIFF"])
def test_each_page_is_its_own_card_and_a_blank_one_is_reported(
    fmt: str, tmp_path: Path, db: Path
) -> None:
    document = tmp_path / f"scans.{fmt.lower()}"
    _document(document, fmt)
    code, _, err, _ = run("add", document, "--pages", "all", "--fast", timeout=300)
    assert code == ExitCode.OCR_FAILURE, err
    assert f"cardscan: {document}#page=2: no card text found" in err
    assert "added #1" in err and "added #2" in err
    assert "Traceback" not in err
    with ContactStore(db) as store:
        names = sorted(s.contact.name or "" for s in store.list())
    assert names == ["Fenella Ashdown", "Marisol Okafor"]

    code, out, err, _ = run("scan", document, "--pages", "3", "--fast", "--json", timeout=300)
    assert code == 0, err
    assert '"name": "Fenella Ashdown"' in out and "Marisol" not in out
    assert contact_count(db) == 2


# --- 5. --timeout values -----------------------------------------------------------------------


@pytest.mark.parametrize("seconds", ["inf", "nan", "0", "-5", "1e400"])
def test_a_timeout_that_is_not_a_number_of_seconds_is_a_usage_error(seconds: str, db: Path) -> None:
    code, _, err, _ = run("scan", CARD, "--timeout", seconds, timeout=60)
    assert code == ExitCode.USAGE
    assert "Invalid value for '--timeout'" in err
    assert "Traceback" not in err
    assert not db.exists()


# --- 9. memory per image -----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_a_49_megapixel_photo_is_read_in_under_400_mb(fmt: str, tmp_path: Path, db: Path) -> None:
    from PIL import Image

    big = tmp_path / f"big.{fmt.lower()}"
    with Image.open(CARD) as card:
        card.convert("RGB").resize((8100, 6075), Image.Resampling.BILINEAR).save(big, fmt)
    code, out, err, peak = run("scan", big, "--fast", "--json", timeout=300)
    assert code == 0, err
    assert '"name": "Marisol Okafor"' in out
    assert peak < 400, f"{peak} MB"
    assert not db.exists()
