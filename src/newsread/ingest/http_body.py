"""Decoding an HTTP body under a size cap: compressed and decompressed bytes both count.

A few kilobytes of gzip can expand to gigabytes, so the decompressor is never
asked for more output than the cap leaves room for; it stops at the cap
instead of filling memory first and checking afterwards.
"""

from __future__ import annotations

import zlib
from typing import Final

IDENTITY: Final = "identity"
SUPPORTED_ENCODINGS: Final = ("gzip", "x-gzip", "deflate", IDENTITY)
ACCEPT_ENCODING: Final = "gzip, deflate"
"""What we ask servers for: the encodings `BoundedDecoder` undoes itself."""

_GZIP_WBITS: Final = 16 + zlib.MAX_WBITS
_ZLIB_WBITS: Final = zlib.MAX_WBITS
_RAW_DEFLATE_WBITS: Final = -zlib.MAX_WBITS


class BodyTooLarge(Exception):  # noqa: N818 - reads as a sentence at call sites
    """The body (compressed or decompressed) went past the cap."""


class BadEncoding(Exception):  # noqa: N818 - reads as a sentence at call sites
    """The body is not valid in the content encoding the server declared."""


def describe_size(size: int) -> str:
    """A cap as people say it: `20 MB` for whole mebibytes, else a byte count."""
    mebibyte = 1024 * 1024
    if size >= mebibyte and size % mebibyte == 0:
        return f"{size // mebibyte} MB"
    return f"{size} bytes"


def normalize_encoding(header: str) -> str:
    """The one content encoding named by a `Content-Encoding` header, lower-cased.

    `identity` entries are dropped; a chain of several real encodings is
    returned as written, which `BoundedDecoder` then refuses.
    """
    names = [name.strip().lower() for name in header.split(",")]
    real = [name for name in names if name and name != IDENTITY]
    return ", ".join(real) if real else IDENTITY


class BoundedDecoder:
    """Undo one content encoding chunk by chunk, never producing more than `max_bytes`."""

    def __init__(self, encoding: str, max_bytes: int) -> None:
        """`encoding` is a value from `normalize_encoding`; unsupported ones raise `BadEncoding`."""
        if encoding not in SUPPORTED_ENCODINGS:
            raise BadEncoding(f"unsupported content encoding {encoding!r}")
        self._encoding = encoding
        self._max_bytes = max_bytes
        self._produced = 0
        self._decompressor: zlib._Decompress | None = None
        self._wbits = _GZIP_WBITS if encoding in ("gzip", "x-gzip") else _ZLIB_WBITS
        self._started = False

    @property
    def produced(self) -> int:
        """Decoded bytes handed out so far."""
        return self._produced

    def decode(self, chunk: bytes) -> bytes:
        """The decoded bytes of the next raw `chunk`; `BodyTooLarge` past the cap."""
        if self._encoding == IDENTITY:
            return self._count(chunk)
        if not chunk:
            return b""
        output = bytearray()
        data = chunk
        while data:
            decompressor = self._current_decompressor(data)
            room = self._max_bytes - self._produced - len(output) + 1
            try:
                piece = decompressor.decompress(data, room)
            except zlib.error as error:
                raise BadEncoding(f"invalid {self._encoding} data ({error})") from error
            output += piece
            if len(piece) >= room or decompressor.unconsumed_tail:
                raise BodyTooLarge
            # A gzip body may hold several members back to back: start on the next one.
            data = decompressor.unused_data if decompressor.eof else b""
            if decompressor.eof:
                self._decompressor = None
        return self._count(bytes(output))

    def finish(self) -> None:
        """Check the body ended where the encoding says it should."""
        if self._encoding == IDENTITY or self._decompressor is None:
            return
        if not self._decompressor.eof:
            raise BadEncoding(f"{self._encoding} data ended early")

    def _current_decompressor(self, data: bytes) -> zlib._Decompress:
        if self._decompressor is None:
            wbits = self._wbits
            # "deflate" should be zlib-wrapped, but some servers send a raw stream.
            if self._encoding == "deflate" and not self._started and not _looks_like_zlib(data):
                wbits = _RAW_DEFLATE_WBITS
            self._wbits = wbits
            self._decompressor = zlib.decompressobj(wbits)
            self._started = True
        return self._decompressor

    def _count(self, data: bytes) -> bytes:
        self._produced += len(data)
        if self._produced > self._max_bytes:
            raise BodyTooLarge
        return data


def _looks_like_zlib(data: bytes) -> bool:
    """True when `data` starts with a zlib header (deflate method, valid check bits)."""
    if len(data) < 2:
        return True
    first, second = data[0], data[1]
    return first & 0x0F == 8 and (first << 8 | second) % 31 == 0
