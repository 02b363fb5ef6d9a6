"""Benchmark parse_notice over the notices of the test suite, and a very long notice.

Run with ``make bench``. Prints the time per notice (best of five) for each fixture, for
one notice of two fixtures repeated to about 1 MB, to show the time grows with the length of
the text and no faster, and for long lines without a full stop.
"""

from __future__ import annotations

import timeit
from pathlib import Path

from sci_workers_day import parse_notice

NOTICES = sorted((Path(__file__).parents[1] / "tests" / "data" / "notices").glob("*.txt"))


def main() -> None:
    """Print the time per notice and per KB of text."""
    texts = {path.stem: path.read_text("utf-8") for path in NOTICES}
    total_bytes = 0
    total_seconds = 0.0
    for name, text in texts.items():
        seconds = min(timeit.repeat(lambda text=text: parse_notice(text), number=20, repeat=5)) / 20
        size = len(text.encode("utf-8"))
        total_bytes += size
        total_seconds += seconds
        print(f"{name:34} {size / 1024:6.1f} KB  {seconds * 1e3:7.2f} ms")
    print(f"{'all':34} {total_bytes / 1024:6.1f} KB  {total_seconds * 1e3:7.2f} ms")
    print(f"per KB of notice: {total_seconds / (total_bytes / 1024) * 1e3:.2f} ms")
    # Notices without a web page's tail, which would cut the rest off and flatter the figure.
    joined = "\n".join(texts[name] for name in ("seed_002_jinzhong_2024", "county_plan_2025"))
    long = "\n".join([joined] * max(1, (1 << 20) // len(joined.encode("utf-8"))))
    seconds = min(timeit.repeat(lambda: parse_notice(long), number=1, repeat=3))
    size = len(long.encode("utf-8")) / 1024
    print(f"one notice of {size:.0f} KB: {seconds:.2f} s ({seconds / size * 1e3:.2f} ms per KB)")
    # Lines without a full stop, which made two searches quadratic before they were bounded.
    title = "关于举办2024年科技活动周的通知\n"
    for label, text in (
        ("400 KB of 为深入贯彻落实，", title + "为深入贯彻落实，" * 17_000),
        ("100 KB of 5月1日、", title + "5月1日、" * 8_000),
        (
            "100 KB of 5月1日、 in an activity",
            title + "一、活动安排\n1.讲座\n" + "5月1日、" * 8_000,
        ),
    ):
        seconds = min(timeit.repeat(lambda text=text: parse_notice(text), number=1, repeat=3))
        print(f"{label}: {seconds:.2f} s")


if __name__ == "__main__":
    main()
