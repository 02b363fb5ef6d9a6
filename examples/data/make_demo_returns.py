"""Write the demo's county returns: three clean forms and one with several problems.

Run from the repository root: ``.venv/bin/python examples/data/make_demo_returns.py``. The
``.xls`` copy is made by LibreOffice (``soffice``), as units who save from WPS or an old Excel
send them; the generated files are committed, so the demo needs neither.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path

import openpyxl

from sci_workers_day import (
    Campaign,
    StatisticsReturn,
    write_return,
    write_return_template,
)

HERE = Path(__file__).parent
OUT = HERE / "returns"
CAMPAIGN = Campaign.model_validate_json(
    (HERE.parent / "campaigns" / "2024-jinzhong-science-week.json").read_bytes()
)
CLEAN = {
    "太谷区科学技术局": ("140703", 12, "3.5", 1200),
    "榆次区科学技术局": ("140702", 18, "6", 2600),
    "祁县科技局": ("140727", 7, "1.2", 640),
}
# Typed into the blank form as a unit would: by the row labels it sees.
FAULTY = {
    "科普活动开展次数（次）": "若干",
    "县级财政经费投入": -3,
    "市级财政经费投入": "0.8万元",
    "招募科技志愿者数量": 12.5,
    "线下活动群众参与数量": "1,200",
    "线上活动群众参与数量": "无",
}


def clean(unit: str, code: str, count: int, county: str, offline: int) -> StatisticsReturn:
    """A complete, correct return for ``unit``."""
    return StatisticsReturn.model_validate(
        {
            "reporting_unit": {"name": unit, "region_code": code},
            "campaign_title": CAMPAIGN.title,
            "filled_on": "2024-06-05",
            "activity_count": count,
            "funding": {
                "county": Decimal(county),
                "municipal": Decimal("0.5"),
                "central": 0,
                "provincial": 0,
                "enterprise": Decimal("0.3"),
                "in_kind": 0,
                "other": 0,
            },
            "staff": {"full_time": 6, "sci_tech_workers": 40, "volunteers": 25, "others": 10},
            "public": {"offline": offline, "online": offline * 3},
            "publicity": {"media_outlets": 4, "reports": 9},
            "opened": {"venues": 2, "institutes": 1, "universities": 0},
        }
    )


def faulty(target: Path) -> None:
    """The blank form typed into with the mistakes units make."""
    write_return_template(target, campaign=CAMPAIGN)
    book = openpyxl.load_workbook(target)
    sheet = book["统计表"]
    sheet["B2"] = "平遥县科学技术协会"
    sheet["B3"] = "2024年6月10日"
    for row in sheet.iter_rows():
        label = row[1].value or row[0].value
        if isinstance(label, str) and label in FAULTY:
            row[2].value = FAULTY[label]
    book.save(target)


def main() -> None:
    """Write every demo return."""
    OUT.mkdir(exist_ok=True)
    for unit, (code, count, county, offline) in CLEAN.items():
        write_return(clean(unit, code, count, county, offline), OUT / f"{unit}.xlsx")
    faulty(OUT / "平遥县科学技术协会.xlsx")
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice not found: 榆次区 stays .xlsx")
        return
    with tempfile.TemporaryDirectory() as folder:
        source = OUT / "榆次区科学技术局.xlsx"
        subprocess.run(  # noqa: S603 - our own arguments
            [soffice, "--headless", "--convert-to", "xls", "--outdir", folder, str(source)],
            check=True,
            capture_output=True,
        )
        shutil.move(Path(folder) / "榆次区科学技术局.xls", OUT / "榆次区科学技术局.xls")
        source.unlink()


if __name__ == "__main__":
    main()
