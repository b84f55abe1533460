"""The filter set every coverage number takes (no database here: forms and the API parse into it)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class CoverageFilters:
    """A filter set: period in whole years (both bounds inclusive), area code, activity type, M49 region,
    income group, donor id, and whether only confirmed participations count. None means "any"."""

    year_from: int | None = None
    year_to: int | None = None
    area: str | None = None
    activity_type: str | None = None
    region: str | None = None
    income_group: str | None = None
    donor_id: int | None = None
    confirmed_only: bool = False

    @property
    def start(self) -> dt.date | None:
        return dt.date(self.year_from, 1, 1) if self.year_from else None

    @property
    def end(self) -> dt.date | None:
        return dt.date(self.year_to, 12, 31) if self.year_to else None

    @property
    def narrows_participations(self) -> bool:
        """True when some chambers' participations are left out, so an activity counts only if one is left."""
        return bool(self.region or self.income_group or self.confirmed_only)

    def with_donor(self, donor_id: int | None) -> CoverageFilters:
        return CoverageFilters(**{**asdict(self), "donor_id": donor_id})

    def key(self) -> tuple:
        return (self.year_from, self.year_to, self.area, self.activity_type, self.region, self.income_group,
                self.donor_id, self.confirmed_only)

    def shape(self) -> CoverageFilters:
        """Which filters are set, not their values: each value set is replaced by a placeholder. Statements are
        built from the shape, with the values as bind parameters (scope.parameters), so one statement serves every
        filter set of a shape; a value that leaked into a statement would be the placeholder, and wrong."""
        return CoverageFilters(*(None if value is None else placeholder
                                 for value, placeholder in zip(self.key()[:-1], _PLACEHOLDERS, strict=True)),
                               confirmed_only=self.confirmed_only)


# truthy, and valid where a property derives from them (start and end are dates of the year)
_PLACEHOLDERS = (1, 1, "?", "?", "?", "?", -1)
