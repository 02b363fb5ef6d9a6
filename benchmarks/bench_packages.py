"""Benchmark an inbox: 300 submission packages read, measured and validated end to end.

Run with ``make bench``. Each package is a zip, as units send them: the return as an
``.xlsx`` form, a summary report, four photos (全景/特写) and one 200-second video, from the
test suite's media fixtures. Prints the time for the whole inbox and per package, and the
time ``load_submission`` alone takes.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import time
import zipfile
from pathlib import Path

from sci_workers_day import (
    Campaign,
    Organizer,
    StatisticsReturn,
    load_submission,
    validate_packages,
    write_return,
)

MEDIA = Path(__file__).parents[1] / "tests" / "data" / "packages" / "media"
PACKAGES = 300
CAMPAIGN = Campaign.model_validate(
    {
        "title": "关于举办2024年晋中市科技活动周的通知",
        "kinds": ["science_week"],
        "year": 2024,
        "reporting": {
            "deadline": "2024-06-08",
            "max_video_seconds": 300,
            "required_shots": ["panorama", "close_up"],
            "materials": ["开展情况统计表", "总结报告", "影像资料"],
            "min_photo_pixels": 640 * 480,
        },
    }
)


def build(folder: Path) -> list[Path]:
    """Write the inbox: one zip per unit."""
    photos = {
        "照片/启动仪式/全景1.jpg": MEDIA / "photo_640x480.jpg",
        "照片/启动仪式/特写1.png": MEDIA / "photo_800x600.png",
        "照片/科普讲座/全景2.jpg": MEDIA / "photo_1920x1080.jpg",
        "照片/科普讲座/特写2.jpg": MEDIA / "photo_640x480.jpg",
        "视频/宣传片.mp4": MEDIA / "video_200s.mp4",
    }
    paths = []
    for number in range(PACKAGES):
        unit = f"第{number}县科学技术局"
        form = folder / f"form{number}.xlsx"
        write_return(
            StatisticsReturn(reporting_unit=Organizer(name=unit), activity_count=number), form
        )
        target = folder / f"{unit}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(form, f"{unit}/开展情况统计表.xlsx")
            archive.writestr(f"{unit}/活动总结报告.txt", "2024年科技活动周总结\n" * 50)
            for name, source in photos.items():
                archive.write(source, f"{unit}/{name}")
        paths.append(target)
    return paths


def main() -> None:
    """Print the inbox's time, per package, and load_submission's share."""
    with tempfile.TemporaryDirectory() as folder:
        paths = build(Path(folder))
        start = time.perf_counter()
        for path in paths:
            load_submission(path, submitted_on=dt.date(2024, 6, 8))
        loading = time.perf_counter() - start
        start = time.perf_counter()
        arrived = {path.name: dt.date(2024, 6, 8) for path in paths}
        # The forms leave most figures blank: the benchmark is about reading, not blanks.
        policy = {"missing-value": "off"}
        inbox = validate_packages(paths, campaign=CAMPAIGN, submitted_on=arrived, policy=policy)
        total = time.perf_counter() - start
    each = total / PACKAGES * 1e3
    print(f"validate_packages, {PACKAGES} packages: {total:.2f} s ({each:.1f} ms each)")
    print(f"load_submission alone: {loading:.2f} s ({loading / PACKAGES * 1e3:.1f} ms each)")
    print(f"complete: {len(inbox.complete)}, with errors: {len(inbox.incomplete)}")
    codes = sorted({code for r in inbox.results if r.report for code in r.report.codes})
    print(f"rules that fired: {', '.join(codes) or 'none'}")


if __name__ == "__main__":
    main()
