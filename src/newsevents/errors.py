"""Errors a user can cause, as one exception tree.

::

    NewsEventsError                 base of everything raised on purpose
    ├── InputError                  the input cannot be processed
    │   ├── EmptyTextError          empty or whitespace-only text
    │   ├── NotEnglishError         detected language is not English (.language holds it)
    │   ├── DecodeError             a file is not valid UTF-8 text (binary, other encoding)
    │   └── RecordError             one record of a JSONL/CSV/feed input is malformed
    ├── DateError                   an unparseable publication date
    ├── LexiconError                a malformed data file (lexicon, table): names file, line, value
    ├── ModelError                  the spaCy model package is missing or unusable
    ├── StoreError                  the DuckDB store cannot be opened or written
    └── StageError                  a stage failed on one article (a bug); the batch goes on

The CLI maps them to exit statuses (see ``cli.py``); the server maps them to 4xx.
"""

from __future__ import annotations


class NewsEventsError(Exception):
    """Base class of all errors newsevents raises on purpose."""


class InputError(NewsEventsError):
    """The input cannot be processed."""


class EmptyTextError(InputError):
    """The article text is empty or only whitespace."""


class NotEnglishError(InputError):
    """The article is not in English; it is reported, not coded into garbage."""

    def __init__(self, message: str, *, language: str) -> None:
        super().__init__(message)
        self.language = language


class DecodeError(InputError):
    """A file is not valid UTF-8 text."""


class RecordError(InputError):
    """One record (JSONL line, CSV row, feed entry) of a batch input is malformed."""

    def __init__(self, message: str, *, source: str, line: int | None = None) -> None:
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {message}")
        self.source = source
        self.line = line


class DateError(NewsEventsError):
    """A publication date that cannot be parsed."""


class LexiconError(NewsEventsError):
    """A malformed data file; the message names the file, line and value."""

    def __init__(self, message: str, *, path: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


class ModelError(NewsEventsError):
    """The spaCy model cannot be loaded."""


class StageError(NewsEventsError):
    """A stage failed unexpectedly on one article (a bug to report); other articles go on."""


class StoreError(NewsEventsError):
    """The store cannot be opened or written (path, permissions, disk, version)."""
