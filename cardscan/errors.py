"""Exit codes and the typed errors that carry them; only the CLI turns these into exits."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1  # click's own code: a batch in which some file failed, or an aborted command
    USAGE = 2  # click's own code: bad options or arguments
    MISSING_DEPENDENCY = 3  # Tesseract or a language pack is missing
    BAD_INPUT = 4  # a file that is missing, unreadable or not an image
    OCR_FAILURE = 5  # Tesseract failed or timed out, or found no card text
    STORE_ERROR = 6  # the contact store cannot be opened or written
    INTERRUPTED = 130  # Ctrl-C or SIGTERM: the shells' code for a command stopped by SIGINT


class CardscanError(Exception):
    """Base of every error cardscan reports; str() is the one line the user sees."""

    exit_code: ExitCode = ExitCode.FAILURE


class MissingDependencyError(CardscanError):
    exit_code = ExitCode.MISSING_DEPENDENCY


class BadInputError(CardscanError):
    """A file that cannot be read as a card; the message names the file and the problem."""

    exit_code = ExitCode.BAD_INPUT

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class OcrError(CardscanError):
    exit_code = ExitCode.OCR_FAILURE


class OcrTimeoutError(OcrError):
    """An engine stopped because the card's time (--timeout) ran out."""


class NoCardTextError(OcrError):
    def __init__(self, path: str) -> None:
        super().__init__(f"{path}: no card text found")
        self.path = path


class StoreError(CardscanError):
    exit_code = ExitCode.STORE_ERROR


class NotFoundError(CardscanError):
    """A contact id that is not in the store."""

    exit_code = ExitCode.BAD_INPUT


class NoMatchError(CardscanError):
    """A search or filter that matched no contact: there is nothing to export."""

    exit_code = ExitCode.BAD_INPUT
