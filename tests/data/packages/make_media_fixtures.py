"""Make the photo and video fixtures of submission packages: small real files, mostly by ffmpeg.

Run from the project root (needs ``ffmpeg`` with libx264, libwebp and libaom, and
``jpegtran`` from libjpeg-turbo, both on the PATH: ``apt-get install ffmpeg
libjpeg-turbo-progs``)::

    .venv/bin/python tests/data/packages/make_media_fixtures.py

It writes into ``media/`` next to this script (each photo is one flat colour, each video a
still 64×36 picture, so the lot stays small):

- ``photo_640x480.jpg``: a baseline JPEG (SOF0), as ffmpeg's MJPEG encoder writes it.
- ``photo_320x240_progressive.jpg``: the same kind of picture made progressive (SOF2) by
  ``jpegtran``; ffmpeg's encoder writes baseline only.
- ``photo_800x600.png`` and ``photo_1920x1080.jpg``.
- ``photo_400x300.webp`` (lossy: a ``VP8`` chunk), ``photo_300x200_lossless.webp``
  (``VP8L``) and ``photo_240x160_alpha.webp`` (lossy with an alpha channel, which libwebp
  writes as the extended form: ``VP8X``, ``ALPH``, ``VP8``).
- ``photo_256x144.avif``: a real AVIF still by libaom; its size is in an ``ispe`` box.
- ``photo_512x384.heic``: built by hand below, because ffmpeg cannot write HEIC. It is a
  HEIF container only (ftyp ``heic``; meta with hdlr, pitm, iinf, iloc and iprp/ipco/ipma;
  a thumbnail's ``ispe`` of 160×120 before the primary image's 512×384) around a few
  placeholder bytes that are not HEVC: it exercises the header parser, not a decoder.
- ``video_200s.mp4`` (H.264, 200 s, the index ``moov`` after the media data as ffmpeg writes
  it by default), ``video_10s.mov`` (QuickTime, brand ``qt``) and ``video_5s.m4v`` (the
  ``ipod`` muxer: ffmpeg's own ``.m4v`` muxer writes a raw MPEG-4 stream, not a container).
- ``video_fragmented.mp4``: 10 s written as fragments (``frag_keyframe+empty_moov``): its
  header states a duration of 0, which must read as unknown.
- ``video_truncated.mp4``: the first 2 KiB of ``video_200s.mp4`` (its index is lost).
- ``not_a_video.mp4``: a line of text under a video's name.

The test suite reads only the committed files; it never runs this script or ffmpeg.
"""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).parent / "media"
COLOUR = "0x3a6ea5"
"""One flat colour for every picture: flat pictures compress to almost nothing."""
# ffmpeg writes no version strings or dates with these, so a rerun gives the same bytes.
BITEXACT = ("-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact")


def run(*command: str) -> None:
    """Run a tool found on the PATH; stop on its first error."""
    tool = shutil.which(command[0])
    if tool is None:
        sys.exit(f"{command[0]} is needed to make the fixtures")
    subprocess.run(  # noqa: S603 - fixed arguments, run by hand by a developer
        [tool, *command[1:]], check=True
    )


def ffmpeg(*arguments: str) -> None:
    """Run ffmpeg quietly, overwriting its output."""
    run("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", *arguments)


def picture(width: int, height: int, *encoding: str, target: Path, filters: str = "") -> None:
    """One frame of flat colour, passed through ``filters`` and encoded as ``encoding`` says."""
    source = f"color=c={COLOUR}:s={width}x{height}{filters}"
    ffmpeg("-f", "lavfi", "-i", source, "-frames:v", "1", *encoding, *BITEXACT, str(target))


def video(seconds: int, *container: str, target: Path) -> None:
    """A still 64×36 H.264 video of ``seconds`` at 25 frames a second."""
    ffmpeg(
        "-f", "lavfi", "-i", f"color=c={COLOUR}:s=64x36:d={seconds}",
        "-c:v", "libx264", "-preset", "ultrafast", "-tune", "stillimage", "-pix_fmt", "yuv420p",
        *BITEXACT, *container, str(target),
    )  # fmt: skip


def box(kind: bytes, *payload: bytes) -> bytes:
    """An ISO-BMFF box: its 32-bit size, its type, its payload."""
    body = b"".join(payload)
    return struct.pack(">I", 8 + len(body)) + kind + body


def full_box(kind: bytes, version: int, *payload: bytes) -> bytes:
    """An ISO-BMFF full box: a box whose payload starts with a version and 24 bits of flags."""
    return box(kind, struct.pack(">I", version << 24), *payload)


def heic(width: int, height: int) -> bytes:
    """A minimal HEIF file: a primary image of (width, height) with a 160×120 thumbnail.

    Only the boxes a reader of the header needs are real; the two items' data are a few
    placeholder bytes in ``mdat``, not HEVC.
    """
    ftyp = box(b"ftyp", b"heic", struct.pack(">I", 0), b"mif1", b"heic")
    hdlr = full_box(b"hdlr", 0, bytes(4), b"pict", bytes(12), b"\0")
    pitm = full_box(b"pitm", 0, struct.pack(">H", 1))
    iinf = full_box(
        b"iinf",
        0,
        struct.pack(">H", 2),
        full_box(b"infe", 2, struct.pack(">HH", 1, 0), b"hvc1", b"\0"),
        full_box(b"infe", 2, struct.pack(">HH", 2, 0), b"hvc1", b"\0"),
    )
    iref = full_box(b"iref", 0, box(b"thmb", struct.pack(">HHH", 2, 1, 1)))
    # The thumbnail's size comes first: a reader must not stop at the first ispe.
    ipco = box(
        b"ipco",
        full_box(b"ispe", 0, struct.pack(">II", 160, 120)),
        full_box(b"ispe", 0, struct.pack(">II", width, height)),
    )
    # Item 1 (primary) has property 2 (its ispe), item 2 (thumbnail) property 1; 0x80 = essential.
    ipma = full_box(b"ipma", 0, struct.pack(">IHBBHBB", 2, 1, 1, 0x80 | 2, 2, 1, 0x80 | 1))
    iprp = box(b"iprp", ipco, ipma)
    placeholder = (b"primary\0", b"thumb\0\0\0")

    def meta(data_start: int) -> bytes:
        """The meta box, its iloc pointing into mdat's payload at ``data_start``."""
        extents = b"".join(
            struct.pack(">HHHII", item, 0, 1, data_start + 8 * (item - 1), len(data))
            for item, data in enumerate(placeholder, start=1)
        )
        iloc = full_box(b"iloc", 0, bytes([0x44, 0x00]), struct.pack(">H", 2), extents)
        return full_box(b"meta", 0, hdlr, pitm, iinf, iref, iloc, iprp)

    # meta's size does not depend on the offsets in it, so measure it once with a dummy.
    data_start = len(ftyp) + len(meta(0)) + 8
    return ftyp + meta(data_start) + box(b"mdat", *placeholder)


def main() -> None:
    """Write the fixtures into ``media/`` next to this script."""
    HERE.mkdir(exist_ok=True)
    picture(640, 480, "-q:v", "5", target=HERE / "photo_640x480.jpg")
    with tempfile.TemporaryDirectory() as temp:
        baseline = Path(temp) / "baseline.jpg"
        picture(320, 240, "-q:v", "5", target=baseline)
        target = HERE / "photo_320x240_progressive.jpg"
        run("jpegtran", "-progressive", "-copy", "none", "-outfile", str(target), str(baseline))
    picture(800, 600, target=HERE / "photo_800x600.png")
    picture(1920, 1080, "-q:v", "5", target=HERE / "photo_1920x1080.jpg")
    lossy = ("-c:v", "libwebp", "-lossless", "0", "-quality", "50")
    picture(400, 300, *lossy, target=HERE / "photo_400x300.webp")
    picture(
        300, 200, "-c:v", "libwebp", "-lossless", "1", target=HERE / "photo_300x200_lossless.webp"
    )
    # The colour source has no alpha channel: add one at half opacity, or libwebp writes VP8.
    picture(
        240,
        160,
        *lossy,
        "-pix_fmt",
        "yuva420p",
        filters=",format=yuva420p,colorchannelmixer=aa=0.5",
        target=HERE / "photo_240x160_alpha.webp",
    )
    picture(
        256,
        144,
        "-c:v", "libaom-av1", "-still-picture", "1", "-cpu-used", "8", "-crf", "50",
        "-pix_fmt", "yuv420p", "-f", "avif",
        target=HERE / "photo_256x144.avif",
    )  # fmt: skip
    (HERE / "photo_512x384.heic").write_bytes(heic(512, 384))

    long_video = HERE / "video_200s.mp4"
    video(200, target=long_video)
    video(10, "-f", "mov", target=HERE / "video_10s.mov")
    video(5, "-f", "ipod", target=HERE / "video_5s.m4v")
    video(10, "-movflags", "frag_keyframe+empty_moov", target=HERE / "video_fragmented.mp4")
    (HERE / "video_truncated.mp4").write_bytes(long_video.read_bytes()[:2048])
    (HERE / "not_a_video.mp4").write_bytes("这不是视频, just text under a video's name.\n".encode())


if __name__ == "__main__":
    main()
