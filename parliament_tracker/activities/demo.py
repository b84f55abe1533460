"""Synthetic, clearly labelled demo history: every title starts with [Demo] and every row has is_demo set."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import delete, exists, func, select, update

from parliament_tracker.activities.demo_partners import partner_activities, partner_organisations
from parliament_tracker.activities.models import Activity, ActivityArea, Participation
from parliament_tracker.audit import AuditRecord
from parliament_tracker.chambers.models import Chamber, Country
from parliament_tracker.database import unit_of_work
from parliament_tracker.extensions import db
from parliament_tracker.organisations.models import Organisation, activity_partners
from parliament_tracker.organisations.services import home_organisation

DEMO_DONORS = ("[Demo] European Commission", "[Demo] UNDP", "[Demo] Government of Italy",
               "[Demo] Open Parliament Foundation")
# Relative chance of being invited, by income group: the divide the centre's own reports describe.
INCOME_WEIGHT = {"high": 1.0, "upper_middle": 0.9, "lower_middle": 0.7, "low": 0.45, None: 0.6}
# (area code, activity type, title, how many per year, how many chambers take part: (low, high))
PLAN = (
    ("advocacy", "conference", "World e-Parliament Conference {year}", 1, (40, 90)),
    ("advocacy", "conference", "High-level meeting on open parliamentary data, {region}", 1, (8, 20)),
    ("awareness", "workshop", "Regional workshop on ICT in parliament, {region}", 4, (6, 18)),
    ("awareness", "study_visit", "Study visit on legislative information systems", 2, (2, 5)),
    ("awareness", "training", "Training course for parliamentary ICT staff, {region}", 2, (5, 14)),
    ("research", "research", "World e-Parliament survey {year}: responding chambers", 1, (60, 130)),
    ("research", "mission", "e-Readiness assessment mission to {country}", 5, (1, 1)),
    ("information", "information_service", "Answer to an information request on {topic}", 6, (1, 3)),
    ("information", "webinar", "Webinar: {topic}", 2, (10, 35)),
)
TOPICS = ("XML for legislative documents", "parliamentary websites", "open data", "video streaming of sittings",
          "ICT strategic planning", "library and research systems")


@dataclass
class DemoReport:
    activities: int
    participations: int


def demo_present() -> bool:
    return bool(db.session.scalar(select(exists().where(Activity.is_demo.is_(True)))))


def _pick(rng: random.Random, pool: list[tuple[Chamber, Country]], count: int) -> list[Chamber]:
    weights = [INCOME_WEIGHT.get(country.income_group, 0.6) for _, country in pool]
    chosen: dict[int, Chamber] = {}
    while len(chosen) < min(count, len(pool)):
        chamber, _ = rng.choices(pool, weights=weights)[0]
        chosen[chamber.id] = chamber
    return list(chosen.values())


def _participation(rng: random.Random, chamber: Chamber, role: str = "beneficiary") -> Participation:
    participants = rng.randint(1, 6)
    return Participation(chamber=chamber, role=role, participants=participants,
                         women=rng.randint(0, participants), members=rng.randint(0, participants // 2),
                         ict_staff=rng.randint(0, participants), status="claimed")


def load_demo(first_year: int = 2005, last_year: int = 2015, seed: int = 2005) -> DemoReport:
    """Add about ten years of synthetic activities over the registry; refuses when demo data is present."""
    if demo_present():
        raise ValueError("Demo data is already loaded; run 'flask demo clear' first.")
    rng = random.Random(seed)
    home = home_organisation()
    areas = {a.code: a for a in db.session.scalars(select(ActivityArea))}
    donors = [db.session.scalar(select(Organisation).where(Organisation.name == n)) or Organisation(name=n, is_demo=True)
              for n in DEMO_DONORS]
    rows = list(db.session.execute(select(Chamber, Country).join(Chamber.country).order_by(Chamber.code)))
    if not rows:
        raise ValueError("The registry is empty; run 'flask registry load' first.")
    experts = [(c, k) for c, k in rows if k.income_group == "high"]
    activities, participations = [], 0
    for year in range(first_year, last_year + 1):
        live = [(c, k) for c, k in rows if c.existed_between(dt.date(year, 1, 1), dt.date(year, 12, 31))]
        for area_code, kind, title, per_year, (low, high) in PLAN:
            for _ in range(per_year):
                region = rng.choice(sorted({k.m49_region for _, k in live}))
                pool = [(c, k) for c, k in live if "{region}" not in title or k.m49_region == region]
                chambers = _pick(rng, pool, rng.randint(low, high))
                start = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
                activity = Activity(
                    title="[Demo] " + title.format(year=year, region=region, topic=rng.choice(TOPICS),
                                                   country=chambers[0].country.name),
                    area=areas[area_code], activity_type=kind, start_date=start, lead_organisation=home,
                    end_date=start + dt.timedelta(days=rng.randint(0, 4)), is_demo=True,
                    venue="Online" if kind == "webinar" else rng.choice(("Rome", "Geneva", "New York", "Nairobi",
                                                                         "Brussels", "Panama City", "Bangkok")),
                    online=kind == "webinar", description="Synthetic demo record.",
                    donors=rng.sample(donors, rng.randint(1, 2)),
                )
                activity.participations = [_participation(rng, c) for c in chambers]
                if kind == "mission" and experts:
                    expert = rng.choice([c for c, _ in experts if c.id != chambers[0].id])
                    activity.participations.append(_participation(rng, expert, "expert"))
                participations += len(activity.participations)
                activities.append(activity)
    existing = {o.name: o for o in db.session.scalars(select(Organisation).where(Organisation.is_demo.is_(True)))}
    countries = {k.iso2: k for _c, k in rows}
    partners = partner_organisations(existing, countries)
    activities += partner_activities(rng, partners, activities, areas)
    participations = sum(len(a.participations) for a in activities)
    with unit_of_work():
        db.session.add_all(activities)
        db.session.add(AuditRecord(entity_type="demo", entity_label="demo data", action="create",
                                   after={"activities": len(activities), "participations": participations}))
    return DemoReport(len(activities), participations)


def clear_demo() -> DemoReport:
    """Delete exactly the demo activities, their participations and the demo donors no account uses."""
    from parliament_tracker.auth.models import User

    demo_ids = select(Activity.id).where(Activity.is_demo.is_(True))
    count = db.session.scalar(select(func.count()).select_from(demo_ids.subquery()))
    with unit_of_work():
        parts = db.session.execute(delete(Participation).where(Participation.activity_id.in_(demo_ids))).rowcount
        db.session.execute(delete(activity_partners).where(activity_partners.c.activity_id.in_(demo_ids)))
        db.session.execute(update(Activity).where(Activity.preceding_id.in_(demo_ids)).values(preceding_id=None))
        db.session.execute(delete(Activity).where(Activity.is_demo.is_(True)))
        used = select(User.donor_id).where(User.donor_id.is_not(None))
        funded = select(activity_partners.c.organisation_id)
        leading = select(Activity.lead_organisation_id)
        db.session.execute(delete(Organisation).where(Organisation.is_demo.is_(True), Organisation.id.not_in(used),
                                               Organisation.id.not_in(funded), Organisation.id.not_in(leading)))
        db.session.add(AuditRecord(entity_type="demo", entity_label="demo data", action="delete",
                                   before={"activities": count, "participations": parts}))
    return DemoReport(count, parts)
