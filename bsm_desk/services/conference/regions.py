"""The United Nations regional groups of Member States, as shipped data
(resources/data/un_regional_groups.json): which group a State's delegation belongs to,
by its ISO code, for the report's split by region."""

from __future__ import annotations

import json
from functools import cache

from bsm_desk import paths
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP

# In the order the General Assembly lists them.
GROUPS = {
    "african": QT_TRANSLATE_NOOP("Report", "African States"),
    "asia_pacific": QT_TRANSLATE_NOOP("Report", "Asia-Pacific States"),
    "eastern_european": QT_TRANSLATE_NOOP("Report", "Eastern European States"),
    "latin_american_caribbean": QT_TRANSLATE_NOOP("Report", "Latin American and Caribbean "
                                                            "States"),
    "western_european_others": QT_TRANSLATE_NOOP("Report", "Western European and other "
                                                           "States"),
}
UNKNOWN = QT_TRANSLATE_NOOP("Report", "Region not known")


@cache
def _by_code() -> dict[str, str]:
    data = json.loads(paths.resource("data", "un_regional_groups.json").read_text("utf-8"))
    return {code: group for group in GROUPS for code in data[group]}


def region_of(iso_code: str | None) -> str:
    """The group's key for a State's ISO 3166-1 alpha-2 code ("" if it is not known)."""
    return _by_code().get((iso_code or "").strip().upper(), "")
