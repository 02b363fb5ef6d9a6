"""sci_workers_day: campaigns, activities and statistics returns of China's S&T Workers' Day.

A typed domain model for the campaigns that science associations (科协) and science bureaus
(科技局) run for 全国科技工作者日 (30 May), 科技活动周 and 全国科普日: what their notices say,
what units report, and the administrative divisions they report from.
"""

# Names load on first use (PEP 562): ``import sci_workers_day`` costs almost nothing, and a
# program that only reads returns never builds the notice parser or imports openpyxl.
import importlib
from typing import TYPE_CHECKING

from sci_workers_day.errors import (
    DatePhraseError,
    DocumentNumberError,
    NoticeError,
    PackageError,
    ParseError,
    RegionNotFoundError,
    SciWorkersDayError,
    UnknownRuleError,
    WorkbookError,
)

if TYPE_CHECKING:
    from sci_workers_day.dates import DateWindow, DayPart
    from sci_workers_day.formats.activities import load_activities, write_activities
    from sci_workers_day.formats.annotate import annotate_workbook
    from sci_workers_day.formats.ical import to_ical
    from sci_workers_day.formats.notice import NoticeDraft, load_notice, parse_notice
    from sci_workers_day.formats.package import load_submission
    from sci_workers_day.formats.returns import (
        NONE_TOKENS,
        load_return,
        write_return,
        write_return_template,
    )
    from sci_workers_day.formats.summary import write_summary
    from sci_workers_day.inbox import Inbox, PackageResult, validate_packages
    from sci_workers_day.model.activity import Activity, ActivityMode
    from sci_workers_day.model.campaign import Campaign, CampaignKind, edition_of, year_of_edition
    from sci_workers_day.model.contact import Contact
    from sci_workers_day.model.document import DocumentNumber, DocumentReference
    from sci_workers_day.model.media import MediaItem, Photo, ShotType, Video
    from sci_workers_day.model.organizer import Organizer, OrganizerKind
    from sci_workers_day.model.region import Level, Region, RegionTable, region_table
    from sci_workers_day.model.reporting import ReportingRequirements
    from sci_workers_day.model.returns import (
        FIGURES,
        Figure,
        Funding,
        FundingCategory,
        OpenedSites,
        Participation,
        Publicity,
        Staff,
        StatisticsReturn,
    )
    from sci_workers_day.model.submission import Submission, SummaryReport
    from sci_workers_day.model.venue import Designation, Venue, VenueKind
    from sci_workers_day.phrases import parse_deadline, parse_window
    from sci_workers_day.report import (
        REPORT_VERSION,
        Explanation,
        Finding,
        Outcome,
        Report,
        ReportDiff,
        Severity,
    )
    from sci_workers_day.rollup import aggregate, validate_rollup
    from sci_workers_day.rules import Rule, RuleSubject, rule_catalogue
    from sci_workers_day.validation import validate

__version__ = "0.1.0"

_LAZY = {
    "DateWindow": "sci_workers_day.dates",
    "DayPart": "sci_workers_day.dates",
    "load_activities": "sci_workers_day.formats.activities",
    "write_activities": "sci_workers_day.formats.activities",
    "annotate_workbook": "sci_workers_day.formats.annotate",
    "to_ical": "sci_workers_day.formats.ical",
    "NoticeDraft": "sci_workers_day.formats.notice",
    "load_notice": "sci_workers_day.formats.notice",
    "parse_notice": "sci_workers_day.formats.notice",
    "load_submission": "sci_workers_day.formats.package",
    "NONE_TOKENS": "sci_workers_day.formats.returns",
    "load_return": "sci_workers_day.formats.returns",
    "write_return": "sci_workers_day.formats.returns",
    "write_return_template": "sci_workers_day.formats.returns",
    "write_summary": "sci_workers_day.formats.summary",
    "Inbox": "sci_workers_day.inbox",
    "PackageResult": "sci_workers_day.inbox",
    "validate_packages": "sci_workers_day.inbox",
    "Activity": "sci_workers_day.model.activity",
    "ActivityMode": "sci_workers_day.model.activity",
    "Campaign": "sci_workers_day.model.campaign",
    "CampaignKind": "sci_workers_day.model.campaign",
    "edition_of": "sci_workers_day.model.campaign",
    "year_of_edition": "sci_workers_day.model.campaign",
    "Contact": "sci_workers_day.model.contact",
    "DocumentNumber": "sci_workers_day.model.document",
    "DocumentReference": "sci_workers_day.model.document",
    "MediaItem": "sci_workers_day.model.media",
    "Photo": "sci_workers_day.model.media",
    "ShotType": "sci_workers_day.model.media",
    "Video": "sci_workers_day.model.media",
    "Organizer": "sci_workers_day.model.organizer",
    "OrganizerKind": "sci_workers_day.model.organizer",
    "Level": "sci_workers_day.model.region",
    "Region": "sci_workers_day.model.region",
    "RegionTable": "sci_workers_day.model.region",
    "region_table": "sci_workers_day.model.region",
    "ReportingRequirements": "sci_workers_day.model.reporting",
    "FIGURES": "sci_workers_day.model.returns",
    "Figure": "sci_workers_day.model.returns",
    "Funding": "sci_workers_day.model.returns",
    "FundingCategory": "sci_workers_day.model.returns",
    "OpenedSites": "sci_workers_day.model.returns",
    "Participation": "sci_workers_day.model.returns",
    "Publicity": "sci_workers_day.model.returns",
    "Staff": "sci_workers_day.model.returns",
    "StatisticsReturn": "sci_workers_day.model.returns",
    "Submission": "sci_workers_day.model.submission",
    "SummaryReport": "sci_workers_day.model.submission",
    "Designation": "sci_workers_day.model.venue",
    "Venue": "sci_workers_day.model.venue",
    "VenueKind": "sci_workers_day.model.venue",
    "parse_deadline": "sci_workers_day.phrases",
    "parse_window": "sci_workers_day.phrases",
    "REPORT_VERSION": "sci_workers_day.report",
    "Explanation": "sci_workers_day.report",
    "Finding": "sci_workers_day.report",
    "Outcome": "sci_workers_day.report",
    "Report": "sci_workers_day.report",
    "ReportDiff": "sci_workers_day.report",
    "Severity": "sci_workers_day.report",
    "aggregate": "sci_workers_day.rollup",
    "validate_rollup": "sci_workers_day.rollup",
    "Rule": "sci_workers_day.rules",
    "RuleSubject": "sci_workers_day.rules",
    "rule_catalogue": "sci_workers_day.rules",
    "validate": "sci_workers_day.validation",
}


if not TYPE_CHECKING:  # type checkers see the imports above, and flag a misspelled name

    def __getattr__(name: str) -> object:
        module = _LAZY.get(name)
        if module is None:
            msg = f"module {__name__!r} has no attribute {name!r}"
            raise AttributeError(msg)
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value  # the next access is a plain lookup
        return value


def __dir__() -> list[str]:
    return sorted([*__all__, "__version__"])


__all__ = [
    "FIGURES",
    "NONE_TOKENS",
    "REPORT_VERSION",
    "Activity",
    "ActivityMode",
    "Campaign",
    "CampaignKind",
    "Contact",
    "DatePhraseError",
    "DateWindow",
    "DayPart",
    "Designation",
    "DocumentNumber",
    "DocumentNumberError",
    "DocumentReference",
    "Explanation",
    "Figure",
    "Finding",
    "Funding",
    "FundingCategory",
    "Inbox",
    "Level",
    "MediaItem",
    "NoticeDraft",
    "NoticeError",
    "OpenedSites",
    "Organizer",
    "OrganizerKind",
    "Outcome",
    "PackageError",
    "PackageResult",
    "ParseError",
    "Participation",
    "Photo",
    "Publicity",
    "Region",
    "RegionNotFoundError",
    "RegionTable",
    "Report",
    "ReportDiff",
    "ReportingRequirements",
    "Rule",
    "RuleSubject",
    "SciWorkersDayError",
    "Severity",
    "ShotType",
    "Staff",
    "StatisticsReturn",
    "Submission",
    "SummaryReport",
    "UnknownRuleError",
    "Venue",
    "VenueKind",
    "Video",
    "WorkbookError",
    "__version__",
    "aggregate",
    "annotate_workbook",
    "edition_of",
    "load_activities",
    "load_notice",
    "load_return",
    "load_submission",
    "parse_deadline",
    "parse_notice",
    "parse_window",
    "region_table",
    "rule_catalogue",
    "to_ical",
    "validate",
    "validate_packages",
    "validate_rollup",
    "write_activities",
    "write_return",
    "write_return_template",
    "write_summary",
    "year_of_edition",
]
