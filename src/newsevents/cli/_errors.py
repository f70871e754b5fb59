"""Exit statuses of the command line, and the one place library errors become messages.

====  ==========================================================================
code  meaning
====  ==========================================================================
0     success
1     some articles or input records failed (each reported on stderr); the rest were written
2     bad usage: unknown option, missing file, bad ``--published`` date, unusable ``--db``
3     the input could not be coded at all (empty text, not English, not UTF-8)
4     the spaCy model or a data file (lexicon) is missing or malformed
====  ==========================================================================
"""

from __future__ import annotations

import click

from ..errors import (
    DateError,
    InputError,
    LexiconError,
    ModelError,
    NewsEventsError,
    StoreError,
)

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_SETUP = 4


class CliError(click.ClickException):
    """A one-line message on stderr and a documented exit status; never a traceback."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


def to_cli_error(exc: NewsEventsError) -> CliError:
    """Map a library error to its exit status."""
    if isinstance(exc, DateError | StoreError):
        return CliError(str(exc), EXIT_USAGE)
    if isinstance(exc, InputError):
        return CliError(str(exc), EXIT_INPUT)
    if isinstance(exc, ModelError | LexiconError):
        return CliError(str(exc), EXIT_SETUP)
    return CliError(str(exc), EXIT_SOME_FAILED)
