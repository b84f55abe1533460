"""A registry chamber as the import describes it to a person choosing among candidates."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from parliament_tracker.localised import date_text


@dataclass(frozen=True)
class ChamberInfo:
    """What a person needs to tell candidates apart: country, names, type, registry dates."""

    id: int
    code: str
    country: str
    name: str
    official_name: str
    chamber_type: str
    established: dt.date | None
    ended: dt.date | None
    iso2: str = ""  # the country's, for its name in the reader's language

    def existed_on(self, day: dt.date | None) -> bool:
        return day is None or ((self.established is None or self.established <= day)
                               and (self.ended is None or self.ended >= day))

    @property
    def dates(self) -> str:
        if self.established is None and self.ended is None:
            return ""
        return f"{date_text(self.established) if self.established else '…'}–{date_text(self.ended)}"
