"""Measuring photos and videos from their headers: exact sizes and durations, bounded reads."""

from __future__ import annotations

import errno
import io
import struct
import sys
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO, cast

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sci_workers_day.formats import _media
from sci_workers_day.formats._media import MAX_HEADER_BYTES, image_size, video_duration

MEDIA = Path(__file__).parent.parent / "data" / "packages" / "media"
MIB = 1024 * 1024
BIG = 50 * MIB

PHOTOS = {
    "photo_640x480.jpg": (640, 480),
    "photo_320x240_progressive.jpg": (320, 240),
    "photo_800x600.png": (800, 600),
    "photo_1920x1080.jpg": (1920, 1080),
    "photo_400x300.webp": (400, 300),
    "photo_300x200_lossless.webp": (300, 200),
    "photo_240x160_alpha.webp": (240, 160),
    "photo_256x144.avif": (256, 144),
    "photo_512x384.heic": (512, 384),
}
VIDEOS = {
    "video_200s.mp4": Decimal("200"),
    "video_10s.mov": Decimal("10"),
    "video_5s.m4v": Decimal("5"),
}
UNKNOWN_VIDEOS = ["video_fragmented.mp4", "video_truncated.mp4", "not_a_video.mp4"]


class Counting(io.RawIOBase):
    """A seekable stream over another that counts the bytes read through it."""

    def __init__(self, inner: BinaryIO) -> None:
        self.inner = inner
        self.bytes_read = 0

    def read(self, size: int = -1) -> bytes:
        """Read from the inner stream, counting."""
        data = self.inner.read(size)
        self.bytes_read += len(data)
        return data

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        """Read into ``buffer``, counting."""
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        """Seek the inner stream; nothing is read."""
        return self.inner.seek(offset, whence)

    def tell(self) -> int:
        """The inner stream's position."""
        return self.inner.tell()

    def readable(self) -> bool:
        """It reads."""
        return True

    def seekable(self) -> bool:
        """It seeks."""
        return True


class Failing(io.BytesIO):
    """A stream whose reads fail with ``error`` once they reach past ``after`` bytes."""

    def __init__(self, data: bytes, after: int, error: OSError) -> None:
        super().__init__(data)
        self.after = after
        self.error = error

    def read(self, size: int | None = -1) -> bytes:
        """Read, or fail past ``after``."""
        if self.tell() + (size if size is not None and size >= 0 else 1) > self.after:
            raise self.error
        return super().read(size)


class Unseekable(Counting):
    """A stream whose seeks fail with an I/O error."""

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:  # noqa: ARG002
        """Fail."""
        raise OSError(errno.EIO, "seek failed")


def stream(data: bytes) -> BinaryIO:
    """``data`` as a binary stream."""
    return io.BytesIO(data)


def counted(path: Path) -> tuple[Counting, BinaryIO]:
    """``path`` opened for reading through a :class:`Counting` stream (and the file, to close)."""
    file = path.open("rb")
    return Counting(file), file


def box(kind: bytes, *payload: bytes) -> bytes:
    """An ISO-BMFF box."""
    body = b"".join(payload)
    return struct.pack(">I", 8 + len(body)) + kind + body


def full_box(kind: bytes, *payload: bytes) -> bytes:
    """An ISO-BMFF full box, version 0 and no flags."""
    return box(kind, bytes(4), *payload)


def ispe(width: int, height: int) -> bytes:
    """An image spatial extents property."""
    return full_box(b"ispe", struct.pack(">II", width, height))


def heif_meta(*properties: bytes) -> bytes:
    """A HEIF ``meta`` box whose ``ipco`` holds ``properties``."""
    hdlr = full_box(b"hdlr", bytes(4), b"pict", bytes(12), b"\0")
    return full_box(b"meta", hdlr, box(b"iprp", box(b"ipco", *properties)))


HEIF_FTYP = box(b"ftyp", b"heic", bytes(4), b"mif1", b"heic")


def png(width: int, height: int) -> bytes:
    """A PNG signature and IHDR chunk (the CRC is not checked, so it is left zero)."""
    ihdr = struct.pack(">II5B", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr + bytes(4)


def segment(marker: int, payload: bytes) -> bytes:
    """A JPEG marker segment: its length counts itself and the payload."""
    return bytes([0xFF, marker]) + struct.pack(">H", 2 + len(payload)) + payload


APP0 = segment(0xE0, b"JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00")


def sof(marker: int, width: int, height: int) -> bytes:
    """A frame header of three components."""
    components = b"\x01\x22\x00\x02\x11\x01\x03\x11\x01"
    return segment(marker, struct.pack(">BHHB", 8, height, width, 3) + components)


def jpeg(width: int, height: int, *before_frame: bytes) -> bytes:
    """SOI, APP0, ``before_frame`` segments, SOF0 and EOI."""
    return b"\xff\xd8" + APP0 + b"".join(before_frame) + sof(0xC0, width, height) + b"\xff\xd9"


def webp_vp8x(width: int, height: int) -> bytes:
    """The RIFF header and VP8X chunk of an extended WebP."""
    chunk = b"VP8X" + struct.pack("<I", 10) + bytes(4)
    chunk += (width - 1).to_bytes(3, "little") + (height - 1).to_bytes(3, "little")
    return b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk


def mvhd(timescale: int, duration: int) -> bytes:
    """A version-0 movie header stating ``duration`` in ``timescale`` units a second."""
    fields = struct.pack(">IIIII", 0, 0, 0, timescale, duration)
    return box(b"mvhd", fields + struct.pack(">IH", 0x00010000, 0x0100) + bytes(10 + 36 + 28))


MP4_FTYP = box(b"ftyp", b"isom", struct.pack(">I", 512), b"isomiso2avc1mp41")


class TestPhotoFixtures:
    """The committed photos, as ffmpeg (or the generator, for HEIC) wrote them."""

    @pytest.mark.parametrize(("name", "size"), PHOTOS.items())
    def test_exact_size(self, name: str, size: tuple[int, int]) -> None:
        """Each photo reads as exactly the width and height it was made with."""
        with (MEDIA / name).open("rb") as file:
            assert image_size(file) == size

    @pytest.mark.parametrize("compression", [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED])
    @pytest.mark.parametrize(("name", "size"), PHOTOS.items())
    def test_size_from_zip_member(
        self, tmp_path: Path, name: str, size: tuple[int, int], compression: int
    ) -> None:
        """A photo inside a submission zip, stored or deflated, reads as from a file."""
        package = tmp_path / "package.zip"
        with zipfile.ZipFile(package, "w", compression) as archive:
            archive.write(MEDIA / name, f"照片/{name}")
        with zipfile.ZipFile(package) as archive, archive.open(f"照片/{name}") as member:
            assert image_size(cast("BinaryIO", member)) == size

    def test_progressive_fixture_is_progressive(self) -> None:
        """The progressive fixture has a SOF2 frame header and no baseline SOF0."""
        data = (MEDIA / "photo_320x240_progressive.jpg").read_bytes()
        assert b"\xff\xc2" in data
        assert b"\xff\xc0" not in data

    @pytest.mark.parametrize("name", [*VIDEOS, *UNKNOWN_VIDEOS])
    def test_videos_are_not_photos(self, name: str) -> None:
        """A video (an ISO-BMFF file without a still-image brand) or text has no photo size."""
        with (MEDIA / name).open("rb") as file:
            assert image_size(file) is None

    @pytest.mark.parametrize(("name", "size"), PHOTOS.items())
    def test_cut_short_is_none_or_exact(self, name: str, size: tuple[int, int]) -> None:
        """A photo cut off anywhere reads as its true size or as unmeasurable, never raises."""
        data = (MEDIA / name).read_bytes()
        results = {image_size(stream(data[:cut])) for cut in range(min(len(data), 2048))}
        assert results <= {None, size}
        assert image_size(stream(data[:12])) is None


class TestJpeg:
    """Walking JPEG marker segments to the first frame header."""

    def test_megabyte_of_exif_is_seeked_over(self) -> None:
        """1 MiB of EXIF and XMP segments before the frame is skipped by seeking, not read."""
        # One APPn segment holds at most 65533 bytes (its length is 16 bits): a 1 MiB EXIF
        # block is written as a run of APP1 segments, as extended XMP is.
        exif = segment(0xE1, b"Exif\0\0" + bytes(65527))
        xmp = [segment(0xE1, b"http://ns.adobe.com/xmp/extension/\0" + bytes(65498))] * 16
        data = jpeg(4032, 3024, exif, *xmp)
        assert len(data) > MIB
        counting = Counting(stream(data))
        assert image_size(cast("BinaryIO", counting)) == (4032, 3024)
        assert counting.bytes_read < 1024

    def test_exif_thumbnail_is_not_the_photo(self) -> None:
        """The thumbnail JPEG inside EXIF, with its own frame header, is skipped whole."""
        thumbnail = jpeg(160, 120)
        data = jpeg(4000, 3000, segment(0xE1, b"Exif\0\0" + thumbnail))
        assert image_size(stream(data)) == (4000, 3000)

    @pytest.mark.parametrize("marker", [0xC1, 0xC2, 0xC3, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF])
    def test_every_frame_kind(self, marker: int) -> None:
        """Extended, progressive, lossless and arithmetic-coded frame headers all give the size."""
        data = b"\xff\xd8" + APP0 + sof(marker, 321, 123) + b"\xff\xd9"
        assert image_size(stream(data)) == (321, 123)

    def test_fill_bytes_and_standalone_markers(self) -> None:
        """0xFF fill bytes before a marker and length-less markers (RSTn, TEM) are passed."""
        data = b"\xff\xd8" + APP0 + b"\xff\xff\xff\xd0\xff\x01" + sof(0xC0, 64, 48)
        assert image_size(stream(data)) == (64, 48)

    def test_huffman_table_is_not_a_frame(self) -> None:
        """DHT (0xC4), in the SOFn range, is skipped like any segment."""
        data = jpeg(800, 600, segment(0xC4, bytes(29)))
        assert image_size(stream(data)) == (800, 600)

    @pytest.mark.parametrize(
        ("data", "why"),
        [
            (b"\xff\xd8" + APP0 + b"\xff\xd9", "EOI before any frame"),
            (b"\xff\xd8" + APP0 + segment(0xDA, bytes(10)), "a scan before any frame"),
            (b"\xff\xd8" + APP0 + b"\x00" + sof(0xC0, 64, 48), "garbage between segments"),
            (b"\xff\xd8" + APP0 + b"\xff\x00" + sof(0xC0, 64, 48), "a stuffed byte"),
            (b"\xff\xd8\xff\xe0\x00\x01" + sof(0xC0, 64, 48), "a length shorter than itself"),
            (b"\xff\xd8" + APP0 + b"\xff\xc0\x00\x05\x08\x00", "a frame header too short"),
            (jpeg(640, 0), "a height left to a DNL marker after the scan"),
            (jpeg(0, 480), "no width"),
            (b"\xff\xd8" + APP0, "no frame before the end"),
        ],
    )
    def test_no_size(self, data: bytes, why: str) -> None:
        """A JPEG without a usable frame header before its data is unmeasurable."""
        assert image_size(stream(data)) is None, why

    def test_endless_fill_stops_at_the_budget(self) -> None:
        """3 MiB of fill bytes is given up after reading at most the header budget."""
        counting = Counting(stream(b"\xff\xd8" + b"\xff" * (3 * MIB)))
        assert image_size(cast("BinaryIO", counting)) is None
        assert counting.bytes_read <= MAX_HEADER_BYTES


class TestOtherPhotos:
    """PNG, GIF, WebP and HEIF headers."""

    @pytest.mark.parametrize("signature", [b"GIF87a", b"GIF89a"])
    def test_gif(self, signature: bytes) -> None:
        """A GIF's size is its logical screen's."""
        data = signature + struct.pack("<HHBBB", 500, 281, 0xF7, 0, 0) + bytes(16)
        assert image_size(stream(data)) == (500, 281)

    @pytest.mark.parametrize(
        ("data", "why"),
        [
            (png(0, 10), "a zero width"),
            (png(2**31, 10), "wider than PNG allows"),
            (png(10, 10).replace(b"IHDR", b"IDAT"), "IHDR not first"),
            (b"GIF89a" + bytes(7), "a zero size"),
            (webp_vp8x(10, 10).replace(b"VP8X", b"VP9 "), "an unknown WebP chunk"),
            (b"RIFF\0\0\0\0WEBPVP8 \0\0\0\0\x01\0\0\x9d\x01\x2a\x10\0\x10\0", "an inter frame"),
            (b"RIFF\0\0\0\0WEBPVP8 \0\0\0\0\0\0\0\0\0\0\x10\0\x10\0", "no start code"),
            (b"RIFF\0\0\0\0WEBPVP8L\0\0\0\0\x2e\0\0\0\0", "a bad VP8L signature"),
            (b"RIFF\0\0\0\0WEBPVP8L\0\0\0\0\x2f\0\0\0\xe0", "a VP8L version"),
            (b"RIFF\0\0\0\0AVI LIST\0\0\0\0\0\0\0\0", "a RIFF file not WebP"),
        ],
    )
    def test_no_size(self, data: bytes, why: str) -> None:
        """A damaged PNG, GIF or WebP header is unmeasurable."""
        assert image_size(stream(data)) is None, why

    def test_heif_takes_the_largest_image(self) -> None:
        """Of several ispe properties (thumbnail, grid tiles, primary) the largest is taken."""
        data = HEIF_FTYP + heif_meta(ispe(320, 240), ispe(4032, 3024), ispe(512, 512))
        assert image_size(stream(data)) == (4032, 3024)

    def test_heif_boxes_with_64_bit_and_open_sizes(self) -> None:
        """A 64-bit box size (size 1) and a last box that runs to its parent's end are followed."""
        free = struct.pack(">I", 1) + b"free" + struct.pack(">Q", 24) + bytes(8)
        last = struct.pack(">I", 0) + b"ispe" + bytes(4) + struct.pack(">II", 1000, 750)
        data = HEIF_FTYP + free + heif_meta(ispe(100, 75), last)
        assert image_size(stream(data)) == (1000, 750)

    @pytest.mark.parametrize(
        ("data", "why"),
        [
            (MP4_FTYP + heif_meta(ispe(64, 36)), "a video's brands"),
            (HEIF_FTYP + heif_meta(), "no ispe"),
            (HEIF_FTYP + box(b"mdat", bytes(100)), "no meta"),
            (HEIF_FTYP + full_box(b"meta", box(b"iprp", box(b"free"))), "no ipco"),
            (HEIF_FTYP + heif_meta(box(b"ispe", bytes(6))), "an ispe too short"),
            (HEIF_FTYP + struct.pack(">I", 4) + b"meta", "a box shorter than its header"),
            (HEIF_FTYP + struct.pack(">I", 1) + b"mdat" + struct.pack(">Q", 2**62), "too far"),
            (struct.pack(">I", 0) + b"ftypheic" + bytes(4) + b"mif1", "an open ftyp"),
        ],
    )
    def test_heif_no_size(self, data: bytes, why: str) -> None:
        """An ISO-BMFF file not a still image, or with damaged boxes, is unmeasurable."""
        assert image_size(stream(data)) is None, why

    @pytest.mark.parametrize("position", [2**32 + 1, 2**45, 2**47])
    def test_heif_box_past_what_a_file_system_holds(self, tmp_path: Path, position: int) -> None:
        """A box ending beyond the largest file a file system holds is damage, not an OSError."""
        path = tmp_path / "far.heic"
        path.write_bytes(HEIF_FTYP + struct.pack(">I", 1) + b"mdat" + struct.pack(">Q", position))
        with path.open("rb") as file:
            assert image_size(file) is None

    def test_heif_child_past_its_parent(self) -> None:
        """A box claiming to run past the end of the box that holds it is damage."""
        ipco = box(b"ipco", ispe(64, 36))
        broken = ipco[:8] + struct.pack(">I", 400) + ipco[12:]
        data = HEIF_FTYP + full_box(b"meta", box(b"iprp", broken))
        assert image_size(stream(data)) is None


class TestLargeFiles:
    """A 50 MB file costs what a small one does: skipped data is seeked over, not read."""

    def test_png_with_a_huge_tail(self, tmp_path: Path) -> None:
        """A PNG header followed by 50 MB is measured from its first bytes."""
        path = tmp_path / "huge.png"
        with path.open("wb") as file:
            file.write(png(6000, 4000))
            file.truncate(BIG)
        counting, opened = counted(path)
        with opened:
            assert image_size(cast("BinaryIO", counting)) == (6000, 4000)
        assert counting.bytes_read < MIB

    def test_heif_with_media_data_before_meta(self, tmp_path: Path) -> None:
        """A HEIF file whose 50 MB mdat comes before meta is measured by seeking past it."""
        path = tmp_path / "huge.heic"
        with path.open("wb") as file:
            file.write(HEIF_FTYP + struct.pack(">I", BIG) + b"mdat")
            file.seek(len(HEIF_FTYP) + BIG)
            file.write(heif_meta(ispe(8064, 6048)))
        counting, opened = counted(path)
        with opened:
            assert image_size(cast("BinaryIO", counting)) == (8064, 6048)
        assert counting.bytes_read < MIB

    def test_video_with_the_index_after_the_media(self, tmp_path: Path) -> None:
        """An MP4 whose moov follows 50 MB of mdat is measured reading under 1 MiB."""
        path = tmp_path / "huge.mp4"
        with path.open("wb") as file:
            file.write(MP4_FTYP + struct.pack(">I", BIG) + b"mdat")
            file.seek(len(MP4_FTYP) + BIG)
            file.write(box(b"moov", mvhd(90000, 90000 * 1234 + 45000)))
        counting, opened = counted(path)
        with opened:
            assert video_duration(cast("BinaryIO", counting)) == Decimal("1234.500")
        assert counting.bytes_read < MIB

    def test_video_with_the_index_first(self, tmp_path: Path) -> None:
        """An MP4 with moov first (``faststart``) and 50 MB of mdat after it reads its header."""
        path = tmp_path / "huge.mp4"
        with path.open("wb") as file:
            file.write(MP4_FTYP + box(b"moov", mvhd(1000, 3_600_000)))
            file.write(struct.pack(">I", BIG) + b"mdat")
            file.truncate(file.tell() + BIG - 8)
        counting, opened = counted(path)
        with opened:
            assert video_duration(cast("BinaryIO", counting)) == Decimal("3600.000")
        assert counting.bytes_read < MIB


class TestVideos:
    """Running times from container headers, through tinytag."""

    @pytest.mark.parametrize(("name", "duration"), VIDEOS.items())
    def test_exact_duration(self, name: str, duration: Decimal) -> None:
        """Each video reads as exactly the running time it was made with, to the millisecond."""
        with (MEDIA / name).open("rb") as file:
            measured = video_duration(file)
        assert measured == duration
        assert str(measured) == str(duration)  # no trailing zeros: reports say 200秒

    @pytest.mark.parametrize("name", UNKNOWN_VIDEOS)
    def test_unknown_duration(self, name: str) -> None:
        """A fragmented MP4 (it states 0 s), a truncated one and text are of unknown length."""
        with (MEDIA / name).open("rb") as file:
            assert video_duration(file) is None

    @pytest.mark.parametrize("name", PHOTOS)
    def test_photos_have_no_duration(self, name: str) -> None:
        """A photo, HEIF and AVIF included (ISO-BMFF files too), has no running time."""
        with (MEDIA / name).open("rb") as file:
            assert video_duration(file) is None

    def test_duration_from_zip_member(self, tmp_path: Path) -> None:
        """A video inside a deflated submission zip reads as from a file."""
        package = tmp_path / "package.zip"
        with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(MEDIA / "video_200s.mp4", "视频/宣传片.mp4")
        with zipfile.ZipFile(package) as archive, archive.open("视频/宣传片.mp4") as member:
            assert video_duration(cast("BinaryIO", member)) == Decimal("200.000")

    def test_stated_zero_is_unknown(self) -> None:
        """A header stating a duration of 0 is unknown, never 0 s."""
        assert video_duration(stream(MP4_FTYP + box(b"moov", mvhd(1000, 0)))) is None

    def test_no_timescale_is_unknown(self) -> None:
        """A header with a timescale of 0 gives no duration."""
        assert video_duration(stream(MP4_FTYP + box(b"moov", mvhd(0, 1000)))) is None

    @pytest.mark.parametrize(
        ("seconds", "expected"),
        [
            (1 / 3, Decimal("0.333")),
            (2 / 3, Decimal("0.667")),
            (0.0015, Decimal("0.002")),  # the float is a little over 0.0015
            (200.0, Decimal("200")),
            (1e300, Decimal(int(1e300))),
            (0.0004, None),
            (0.0, None),
            (-5.0, None),
            (float("nan"), None),
            (float("inf"), None),
            (None, None),
        ],
    )
    def test_rounding(self, seconds: float | None, expected: Decimal | None) -> None:
        """Durations round to the millisecond; zero, below 1 ms, negative or NaN are unknown."""
        assert _media._milliseconds(seconds) == expected

    def test_stream_failure_propagates(self) -> None:
        """An I/O error of the stream while tinytag parses is raised, not an unknown length."""
        data = (MEDIA / "video_200s.mp4").read_bytes()
        failing = Failing(data, after=64, error=OSError(errno.EIO, "I/O error"))
        with pytest.raises(OSError, match="I/O error"):
            video_duration(failing)

    def test_invalid_seek_is_damage(self) -> None:
        """EINVAL while parsing (a damaged header's seek before the start) is an unknown length."""
        data = (MEDIA / "video_200s.mp4").read_bytes()
        failing = Failing(data, after=64, error=OSError(errno.EINVAL, "Invalid argument"))
        assert video_duration(failing) is None

    def test_missing_tinytag_raises_import_error(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without the media extra, measuring a video raises ImportError for the caller."""
        monkeypatch.setitem(sys.modules, "tinytag", None)
        with (MEDIA / "video_10s.mov").open("rb") as file, pytest.raises(ImportError):
            video_duration(file)

    def test_photo_seek_failure_propagates(self) -> None:
        """A seek the stream cannot make for a reason of its own is raised, not None."""
        with (MEDIA / "photo_640x480.jpg").open("rb") as file:
            unseekable = Unseekable(cast("BinaryIO", file))
            with pytest.raises(OSError, match="seek failed"):
                image_size(cast("BinaryIO", unseekable))

    def test_photo_stream_failure_propagates(self) -> None:
        """An I/O error of the stream while a photo is measured is raised, not None."""
        data = (MEDIA / "photo_640x480.jpg").read_bytes()
        with pytest.raises(OSError, match="I/O error"):
            image_size(Failing(data, after=30, error=OSError(errno.EIO, "I/O error")))


sides = st.integers(min_value=1, max_value=65535)


class TestProperties:
    """Synthetic headers read back; arbitrary bytes never raise."""

    @given(sides, sides)
    def test_png_round_trip(self, width: int, height: int) -> None:
        """A PNG IHDR of any size reads back as that size."""
        assert image_size(stream(png(width, height))) == (width, height)

    @given(sides, sides)
    def test_jpeg_round_trip(self, width: int, height: int) -> None:
        """A baseline JPEG (SOI, APP0, SOF0, EOI) of any size reads back as that size."""
        assert image_size(stream(jpeg(width, height))) == (width, height)

    @given(sides, sides)
    def test_webp_vp8x_round_trip(self, width: int, height: int) -> None:
        """An extended WebP (VP8X) header of any size reads back as that size."""
        assert image_size(stream(webp_vp8x(width, height))) == (width, height)

    @given(st.integers(1, 16384), st.integers(1, 16384))
    def test_webp_vp8l_round_trip(self, width: int, height: int) -> None:
        """A lossless WebP (VP8L) header of any size it can hold reads back as that size."""
        bits = (width - 1) | (height - 1) << 14
        chunk = b"VP8L" + struct.pack("<IBI", 5, 0x2F, bits)
        data = b"RIFF" + struct.pack("<I", 4 + len(chunk)) + b"WEBP" + chunk
        assert image_size(stream(data)) == (width, height)

    @given(st.integers(1, 2**32 - 1), st.integers(1, 2**32 - 1))
    def test_heif_round_trip(self, width: int, height: int) -> None:
        """A HEIF ispe of any 32-bit size reads back as that size."""
        assert image_size(stream(HEIF_FTYP + heif_meta(ispe(width, height)))) == (width, height)

    @given(st.integers(1, 2**32 - 1), st.integers(1, 2**32 - 1))
    def test_mp4_duration_round_trip(self, timescale: int, duration: int) -> None:
        """An MP4 header's duration reads back as duration/timescale to the millisecond."""
        expected = (Decimal(duration) / Decimal(timescale)).quantize(Decimal("0.001"))
        measured = video_duration(stream(MP4_FTYP + box(b"moov", mvhd(timescale, duration))))
        if expected == 0:
            assert measured is None
        else:
            assert measured is not None
            # tinytag divides in binary floating point: at most one millisecond apart.
            assert abs(measured - expected) <= Decimal("0.001")

    @given(st.binary(max_size=2048))
    def test_random_bytes_never_raise(self, data: bytes) -> None:
        """Arbitrary bytes give a positive size or None, a positive duration or None."""
        size = image_size(stream(data))
        assert size is None or min(size) > 0
        duration = video_duration(stream(data))
        assert duration is None or duration > 0

    @given(
        st.sampled_from(
            [
                b"\xff\xd8",
                b"\xff\xd8\xff",
                b"\x89PNG\r\n\x1a\n",
                b"GIF89a",
                b"RIFF\0\0\0\0WEBPVP8 ",
                b"RIFF\0\0\0\0WEBPVP8L",
                b"RIFF\0\0\0\0WEBPVP8X",
                HEIF_FTYP,
                HEIF_FTYP + b"\0\0\1\0meta\0\0\0\0",
                MP4_FTYP,
                MP4_FTYP + b"\0\0\0\x80moov",
            ]
        ),
        st.binary(max_size=1024),
    )
    def test_random_bytes_after_a_signature_never_raise(self, head: bytes, tail: bytes) -> None:
        """Arbitrary bytes after a real signature never raise either."""
        size = image_size(stream(head + tail))
        assert size is None or min(size) > 0
        duration = video_duration(stream(head + tail))
        assert duration is None or duration > 0
