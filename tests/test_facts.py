"""Quantities: ranges, hedges, vague amounts, and what is not a count."""

from factcheck.facts import compare_quantities, extract_quantities


def conflicts(a: str, b: str) -> list[bool]:
    return [conflict for _, conflict in compare_quantities(a, b)]


def test_vague_amounts_on_different_scales_contradict():
    assert conflicts(
        "It featured tens of thousands of troops.", "Thousands of troops marched."
    ) == [True]
    assert conflicts("Hundreds of protesters gathered.", "Thousands of protesters gathered.") == [
        True
    ]


def test_rounding_and_hedges_agree():
    assert conflicts("About 30,000 people came.", "Officials counted 30,500 people.") == [False]
    assert conflicts("Dozens of people were hurt.", "More than 40 people were hurt.") == [False]


def test_exact_counts_that_differ_contradict():
    assert conflicts(
        "Police said 12 people were injured.", "Police said 20 people were injured."
    ) == [True]


def test_scales_convert():
    [quantity] = extract_quantities("The fund holds 2.5 billion dollars.")
    assert quantity.low == quantity.high == 2.5e9


def test_years_and_day_numbers_are_not_counts():
    found = extract_quantities("His first visit since 2019 is on September 3, 2025.")
    assert [(q.text, q.noun) for q in found] == [("first", "ordinal:visit")]


def test_different_nouns_are_not_compared():
    assert compare_quantities("12 soldiers died.", "20 civilians died.") == []


def test_reason_reads_as_a_checkable_sentence():
    [(reason, conflict)] = compare_quantities("tens of thousands of troops", "Thousands of troops")
    assert conflict and reason.kind == "quantity"
    assert reason.detail == (
        '"tens of thousands" (20,000–99,999) vs "Thousands" (2,000–9,999) '
        "of troops: cannot both be true"
    )


def date_conflicts(a: str, b: str) -> list[bool]:
    from factcheck.facts import compare_dates

    return [conflict for _, conflict in compare_dates(a, b)]


def test_weekdays_and_days_of_the_month():
    assert date_conflicts("They met on Monday.", "They met on Thursday.") == [True]
    assert date_conflicts(
        "The parade is on September 3, 2025.", "The parade is on 3 September."
    ) == [False]
    assert date_conflicts("It opens on September 3.", "It opens on September 4.") == [True]


def test_years_compare_only_under_the_same_preposition():
    assert date_conflicts("his first visit since 2019", "his first trip since 2019") == [False]
    assert date_conflicts("in power since 2011", "his first visit since 2019") == [True]
    assert date_conflicts("assuming power in 2011", "his first visit since 2019") == []
