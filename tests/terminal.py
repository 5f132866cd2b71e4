"""Running cardscan in a pseudo-terminal, as a person at a terminal would, for the tty tests.

Screen is a small reading of what a terminal would show: it applies the carriage returns, line
feeds and the few cursor moves rich uses for a live bar (erase line, cursor up) and drops the
colours. (pyte would do this fully; it is not a dependency of the project.)
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

CSI = re.compile(r"\x1b\[([0-9;?]*)([A-Za-z])")


class Terminal:
    """A cardscan command on a pty of the given width; read() its output, answer its prompts."""

    def __init__(self, args: list[str], env: dict[str, str], columns: int = 100) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
        command = [str(Path(sys.executable).with_name("cardscan")), *args]
        self.process = subprocess.Popen(
            command, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True
        )
        os.close(slave)
        self.master = master
        self.output = ""

    def read_until(self, pattern: str, timeout: float = 120) -> str:
        """Read until pattern (a regex) appears in the output since the last match; return it."""
        start = len(self.output)
        deadline = time.monotonic() + timeout
        while not re.search(pattern, _plain(self.output[start:])):
            if not self._read(deadline - time.monotonic()):
                raise AssertionError(f"no {pattern!r} in {_plain(self.output[start:])!r}")
        return self.output[start:]

    def answer(self, text: str) -> None:
        os.write(self.master, text.encode() + b"\r")

    def finish(self, timeout: float = 180) -> int:
        """Read everything to the end; return the exit code."""
        deadline = time.monotonic() + timeout
        while self._read(deadline - time.monotonic()):
            pass
        code = self.process.wait(timeout=max(1.0, deadline - time.monotonic()))
        os.close(self.master)
        return code

    def _read(self, timeout: float) -> bool:
        if timeout <= 0:
            return False
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.master, 65536)
        except OSError:  # the other side closed: the command has ended
            return False
        self.output += data.decode("utf-8", errors="replace")
        return bool(data)


def _plain(text: str) -> str:
    return CSI.sub("", text)


def screen(output: str) -> list[str]:
    """Return the lines a terminal would show after output (scrolled-off lines included)."""
    lines = [""]
    row = col = 0
    i = 0
    while i < len(output):
        char = output[i]
        match = CSI.match(output, i)
        if match:
            arg, final = match.groups()
            if final == "K":  # erase the line
                lines[row] = ""
                col = 0 if not arg or arg == "2" else col
            elif final == "A":  # cursor up
                row = max(0, row - int(arg or 1))
            i = match.end()
            continue
        if char == "\r":
            col = 0
        elif char == "\n":
            row += 1
            col = 0
            if row == len(lines):
                lines.append("")
        else:
            line = lines[row].ljust(col)
            lines[row] = line[:col] + char + line[col + 1 :]
            col += 1
        i += 1
    return [line.rstrip() for line in lines]
