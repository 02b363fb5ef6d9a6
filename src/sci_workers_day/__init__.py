"""sci_workers_day: campaigns, activities and statistics returns of China's S&T Workers' Day.

A typed domain model for the campaigns that science associations (科协) and science bureaus
(科技局) run for 全国科技工作者日 (30 May), 科技活动周 and 全国科普日: what their notices say,
what units report, and the administrative divisions they report from.
"""

from sci_workers_day.dates import DateWindow, DayPart
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
from sci_workers_day.formats.activities import load_activities, write_activities
from sci_workers_day.formats.annotate import annotate_workbook
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
from sci_workers_day.validate import validate

__version__ = "0.1.0"

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
    "validate",
    "validate_packages",
    "validate_rollup",
    "write_activities",
    "write_return",
    "write_return_template",
    "write_summary",
    "year_of_edition",
]
