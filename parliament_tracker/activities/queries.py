"""Reading activities: the filtered, sorted, paginated list, one activity, its history and the audit trail."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from flask import abort
from sqlalchemy import Select, extract, func, or_, select
from sqlalchemy.orm import selectinload

from parliament_tracker.activities.models import Activity, ActivityArea, Participation
from parliament_tracker.audit import AuditRecord
from parliament_tracker.chambers.models import Chamber, Country
from parliament_tracker.extensions import db
from parliament_tracker.localised import date_text
from parliament_tracker.organisations.models import Organisation
from parliament_tracker.organisations.services import public_organisations

SORTS = {
    "start_desc": (Activity.start_date.desc(), Activity.id.desc()),
    "start_asc": (Activity.start_date.asc(), Activity.id.asc()),
    "title": (Activity.title.asc(), Activity.id.asc()),
    "updated": (Activity.updated_at.desc(), Activity.id.desc()),
}


@dataclass(frozen=True)
class ActivityFilter:
    q: str = ""
    area: str = ""
    activity_type: str = ""
    year: int | None = None
    donor: int | None = None
    region: str = ""
    chamber: str = ""
    sort: str = "start_desc"
    deleted: bool = False
    # Public readers (the open-data exports) search only what the public pages show: the title and the ref.
    public_text_only: bool = False
    # Activities of organisations that keep them private are listed only to their own staff (private_of: that
    # organisation's id) and to admins (every_organisation).
    private_of: int | None = None
    every_organisation: bool = False


@dataclass
class Page:
    """One page of results: items, the 1-based page number, the page size and the total across all pages."""

    items: list
    page: int
    per_page: int
    total: int
    pages: int = field(init=False)

    def __post_init__(self):
        self.pages = max(1, math.ceil(self.total / self.per_page))


def is_public():
    """WHERE condition: the activity's lead organisation publishes its activities."""
    return Activity.lead_organisation_id.in_(public_organisations())


def filtered_activities(filters: ActivityFilter) -> Select:
    stmt = select(Activity)
    stmt = stmt.where(Activity.deleted_at.is_not(None) if filters.deleted else Activity.deleted_at.is_(None))
    if not filters.every_organisation:
        stmt = stmt.where(or_(is_public(), Activity.lead_organisation_id == filters.private_of))
    for word in filters.q.split():
        pattern = f"%{word}%"
        columns = (Activity.title, Activity.ref) if filters.public_text_only else (
            Activity.title, Activity.ref, Activity.venue, Activity.description)
        stmt = stmt.where(or_(*(column.ilike(pattern) for column in columns)))
    if filters.area:
        stmt = stmt.where(Activity.area.has(ActivityArea.code == filters.area))
    if filters.activity_type:
        stmt = stmt.where(Activity.activity_type == filters.activity_type)
    if filters.year:
        stmt = stmt.where(extract("year", Activity.start_date) == filters.year)
    if filters.donor:
        stmt = stmt.where(Activity.donors.any(Organisation.id == filters.donor))
    if filters.chamber:
        stmt = stmt.where(Activity.participations.any(Participation.chamber.has(Chamber.code == filters.chamber)))
    if filters.region:
        in_region = Chamber.country.has(Country.m49_region == filters.region)
        stmt = stmt.where(Activity.participations.any(Participation.chamber.has(in_region)))
    return stmt


def list_activities(filters: ActivityFilter, page: int = 1, per_page: int = 50) -> Page:
    """Non-deleted activities (or only deleted ones, for the bin) matching every filter, one page of them."""
    stmt = filtered_activities(filters)
    total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    page = max(1, page)
    # the page counts each activity's participations and the API lists them: one statement for the whole page
    ordered = stmt.order_by(*SORTS.get(filters.sort, SORTS["start_desc"])).options(selectinload(Activity.participations))
    items = list(db.session.scalars(ordered.limit(per_page).offset((page - 1) * per_page)))
    return Page(items, page, per_page, total)


def list_participations(filters: ActivityFilter, role: str = "", status: str = "", page: int = 1,
                        per_page: int = 50) -> Page:
    """The participations in the live activities matching filters (only the chamber's own when filters.chamber is
    given), with the role and confirmation status when given; newest activity first, one page of them, each with
    its activity and chamber loaded (two statements for the page, whatever its size)."""
    activities = filtered_activities(filters).with_only_columns(Activity.id).order_by(None)
    stmt = select(Participation).join(Participation.activity).where(Participation.activity_id.in_(activities))
    if filters.chamber:
        stmt = stmt.where(Participation.chamber.has(Chamber.code == filters.chamber))
    if role:
        stmt = stmt.where(Participation.role == role)
    if status:
        stmt = stmt.where(Participation.status == status)
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery()))
    page = max(1, page)
    ordered = (stmt.order_by(Activity.start_date.desc(), Activity.id.desc(), Participation.id)
               .options(selectinload(Participation.activity)))
    return Page(list(db.session.scalars(ordered.limit(per_page).offset((page - 1) * per_page))), page, per_page, total)


def get_activity_or_404(activity_id: int, *, deleted: bool | None = False) -> Activity:
    """The activity; 404 when it is missing or (by default) in the bin. deleted=None accepts both."""
    activity = db.session.get(Activity, activity_id)
    if activity is None or (deleted is not None and activity.is_deleted != deleted):
        abort(404)
    return activity


def get_participation_or_404(activity: Activity, participation_id: int) -> Participation:
    participation = db.session.get(Participation, participation_id)
    if participation is None or participation.activity_id != activity.id:
        abort(404)
    return participation


def activity_history(activity: Activity) -> list[AuditRecord]:
    """Audit records of the activity itself and of its participations (current and removed), newest first."""
    label = f"% in activity {activity.id}"
    stmt = select(AuditRecord).where(or_(
        (AuditRecord.entity_type == "activities") & (AuditRecord.entity_id == activity.id),
        (AuditRecord.entity_type == "participations") & AuditRecord.entity_label.like(label),
    ))
    return list(db.session.scalars(stmt.order_by(AuditRecord.at.desc(), AuditRecord.id.desc())))


def activity_choices(exclude: int | None = None) -> list[tuple]:
    """(id, 'start date · title', options) of live activities, for the preceding-activity field (the date in the
    reader's words; the title is a proper name, marked so)."""
    stmt = select(Activity.id, Activity.start_date, Activity.title).where(Activity.deleted_at.is_(None))
    if exclude:
        stmt = stmt.where(Activity.id != exclude)
    rows = db.session.execute(stmt.order_by(Activity.start_date.desc()))
    return [(str(i), f"{date_text(start)} · {title}", {"data-proper-name": True}) for i, start, title in rows]


def year_choices() -> list[int]:
    """Years in which at least one live activity started, newest first."""
    years = extract("year", Activity.start_date)
    stmt = select(years).where(Activity.deleted_at.is_(None)).distinct().order_by(years.desc())
    return [int(y) for y in db.session.scalars(stmt) if y is not None]


@dataclass(frozen=True)
class AuditFilter:
    entity_type: str = ""
    user_id: int | None = None
    action: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def audit_trail(filters: AuditFilter, page: int = 1, per_page: int = 50) -> Page:
    """Audit records matching every filter, newest first, one page of them; dates are inclusive (UTC)."""
    stmt = select(AuditRecord)
    if filters.entity_type:
        stmt = stmt.where(AuditRecord.entity_type == filters.entity_type)
    if filters.user_id:
        stmt = stmt.where(AuditRecord.user_id == filters.user_id)
    if filters.action:
        stmt = stmt.where(AuditRecord.action == filters.action)
    if filters.date_from:
        stmt = stmt.where(AuditRecord.at >= dt.datetime.combine(filters.date_from, dt.time.min))
    if filters.date_to:
        stmt = stmt.where(AuditRecord.at < dt.datetime.combine(filters.date_to + dt.timedelta(days=1), dt.time.min))
    total = db.session.scalar(select(func.count()).select_from(stmt.subquery()))
    page = max(1, page)
    stmt = stmt.order_by(AuditRecord.at.desc(), AuditRecord.id.desc()).limit(per_page).offset((page - 1) * per_page)
    return Page(list(db.session.scalars(stmt)), page, per_page, total)


def audit_entity_types() -> list[str]:
    return list(db.session.scalars(select(AuditRecord.entity_type).distinct().order_by(AuditRecord.entity_type)))
