"""Photo sizes and video running times, measured from the files' headers alone.

A submission package holds a unit's photos and videos, and its checks need two numbers from
them: a photo's size in pixels and a video's running time. Every format writes both in its
header, near the start of the file or in an index the header leads to. Decoding would cost a
decoder per format and time and memory in proportion to the file, and a phone's video is
hundreds of megabytes, often read from inside a zip. So nothing here decodes:

- :func:`image_size` reads JPEG (baseline and progressive: the first frame header, found by
  walking the marker segments and seeking past each, EXIF included), PNG (``IHDR``), GIF
  (the logical screen), WebP (``VP8``, ``VP8L``, ``VP8X``) and HEIF/HEIC/AVIF (the ``ispe``
  properties in ``meta``/``iprp``/``ipco``). It reads at most :data:`MAX_HEADER_BYTES` and
  seeks over the rest, so a 500 MB file costs what a small one does.
- :func:`video_duration` asks tinytag (the ``media`` extra) for the running time the
  container states: in MP4, MOV and M4V the ``mvhd`` box, reached by seeking past the media
  data wherever the index sits.

Neither raises for a file it cannot measure, whatever is wrong with it: ``None`` means "could
not be measured from the header", and the rule that reads it decides what that is worth.
Errors of the stream itself do propagate: an ``OSError`` from reading or seeking, and for a
zip member the zip's own (``BadZipFile`` for a bad CRC, ``zlib.error``), which the package
reader turns into "unmeasured". They are a failure of reading, not a property of the file.
The one exception is ``EINVAL`` from a seek, which is how a file system refuses a position a
damaged header points to (and how a header box claiming more than 16 MiB is refused).

Sizes are as stored, before any rotation a viewer applies (JPEG's EXIF orientation, HEIF's
``irot``): a portrait photo from a phone usually reads as landscape, e.g. (4032, 3024).
"""

from __future__ import annotations

import errno
import io
import math
import struct
from collections.abc import Callable
from decimal import ROUND_HALF_EVEN, Context, Decimal
from typing import IO, BinaryIO, cast

import attrs

__all__ = ["MAX_HEADER_BYTES", "image_size", "video_duration"]

MAX_HEADER_BYTES = 2 * 1024 * 1024
""":func:`image_size` reads at most this many bytes (2 MiB); what it skips it seeks past."""

_MAX_POSITION = 1 << 48
"""A header pointing further into the file than this (256 TiB) is damaged; refusing it keeps
every seek within what a stream takes."""
_MILLISECOND = Decimal("0.001")
# Precise enough for any finite float to the millisecond (the largest has 309 digits before
# the point), so rounding a nonsense duration from a damaged header cannot fail.
_EXACT = Context(prec=320, rounding=ROUND_HALF_EVEN)

_PNG = b"\x89PNG\r\n\x1a\n"
_PNG_MAX_SIDE = 2**31 - 1
# JPEG markers: SOF0–SOF15 hold the frame's size, except DHT (C4), JPG (C8) and DAC (CC).
_JPEG_FRAMES = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
# TEM and RST0–RST7 stand alone, without a length.
_JPEG_STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})
# SOI again, EOI or the start of a scan before any frame header: no size can follow.
_JPEG_NO_FRAME = frozenset({0xD8, 0xD9, 0xDA})
# A file whose brands name none of these is a video or other ISO-BMFF file, not a still image.
_HEIF_BRANDS = frozenset(
    {b"mif1", b"mif2", b"msf1", b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx"}
    | {b"avif", b"avis", b"avio"}
)


class _HeaderError(Exception):
    """The header is not one this module reads, or it is damaged or cut short."""


@attrs.define
class _Header:
    """A stream read forward by exact counts within a budget of bytes; skips are seeks."""

    stream: IO[bytes]
    position: int = 0
    """Bytes consumed from the start: read or skipped."""
    budget: int = MAX_HEADER_BYTES
    """Bytes that may still be read from the stream."""
    _ahead: bytes = attrs.field(default=b"", init=False)
    """Bytes peeked at but not yet consumed."""

    def peek(self, size: int) -> bytes:
        """Up to ``size`` bytes from here, left to be read again."""
        if len(self._ahead) < size:
            self._ahead += self._fetch(size - len(self._ahead))
        return self._ahead[:size]

    def read(self, size: int) -> bytes:
        """Exactly ``size`` bytes; the header is cut short if the stream has fewer."""
        data, self._ahead = self._ahead[:size], self._ahead[size:]
        if len(data) < size:
            data += self._fetch(size - len(data))
        if len(data) < size:
            raise _HeaderError
        self.position += size
        return data

    def unpack(self, layout: str) -> tuple[int, ...]:
        """The integers of a :mod:`struct` ``layout`` read from here."""
        return struct.unpack(layout, self.read(struct.calcsize(layout)))

    def skip_to(self, position: int) -> None:
        """Move forward to ``position`` by seeking: skipped bytes are not read."""
        if not self.position <= position <= _MAX_POSITION:
            raise _HeaderError
        size = position - self.position
        kept = min(size, len(self._ahead))
        self._ahead = self._ahead[kept:]
        if size > kept:
            try:
                self.stream.seek(size - kept, io.SEEK_CUR)
            except OSError as error:
                # A file system refuses a seek past the largest file it can hold (16 TiB on
                # ext4, 4 GiB on FAT) with EINVAL: the header points nowhere a file can be.
                if error.errno == errno.EINVAL:
                    raise _HeaderError from error
                raise
        self.position = position

    def _fetch(self, size: int) -> bytes:
        """Up to ``size`` bytes from the stream, fewer only at its end."""
        if size > self.budget:
            raise _HeaderError
        chunks: list[bytes] = []
        wanted = size
        while wanted:
            # A raw stream may return less than asked before its end.
            chunk = self.stream.read(wanted)
            if not chunk:
                break
            chunks.append(chunk)
            wanted -= len(chunk)
        data = b"".join(chunks)
        self.budget -= len(data)
        return data


def image_size(stream: IO[bytes]) -> tuple[int, int] | None:
    """A photo's (width, height) in pixels from its header; ``None`` if it cannot be told.

    ``stream`` (a file, or a zip member: anything binary that reads and seeks) is read from
    its start (position 0) and seeked forward only. ``None`` for a format other than JPEG,
    PNG, GIF, WebP and HEIF/HEIC/AVIF, and for a damaged or truncated header; an ``OSError``
    of the stream itself propagates.
    """
    header = _Header(stream)
    try:
        measure = _measurer(header.peek(12))
        if measure is None:
            return None
        width, height = measure(header)
    except _HeaderError:
        return None
    return (width, height) if width > 0 and height > 0 else None


def video_duration(stream: IO[bytes]) -> Decimal | None:
    """A video's running time in seconds from its container header; ``None`` if unknown.

    The result is exact to the millisecond, without trailing zeros: ``Decimal("200")``,
    ``Decimal("12.345")``. ``None`` when tinytag does not know the format, finds no
    duration or finds a damaged header, and when the stated duration is 0 (as in a
    fragmented MP4, whose header leaves the duration to its fragments), negative or not a
    number: "unknown", never 0 s. Needs tinytag (the ``media`` extra); its ``ImportError``
    propagates for the caller to turn into a message naming the extra.
    """
    # tinytag is an optional extra: photos are measured without it.
    from tinytag import TinyTag, TinyTagException  # noqa: PLC0415

    try:
        # tinytag asks for a BinaryIO and uses only read, seek and tell: a zip member will do.
        bounded = _BoundedReads(stream)
        tag = TinyTag.get(file_obj=cast("BinaryIO", bounded), tags=False, duration=True)
    except TinyTagException as error:
        # tinytag wraps everything raised while parsing, the stream's own errors too. An
        # OSError other than EINVAL is the stream failing, not an unknown duration; EINVAL is
        # a damaged header's seek before the start or past what the file system holds.
        cause = error.__cause__
        if isinstance(cause, OSError) and cause.errno != errno.EINVAL:
            raise cause from None
        return None
    return _milliseconds(tag.duration)


class _BoundedReads:
    """A stream whose single reads are capped at 16 MiB; a read beyond is a damaged header.

    tinytag reads a box whole at the size the box claims, and a crafted file claims gigabytes.
    """

    _LIMIT = 16 * 1024 * 1024

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        if size < 0 or size > self._LIMIT:
            raise OSError(errno.EINVAL, "a header box larger than any real one")
        return self._stream.read(size)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._stream.seek(offset, whence)

    def tell(self) -> int:
        return self._stream.tell()


def _milliseconds(seconds: float | None) -> Decimal | None:
    """``seconds`` rounded to the millisecond; ``None`` unless it is a positive number."""
    if seconds is None or not math.isfinite(seconds) or seconds <= 0:
        return None
    # Decimal(float) is the float's exact binary value; quantize rounds it half-even once.
    duration = Decimal(seconds).quantize(_MILLISECOND, context=_EXACT)
    # Trailing zeros go (200.000 → 200) so reports say 200秒; normalize() alone writes 2E+2.
    return Decimal(format(duration.normalize(_EXACT), "f")) if duration > 0 else None


def _measurer(head: bytes) -> Callable[[_Header], tuple[int, int]] | None:
    """The reader of the format whose signature ``head`` (the first 12 bytes) starts with."""
    if head.startswith(b"\xff\xd8"):
        return _jpeg
    if head.startswith(_PNG):
        return _png
    if head.startswith((b"GIF87a", b"GIF89a")):
        return _gif
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return _webp
    if head[4:8] == b"ftyp":
        return _heif
    return None


def _jpeg(header: _Header) -> tuple[int, int]:
    """The size in the first frame header (SOFn), every segment before it seeked over."""
    header.read(2)  # SOI
    while True:
        marker = _jpeg_marker(header)
        if marker in _JPEG_STANDALONE:
            continue
        if marker in _JPEG_NO_FRAME:
            raise _HeaderError
        (length,) = header.unpack(">H")  # counts itself, not the marker
        if marker in _JPEG_FRAMES:
            if length < 8:
                raise _HeaderError
            _precision, height, width = header.unpack(">BHH")
            return width, height
        if length < 2:
            raise _HeaderError
        header.skip_to(header.position + length - 2)


def _jpeg_marker(header: _Header) -> int:
    """The next marker's code, after any 0xFF fill bytes before it."""
    if header.read(1) != b"\xff":
        raise _HeaderError
    marker = header.read(1)[0]
    while marker == 0xFF:
        marker = header.read(1)[0]
    if marker == 0x00:  # a stuffed 0xFF belongs inside entropy-coded data, not here
        raise _HeaderError
    return marker


def _png(header: _Header) -> tuple[int, int]:
    """The size in the IHDR chunk, which must come first."""
    header.read(len(_PNG))
    length, kind, width, height = struct.unpack(">I4sII", header.read(16))
    if kind != b"IHDR" or length != 13 or max(width, height) > _PNG_MAX_SIDE:
        raise _HeaderError
    return width, height


def _gif(header: _Header) -> tuple[int, int]:
    """The logical screen's size, right after the signature."""
    header.read(6)
    width, height = header.unpack("<HH")
    return width, height


def _webp(header: _Header) -> tuple[int, int]:
    """The size in the first chunk: a lossy, lossless or extended (VP8X) image."""
    header.read(12)  # RIFF, its size, WEBP
    kind, _size = struct.unpack("<4sI", header.read(8))
    if kind == b"VP8 ":
        frame = header.read(10)
        # A key frame (bit 0 clear) starts with the start code, then 14-bit sides and scales.
        if frame[0] & 1 or frame[3:6] != b"\x9d\x01\x2a":
            raise _HeaderError
        width, height = struct.unpack("<HH", frame[6:10])
        return width & 0x3FFF, height & 0x3FFF
    if kind == b"VP8L":
        signature, bits = struct.unpack("<BI", header.read(5))
        if signature != 0x2F or bits >> 29:  # the version, 3 bits, must be 0
            raise _HeaderError
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if kind == b"VP8X":
        canvas = header.read(10)  # flags and reserved (4), then sides less one, 24 bits each
        return int.from_bytes(canvas[4:7], "little") + 1, int.from_bytes(canvas[7:10], "little") + 1
    raise _HeaderError


def _heif(header: _Header) -> tuple[int, int]:
    """The largest ``ispe`` (image spatial extents) in ``meta``/``iprp``/``ipco``.

    A HEIF file lists a property box for each image it holds, the thumbnails and the tiles
    of a grid too; the primary image is the largest of them.
    """
    kind, end = _box(header, None)
    brands = header.read(end - header.position) if kind == b"ftyp" else b""
    # Major brand, minor version, then compatible brands: four bytes each.
    if not {brands[i : i + 4] for i in range(0, len(brands), 4)} & _HEIF_BRANDS:
        raise _HeaderError
    meta_end = _find_box(header, b"meta", None)
    header.read(4)  # meta is a full box: version and flags before its children
    ipco_end = _find_box(header, b"ipco", _find_box(header, b"iprp", meta_end))
    sizes: list[tuple[int, int]] = []
    while header.position < ipco_end:
        kind, end = _box(header, ipco_end)
        if kind == b"ispe":
            _version_and_flags, width, height = header.unpack(">III")
            sizes.append((width, height))
        header.skip_to(end)
    if not sizes:
        raise _HeaderError
    return max(sizes, key=lambda size: size[0] * size[1])


def _box(header: _Header, parent_end: int | None) -> tuple[bytes, int]:
    """The type and end position of the box starting here, its header consumed.

    ``parent_end`` is where the enclosing box ends, ``None`` at the top level of the file.
    """
    start = header.position
    size, kind = struct.unpack(">I4s", header.read(8))
    if size == 1:  # a 64-bit size follows the type
        (size,) = header.unpack(">Q")
    end = start + size
    if size == 0:  # the box runs to the end of its parent, or of the file
        end = _MAX_POSITION if parent_end is None else parent_end
    if end < header.position or (parent_end is not None and end > parent_end):
        raise _HeaderError
    return kind, end


def _find_box(header: _Header, wanted: bytes, parent_end: int | None) -> int:
    """The end position of the first ``wanted`` box from here, its header consumed."""
    while parent_end is None or header.position < parent_end:
        kind, end = _box(header, parent_end)
        if kind == wanted:
            return end
        header.skip_to(end)
    raise _HeaderError
