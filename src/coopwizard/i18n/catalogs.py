"""Every text the tool says, in French and English, by key.

The guide's own words live in the checklist; these are the tool's. A test
checks that both languages have exactly the same keys and placeholders.
"""

from __future__ import annotations

from coopwizard.i18n.catalog_en import EN
from coopwizard.i18n.catalog_fr import FR

CATALOGS = {"fr": FR, "en": EN}

__all__ = ["CATALOGS", "EN", "FR"]
