"""The demo's partner organisations and their few activities, some in the chambers and areas the centre's demo
activities reached in the same year, so that a fresh `make run` shows overlaps on the coordination view."""

from __future__ import annotations

import datetime as dt
import random

from parliament_tracker.activities.models import Activity, Participation
from parliament_tracker.organisations.models import Organisation

# (name, short name, type, IATI identifier, country of a parliament organisation, areas it works in)
PARTNERS = (
    ("[Demo] Westminster Foundation for Democracy", "WFD", "ngo", "GB-GOV-1-300123", None, ("awareness",)),
    ("[Demo] Inter-Parliamentary Union", "IPU", "inter_parliamentary", None, None, ("research", "advocacy")),
    ("[Demo] Sveriges riksdag", "Riksdag", "parliament", None, "SE", ("awareness", "information")),
    ("[Demo] National Democratic Institute", "NDI", "ngo", None, None, ("awareness", "research")),
)
KINDS = {"awareness": "workshop", "research": "mission", "advocacy": "conference", "information": "webinar"}


def partner_organisations(existing: dict[str, Organisation], countries: dict) -> list[Organisation]:
    """The four demo partners, those not yet present created (flagged demo)."""
    found = []
    for name, short, kind, iati, country, _areas in PARTNERS:
        organisation = existing.get(name) or Organisation(name=name, short_name=short, org_type=kind, iati_id=iati,
                                                          is_demo=True)
        if country and country in countries:
            organisation.country = countries[country]
            organisation.chambers = list(countries[country].chambers)
        found.append(organisation)
    return found


def partner_activities(rng: random.Random, partners: list[Organisation], centre: list[Activity],
                       areas: dict) -> list[Activity]:
    """Six activities per partner, two of every three overlapping one of the centre's demo activities of its
    areas (same area, a chamber it reached, a few months later)."""
    made = []
    for organisation, (_n, short, _k, _i, _c, codes) in zip(partners, PARTNERS, strict=True):
        mine = [a for a in centre if a.area.code in codes and a.participations]
        for n in range(6):
            model = rng.choice(mine)
            overlap = n % 3 != 2
            # within the model's year, so that the demo's years stay those asked for
            start = min(model.start_date + dt.timedelta(days=rng.randint(20, 150)), dt.date(model.start_date.year, 12, 28))
            reached = {p.chamber_id for p in model.participations}
            chambers = ([p.chamber for p in rng.sample(model.participations, min(3, len(model.participations)))]
                        if overlap else [rng.choice([c for a in centre for p in a.participations
                                                     if (c := p.chamber).id not in reached][:50])])
            made.append(Activity(
                title=f"[Demo] {short}: {KINDS[model.area.code].replace('_', ' ')} on parliamentary ICT "
                      f"{start.year}", area=model.area, activity_type=KINDS[model.area.code], start_date=start,
                end_date=start + dt.timedelta(days=2), is_demo=True, lead_organisation=organisation,
                venue="Online" if model.area.code == "information" else "", online=model.area.code == "information",
                description="Synthetic demo record of a partner organisation.",
                participations=[Participation(chamber=c, role="beneficiary", participants=rng.randint(2, 8),
                                              status="claimed") for c in dict.fromkeys(chambers)]))
    return made
