"""The README's Python API example runs as written."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

import cardscan

ROOT = Path(__file__).parent.parent


def test_the_readme_python_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Python API", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert code is not None
    monkeypatch.chdir(ROOT)
    exec(compile(code[1], "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "Marisol Okafor ('m.okafor@tidewater-instruments.example',)"
    assert printed[1].startswith("Design meetup [") and printed[1].endswith("'fax']")
    assert printed[2] == "['Ada Lovelace']"
    assert not Path(os.environ["CARDSCAN_DB"]).exists()  # the example's store is its own


def test_every_public_name_is_exported() -> None:
    for name in cardscan.__all__:
        assert hasattr(cardscan, name), name
