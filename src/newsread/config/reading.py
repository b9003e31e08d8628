"""Reading a config.toml that is there: its problems, each a one-line `ConfigProblem`.

Loaded only when the file exists (`loading.load_config`): a reader started
without one never creates these classes. The TOML parser, the validators and
the line finder are imported only when there is text to parse.
"""

from __future__ import annotations

import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from newsread.config.model import Config

if TYPE_CHECKING:
    import tomllib

    from newsread.config.quoting import KeyPath
    from newsread.config.validate import Finding

MAX_CONFIG_BYTES: Final = 1024 * 1024
"""A config file is a few kilobytes; anything past this is not one."""

_BOM: Final = b"\xef\xbb\xbf"
_SYNTAX_POSITION: Final = r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$"
"""The position suffix of a TOML syntax error's message (compiled when one is met)."""


@dataclass(frozen=True, slots=True)
class ConfigProblem:
    """One thing wrong with config.toml; `str()` gives the one-line message for users."""

    path: Path
    line: int | None
    """1-based line in the file, when the problem has one."""
    key: str
    """The dotted key concerned (`reader.sort`), or "" for the whole file."""
    message: str
    """What is wrong, starting with the key when there is one."""

    def __str__(self) -> str:
        where = str(self.path) if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


def read_config(path: Path) -> tuple[Config, tuple[ConfigProblem, ...]]:
    """The config in the file at `path` and its problems: defaults where it is missing or bad."""
    data = _read(path)
    if isinstance(data, ConfigProblem):
        return Config(), (data,)
    if data is None:
        return Config(), ()
    text = _decode(path, data)
    if isinstance(text, ConfigProblem):
        return Config(), (text,)
    document = _parse(path, text)
    if isinstance(document, ConfigProblem):
        return Config(), (document,)
    from newsread.config.validate import validate

    config, findings = validate(document)
    return config, _locate(path, text, findings)


def _read(path: Path) -> bytes | ConfigProblem | None:
    """The file's bytes, None when there is no file, or why it cannot be read."""
    try:
        status = path.stat()
        if stat.S_ISDIR(status.st_mode):
            return _file_problem(path, "is a directory, not a file")
        if not stat.S_ISREG(status.st_mode):
            # A FIFO or device would block or never end: do not open it.
            return _file_problem(path, "is not a regular file")
        if status.st_size > MAX_CONFIG_BYTES:
            return _too_large(path)
        with path.open("rb") as file:
            data = file.read(MAX_CONFIG_BYTES + 1)
    except (FileNotFoundError, NotADirectoryError):
        # No file can be there. A config directory that is a file is the library's
        # one-line error to report, not a second line from here.
        return None
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        return _file_problem(path, f"cannot be read: {reason}")
    if len(data) > MAX_CONFIG_BYTES:
        return _too_large(path)
    return data


def _too_large(path: Path) -> ConfigProblem:
    return _file_problem(path, f"is too large to be a config file (over {MAX_CONFIG_BYTES} bytes)")


def _file_problem(path: Path, message: str, line: int | None = None) -> ConfigProblem:
    return ConfigProblem(path, line, "", f"{message}; using the default settings")


def _decode(path: Path, data: bytes) -> str | ConfigProblem:
    # Editors on Windows like to start UTF-8 files with a byte-order mark; TOML does not.
    body = data.removeprefix(_BOM)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        line = body.count(b"\n", 0, error.start) + 1
        byte = body[error.start]
        return _file_problem(path, f"not UTF-8 text (byte 0x{byte:02x})", line)


def _parse(path: Path, text: str) -> dict[str, Any] | ConfigProblem:
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        line, message = _syntax_error(error, text)
        return _file_problem(path, f"syntax error: {message}", line)
    except RecursionError:
        return _file_problem(path, "syntax error: values nested too deeply")


def _syntax_error(error: tomllib.TOMLDecodeError, text: str) -> tuple[int, str]:
    """The line and the message (without its position suffix) of a TOML syntax error."""
    message = str(error.args[0]) if error.args else str(error)
    line = getattr(error, "lineno", None)
    column = getattr(error, "colno", None)
    found = re.search(_SYNTAX_POSITION, message)
    if found is not None:
        message = message[: found.start()]
        if found.group(1) is not None:
            line, column = int(found.group(1)), int(found.group(2))
        else:
            line, column = text.count("\n") + 1, None
    message = message[:1].lower() + message[1:]
    if column is not None:
        message += f" (column {column})"
    return (line if isinstance(line, int) else text.count("\n") + 1), message


def _locate(path: Path, text: str, findings: list[Finding]) -> tuple[ConfigProblem, ...]:
    from newsread.config.locate import ScanError, key_lines
    from newsread.config.quoting import format_key

    try:
        lines = key_lines(text)
    except (ScanError, RecursionError):
        lines = {}
    problems = [
        ConfigProblem(
            path, _line_of(finding.path, lines), format_key(finding.path), finding.message
        )
        for finding in findings
    ]
    # In file order, as a user reads them; the sort is stable for problems on one line.
    return tuple(sorted(problems, key=lambda problem: problem.line or 0))


def _line_of(path: KeyPath, lines: dict[KeyPath, int]) -> int | None:
    """The line of `path`, or of its nearest enclosing table when the key has no line of its own."""
    for end in range(len(path), 0, -1):
        line = lines.get(path[:end])
        if line is not None:
            return line
    return None
