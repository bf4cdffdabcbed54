"""The fact layer: quantities, dates, and what spaCy reads (names, places, opposites,
negation, titles, attribution), with positive and negative cases."""

import pytest

from factcheck.facts import compare_quantities, extract_quantities
from factcheck.facts.language import spelled_apart


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


@pytest.mark.parametrize(
    "text",
    [
        # FNC-1 bodies 1975 and 2453: a title, not the first of several ladies.
        "First Lady Michelle Obama was blurred out by Saudi television.",
        "The first lady met Saudi officials.",
        "First responders reached the scene within minutes.",
    ],
)
def test_first_in_a_title_is_no_ordinal(text):
    assert not [q for q in extract_quantities(text) if q.noun.startswith("ordinal:")]


def test_a_weekday_in_the_name_of_a_paper_dates_nothing():
    # FNC-1 body 1079: "The Sunday Times and Sunday People identified Bary" was read as
    # the same day as another claim's Sunday.
    named = date_conflicts("The Sunday Times said Bary left London.", "Bary left London on Monday.")
    assert named == []
    assert date_conflicts(
        "The Sunday Times said Bary left London on Friday.", "Bary left London on Monday."
    ) == [True]


def test_a_weekday_naming_a_post_or_a_statement_dates_the_saying(checker):
    # FNC-1 bodies 828 and 1408: police posted on Saturday that they were looking for a
    # man, and had him in custody on Monday.
    post = "The police service said in a Saturday post that it was looking for Rodney Constantine."
    custody = "Before noon Monday, police confirmed that Constantine was in custody."
    assert date_conflicts(post, custody) == []
    assert date_conflicts("Monday's statement named the man.", "Police named him on Friday.") == []
    # The days of two posts, or of two events, still compare (the editor's benchmark plants
    # the first).
    assert date_conflicts(post, "The police had posted on Sunday that they sought him.") == [True]
    # ... also where the speaker posted it ("posted" is a verb of saying).
    assert ("date", True) in fact_kinds(
        checker, post, "The police had posted on Sunday that they sought him."
    )
    assert date_conflicts(post, "Police said in a Sunday post that they sought Constantine.") == [
        True
    ]
    assert date_conflicts("Police arrested him on Saturday.", "Police arrested him on Monday.") == [
        True
    ]
    # FNC-1 bodies 1710 and 1754: soldiers vanished on Saturday, media reported on Monday.
    assert (
        date_conflicts(
            "The three officers who vanished during a training exercise on Saturday have "
            "reportedly been found trying to cross the border into Canada.",
            "Three missing Afghan soldiers were taken into custody as they tried to enter "
            "Canada, according to media reports on Monday.",
        )
        == []
    )


def test_two_steps_of_a_criminal_case_have_dates_of_their_own():
    # FNC-1 bodies 789 and 1178: charged in 2004, convicted in 2009.
    assert (
        date_conflicts(
            "Zehaf-Bibeau was charged with drug possession in 2004.",
            "The court database shows a Michael Bibeau-Zehaf was convicted of marijuana "
            "possession in 2009.",
        )
        == []
    )
    assert date_conflicts(
        "He was charged with drug possession in 2004.",
        "He was charged with drug possession in 2009.",
    ) == [True]
    # FNC-1 bodies 1287 and 1992: one dates the sentence, the other the law that undid it.
    assert (
        date_conflicts(
            "Manson's sentence was commuted to life imprisonment with the possibility of "
            "parole when California tossed out the death penalty in 1972.",
            "Manson was sentenced to death in 1969 along with four of his disciples.",
        )
        == []
    )
    assert date_conflicts(
        "Manson was sentenced to death in 1971.", "Manson was sentenced to death in 1969."
    ) == [True]
    # A step's noun near the date is no step dated ("an arrest warrant … on June 30").
    assert date_conflicts(
        "According to an arrest warrant, Smith attacked a man on June 30.",
        "A warrant for his arrest says Smith assaulted the man June 29 in a bar.",
    ) == [True]


def test_the_first_time_since_a_year_dates_the_last_time_before():
    # FNC-1 bodies 665 and 717.
    assert (
        date_conflicts(
            "This year is the first time the exercise has taken place on U.S. soil since 2006.",
            "The U.S. Central Command's exercise has been in place since 2004.",
        )
        == []
    )
    assert date_conflicts(
        "The exercise has been in place since 2006.", "The exercise has been in place since 2004."
    ) == [True]


def test_who_tells_of_an_event_is_not_what_its_day_dates():
    # FNC-1 bodies 640 and 1644: the raids' day, and the reports' and the vow's.
    assert (
        date_conflicts(
            "The monarch may personally take part in bombing raids on extremist strongholds "
            "on Thursday, according to reports in Arabic-language newspapers.",
            "Several Arabic-language newspapers reported late Wednesday that the monarch "
            "would personally participate in bombing raids, citing his vow Tuesday.",
        )
        == []
    )
    # FNC-1 bodies 1620 and 2027: "about" is no word of what a day dates.
    assert (
        date_conflicts(
            "Officials remained unclear on Sunday about the fate of the Isis leader.",
            "There have been contradictory accounts following U.S. air strikes on Friday night "
            "about whether Baghdadi was wounded.",
        )
        == []
    )


def test_a_web_address_ending_says_nothing_of_what_a_day_dates():
    # FNC-1 bodies 431 and 757: "com" of ESPN.com was the word both days shared.
    assert (
        date_conflicts(
            "Olsen is walking back everything he said, telling ESPN.com his Friday comments "
            'were "only my opinion."',
            "Olsen also told ESPN.com's Michael Collins on Monday that the information he got "
            "was not first-hand.",
        )
        == []
    )


def test_a_short_sentence_full_of_names_is_no_headline():
    # FNC-1 bodies 2063 and 2339: read as title case, "Sotloff" was a common word both
    # years dated.
    assert (
        date_conflicts("Mr Sotloff disappeared in Syria in 2013.", "In 2004, Sotloff left UCF.")
        == []
    )
    assert date_conflicts(
        "Mr Sotloff disappeared in Syria in 2013.", "Sotloff disappeared in Syria in 2012."
    ) == [True]


def test_a_year_the_other_claim_gives_after_another_word_is_told_by_both():
    # FNC-1 bodies 448 and 765: "in 1907" / "since 1907 but formally established in 1973".
    assert (
        date_conflicts(
            "Fear gave rise to the practice of adoption by Argentina's president in 1907.",
            "It has become customary since 1907 but formally established in 1973 for the "
            "president to adopt the seventh son.",
        )
        == []
    )
    assert date_conflicts(
        "The president began the practice of adoption in 1907.",
        "The president began the practice of adoption in 1973.",
    ) == [True]


def test_a_month_abbreviated_is_the_month():
    # FNC-1 bodies 117 and 1815: "on September 3" / "on Sept. 3" in otherwise identical
    # sentences; "Sept. 3" was no date at all.
    assert date_conflicts(
        "He attended a concert on September 3.", "He attended a concert on Sept. 3."
    ) == [False]
    assert date_conflicts(
        "He attended a concert on September 3.", "He attended a concert on Sept. 4."
    ) == [True]
    assert date_conflicts(
        "The talks ended on 3 Sept. in Geneva.", "The talks ended on 4 October in Geneva."
    ) == [True]
    # "Mar" without its full stop is the verb.
    assert date_conflicts("Rain may mar the parade on 3 March.", "Storms mar the parade.") == []


def test_two_holders_of_a_title_who_each_say_something_else_are_no_conflict(checker):
    # FNC-1 bodies 1651 and 1905: two popes, each quoted on animals; the title says who
    # speaks, not what either claim states.
    francis = (
        "Pope Francis declared that ‘all of God’s creatures’ have a shot of ending up in heaven."
    )
    benedict = (
        "Pope Benedict said during a 2008 sermon that when an animal dies, it “just means the "
        "end of existence on earth”."
    )
    assert ("title", True) not in fact_kinds(checker, francis, benedict)
    # The same words given to two holders of a title still conflict, as do two holders of
    # it in what a claim states.
    assert ("title", True) in fact_kinds(
        checker,
        "President Obama said the deal was signed on Monday.",
        "President Trump said the deal was signed on Monday.",
    )
    assert ("title", True) in fact_kinds(
        checker, "President Obama met Kim in Hanoi.", "President Trump met Kim in Hanoi."
    )


def test_figures_in_conflict_are_reported_in_the_order_the_claim_gives_them():
    # They followed set order, which follows Python's string hashing: the same pair gave
    # its reasons in another order from one run to the next (most hash seeds give these
    # four in another order than the claim's).
    found = compare_quantities(
        "The fund lost 12 ships, 30 planes, 7 tanks and 400 trucks.",
        "The fund lost 15 ships, 35 planes, 9 tanks and 800 trucks.",
    )
    assert [(reason.a, reason.b, conflict) for reason, conflict in found] == [
        ("12", "15", True),
        ("30", "35", True),
        ("7", "9", True),
        ("400", "800", True),
    ]


@pytest.mark.parametrize(
    "text, counted",
    [
        # FNC-1 body 593: "two PGA Tour events" counted "pga", so Tiger Woods' two events
        # this year "contradicted" another golfer's 31 PGA Tour starts.
        ("Tiger has played two PGA Tour events this year.", "events"),
        ("He made the cut in 31 PGA Tour starts that season.", "starts"),
        ("Police arrested 12 ISIS fighters.", "fighters"),
        ("He won three Premier League titles.", "titles"),
        # A name of one word may be what is counted, or a verb may follow it.
        ("Two Ebola patients were flown home.", "ebola"),
        ("Boeing 787 Dreamliner catches fire", "dreamliner"),
        ("She lives at 10 Downing Street.", "downing"),
    ],
)
def test_a_name_before_a_plural_is_no_thing_counted(text, counted):
    assert [q.noun for q in extract_quantities(text)] == [counted]


def test_golfers_events_and_starts_are_not_one_count():
    assert (
        conflicts(
            "Tiger has played two PGA Tour events this year.",
            "Olsen made eight cuts in 31 PGA Tour starts that season.",
        )
        == []
    )
    assert conflicts(
        "Troops trained soldiers from four North African countries.",
        "Troops trained soldiers from four North African nations.",
    ) == [False]


def test_digits_grouped_the_indian_way_are_one_number():
    # FNC-1 body 2329: "9,34,200 square feet" was read as 34,200 against another's 934,000.
    [area] = extract_quantities("Google bought about 9,34,200 square feet of office space.")
    assert area.text == "about 9,34,200 square feet"
    assert conflicts(
        "Google bought about 9,34,200 square feet of office space.",
        "Google bought about 934,000 square feet of office space.",
    ) == [False]
    assert [q.low for q in extract_quantities("It drew 1,234,567 people.")] == [1234567]


def test_a_price_per_unit_is_no_total():
    # FNC-1 bodies 2329 and 2442: a total paid, and a price per square foot.
    assert (
        conflicts(
            "The company said it bought land and buildings for $585 million.",
            "Informatica also acquired two buildings for $525 per square foot.",
        )
        == []
    )
    assert conflicts("He earns $15 an hour.", "He earns $20 an hour.") == [True]
    # FNC-1 bodies 1995 and 2011: a target per share, hyphenated, and a year's revenue.
    assert (
        conflicts(
            "The company last year scrapped a $20-a-share earnings target.",
            "The company has logged US$25 billion in revenue last year.",
        )
        == []
    )
    assert conflicts("It set a $20-a-share target.", "It set a $25-a-share target.") == [True]


def test_a_part_told_as_a_share_of_the_whole_is_no_whole():
    # FNC-1 bodies 1838 and 1953: one division's revenue, "about half the company's total".
    part = (
        "In fiscal 2013, the printing and personal systems group, as it is known, inked "
        "$55.9 billion in revenue, about half the Palo Alto, Calif., company’s total."
    )
    whole = "HP is on track to book $112 billion in revenue this fiscal year."
    assert conflicts(part, whole) == []
    assert (
        conflicts("The group reported $55.9 billion in revenue, about half of H-P’s total.", whole)
        == []
    )
    assert conflicts("The company earned $600 million, or 20 percent of its sales.", whole) == []
    # Two parts, or two wholes, still compare.
    assert True in conflicts(part, "The group inked $40 billion in revenue, about half its total.")
    assert conflicts("HP will book $90 billion in revenue this fiscal year.", whole) == [True]


def test_a_company_is_no_word_of_what_a_sum_measures():
    # FNC-1 bodies 1736 and 1995: a charge and a year's revenue share only "company".
    assert (
        conflicts(
            "IBM has already announced the company has just taken a $600 million charge for "
            "workforce rebalancing.",
            "Annual revenue fell to $93bn last year from $107bn three years earlier as the "
            "company shed businesses.",
        )
        == []
    )
    assert conflicts(
        "The company paid $5 million in fines.", "The firm paid $7 million in fines."
    ) == [True]


def test_a_period_or_a_rate_unit_is_no_word_of_what_a_sum_measures():
    # FNC-1 bodies 1736 and 1995: a quarter's profit per share and a target per share
    # shared only "year" and "share".
    assert (
        conflicts(
            "Profits are seen slipping from a year earlier to $0.71 a share.",
            "The company last year scrapped a $20-a-share earnings target.",
        )
        == []
    )
    assert conflicts("Profits fell to $0.71 a share.", "Profits fell to $0.90 a share.") == [True]
    assert conflicts(
        "Revenue was $5 billion last year.", "Revenue reached $7 billion last year."
    ) == [True]


def test_one_figure_against_several_of_the_other_claim_is_no_conflict():
    # MSRP: markets' moves, the other claim giving several of them.
    several = (
        "Australia was flat, Singapore was down 0.3 percent and South Korea added 0.2 percent."
    )
    [(reason, conflict)] = compare_quantities("Australia lost 0.6 percent.", several)
    assert not conflict and "several" in reason.detail
    # One figure each, or several alike on each side, still conflict; so does a figure of
    # another kind beside the one compared ("$150 per month" beside a deductible, SummEdits).
    assert conflicts("Australia lost 0.6 percent.", "Australia was down 0.3 percent.") == [True]
    assert True in conflicts(
        "The plan has a $1,000 deductible, for $150 per month.",
        "The plan has a $1,500 deductible.",
    )


def test_an_amount_and_another_make_a_total():
    # FNC-1 bodies 2317 and 2345: six shots, a pause, and another four or five.
    volleys = (
        "The recording allegedly captured a volley of six shots, a brief pause, and then "
        "another four or five shots."
    )
    [(reason, conflict)] = compare_quantities(volleys, "At least ten shots can be heard.")
    assert not conflict and reason.a == "six + four or five"
    assert conflicts(volleys, "At least 14 shots can be heard.") == [True]
    assert conflicts(volleys, "A volley of six shots can be heard.") == [False]


def test_a_whole_number_of_billions_is_rounded_to_the_billion():
    # FNC-1 bodies 1370 and 1500: "$15 billion" and "$15.2 billion", one broadcasting deal.
    assert conflicts(
        "ESPN maintains its $15 billion broadcasting deal with the NFL.",
        "ESPN has a $15.2 billion broadcasting agreement with the NFL.",
    ) == [False]
    assert conflicts(
        "ESPN maintains its $15 billion broadcasting deal with the NFL.",
        "ESPN has a $16 billion broadcasting agreement with the NFL.",
    ) == [True]
    # Half a unit, but no more than 5 %: "$1 billion" is no rounding of "$1.4 billion".
    assert conflicts("The deal is worth $1 billion.", "The deal is worth $1.4 billion.") == [True]


def test_units_of_two_products_are_two_counts():
    # FNC-1 bodies 2099 and 2396: an analyst's forecasts for the MacBook Air and the iPhone.
    forecast = (
        "Kuo called for iPhone shipments for that quarter to exceed 61 million units and iPad "
        "shipments to come in at 10 million units."
    )
    assert (
        conflicts(
            "Per Kuo, MacBook Air sales will likely touch the 6 million units sales mark.",
            forecast,
        )
        == []
    )
    # "exceed 61 million" holds 61.7 million.
    assert conflicts(
        "The analyst sees iPhone shipments touch 61.7 million unit sales in Q1 2015.", forecast
    ) == [False]
    assert conflicts(
        "Apple shipped 10 million units of the iPhone.",
        "Apple shipped 12 million units of the iPhone.",
    ) == [True]
    assert conflicts("Sales will exceed 5,000 cars.", "Sales will reach 3,000 cars.") == [True]


def test_different_nouns_are_not_compared():
    assert compare_quantities("12 soldiers died.", "20 civilians died.") == []


def test_reason_reads_as_a_checkable_sentence():
    [(reason, conflict)] = compare_quantities("tens of thousands of troops", "Thousands of troops")
    assert conflict and reason.kind == "quantity"
    assert reason.detail == (
        '"tens of thousands" (20,000–99,999) vs "Thousands" (2,000–9,999) '
        "of troops: cannot both be true"
    )


def test_the_year_of_an_event_that_happened_again_is_another_times():
    # FNC-1 bodies 578 and 632: Foley "was also abducted in Libya in 2011"; he was abducted
    # in Syria in 2012.
    assert (
        date_conflicts(
            "Mr. Foley, who was last seen in Binesh, Syria, was also abducted in Libya in 2011.",
            "American journalist James Foley was abducted in Syria in 2012.",
        )
        == []
    )
    assert date_conflicts(
        "James Foley was abducted in Syria in 2011.",
        "American journalist James Foley was abducted in Syria in 2012.",
    ) == [True]
    # "first" dates the one start both tell.
    assert date_conflicts(
        "The ferry service began in 1991 with a single boat.",
        "The service first sailed in 1987, when one boat made four trips a day.",
    ) == [True]


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
    assert date_conflicts("Kim has been in power since 2011", "Kim, in power since 2012") == [True]
    # Two dates of two events ("in power", "first visit") are no conflict.
    assert date_conflicts("in power since 2011", "his first visit since 2019") == []
    assert date_conflicts("assuming power in 2011", "his first visit since 2019") == []


def test_dates_conflict_only_about_the_same_event():
    assert (
        date_conflicts(
            "A blast near Managua on Saturday night was caused by a meteorite.",
            "The asteroid passed close to Earth on Sunday, scientists said.",
        )
        == []
    )
    # The same time of day, on another weekday.
    assert date_conflicts(
        "Officers responded to a call shortly after 2:30 p.m. Tuesday.",
        "Officers were called to the house shortly after 2:30 p.m. on Wednesday.",
    ) == [False, True]
    assert date_conflicts(
        "Somers was kidnapped in Sanaa in September 2013.",
        "Somers was kidnapped in Sanaa in September 2012.",
    ) == [True]
    # A date before "that" dates the saying, not what is said (FNC-1 bodies 1790, 2264).
    assert (
        date_conflicts(
            "The loud explosion occurred around 11 p.m. on Saturday near the airport.",
            "The government announced on Sunday that a loud explosion came from a meteorite.",
        )
        == []
    )
    assert date_conflicts(
        "The government said that the explosion happened on Saturday.",
        "The explosion happened on Sunday, officials said.",
    ) == [True]
    # Nor does one after the date's part of the day (FNC-1 bodies 1502 and 1579): the
    # mark was noticed on Saturday; the wound worsened on Monday.
    assert (
        date_conflicts(
            "He noticed a mark on his stomach on Saturday morning that continued to worsen.",
            "Thomas said the wound continued to worsen Monday and he went to a hospital.",
        )
        == []
    )


def test_clock_times_conflict_beyond_their_hedge():
    assert date_conflicts(
        "The explosion near the airport took place at around 11 p.m.",
        "The explosion happened at about 1 a.m. near the airport.",
    ) == [True]
    assert date_conflicts(
        "The explosion near the airport took place at around 11 p.m.",
        "The explosion happened at about 11:30 p.m. near the airport.",
    ) == [False]


PRESS_CONFERENCE_ET = "The CDC will host a press conference at 4pm (ET), the White House said."


@pytest.mark.parametrize(
    ("a", "b", "conflicts"),
    [
        # FNC-1 bodies 1129 and 1252: a call at 12:32 p.m. and a press conference at 4 p.m.
        # are two events, though both sentences speak of an Ebola patient.
        (
            "At 12:32 p.m. today Frisco dispatch received a call about a patient with Ebola.",
            "The CDC will host a press conference at 4pm after a second Ebola patient was found.",
            [],
        ),
        # One moment told in two zones: 3 p.m. in Texas is 4 p.m. Eastern.
        ("The CDC already had a 3 p.m. press conference scheduled.", PRESS_CONFERENCE_ET, []),
        # Not whole hours apart, or both in one zone: still a conflict.
        ("The CDC press conference is at 3:30 p.m.", PRESS_CONFERENCE_ET, [True]),
        (
            "The CDC will host a press conference at 3 p.m. ET.",
            PRESS_CONFERENCE_ET,
            [True],
        ),
        (
            "The CDC will host a press conference at 3 p.m.",
            "The CDC will host a press conference at 4 p.m.",
            [True],
        ),
        # FNC-1 bodies 251 and 478: India's time is half an hour off whole hours from GMT;
        # "10:30PM IST" is "5PM GMT".
        (
            "The launch event kicks off at 9:30PM IST tonight.",
            "The launch event kicks off at 9AM PT / 12PM ET / 4PM GMT.",
            [],
        ),
        # Half an hour apart with no such zone named: still a conflict.
        (
            "The launch event kicks off at 9:30PM ET tonight.",
            "The launch event kicks off at 4PM GMT.",
            [True],
        ),
    ],
)
def test_clock_times_of_two_events_or_two_zones(a, b, conflicts):
    assert date_conflicts(a, b) == conflicts


LEAVE = '"He went on seeking extension of leave, which was not sanctioned,"'
BANGING = '"Metallic banging can also be heard more than three times,"'
BALE = "was not right for the part after much deliberation and conflicting feelings"
TOWN = "any country struggling for independence and legitimacy, as North Korea itself"
FIGHT = '"We will not back down from this fight, whatever it costs us,"'
HOME = "The home was entered by police through an open back door where a body was found"


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        (f"{LEAVE} the government said on Thursday.", f"{LEAVE} Verma's lawyer said.", True),
        # A magazine is no person: "an official" cannot be Paris Match.
        (f"{BANGING} Paris Match reported.", f"{BANGING} an official said.", True),
        # FNC-1 bodies 1226 and 1299: "the report" is The Hollywood Reporter.
        (
            f'"Sources say Bale {BALE}," the report said.',
            f'According to The Hollywood Reporter, Bale decided he "{BALE}."',
            False,
        ),
        # FNC-1 bodies 1756 and 1873: the second claim quotes Jenny Town after another
        # speaker.
        (
            f'Jenny Town said: "North Korea is going to support {TOWN} still continues."',
            "Michael Madden told the Scotsman it “would not surprise me at all”, while the "
            f"institute's Jenny Town told the Mirror Kim would support “{TOWN} continues.”",
            False,
        ),
        # FNC-1 bodies 1498 and 2167: one cleric's name spelled from Arabic two ways.
        (
            f"{FIGHT} Mohammad Saleh Al Minjed added.",
            f"{FIGHT} Sheikh Munajjid wrote in his ruling.",
            False,
        ),
        # FNC-1 bodies 1085 and 1161: the speaker is the one nearest the quotation, not the
        # report that goes on to quote them.
        (
            f"According to a fake quote from a fake police spokesperson, “{HOME}.”",
            f"The report then goes on to say a police spokesperson said, “{HOME}.”",
            False,
        ),
        (
            f"The report then goes on to say the mayor said, “{HOME}.”",
            f"A police spokesperson said, “{HOME}.”",
            True,
        ),
        # FNC-1 bodies 1543 and 1619: an unnamed source may be the other unnamed one.
        (
            f"Back in November a source told People: {FIGHT}",
            f"{FIGHT} an insider confirms to PEOPLE.",
            False,
        ),
        # FNC-1 bodies 847 and 880: two outlets describe one man two ways.
        (f"{FIGHT} the executioner says.", f"{FIGHT} the masked man says.", False),
        # FNC-1 bodies 2155 and 2268: a minister's name in English and in French spelling.
        (f"{FIGHT} Mr Mashnuq said.", f"{FIGHT} Machnouk told MTV.", False),
        # FNC-1 bodies 244 and 526: a name after an honorific is a person's, whom the other
        # outlet may describe.
        (f"{FIGHT} says Father O’Neal.", f"{FIGHT} says the elderly cleric.", False),
        # FNC-1 bodies 1733 and 2234: a first name given alone, spelled another way.
        (
            f"Georgy Myakinkin said: {FIGHT}",
            f"George himself filed a complaint, adding: {FIGHT}",
            False,
        ),
        # FNC-1 bodies 416 and 425: a politician described by party, named by the other.
        (
            f"The California Republican claims that {FIGHT}",
            f"{FIGHT} Hunter said on Tuesday.",
            False,
        ),
        # FNC-1 bodies 779 and 1292, 1085 and 1161: a note, a story speak someone's words.
        (f"The note says: {FIGHT}", f"The company has confirmed: {FIGHT}", False),
        (f"The pranksters write, {FIGHT}", f"{FIGHT} the story claims.", False),
        # FNC-1 bodies 828 and 1408: a comment holds its writer's words, which an outlet
        # reports.
        (
            f"Constantine responded again, CBC reported: {FIGHT}",
            f"{FIGHT} said the Facebook comment.",
            False,
        ),
        # FNC-1 bodies 214 and 650: the paper reports the spokesperson "as saying" the
        # words; the spokesperson is their speaker on both sides.
        (
            f"The Daily Mail reports a police spokesperson as saying: {FIGHT}",
            f"A police spokesman said: {FIGHT}",
            False,
        ),
        # FNC-1 bodies 1081 and 1095: the one "quoted as saying" speaks, not the paper
        # that reports it; an unnamed source may be the other.
        (
            f"{FIGHT} an anonymous source was quoted as saying in the Herald, according to "
            "the Daily Courier.",
            f"An unnamed source told the Herald: {FIGHT}",
            False,
        ),
        # FNC-1 bodies 1648 and 1678: a quotation that closes its sentence ("… names." It
        # is …) is not spoken by one named in the sentence after it.
        (
            f"{FIGHT} KBS reported, citing a document.",
            f'The document reads: {FIGHT[:-2]}." It is unclear whether the document is '
            "authentic, but officials have said such names were banned before.",
            False,
        ),
        # "he", named earlier in one article, may be the other's speaker.
        (f"{FIGHT} he said.", f"{FIGHT} Anna Berg said.", False),
        # FNC-1 bodies 1125 and 1315: a claim of several sentences names a source in one
        # ("according to Google") and quotes someone in another; who said the words is not
        # told by that name.
        (
            "Aside from the physical similarities, former neighbors say DeJeus has an "
            "unmistakable voice and say that many people on the street knew what she was up "
            "to. ‘That is Daiane. She has a very childlike voice and I would recognize it "
            "anywhere.",
            "They are a part of the “unboxing” video trend, which, according to Google, saw a "
            "57% increase in views from 2013 to 2014. “That is Daiane. She has a very "
            "childlike voice and I would recognize it anywhere,” said one of the neighbors "
            "after listening to a DC Toys Collector video.",
            False,
        ),
        # FNC-1 bodies 1422 and 1839: a quotation of two sentences, its speaker named before
        # it on one side and after its first sentence on the other.
        (
            "Worried dental receptionist Nicola Dawson, 48, said: “I have come here shopping "
            "on my day off and actually have a cold. “If anyone smacked me for sneezing I would "
            "smack them back.”",
            "‘I have come here shopping on my day off and actually have a cold’, Cherry said. "
            "‘If anyone smacked me for sneezing I would smack them back’.",
            True,
        ),
        # SummaC FactCC (a summary giving a magazine's words to "an official"): a quotation
        # that goes on in the sentence after one its speaker is named beside is still that
        # speaker's.
        (
            '"The doors were locked from inside," the Daily Courier reported. "Shouting could '
            'be heard twice, perhaps from the guard trying to break the door."',
            '"Shouting could be heard twice, perhaps from the guard," an official said.',
            True,
        ),
        # FNC-1 bodies 25 and 417: the claim that opens on "A third said" quotes the words
        # from "the user" too, as the other claim does.
        (
            "“A people looking for a fatwa for everything in their lives, and a cleric who "
            "wants to interfere in everything,” the user wrote.",
            "A third said the country was plagued by two types of people: “A people looking "
            "for a fatwa for everything in their lives, and a cleric who wants to interfere "
            "in everything,” the user wrote.",
            False,
        ),
        # FNC-1 bodies 1476 and 1709: a man described and named, against "a witness".
        (f"Local man Aamir Dhawan, 30, said: {FIGHT}", f"A witness said: {FIGHT}", False),
        # FNC-1 bodies 419 and 456: two descriptions of the one in the video ("the ISIS
        # person" / "the man"), a name among a description's modifiers.
        (
            f"{FIGHT} the ISIS person added.",
            f"{FIGHT} the man says in British-accented English.",
            False,
        ),
        # Names that share no word spelled two ways are two speakers.
        (f"{FIGHT} Anna Berg said.", f"{FIGHT} Hanna Borg said.", True),
        # A source named in neither claim is still another speaker.
        (
            f"{FIGHT} Anna Berg said.",
            f"{FIGHT} the network Fox News reported, citing Jan Novak.",
            True,
        ),
        # "said one" is one of those the article spoke of: anyone (FNC-1 bodies 813 and 876).
        (
            "“That ringtone would be a very unexpected sound for a bear,” said one.",
            "“A sharp shock can stop an angry bear and that ringtone would be a very unexpected "
            "sound for a bear,” an expert told Central European News.",
            False,
        ),
    ],
)
def test_same_words_quoted_from_two_speakers(checker, a, b, conflict):
    assert ("attribution", conflict) in fact_kinds(checker, a, b)


def test_a_name_the_other_claim_holds_without_its_possessive_is_no_swap(checker):
    # FNC-1 bodies 536 and 824: "Sugarhill Gang's Wonder Mike" / "Sugarhill Gang members
    # Michael "Wonder Mike" Wright".
    kinds = fact_kinds(
        checker,
        "“[Sugarhill Gang's Wonder Mike and Master Gee] had been in contact with him in the "
        "past year,” manager David Mallie told FOX411.",
        "The news was confirmed by David Mallie, business manager for Sugarhill Gang members "
        'Michael "Wonder Mike" Wright and Guy "Master Gee" O\'Brien.',
    )
    assert ("person", True) not in kinds
    assert ("person", True) in fact_kinds(
        checker, "Robert Fico's car was hit.", "Peter Pellegrini's car was hit."
    )


def test_one_quotation_is_the_same_words_word_for_word(checker):
    # Rule 0a's test: the same quotation on both sides, whoever it is given to ...
    assert checker.quote_alike(
        *checker.read(
            [f"{FIGHT} said DHS spokesperson Marsha Catron.", f"{FIGHT} a DHS spokesman said."]
        )
    )
    # ... not a quoted word edited (SummEdits: a definition turned into its opposite).
    definitions = (
        'These words are defined as meaning "{}," "to handle or use skillfully for personal '
        'gain," and "the greatest possible amount," respectively.'
    )
    assert not checker.quote_alike(
        *checker.read(
            [definitions.format("impossible to understand"), definitions.format("understand")]
        )
    )


def test_a_title_in_quotation_marks_is_no_quotation(checker):
    # FNC-1 bodies 239 and 672: one film's title in both claims was read as the same words
    # quoted from the police and from a website.
    police, website = checker.read(
        [
            "Michael Woody said that police confirmed with producers of “Batman v. Superman: "
            "Dawn of Justice” that the vehicle has not been stolen.",
            "Bleeding Cool had reported that one of the two batmobiles that are being used "
            "for “Batman v. Superman: Dawn of Justice,” was stolen in Detroit.",
        ]
    )
    assert not police.quotes and not website.quotes
    assert "attribution" not in [k for k, _ in fact_kinds(checker, police.text, website.text)]
    assert checker.read(["“We will rebuild this city,” the mayor said."])[0].quotes


def test_a_relative_pronoun_speaks_for_what_its_clause_hangs_on(checker):
    # FNC-1 bodies 1326 and 2262: "which" was the speaker of a disclaimer's words, which
    # then "differed" from the disclaimer's own.
    disclaimer, mayor = checker.read(
        [
            "Hip Hop Hangover has a disclaimer, which says, “Hip Hop Hangover is a Gossip "
            "parody and satirical publication and for entertainment purposes only.”",
            "The mayor, who said “we will rebuild this city from the ground up,” left.",
        ]
    )
    assert (disclaimer.speaker, disclaimer.speaker_kind) == ("a disclaimer", "document")
    assert mayor.speaker == "The mayor"
    assert ("attribution", True) not in fact_kinds(
        checker,
        disclaimer.text,
        'That site is (according to their own disclaimer) a "gossip parody and satirical '
        'publication and for entertainment purposes only."',
    )


def test_an_unnamed_source_and_the_source_again_may_be_one(checker):
    # FNC-1 bodies 110 and 1570; and FNC-1 bodies 25 and 732: "A third said" is one more of
    # those spoken of, not a name.
    for first, second in (
        (
            "‘Tom Brokaw and Steve Capus knew this was a false story for a long time and have "
            "been extremely uncomfortable with it,’ an insider told the New York Post.",
            'The source also said that Brokaw and Capus knew "this was a false story for a long '
            'time and have been extremely uncomfortable with it."',
        ),
        (
            '"A people looking for a fatwa for everything in their lives, and a cleric who wants '
            'to interfere in everything," the user wrote.',
            "A third said the country was plagued by two types of people: “A people looking for "
            "a fatwa for everything in their lives, and a cleric who wants to interfere in "
            "everything.”",
        ),
    ):
        assert ("attribution", True) not in fact_kinds(checker, first, second)
    # FNC-1 bodies 454 and 755: "according to" ends at its comma, and "THR" is the
    # Hollywood Reporter the other claim gives the words to.
    quoted = checker.read(
        [
            'According to The Hollywood Reporter, Bale "came to the conclusion he was not '
            'right for the part and decided to withdraw" before negotiations began.'
        ]
    )[0]
    assert quoted.speaker == "The Hollywood Reporter"
    assert ("attribution", True) not in fact_kinds(
        checker,
        "Sources told THR that Bale “came to the conclusion he was not right for the part and "
        "decided to withdraw.”",
        quoted.text,
    )
    assert ("attribution", True) in fact_kinds(
        checker,
        '"The home was entered by police through an open back door," the mayor said.',
        "A police spokesperson said, “The home was entered by police through an open back door.”",
    )


def test_one_of_those_spoken_of_is_an_unnamed_speaker(checker):
    # "said one" stands for anyone the article spoke of; "one expert" describes someone.
    alone, described = checker.read(
        ["“It would be a very unexpected sound,” said one.", "“It is rare,” said one expert."]
    )
    assert (alone.speaker, alone.speaker_kind) == ("one", "pronoun")
    assert (described.speaker, described.speaker_kind) == ("one expert", "description")


def test_a_word_for_people_may_describe_a_name_the_tagger_missed(checker):
    # FNC-1 bodies 129 and 561, 1078 and 1432: one speaker named, the other described.
    for named, described in (
        (
            "“I called like 50 or 60 doctors, nobody wanted to do it,” Tridevil told Real "
            "Radio 104.1.",
            "The Florida woman told a radio station that she “called like 50 or 60 doctors, "
            "nobody wanted to do it.”",
        ),
        (
            "Local police chief RP Solanki said, “Both families have amicably resolved the "
            "matter.”",
            '"Both families have amicably resolved the matter," an officer said.',
        ),
        (
            # FNC-1 bodies 1432 and 1768: the name after a description of him.
            '"Both families have amicably resolved the matter," the local police head RP '
            "Solanki told the Times of India.",
            '"Both families have amicably resolved the matter," an officer said.',
        ),
        (
            # FNC-1 bodies 1257 and 1635: a relative, by name and age / by kin.
            'Horrified mum Cai Tuan, 27, said: "I had popped out to see a neighbour and was '
            'only gone 30 minutes when I heard Qiang Qiang scream."',
            "“I had popped out to see a neighbor and was only gone 30 minutes when I heard "
            "Qiang Qiang scream,” Qiang’s mother said.",
        ),
        (
            # FNC-1 bodies 242 and 1161: an officer whose name the sentence cut off.
            '"The home was entered by police through an open back door where a body was found '
            'in the foyer area," said Ofc.',
            "A police spokesperson said, “The home was entered by police through an open back "
            "door where a body was found in the foyer area.”",
        ),
        (
            # FNC-1 bodies 416 and 666: a congressman by party, and by his surname.
            'Hunter said in an interview with Fox News on Tuesday that "at least 10 ISIS '
            'fighters have been caught coming across the Mexican border in Texas."',
            "The California Republican claims that “at least ten ISIS fighters have been "
            "caught coming across the Mexican border in Texas,” in a conversation with Fox News.",
        ),
    ):
        assert ("attribution", False) in fact_kinds(checker, named, described)
    # A word for no person still differs from a name: "an official" is no magazine.
    assert ("attribution", True) in fact_kinds(
        checker,
        "“The storm destroyed the old bridge near the town,” an official said.",
        "“The storm destroyed the old bridge near the town,” Paris Match reported.",
    )


def test_the_one_a_writer_quotes_speaks_not_the_writer(checker):
    # FNC-1 bodies 1987 and 2052: "Ms. Pressler quoted him saying" gives him the words.
    quoted, named = checker.read(
        [
            "Ms. Pressler quoted him saying, “It’s not just about money. We want to create a "
            "brotherhood.”",
            "The paper quoted the minister saying, “The plan will fail for lack of money.”",
        ]
    )
    assert (quoted.speaker, quoted.speaker_kind) == ("him", "pronoun")
    assert named.speaker == "the minister"
    assert ("attribution", False) in fact_kinds(
        checker,
        "“But it’s not just about money,” Islam said. “We want to create a brotherhood.”",
        "Ms. Pressler quoted him saying, “It’s not just about money. We want to create a "
        "brotherhood.”",
    )


def test_two_statements_sharing_a_phrase_are_no_quotation_given_to_two(checker):
    # FNC-1 bodies 1423 and 1610: the White House and a Pentagon spokesman each said
    # something of their own in one stock phrase; a quotation one outlet trims is still one.
    kinds = fact_kinds(
        checker,
        '"The arrest of Okafor is a serious blow to the network that has smuggled arms across '
        'the border for a decade," Interior Minister Jonas Berg said in a statement.',
        '"Taking Okafor off the streets is a serious blow to the network that smuggles arms," '
        "said Colonel Ruth Adams, an army spokeswoman.",
    )
    assert ("attribution", True) not in kinds
    assert ("attribution", True) in fact_kinds(
        checker,
        '"The arrest of Okafor is a serious blow to the network," Interior Minister Jonas Berg '
        "said.",
        '"The arrest of Okafor is a serious blow to the network that has smuggled arms across '
        'the border for a decade," said Colonel Ruth Adams, an army spokeswoman.',
    )


def test_two_halves_of_a_name_a_source_gives_whole_are_one_speaker(checker):
    # FNC-1 bodies 11 and 244 quote one priest, each by one half of his name.
    from dataclasses import replace

    quote = '"I wish to continue preaching and to share my new knowledge with all Christians,"'
    a, b = checker.read([f"{quote} John Micheal added.", f"{quote} Father O’Neal says."])
    assert [(r.kind, c) for r, c in checker.compare(a, b)] == [("attribution", True)]
    a = replace(a, source_text=f"Father John Micheal O’Neal, 71, went to heaven. {a.text}")
    [(reason, conflict)] = checker.compare(a, b)
    assert (reason.kind, conflict) == ("attribution", False)
    assert "two parts of one name" in reason.detail
    # A name that holds only one of the two halves joins nothing.
    a = replace(a, source_text=f"Father John Micheal, 71, went to heaven. {a.text}")
    assert [(r.kind, c) for r, c in checker.compare(a, b)] == [("attribution", True)]


def test_the_same_words_from_a_described_and_a_named_speaker_may_be_one_person(checker):
    # Two real articles on one casting story (FNC-1 bodies 729 and 199).
    quote = "\"We needed the best actor on the board in a certain age range and that's "
    a, b = checker.read(
        [
            f'{quote}Chris Bale," the writer said at the time.',
            f'{quote}Christian Bale," Sorkin said.',
        ]
    )
    results = checker.compare(a, b)
    assert [(r.kind, conflict) for r, conflict in results] == [("attribution", False)]
    assert "names the speaker the other describes" in results[0][0].detail


def test_how_long_ago_is_not_how_long(checker):
    # FNC-1 bodies 484 and 210: eight years in the post, a 29-year career before it.
    assert (
        conflicts(
            "Kevin Vickers became the sergeant-at-arms eight years ago after a varied career.",
            "Mr Vickers took charge of security in 2006, after a 29-year career in the RCMP.",
        )
        == []
    )
    assert conflicts("He joined the force five years ago.", "He joined it eight years ago.") == [
        True
    ]


def test_a_figure_and_the_same_figure_as_a_bound_agree():
    # FNC-1 bodies 11 and 526: one outlet's "48 minutes" is another's "more than 48".
    [(reason, conflict)] = compare_quantities(
        "He officially died for 48 minutes.", "He was dead for more than 48 minutes."
    )
    assert not conflict and "the same figure" in reason.detail
    assert conflicts("He woke up 48 hours later.", "He woke up less than 48 hours later.") == [
        False
    ]
    assert conflicts("He was dead for 40 minutes.", "He was dead for more than 48 minutes.") == [
        True
    ]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        # FNC-1 bodies 65 and 1026: "those two menu items" are two of the eight.
        (
            "McDonald's will be phasing out 8 menu items next year.",
            "With that being said, those two menu items were not a tough decision.",
        ),
        # FNC-1 bodies 1978 and 2489: "the other two" are the three but one.
        (
            "Branson guaranteed $900 million to be split among the three original members.",
            "The other two original members of the group apparently signed on immediately.",
        ),
        # FNC-1 bodies 1565 and 1628: "one of the Taliban Five" picks one of the five out.
        (
            "A program to monitor the five Taliban's communications found that one has a "
            "penchant for terrorism.",
            "CNN reported that one of the Taliban Five may have reverted back to terrorism.",
        ),
    ],
)
def test_a_count_of_some_of_the_things_named_is_no_total(a, b):
    assert conflicts(a, b) == []


def test_another_span_of_time_is_still_a_span():
    # The editor's benchmark (absent-engineer) plants this count conflict.
    assert conflicts(
        "It took another 22 years and the intervention of a cabinet minister to remove him.",
        "It took another 12 years to remove him.",
    )


def test_ages_and_spans_of_years_are_not_compared():
    assert (
        conflicts(
            "Goldfish can live between 10 and 25 years in captivity.",
            "The goldfish was four years old at the time of the procedure.",
        )
        == []
    )
    assert conflicts("He died of cancer at the age of 57.", "He has died of cancer at 58.") == [
        True
    ]
    # FNC-1 bodies 1493 and 1717: the age a thing began at is no age now.
    assert (
        conflicts(
            "Leelah Alcorn started identifying as a girl at the age of 4.",
            "Her mother wrote that her 16 year old son had died.",
        )
        == []
    )
    assert conflicts(
        "She started playing the piano at the age of 4.",
        "She started playing the piano at the age of 6.",
    ) == [True]


def test_a_width_and_a_depth_are_not_compared():
    assert conflicts("The blast left a crater 40 feet wide.", "It dug a hole 26 feet deep.") == []
    assert conflicts("The meteorite dug a 16-foot-deep hole.", "It dug a hole 26 feet deep.") == [
        True
    ]


def test_spans_of_time_conflict_only_about_the_same_thing():
    assert (
        conflicts(
            "Roche finished off the quart in 12 seconds.",
            "Roche had to beat a record of 32 seconds to win a gift card.",
        )
        == []
    )

    # FNC-1 bodies 1401 and 1918: "public" is in another clause than the months.
    assert (
        conflicts(
            "However, he last appeared in public on Jan. 8, 2014 at an art exhibition in "
            "Havana, ending nine months out of public view.",
            "It’s true that Castro hasn't been seen in public in about a year, and it’s been "
            "a few months since one of his last columns were published.",
        )
        == []
    )
    assert conflicts(
        "He was out of public view for nine months.", "He was out of public view for a few months."
    ) == [True]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        # FNC-1 bodies 1006 and 1240: two of six buildings were resold.
        (
            "Starwood Capital immediately resold two of the buildings.",
            "The new properties consist of six buildings.",
            [],
        ),
        # FNC-1 bodies 1795 and 1822: 14 more officers arrested, 22 charged in all.
        (
            "An additional 14 police officers have been arrested, Murillo Karam said.",
            "Thus far, authorities have charged 22 police officers with involvement.",
            [],
        ),
        ("The site has two buildings.", "The site has six buildings.", [True]),
        ("Police arrested 14 officers.", "Police arrested 22 officers.", [True]),
    ],
)
def test_some_of_the_things_or_a_count_added_to_others_is_no_total(a, b, expected):
    assert conflicts(a, b) == expected


def test_a_length_in_feet_and_inches_or_in_other_words():
    # FNC-1 bodies 842 and 1028: "8ft 9in" is within "8.7 feet"; a fish's length is not
    # how far it swam.
    caught = "The catfish was 8.7 feet in length."
    assert conflicts(caught, "Ferrari caught a giant catfish 8ft 9in long.") == [False]
    # The reason shows the length as written, inches and aspect with it.
    (length,) = extract_quantities("A fisherman caught a giant 8ft 9in long catfish.")
    assert length.text == "8ft 9in long"
    assert conflicts(caught, "The giant catfish immediately bolted 100 metres downstream.") == []
    assert conflicts(caught, "The catfish was 6 feet long.") == [True]


def test_a_span_told_in_two_units_is_read_whole():
    # FNC-1 bodies 1589 and 1658: four minutes and 40 seconds is almost five minutes, and
    # "40-second" is no ordinal.
    video = "The four-minute, 40-second video was posted on YouTube."
    assert conflicts(video, "The video is almost five minutes long.") == [False]
    assert not any(q.noun.startswith("ordinal") for q in extract_quantities(video))
    assert conflicts("The talk lasted two hours and 15 minutes.", "It lasted three hours.") == [
        True
    ]


# -- quantities beyond counts -------------------------------------------------------------


def test_money_scales_and_currencies():
    assert conflicts("The fund holds $2.5 billion.", "The fund holds 2,500 million dollars.") == [
        False
    ]
    assert conflicts("It cost $42 million.", "It cost $24 million.") == [True]
    assert conflicts("It cost $42 million.", "It cost €42 million.") == []  # other currency


def test_an_amount_of_money_is_not_also_a_count_of_what_it_bought():
    # FNC-1 bodies 155 and 451: "nearly $2,000" was also read as 2,000 (no "nearly") of
    # equipment, and conflicted with $1,820 worth of it.
    a = "Comcast sent him nearly $2,000 of equipment he had never ordered."
    b = "Comcast reportedly sent him $1,820 worth of equipment he didn't request."
    assert [q.noun for q in extract_quantities(a)] == ["money:dollar"]
    assert [q.noun for q in extract_quantities(b)] == ["money:dollar"]
    assert conflicts(a, b) == [False]
    assert conflicts(a, "Comcast sent him $5,000 of equipment he had never ordered.") == [True]


def test_several_amounts_of_one_thing_are_matched_not_crossed():
    text = "Profit was $0.13 a share, or $25 billion in all."
    assert conflicts(text, text) == [False]
    assert conflicts(text, "Profit was $0.13 a share, or $52 billion in all.") == [True]


def test_percentages_and_fractions():
    assert conflicts(
        "About 60% of voters backed it.", "Nearly 62 percent of voters backed it."
    ) == [False]
    assert conflicts("Nearly half of voters backed it.", "About 70% of voters backed it.") == [True]
    assert conflicts("Turnout was 10%.", "Turnout was over 10%.") == [False]  # a rounded 10 %


def test_a_fraction_of_a_span_of_time_is_no_share():
    # FNC-1 body 853: "two more minutes of commercials per half hour" against "7.5%".
    assert conflicts("Broadcasters plug in ads per half hour.", "TBS speeds up shows 7.5%.") == []
    assert extract_quantities("a quarter century of rule") == []
    assert [q.noun for q in extract_quantities("Half of voters backed it.")] == ["percent:voter"]


def test_units_convert():
    assert conflicts("The bridge is 5 km long.", "The bridge is 3.1 miles long.") == [False]
    assert conflicts("The bridge is 5 km long.", "The bridge is 5 miles long.") == [True]
    house = "The house covers {} of floor space."
    assert conflicts(house.format("2,000 square feet"), house.format("186 square metres")) == [
        False
    ]
    assert conflicts(house.format("2,000 square feet"), house.format("500 square metres")) == [True]
    [money] = extract_quantities("It raised $8.2m.")
    assert money.noun == "money:dollar" and money.low == pytest.approx(
        8.2e6
    )  # "m" is not metres here


def test_ordinals():
    assert conflicts("She won for the third time.", "She won for the first time.") == [True]
    assert conflicts("It is the third consecutive year.", "It is the 3rd year.") == [False]
    assert conflicts("It opened on September 3rd.", "It opened on September 3rd.") == []
    # An ordinal opening a sentence as its subject says which one, not how many: two
    # occurrences, two victims (FNC-1 bodies 1559 and 2341).
    assert (
        conflicts(
            "He is not dead, despite a hoax for the second time this year.",
            "The first time it happened was back in April.",
        )
        == []
    )
    assert conflicts("The second victim was a nurse.", "The first victim was a nurse.") == []
    assert conflicts("This is the second time it happened.", "This is the first time.") == [True]


def test_parts_of_a_count_are_no_total():
    # FNC-1 bodies 2386/2524 and 2149/1818: "two other officials" / "at least three other
    # Americans", "six shots, followed by four more" / "at least ten shots".
    assert (
        conflicts(
            "Two other U.S. officials said the victim was Foley.",
            "At least three other Americans are believed to be captives.",
        )
        == []
    )
    assert (
        conflicts(
            "He detected six shots, followed by four more after a brief pause.",
            "At least ten shots are heard on the recording.",
        )
        == []
    )
    assert (
        conflicts(
            "You can hear several gunshots, a pause and then several more gunshots.",
            "He detected at least 10 gunshots.",
        )
        == []
    )
    # A count with no more after it is still a total.
    assert conflicts("He detected six shots.", "At least ten shots are heard.") == [True]
    # "400 of his 50 million followers" counts followers twice (FNC-1 bodies 2336, 1654).
    assert conflicts(
        "The guru persuaded around 400 of his estimated 50 million followers to do it.",
        "The guru has convinced up to 400 followers to do it.",
    ) == [False]


def test_the_counted_thing_comes_after_a_capitalised_modifier():
    # "one American official" counts officials, not Americans (FNC-1 bodies 653 and 1197).
    assert (
        conflicts("Four Americans were killed in the raid.", "One American official was quoted.")
        == []
    )
    assert conflicts("Ten Syrian refugees arrived.", "Twelve Syrian refugees arrived.") == [True]
    assert [q.noun for q in extract_quantities("Five Republicans said no.")] == ["republicans"]


def test_an_area_is_no_count_and_a_designation_no_figure():
    # FNC-1 bodies 1375 and 1888: a villa's floor space and a water area, no count of
    # "square" things; 1881 and 2376: an F-16 is one jet, not sixteen.
    [area] = extract_quantities("a water area of around two million square metres")
    assert area.noun == "measure:area" and area.low == pytest.approx(1.8e6)
    assert (
        conflicts(
            "The main villa spans about 2,475 square feet with a chef’s kitchen.",
            "The property includes a water area of around two million square metres.",
        )
        == []
    )
    assert extract_quantities("Above, a Jordanian F-16 fighter jet; COVID-19 patients.") == []
    assert [q.text for q in extract_quantities("He ate three square meals a day.")] == ["three"]
    # No amount after a slash: "24/7", "the 9/11 attacks", a tweet's address.
    assert extract_quantities("A 24/7 service marked the 9/11 attacks.") == []
    assert [(q.text, q.low) for q in extract_quantities("It took 2½ hours.")] == [("2½", 2.5)]


def test_a_count_of_groups_counts_the_groups():
    # FNC-1 bodies 2267 and 2360: one team of marines, three marines in it.
    assert (
        conflicts(
            "Just last year, one Marine team was conducting a raid in Helmand Province.",
            "The three Marines head off to track down the sniper.",
        )
        == []
    )
    counted = {
        text: [q.noun for q in extract_quantities(text)]
        for text in (
            "Two refugee families fled.",
            "A five-member team arrived.",
            "It represents some 17,000 Border Patrol employees.",
        )
    }
    assert counted == {
        "Two refugee families fled.": ["families"],
        "A five-member team arrived.": ["member"],
        # The group named is a modifier of the plural counted, not the thing counted.
        "It represents some 17,000 Border Patrol employees.": ["employees"],
    }


def test_a_money_range_holds_the_amounts_inside_it():
    # FNC-1 bodies 296 and 2277: "$4,000" against "between $1000 and $5000".
    assert conflicts(
        "The gold watch will cost $4,000.", "Experts priced the gold watch between $1000 and $5000."
    ) == [False]
    assert conflicts(
        "The gold watch will cost $9,000.", "Experts priced the gold watch between $1000 and $5000."
    ) == [True]
    # Two amounts joined by "and" are no range.
    assert [q.text for q in extract_quantities("They raised $3 million and $42 million.")] == [
        "$3 million",
        "$42 million",
    ]


def test_ordinals_of_two_things_are_not_compared():
    # FNC-1 bodies 653 and 1197: two anniversaries of two attacks.
    assert (
        conflicts(
            "September 11 marks the second anniversary of the raid in Benghazi.",
            "It comes days before the 13th anniversary of the terror attack.",
        )
        == []
    )
    assert conflicts(
        "It marks the second anniversary of the attack.", "It marks the 13th anniversary."
    ) == [True]


def test_vague_ranges_against_exact_and_hedged_counts():
    assert conflicts("Hundreds of people marched.", "Thousands of people marched.") == [True]
    assert conflicts("Hundreds of people marched.", "About 400 people marched.") == [False]
    assert conflicts("A few people were hurt.", "Dozens of people were hurt.") == [True]
    assert conflicts("Fewer than 10 people came.", "Twelve people came.") == [True]


def test_an_adjective_between_a_count_and_its_plural_modifies_what_is_counted():
    # FNC-1 bodies 126 and 1277: "18 different styles of straps" and "two different storage
    # capacities" were two counts of "different".
    assert (
        conflicts(
            "Across the three variants, there are a total of 18 different styles of straps.",
            "The Apple Watch will come in two different storage capacities: 4GB and 8GB.",
        )
        == []
    )
    assert [(q.text, q.noun) for q in extract_quantities("Two separate blasts hit.")] == [
        ("Two", "blasts")
    ]
    assert conflicts("Two separate blasts hit the city.", "Three blasts hit the city.") == [True]
    # A noun before the plural is what one and several of it are counted by (SummEdits).
    assert conflicts(
        "They agreed to acquire 11 stores and one collision center.",
        "They agreed to acquire 11 stores and two collision centers.",
    ) == [False, True]
    # A span stays a span, and one of something is counted as it is.
    assert [q.noun for q in extract_quantities("He got 10 year sentences.")] == ["year"]
    assert [q.noun for q in extract_quantities("One person dies every day.")] == ["person"]


def test_a_count_whose_noun_is_left_out_counts_what_happened_to_them():
    # FNC-1 bodies 1139 and 1195: "the past five have seen …" and "65 have been kidnapped"
    # were two counts of "have".
    assert (
        conflicts(
            "During its 12-year existence – the past five have seen the group trying to create an "
            "Islamic state – Boko Haram has been split.",
            "More than 500 women and girls aged from infancy to 65 have been kidnapped by Boko "
            "Haram since 2009.",
        )
        == []
    )
    assert conflicts(
        "At least 10 were killed in the blast.", "Police said 8 were killed in the blast."
    ) == [True]
    assert conflicts("Three were injured in the blast.", "Five were injured in the blast.") == [
        True
    ]


def test_a_model_number_and_each_outlets_sources_are_no_counts():
    # FNC-1 bodies 1519 and 1646: "iPhone 6 customers" were six customers.
    assert extract_quantities("iPhone 6 customers are complaining on social media.") == []
    assert [q.noun for q in extract_quantities("The iPhone 6 sold 10 million units.")] == ["units"]
    # FNC-1 bodies 1666 and 2113: each outlet's informants, counted apart from the story.
    assert (
        conflicts(
            "Several sources have confirmed that Zehaf-Bibeau was fatally wounded by Mr. Vickers.",
            "Two sources told the Canadian Press that Kevin Vickers shot the first suspect.",
        )
        == []
    )


def test_anniversaries_of_different_things_are_numbered_apart():
    # FNC-1 bodies 2221 and 2399: the first anniversary of a disappearance and the 56th of
    # an entry into Havana; 2470 and 2477: a party's 69th and a death's 20th.
    assert (
        conflicts(
            "The last time Mr. Castro was seen in public was Jan. 9, 2014, making Friday the "
            "first anniversary of his disappearance.",
            "His absence at major events like the 56th anniversary this week of Castro’s entry "
            "into Havana has led some to believe he is ill.",
        )
        == []
    )
    assert (
        conflicts(
            "Kim Jong Un was absent from the Workers' Party 69th anniversary celebrations.",
            "State TV showed Kim Jong Un walking with a limp in July at the 20th anniversary "
            "memorial commemorating the death of his grandfather.",
        )
        == []
    )
    assert conflicts(
        "China marks the 80th anniversary of the war.",
        "China marks the 70th anniversary of the war.",
    ) == [True]


def test_a_quarters_figure_and_a_years_or_an_earlier_cases_are_of_two_things():
    # FNC-1 bodies 141 and 332: a year's revenue against the most recent quarter's.
    assert (
        conflicts(
            "But despite taking in $112 billion in revenue in 2013, it has struggled.",
            "During its most recent quarter HP reported revenue of $27.6 billion.",
        )
        == []
    )
    # FNC-1 bodies 332 and 563: "the fiscal year ending October" is a year.
    assert (
        conflicts(
            "HP is on track to book $112 billion in revenue the fiscal year ending October.",
            "During its most recent quarter HP reported revenue of $27.6 billion.",
        )
        == []
    )
    assert conflicts(
        "HP reported revenue of $27.6 billion during its most recent quarter.",
        "HP reported revenue of $29.1 billion during its most recent quarter.",
    ) == [True]
    # FNC-1 bodies 486 and 980: "the previous largest … redundancy" is an earlier case.
    assert (
        conflicts(
            "IBM is set to axe more than 111,000 of its staff this week.",
            "The previous largest corporate redundancy was also carried out by IBM, when it cut "
            "60,000 staff in 1993.",
        )
        == []
    )


def test_a_ton_may_be_short_metric_or_long():
    # FNC-1 bodies 767 and 1056: "1 tonne of TNT" / "1 ton of TNT" were two masses.
    assert conflicts(
        "Bill Cooke estimated a blast of roughly the energy equivalent of 1 tonne of TNT.",
        "Bill Cooke estimated a blast of roughly an energy equivalent of 1 ton of TNT.",
    ) == [False]
    assert conflicts("The load weighed 2 tons.", "The load weighed 3 tons.") == [True]


def test_number_words_of_a_ten_and_a_unit_are_read_whole():
    # FNC-1 bodies 503 and 522: "Twenty-two-year-old Oliver Ilic" was read as 20 years old,
    # against another outlet's "22-year-old Oliver Ilic".
    assert conflicts(
        "But after cutting off his organ, 22-year-old Oliver Ilic was unable to stop the bleeding.",
        "Twenty-two-year-old Oliver Ilic cut off his organ with a razor blade.",
    ) == [False]
    for text, value in (
        ("Forty five people died.", 45),
        ("Eighty-one soldiers marched.", 81),
        ("Seventeen people died.", 17),
        ("Twenty people died.", 20),
    ):
        assert [q.low for q in extract_quantities(text)] == [value], text
    assert conflicts("Twenty-two people died.", "Twenty-three people died.") == [True]


def test_two_vague_amounts_joined_are_one_guess_between_them():
    # FNC-1 competition-test bodies 823 and 894: "hundreds, sometimes thousands of emails"
    # was read as "thousands" alone, against another outlet's "hundreds of emails".
    assert conflicts(
        "The CEO told NBC that he gets “hundreds, sometimes thousands of emails from customers.”",
        "Cook admitted he routinely receives hundreds of emails from customers every day.",
    ) == [False]
    assert conflicts("Dozens, if not hundreds, of people came.", "About 50 people came.") == [False]
    [guess] = extract_quantities("Hundreds or even thousands of people fled.")
    assert (guess.low, guess.high) == (200, 9_999)
    # The guess still conflicts with an amount outside it, and two amounts of two things
    # stay two.
    assert conflicts("Hundreds or thousands of people fled.", "Dozens of people fled.") == [True]
    assert len(extract_quantities("Hundreds of people lost thousands of dollars.")) == 2


# -- relative dates against publication dates ----------------------------------------------


def test_relative_dates_resolve_against_publication_dates():
    from datetime import date

    from factcheck.facts import compare_dates

    sunday, monday = date(2025, 9, 7), date(2025, 9, 8)  # a Sunday and the Monday after
    same = compare_dates("It reopened on Saturday.", "It reopened yesterday.", sunday, sunday)
    assert [c for _, c in same] == [False]
    assert "2025-09-06" in same[0][0].detail
    # Read a day apart, "yesterday" is two different days.
    apart = compare_dates("It reopened yesterday.", "It reopened yesterday.", sunday, monday)
    assert [c for _, c in apart] == [True]
    # A weekday against a date: the same day once resolved.
    dated = compare_dates("It reopened on Saturday.", "It reopened on September 6.", sunday, monday)
    assert [c for _, c in dated] == [False]
    # Without publication dates, weekdays are compared as stated.
    assert [c for _, c in compare_dates("It reopened on Saturday.", "It reopened on Friday.")] == [
        True
    ]


# -- facts read by spaCy: names, places, opposites, negation, titles, attribution ----------


@pytest.fixture(scope="module")
def checker():
    from factcheck.facts import FactChecker
    from factcheck.pipeline.split import load_spacy
    from factcheck.settings import CompareSettings

    config = CompareSettings.load()
    return FactChecker(load_spacy(config.split.spacy_model), config.facts)


def fact_kinds(checker, a: str, b: str) -> list[tuple[str, bool]]:
    facts_a, facts_b = checker.read([a, b])
    return [(reason.kind, conflict) for reason, conflict in checker.compare(facts_a, facts_b)]


def test_places_people_and_nationalities_swapped(checker):
    assert ("place", True) in fact_kinds(
        checker,
        "The summit was held in Beijing on Monday.",
        "The summit was held in Shanghai on Monday.",
    )
    assert ("nationality", True) in fact_kinds(
        checker, "A Chinese delegation arrived.", "A Vietnamese delegation arrived."
    )
    assert ("person", True) in fact_kinds(
        checker, "Robert Fico opened the meeting.", "Peter Pellegrini opened the meeting."
    )


def test_two_people_said_to_be_two_things_are_no_swap(checker):
    # FNC-1 bodies 1152 and 1294: two women, each said to be something else to one man.
    assert fact_kinds(
        checker,
        "Ko Yong Hui is a mistress of former North Korean supreme leader Kim Jong Il.",
        "Kim Yo-jong is the daughter of the former North Korean leader Kim Jong Il.",
    ) == [("title", False)]
    # Said to be the same thing, one put for the other is a swap.
    assert ("person", True) in fact_kinds(
        checker,
        "Ko Yong Hui is the daughter of former North Korean leader Kim Jong Il.",
        "Kim Yo-jong is the daughter of the former North Korean leader Kim Jong Il.",
    )


def test_same_person_named_two_ways_is_no_conflict(checker):
    assert fact_kinds(checker, "Robert Fico opened the meeting.", "Fico opened the meeting.") == []
    assert (
        fact_kinds(checker, "Prime Minister Robert Fico spoke.", "Slovakia's prime minister spoke.")
        == []
    )


@pytest.mark.parametrize(
    ("a", "b", "conflict_kind"),
    [
        # FNC-1 bodies 1539 and 1659: "the War Memorial" is "Canada's National War Memorial".
        (
            "A Canadian soldier was shot at the War Memorial in Ottawa Wednesday morning.",
            "A soldier was reportedly shot at Canada's National War Memorial.",
            None,
        ),
        (
            "A soldier was shot at the War Memorial in Ottawa.",
            "A soldier was shot at the War Memorial in Toronto.",
            "place",
        ),
        # FNC-1 bodies 1412 and 1720: the convent's region, the nun's home continent: where
        # one is and where one comes from.
        (
            "The sister in the eastern Italian region of Le Marche belonged to an order in "
            "Macerata.",
            "The Catholic sister, originally from South America, belonged to an order in Macerata.",
            None,
        ),
        # Two places someone comes from still conflict.
        (
            "The sister, originally from Brazil, belonged to an order in Macerata.",
            "The sister, originally from Peru, belonged to an order in Macerata.",
            "place",
        ),
        # FNC-1 bodies 146 and 677, 1489 and 1724: other names of one group or body
        # (`facts.name_aliases`).
        (
            "Mr Abadi is a member of Iraq's Shia majority.",
            "Mr Abadi is a member of Iraq's Shiite majority.",
            None,
        ),
        (
            "Richard Walton, head of the Met's Counter Terrorism Command, spoke.",
            "Richard Walton, of Scotland Yard's Counter Terrorism Command, spoke.",
            None,
        ),
        (
            "Mr Abadi is a member of Iraq's Shia majority.",
            "Mr Abadi is a member of Iraq's Sunni majority.",
            "nationality",
        ),
    ],
)
def test_names_that_may_be_one_or_play_two_roles_are_no_swap(checker, a, b, conflict_kind):
    kinds = fact_kinds(checker, a, b)
    if conflict_kind is None:
        assert not any(conflict for _, conflict in kinds)
    else:
        assert (conflict_kind, True) in kinds


def test_titles_held_by_different_people(checker):
    kinds = fact_kinds(
        checker,
        "Prime Minister Robert Fico met the delegation in Bratislava.",
        "The delegation was received by Prime Minister Peter Pellegrini.",
    )
    assert ("title", True) in kinds
    # Two ministers of different offices (FNC-1 bodies 484 and 210) hold two titles.
    offices = fact_kinds(
        checker,
        "Veterans Affairs Minister Julian Fantino tweeted that he was safe.",
        "Justice Minister Peter MacKay said in a Twitter message that he was grateful.",
    )
    assert not any(conflict for _, conflict in offices)
    assert ("title", True) in fact_kinds(
        checker,
        "Justice Minister Julian Fantino met the delegation in Ottawa.",
        "The delegation was received by Justice Minister Peter MacKay.",
    )
    # A claim that gives one title to two people (FNC-1 bodies 218 and 255: "Pope Francis's
    # predecessor, Pope Benedict XVI") names no one holder to compare.
    predecessor = fact_kinds(
        checker,
        "Pope Francis's predecessor, Pope Benedict XVI, had also denied the idea.",
        "Pope Francis has said his comments have been misinterpreted.",
    )
    assert ("title", True) not in predecessor
    assert ("title", True) in fact_kinds(
        checker,
        "Pope Benedict XVI said pets do not go to heaven.",
        "Pope Francis said pets do not go to heaven.",
    )
    # A claim that names the other's holder too tells of that one and of someone else
    # (FNC-1 competition-test bodies 2564 and 2566).
    both = fact_kinds(
        checker,
        "President Donald J. Trump informed FBI Director James Comey that he was fired.",
        "One of Trump’s strongly held opinions is the claim that president Obama tapped his "
        "phones during the campaign.",
    )
    assert ("title", True) not in both


def test_antonyms_in_otherwise_matching_claims(checker):
    assert ("antonym", True) in fact_kinds(
        checker, "Prices rose sharply in March.", "Prices fell sharply in March."
    )
    # A preposition is not an opposite: walking up or down a street is the same walk.
    assert fact_kinds(checker, "They walk down the street.", "They walk up the street.") == []
    # Claims that differ in many words are not compared word by word.
    assert (
        fact_kinds(checker, "The big parade began.", "A small crowd watched quietly at home.") == []
    )
    # Opposites of two different things are none (FNC-1 bodies 1465 and 1480) ...
    assert ("antonym", True) not in fact_kinds(
        checker,
        "He had missed a session of the Supreme People's Assembly in Pyongyang last Thursday.",
        "Kim missed a session of the Supreme People’s Assembly in Pyongyang for the first time.",
    )
    # ... of one thing they are.
    assert ("antonym", True) in fact_kinds(
        checker, "He spoke on the first day of the trial.", "He spoke on the last day of the trial."
    )
    # An opposite before a noun the other claim never names describes another thing (FNC-1
    # bodies 1344 and 1362: the trackpad, the body) ...
    assert ("antonym", True) not in fact_kinds(
        checker,
        "The trackpad is a touch bigger than the existing MacBook Air models.",
        "The new MacBook Air has a smaller body than the existing MacBook Air models.",
    )
    # ... and before a noun both name, the same thing.
    assert ("antonym", True) in fact_kinds(
        checker,
        "The new MacBook Air has a bigger trackpad than the old models.",
        "The new MacBook Air has a smaller trackpad than the old models.",
    )
    # A possessor names whose the thing is: "their daughter's twin brother" is their son
    # (FNC-1 bodies 797 and 886) ...
    assert ("antonym", True) not in fact_kinds(
        checker,
        "They were prepared to sell their daughter's twin brother to a good home.",
        "They were prepared to sell their son to a good home.",
    )
    # ... and the things possessed, or the possessors of one thing, still differ.
    assert ("antonym", True) in fact_kinds(
        checker,
        "They were prepared to sell their daughter to a good home.",
        "They were prepared to sell their son to a good home.",
    )
    assert ("antonym", True) in fact_kinds(
        checker, "They sold their daughter's house.", "They sold their son's house."
    )


@pytest.mark.parametrize(
    ("a", "b", "kind"),
    [
        # One person named with and without the title.
        (
            "Prime Minister Robert Fico spoke first.",
            "Robert Fico, the prime minister, spoke.",
            "title",
        ),
        # Denying one of two opposites with nothing between them states the other.
        ("Axl Rose is NOT dead.", "Axl Rose is alive.", "identical"),
        ("He was not found alive.", "He was found dead.", "identical"),
        # Adverbs before the opposite do not hide it (FNC-1 bodies 539 and 585).
        ("Macaulay Culkin is still very much alive.", "Macaulay Culkin is NOT dead.", "antonym"),
        # A contrast in other words (FNC-1 bodies 1436 and 1317: NLI reads the "not" as a
        # contradiction at 0.98): the same statement where nothing else differs.
        (
            "The four attorneys call themselves judges not arbitrators.",
            "The four attorneys call themselves judges instead of arbitrators.",
            "identical",
        ),
        (
            "The attorneys call themselves judges not arbitrators.",
            "The attorneys call themselves judges rather than arbitrators, he said on Monday.",
            "negation",
        ),
    ],
)
def test_one_side_states_what_the_other_does_in_other_words(checker, a, b, kind):
    found = fact_kinds(checker, a, b)
    assert (kind, False) in found and not any(conflict for _, conflict in found)


def test_another_word_in_place_of_the_negation_is_no_contrast(checker):
    assert not any(
        kind in {"identical", "negation"}
        for kind, _ in fact_kinds(
            checker,
            "The attorneys call themselves judges not arbitrators.",
            "The attorneys call themselves judges and arbitrators.",
        )
    )


def test_a_negated_opposite_is_no_conflict(checker):
    # "Not big" is not "small", but both can hold: no conflict, not the same statement.
    found = fact_kinds(checker, "The village is not big.", "The village is small.")
    assert ("antonym", False) in found and ("identical", False) not in found
    # Something else differs: no longer one statement.
    found = fact_kinds(checker, "The bridge is not closed today.", "The bridge is open again.")
    assert ("identical", False) not in found and not any(c for _, c in found)
    # Without the negation the opposites still conflict; so they do where the negation
    # belongs to another clause.
    assert ("antonym", True) in fact_kinds(checker, "The bridge is closed.", "The bridge is open.")
    assert ("antonym", True) in fact_kinds(
        checker,
        "It did not name the hostage, but said the raid took place in Shabwa Province in "
        "southern Yemen.",
        "The raid took place in Shabwa Province in northern Yemen.",
    )


def test_days_and_nights_counted_are_one_duration_not_opposites(checker):
    # A three-day stay is a three-night stay: units after a number are not day and night.
    assert ("antonym", True) not in fact_kinds(
        checker,
        "The winner was given a three-day stay in the hospital.",
        "The winner was given a three night's stay in the hospital.",
    )
    assert ("antonym", True) not in fact_kinds(
        checker,
        "The crew worked for 3 days on the roof.",
        "The crew worked for 3 nights on the roof.",
    )
    # Day and night as times of day are still opposites.
    assert ("antonym", True) in fact_kinds(
        checker, "The attack happened during the day.", "The attack happened during the night."
    )


def test_negation(checker):
    assert ("negation", True) in fact_kinds(
        checker, "The minister attended the ceremony.", "The minister did not attend the ceremony."
    )
    # A paraphrase with a negative word is not a negation of the other claim.
    assert fact_kinds(checker, "The lift is not working.", "The lift is malfunctioning.") == []


def test_attribution_to_different_speakers(checker):
    from factcheck.facts import attribution

    opposition, observers = checker.read(
        ["The opposition said the vote was rigged.", "Observers said the vote was fair."]
    )
    reason = attribution(opposition, observers)
    assert reason is not None and reason.kind == "attribution"
    assert (reason.a, reason.b) == ("The opposition", "Observers")
    same_speaker = checker.read(["Police said 12 people died.", "Police said 20 people died."])
    assert attribution(*same_speaker) is None
    # One cleric's name spelled from Arabic two ways (FNC-1 bodies 1498 and 2167) is one
    # speaker, as for quotations.
    spelled_two_ways = checker.read(
        [
            "Mohammad Saleh Al Minjed said the ruling was final.",
            "Sheikh Munajjid said the ruling could change.",
        ]
    )
    assert attribution(*spelled_two_ways) is None
    unattributed = checker.read(["The vote was rigged.", "Observers said the vote was fair."])
    assert attribution(*unattributed) is None


def test_two_unnamed_speakers_named_by_their_handles_are_no_swap(checker):
    # FNC-1 bodies 1388 and 1429: two users, each with their own words; the caption's
    # lead-in ("Criticism:") is no part of the speaker.
    a = "Criticism: One Twitter user, with the handle Cornelius, said the video was fake."
    b = "One YouTube user, with the handle ClemtheRanter, said the videos are staged."
    facts = checker.read([a, b])
    assert facts[0].speaker == "One Twitter user , with the handle Cornelius"
    assert not any(conflict for _, conflict in checker.compare(*facts))


def test_a_name_spelled_two_ways():
    assert spelled_apart("Mr Mashnuq", "Nohad Machnouk")
    assert spelled_apart("George himself", "Georgy Myakinkin")
    # A name's possessive is someone else (FNC-1 bodies 1890 and 1946); two full names
    # alike in a letter or two are two people.
    assert not spelled_apart("Hunter", "Hunter's spokesman")
    assert not spelled_apart("Anna Berg", "Hanna Borg")


def test_a_name_cut_short_is_no_swap(checker):
    # FNC-1 bodies 921 and 939: "the Met" is the Metropolitan Police.
    a = "said Richard Walton from the Met's Counter Terrorism Command."
    b = "said Commander Richard Walton of the Metropolitan Police's Counter Terrorism Command."
    assert not any(conflict for _, conflict in fact_kinds(checker, a, b))
    other = b.replace("Metropolitan Police", "Pentagon")
    assert any(conflict for _, conflict in fact_kinds(checker, b, other))


def test_relative_days_inside_quotations_are_not_resolved():
    from datetime import date

    from factcheck.facts.dates import resolved_days

    quoted = '"Today it beats again," the mayor said at the ceremony.'
    assert resolved_days(quoted, date(2025, 9, 7)) == {}
    assert resolved_days("It reopened today.", date(2025, 9, 7)) == {date(2025, 9, 7): "today"}


def test_ranges_round_numbers_and_negated_amounts():
    assert conflicts("It lasts 2.5 to 4 hours.", "It lasts 2.5 hours.") == [False]
    assert conflicts("It lasts 2.5 to 4 hours.", "It lasts 19 hours.") == [True]
    assert conflicts("Between 20 and 30 people came.", "45 people came.") == [True]
    # A round number is a rounded one; an exact one is not.
    assert conflicts("He got a 2,084 tip.", "He got a 2,000 tip.") == [False]
    assert conflicts("He got a 2,084 tip.", "He got a 1,500 tip.") == [True]
    # "doesn't last more than one day" is not "more than one day".
    assert conflicts("The battery doesn't last more than one day.", "It lasts one day.") == []


def test_dates_need_real_months_and_the_same_preposition():
    # "may" the verb is no month, and "8.2" holds no day.
    assert date_conflicts("Apple will release iOS 8.2 on March 9.", "iOS 8.2 may launch.") == []
    # A deadline and an event day are different facts.
    assert date_conflicts("Apps will be ready by April 10.", "The watch launches on 9 March.") == []
    assert date_conflicts("It opens on April 10.", "It opens on 9 March.") == [True]


def test_aliases_are_not_swaps(checker):
    assert (
        fact_kinds(
            checker, "He was killed by a U.S. airstrike.", "He was killed by a US airstrike."
        )
        == []
    )
    assert (
        fact_kinds(
            checker,
            "The wife of ISIS leader Baghdadi was detained.",
            "The wife of Islamic State leader Baghdadi was detained.",
        )
        == []
    )
    assert (
        fact_kinds(
            checker,
            "She fought with Kurdish forces in Syria.",
            "She fought with Kurds forces in Syria.",
        )
        == []
    )


def test_spelling_variants_lists_and_paraphrased_refusals(checker):
    said = "The group's savings went to {}, officials said."
    assert fact_kinds(checker, said.format("al-Qaida"), said.format("al-Qaeda")) == []
    listed = "The companies include Sony, Microsoft, {} and {}."
    assert (
        fact_kinds(
            checker,
            listed.format("Hewlett-Packard", "International Business Machines"),
            listed.format("International Business Machines", "Hewlett-Packard"),
        )
        == []
    )
    assert (
        fact_kinds(
            checker,
            "The spokesman said a search is ongoing but would not comment.",
            "The spokesman said a search is ongoing but declined comment.",
        )
        == []
    )
    money = "He will launch a {} program next week."
    assert [
        c
        for _, c in checker.compare(
            *checker.read([money.format("$70 million"), money.format("$70-million")])
        )
    ] == [False]


def test_speaker_of_a_say_verb_without_its_own_subject(checker):
    (facts,) = checker.read(
        [
            'Assistant Foreign Minister Hong Lei emphasized the parade, stating, "We will '
            'defend the victories of the war."'
        ]
    )
    assert facts.speaker and "Hong Lei" in facts.speaker and facts.quotes
    (plain,) = checker.read(["The parade will project the future alignment of power."])
    assert plain.speaker is None and not plain.quotes


def test_number_words_are_whole_words_only():
    assert conflicts("Everyone cheered the mayor.", "Hundreds cheered the mayor.") == []
    assert extract_quantities("The vote underscores the divide in the party.") == []
    assert extract_quantities("He spoke on behalf of the victims.") == []
    assert [q.low for q in extract_quantities("Scores of people and one dog were rescued.")] == [
        40.0,
        1.0,
    ]


def test_no_number_is_read_from_inside_a_word_in_real_articles():
    from factcheck.facts import quantities
    from factcheck.resources import resolve
    from factcheck.training.synthetic import news_bodies

    bodies = news_bodies(resolve("shared:data/consistency/fnc1_news_stance/train_bodies.csv"))
    assert len(bodies) > 1600
    inside = [
        body[max(0, match.start() - 10) : match.end()]
        for body in bodies
        for pattern in (quantities.QUANTITY, quantities.RANGE, quantities.PERCENT)
        for match in pattern.finditer(body)
        if match.start() > 0 and body[match.start() - 1].isalnum()
    ]
    assert inside == []


def test_a_reason_names_the_two_amounts_that_conflict_about_the_same_thing():
    import factcheck

    finding = factcheck.check(
        "The first report had three authors and a second report had six authors, "
        "including two from the first.",
        "A second, longer report had five authors.",
    )
    quantity = next(r for r in finding.reasons if r.kind == "quantity")
    assert (quantity.a, quantity.b) == ("six", "five")


def test_a_place_swapped_where_spacy_reads_one_side_as_an_organisation():
    import factcheck

    finding = factcheck.check(
        "Dr Lena Park, a lecturer at Kingsford University in Perth, Australia, studied the "
        "samples.",
        "Dr Lena Park, a lecturer at Kingsford University in Adelaide, Australia, studied the "
        "samples.",
    )
    assert finding.label == "contradict"
    place = next(r for r in finding.reasons if r.kind == "place")
    assert (place.a, place.b) == ("Perth", "Adelaide")


def test_items_of_one_list_split_into_claims_are_not_a_swap():
    from factcheck import get_pipeline

    # Written for this test in the seed article's shape, which the splitter cuts in two.
    text = (
        "The ceremony, planned for May 9 in Red Square, will also welcome Indian Prime "
        "Minister Narendra Modi and Brazilian President Lula da Silva."
    )
    report = get_pipeline({"cache": {"enabled": False}}).compare({"a": text, "b": text})
    assert report.findings_with("contradict") == []
    kinds = {reason.kind for finding in report.findings for reason in finding.reasons}
    assert "list" in kinds


def test_a_person_swapped_in_an_otherwise_identical_claim_still_contradicts():
    import factcheck

    finding = factcheck.check(
        "The parade will also host Chinese President Xi Jinping.",
        "The parade will also host Russian President Vladimir Putin.",
    )
    assert finding.label == "contradict"
    assert any(reason.kind == "person" for reason in finding.reasons)


def test_two_phrases_each_with_a_name_are_no_swap(checker):
    # FNC-1 bodies 867 and 872: spaCy tags only "Islamic" of "Islamic State" a nationality.
    assert ("nationality", True) not in fact_kinds(
        checker,
        "The British Isis militant known as Jihadi John was identified as Mohammed Emwazi.",
        "The Islamic State militant known as Jihadi John was identified as Mohammed Emwazi.",
    )
    assert ("nationality", True) in fact_kinds(
        checker,
        "The British militant known as Jihadi John was identified as Mohammed Emwazi.",
        "The French militant known as Jihadi John was identified as Mohammed Emwazi.",
    )


def test_a_direction_inside_a_name_is_no_opposite(checker):
    # FNC-1 bodies 856 and 859: "South" of "South Korean" against "north of Pyongyang".
    assert ("antonym", True) not in fact_kinds(
        checker,
        "Kim Jong-un is now in the hospital after undergoing surgery, a report in a South "
        "Korean newspaper claims.",
        "Kim Jong-Un is now recovering at an estate north of Pyongyang.",
    )
    assert ("antonym", True) in fact_kinds(
        checker,
        "The rebels moved to the north of the country.",
        "The rebels moved to the south of the country.",
    )


@pytest.mark.parametrize(
    ("a", "b", "conflict"),
    [
        # FNC-1 bodies 63 and 493: a source spoke on Monday, a newspaper reported on Tuesday.
        (
            "North Korean leader Kim Jong-un had surgery in Pyongyang in mid-September to "
            "treat fractures to both ankles, a source claimed Monday.",
            "Mr Kim had surgery in Pyongyang in the middle of September to treat them, the "
            "Chosun Ilbo, South Korea's largest newspaper, reported on Tuesday.",
            False,
        ),
        (
            "The talks had failed, the ministry said on Monday.",
            "The talks had failed, the ministry said on Tuesday.",
            True,
        ),
        # FNC-1 bodies 63 and 493, as the pipeline cuts them: the reader finds no speaker in
        # the second ("…, reported on Tuesday, citing an unnamed source"); the days of the
        # sayings are still not compared.
        (
            "North Korean leader Kim Jong-un had surgery in Pyongyang in mid-September to treat "
            "fractures to both ankles and remains in hospital, a source claimed Monday.",
            "Mr Kim had fractured both of his ankles and had surgery in Pyongyang in the middle "
            "of September to treat them, the Chosun Ilbo, South Korea's largest newspaper, "
            "reported on Tuesday, citing an unnamed source.",
            False,
        ),
        # FNC-1 bodies 1024 and 1179: a view count read on Friday morning, one on Thursday.
        (
            "The YouTube video has garnered over 75,000 hits as of Friday morning.",
            "The video has garnered at least 56,296 views as of Thursday.",
            False,
        ),
        ("The video was posted on Friday.", "The video was posted on Thursday.", True),
        # FNC-1 bodies 2138 and 2180: a state "as of" a date, reports on another day.
        (
            "The organisation has now confirmed there are no suspected cases of Ebola in "
            "Iraq as of 5 January.",
            "Reports of suspected Ebola cases appeared on December 31 in Iraq.",
            False,
        ),
        (
            "Reports of suspected Ebola cases appeared on 5 January in Iraq.",
            "Reports of suspected Ebola cases appeared on December 31 in Iraq.",
            True,
        ),
    ],
)
def test_weekdays_of_two_sayings_or_two_tallies_are_two_readings(checker, a, b, conflict):
    assert (("date", True) in fact_kinds(checker, a, b)) is conflict


def test_a_count_picked_out_of_others_or_after_a_participle_counts_what_it_says():
    # "At least one of the shots" picks shots out of those fired, whatever the hedge
    # (FNC-1 bodies 816 and 1605).
    assert (
        conflicts(
            "At least one of the shots struck Brown at the top of his head.",
            "At least six shots were fired at Michael Brown.",
        )
        == []
    )
    # "43 missing students" counts students; "57 missing people" people (bodies 1427, 1613).
    assert (
        conflicts(
            "None of the bodies belongs to a group of 43 missing students.",
            "Thirteen of an original group of 57 missing people re-emerged this week.",
        )
        == []
    )
    assert conflicts("Police found 43 missing students.", "Police found 57 missing students.") == [
        True
    ]
    # Shares of a total: "11 offices in Massachusetts and nine in New Hampshire" are 20.
    assert True not in conflicts(
        "First Essex operates 11 offices in Massachusetts and nine in southern New Hampshire.",
        "First Essex operates 20 banking offices in Massachusetts and New Hampshire.",
    )
    assert conflicts(
        "Three injured in the crash were taken to hospital.",
        "Five injured in the crash were taken to hospital.",
    ) == [True]


def test_a_common_noun_tagged_as_a_name_is_no_place_swap():
    import factcheck

    finding = factcheck.check(
        "Pope Francis told a boy whose dog had died that Paradise is open to all of God's "
        "creatures",
        "Pope Francis tells boy whose dog had died that heaven is open to all",
    )
    assert not any(reason.kind == "place" for reason in finding.reasons)
    assert finding.label != "contradict"


def test_an_antonym_counts_where_the_words_around_it_match(checker):
    assert ("antonym", True) in fact_kinds(
        checker,
        "Canseco told police he was cleaning his gun when it fired, shooting a finger on his "
        "left hand.",
        "The gun went off in the kitchen and the bullet struck a finger on his right hand.",
    )


def test_two_different_acronyms_name_two_bodies(checker):
    kinds = fact_kinds(
        checker,
        "RNC spokesman Steve Curnew told BuzzFeed that it was not the first time.",
        "RCMP spokesman Steve Curnew told BuzzFeed that it was not the first time.",
    )
    assert any(conflict for _, conflict in kinds)


def test_an_action_counted_in_times_against_its_noun():
    assert conflicts(
        "The reply was a message that gained almost 500 likes.",
        "His reply was liked thousands of times.",
    ) == [True]
    assert conflicts("The post was shared 300 times.", "He visited the city three times.") == []


def test_dates_are_matched_with_words_of_their_own_clause():
    from factcheck.facts import compare_dates

    # FNC-1 bodies 1991 and 2444: the marriage after a dash is no word of a birth's year.
    assert (
        compare_dates(
            "The island was home to Woods and Elin Nordegren before their marriage famously "
            "collapsed in 2010.",
            "Woods married Elin Nordegren, a former model born and raised in Stockholm, in "
            "2004. They had two children -- daughter Sam in June 2007 and son Charlie in "
            "February 2009 -- but their marriage unraveled.",
        )
        == []
    )
    # FNC-1 bodies 1298 and 1419: what follows "following" happened on another day.
    assert not any(
        date_conflicts(
            "Boko Haram militants were killed as they battled with soldiers on Monday, "
            "following a ceasefire between the government and Islamists.",
            "Boko Haram had announced a unilateral ceasefire on Thursday.",
        )
    )
    assert date_conflicts(
        "Boko Haram announced a ceasefire on Monday.",
        "Boko Haram had announced a unilateral ceasefire on Thursday.",
    ) == [True]
    # An abbreviation's full stop ends no clause.
    assert date_conflicts(
        "The marriage collapsed in 2010 in the U.S. state of Florida.",
        "The marriage collapsed in 2009 in the U.S. state of Florida.",
    ) == [True]


def test_years_that_share_only_a_place_date_two_events():
    from factcheck.facts import compare_dates

    moved_and_kidnapped = compare_dates(
        "She moved to the Turkish/Syrian border in December 2012 and began working there.",
        "Kayla Mueller, from Arizona, was kidnapped in Syria in August 2013.",
    )
    assert [conflict for _, conflict in moved_and_kidnapped] == []
    visits = compare_dates(
        "Kim Jong Un first visited China in 2018.", "Kim Jong Un first visited China in 2019."
    )
    assert [conflict for _, conflict in visits] == [True]


def test_a_place_within_the_other_is_no_swap(checker):
    # FNC-1 bodies 37 and 681: "La Guardia Airport" / "LaGuardia Airport", one airport.
    assert ("place", True) not in fact_kinds(
        checker,
        "An airline passenger headed to Dallas was removed from a plane at La Guardia Airport "
        "on Christmas Eve.",
        "A man at New York City's LaGuardia Airport was removed from a plane.",
    )
    # A country in a part of its continent: FNC-1 bodies 330 and 405 ("Tanzania" / "east
    # Africa").
    for inner, outer in (
        ("Aleppo", "Syria"),
        ("Dallas", "Texas"),
        ("Dallas", "the U.S."),
        ("Tanzania", "east Africa"),
        ("Vietnam", "Southeast Asia"),
        # A part of a city (FNC-1 bodies 464 and 718), also told by where in it it lies.
        ("Midtown Manhattan", "New York City"),
        ("Brooklyn", "New York"),
        ("downtown Dallas", "Texas"),
    ):
        assert ("place", True) not in fact_kinds(
            checker, f"The attack happened in {inner}.", f"The attack happened in {outer}."
        ), (inner, outer)
    # A nation of the United Kingdom (FNC-1 bodies 2148 and 2309), an organisation with its
    # article (2207 and 2531).
    assert ("place", True) not in fact_kinds(
        checker,
        "Kim Jong-un is planning to open a new restaurant in the United Kingdom.",
        "Kim Jong-Un is considering opening a restaurant in Scotland.",
    )
    assert ("place", True) in fact_kinds(
        checker,
        "Kim Jong-un is planning to open a new restaurant in Wales.",
        "Kim Jong-Un is considering opening a restaurant in Scotland.",
    )
    assert ("organisation", True) not in fact_kinds(
        checker,
        "Bergdahl has been in touch with members of the al-Qaida-linked Haqqani network.",
        "The detainee has been in touch with members of the al-Qaeda linked Haqqani network.",
    )
    # Other names of one place or company (`facts.name_aliases`; FNC-1 bodies 287 and
    # 1381, 602 and 784).
    assert ("place", True) not in fact_kinds(
        checker,
        "A report from Vancouver said a team in Las Vegas was a done deal.",
        "A report in the Vancouver Province said a team in Sin City was a done deal.",
    )
    assert ("organisation", True) not in fact_kinds(
        checker,
        "Saudia will soon enforce rules that will satisfy all passengers.",
        "Saudi Airlines will soon enforce rules that will satisfy all passengers.",
    )
    # One country by two of its names (FNC-1 bodies 337 and 419).
    assert ("place", True) not in fact_kinds(
        checker,
        "Obama's strikes place America upon a slippery slope towards a new war front.",
        "Obama's strikes place United States upon a slippery slope towards a new war front.",
    )
    # A people of a country and of its continent (FNC-1 bodies 179 and 534: "A cloistered
    # South American nun" / "A Bolivian nun").
    for inner, outer in (("Bolivian", "South American"), ("Nigerian", "African")):
        assert ("nationality", True) not in fact_kinds(
            checker, f"A {inner} nun gave birth in Italy.", f"A {outer} nun gave birth in Italy."
        ), (inner, outer)
    for a, b in (("Bolivian", "Peruvian"), ("Nigerian", "South American"), ("Iraqi", "Iranian")):
        assert ("nationality", True) in fact_kinds(
            checker, f"A {a} nun gave birth in Italy.", f"A {b} nun gave birth in Italy."
        ), (a, b)
    # "South Africa" is a country, not the south of Africa.
    for a, b in (
        ("Aleppo", "Damascus"),
        ("Nigeria", "South Africa"),
        ("Tanzania", "Asia"),
        ("Brooklyn", "Queens"),
        ("Midtown Manhattan", "Chicago"),
    ):
        assert ("place", True) in fact_kinds(
            checker, f"The attack happened in {a}.", f"The attack happened in {b}."
        ), (a, b)


@pytest.mark.parametrize(
    "a, b, expected",
    [
        # FNC-1 bodies 1357 and 2024: the dead and the readers who shared a picture.
        (
            "The terrorist attack killed 12 people near the offices of the magazine.",
            "The image has since been shared by over 100,000 people.",
            [],
        ),
        ("The blast killed 12 people.", "The blast killed 20 people.", [True]),
        # "a 22-second record" is the record's; "in 12 seconds" is how long he took.
        (
            "A Utah man who chugged a quart of eggnog in 12 seconds to win a gift card said so.",
            "He had to beat a 22-second record to win a gift card to a steak house.",
            [],
        ),
        ("He worked a 12-hour shift.", "He worked a 10-hour shift.", [True]),
        # A story gives many sums for many things: the dinner's price is not the night's win.
        (
            "Vice Media CEO Shane Smith's ridiculously expensive $300,000 dinner at the Bellagio.",
            "On the night of the steak meal, Mr Smith had reportedly won $100,000 in a game of "
            "blackjack.",
            [],
        ),
        (
            "Two smaller islands and a 494-acre water area for hunting are included in the sale.",
            "The Vladi listing pegs the property at about 62 acres.",
            [],
        ),
        # The same thing's sum or measure still conflicts, also against a title-case headline.
        ("The repairs cost $42 million.", "The repairs cost $48 million.", [True]),
        (
            "Robert Plant Ripped Up $800 Million Contract To Reunite Led Zeppelin",
            "Plant ripped up a contract that would have paid him about $300 million.",
            [True],
        ),
        ("The island covers 62 acres.", "The island covers 82 acres.", [True]),
        # A negated ordinal states none.
        (
            "This is the second time this year that people have believed the hoax.",
            "Unfortunately, this isn’t the first time Macaulay was reported dead.",
            [],
        ),
        ("It is his second visit to China.", "It is his first visit to China.", [True]),
        # A distance converted in brackets does not make two distances one.
        (
            "U.S. airstrikes hit the Syrian city of Kobani, about 90 miles (145 kilometers) "
            "northwest of Aleppo.",
            "Witnesses near the base, which is 70 km (45 miles) south of the Turkish border, "
            "saw the flights.",
            [],
        ),
        ("The base is 70 km from the border.", "The base is 45 km from the border.", [True]),
        # A price rounded to its tens is the same price.
        ("The watch will start at $350.", "The watch will start at $349.", [False]),
        ("The watch will start at $350.", "The watch will start at $340.", [True]),
        # FNC-1 bodies 188 and 331: a unit ("pounds", "percent") says nothing of what the
        # amount is of; a kind's record weight is not this fish's. A mixed fraction is read
        # whole ("6 1/2 feet", not "2 feet").
        (
            "The wels catfish weighed out at 280 pounds.",
            "Wels catfish can apparently grow to be over 13 feet long and nearly 900 pounds.",
            [],
        ),
        (
            "Apple at 10K in the first year would be about 2 percent the size of Rolex.",
            "The mid-tier Apple Watch will take another 45 percent.",
            [],
        ),
        (
            "Any wels catfish over 6 1/2 feet is considered extremely rare.",
            "It is rare to catch a wels catfish over about 6 feet.",
            [False],
        ),
        ("The fish weighed 280 pounds.", "The fish weighed 127 kg.", [False]),
        ("The fish weighed 280 pounds.", "The fish weighed 200 pounds.", [True]),
        # FNC-1 bodies 741 and 1901, 1130 and 1388: hours in hospital are not hours before
        # going there; a video seen millions of times is not cut several times; nor is a
        # sum in a question stated ("asks Thomas what he would do with $100,000").
        (
            "Roche said he spent his first 24 hours in the hospital in intensive care.",
            "A few hours later he decided to go to the hospital.",
            [],
        ),
        (
            "He was on scene when the video's climax, now seen over 28 million times, was shot.",
            "Users pointed out that the video apparently cuts several times.",
            [],
        ),
        ("The video was seen 2 million times.", "The video was seen 5 million times.", [True]),
        (
            "The almost too-perfect clip generated over $130,000 on a donation page.",
            "Paler Lin asks Thomas what he would do with $100,000.",
            [],
        ),
        # FNC-1 bodies 1024 and 1179, 5 and 559: a tally read "as of" a time holds then.
        (
            "The video had over 75,000 views as of Friday morning.",
            "The video had at least 56,296 views as of Thursday.",
            [],
        ),
        (
            "They started a Facebook page that has more than 4,044 likes as of this writing.",
            "The burger's Facebook page has attracted 3000 likes in one week.",
            [],
        ),
        # FNC-1 bodies 1795 and 1822, 1613 and 1795, 2191 and 2272: a story counts its
        # students and girls for many reasons.
        (
            "Teachers and students demanded answers about the 43 students who went missing.",
            "The cartels have been implicated in the deaths of the 28 students.",
            [],
        ),
        (
            "Twenty-two police officers were arrested, accused of killing two students.",
            "Six people were killed, 25 wounded and dozens of students rounded up by police.",
            [],
        ),
        ("Police killed two students.", "Police killed six students.", [True]),
        # "kill" and "kills" are one word around two counts of civilians.
        (
            "Rebels kill 21 civilians in Syria Alawite village",
            "Bomb kills 18 civilians in Afghanistan",
            [True],
        ),
        (
            "The deal includes the release of more than 200 kidnapped girls.",
            "Dozens of the girls escaped on their own in the first few days.",
            [],
        ),
        # A vague amount picked out of a group still counts ("dozens of the militants").
        (
            "Yemeni troops killed 10 members of the militant group holding him.",
            "Yemeni troops freed an American hostage, killing dozens of the militants.",
            [True],
        ),
        # FNC-1 bodies 816 and 1009: "two that hit his skull" are two of the bullets; a sum
        # converted in brackets keeps its scale (FNC-1 bodies 1654 and 1909).
        (
            "Brown was struck with at least six bullets including two that hit his skull.",
            "The autopsy showed he was struck at least six times, with two bullets hitting "
            "his head.",
            [False],
        ),
        (
            "The hospital is owned by Singh, who is worth $40 million.",
            "Singh has an estimated net worth of $40 (£26) million.",
            [False],
        ),
        # FNC-1 bodies 1826 and 1955: "one passenger" is someone, not all the passengers.
        (
            "One passenger at Dulles International Airport is apparently not taking any chances.",
            "Between 15 and 55 passengers travel from West African countries each day.",
            [],
        ),
        (
            "One passenger was killed in the crash.",
            "Two passengers were killed in the crash.",
            [True],
        ),
        # FNC-1 bodies 1652 and 2161: a record is no one catch's weight; two records differ.
        (
            "An enormous catfish weighing 20 stone has been caught in Italy.",
            "Dino caught the fish in the Po Delta where the biggest catfish ever caught was "
            "22 stone.",
            [],
        ),
        (
            "An enormous catfish weighing 20 stone has been caught in Italy.",
            "A fisherman has reeled in a monster 19 stone catfish.",
            [True],
        ),
        (
            "The biggest catfish ever caught weighed 300 pounds.",
            "The largest catfish ever caught weighed 250 pounds.",
            [True],
        ),
        # FNC-1 bodies 331 and 842: what a kind can grow to is the most it may reach.
        (
            "Giant sturgeon can apparently grow to be over 20 feet long and nearly 2,000 pounds.",
            "A 300 pound sturgeon was caught by an angler in Canada.",
            [],
        ),
        # A record the case set is the case's own figure (SummEdits ECTSum).
        (
            "AutoNation announced all-time record quarterly results with adjusted earnings "
            "per share of $2.79.",
            "AutoNation reported quarterly results with adjusted earnings per share of $2.49.",
            [True],
        ),
        # A modal is no word of what is priced ("could sell" / "could well be possible").
        (
            "We've seen online reports that it could sell for as much as $4,000.",
            "Foskett believes $7,999 for the 38mm version could well be possible.",
            [],
        ),
        # FNC-1 bodies 1065 and 2299: "percent" is a share's unit, no word of what it is a
        # share of; nor are "they" or another number ("across four different countries").
        (
            "Of the 4,000 respondents asked to partake in the survey across four different "
            'countries, about 10 percent cited that they are "very likely" to buy a smartwatch.',
            "With an assumed 33 percent level of gross margin, the watch would add $3.4 billion "
            "in profit.",
            [],
        ),
        (
            "About 10 percent said they are very likely to buy a smartwatch.",
            "Among respondents, 37 percent said they would purchase a Samsung Gear.",
            [],
        ),
        # ... but two moves of a market share their "percent" (MSRP).
        (
            "The blue-chip index slipped 4.77, or 0.5 percent, to 9,478.",
            "The Dow Jones index shed 0.17, or just 0.02 percent, to 9,478.",
            [True],
        ),
        (
            "About 40 percent of voters back the mayor.",
            "About 55 percent of voters back the mayor.",
            [True],
        ),
        # FNC-1 bodies 217 and 1213: a dimension ("wide") says which measure, not of what:
        # the crater's width is not the meteorite's.
        (
            "Experts have raised doubts as to whether a 12m-wide (40ft) crater near Managua "
            "was caused by a meteorite.",
            "If a space rock did carve out the crater, the meteorite was likely relatively "
            "small — about 3 feet (1 m) wide if made of iron.",
            [],
        ),
        ("The crater is about 40 feet wide.", "The crater is 30 feet wide.", [True]),
        # FNC-1 bodies 432 and 829: a span added to another is no whole one.
        (
            "Even after an inquiry found him guilty of wilful absence from duty in 1992, it "
            "took another 22 years and the intervention of a cabinet minister to remove him.",
            "A senior official was dismissed from service for unauthorized absence from duty "
            "for 25 years.",
            [],
        ),
        # FNC-1 bodies 35 and 225: spans added to two different starts.
        (
            "After an inquiry found him guilty in 1992, it took another 22 years to remove him.",
            "Proceedings were not begun until 2007. It took a further seven years to remove him.",
            [],
        ),
        # FNC-1 bodies 432 and 932: a start counted back from today is a start too.
        (
            "After an inquiry found him guilty in 1992, it took another 22 years to remove him.",
            "Charges were established six years ago, but Verma remained in employment for "
            "another eight years until he was sacked today.",
            [],
        ),
        (
            "After an inquiry found him guilty in 1992, it took another 22 years to remove him.",
            "After an inquiry found him guilty in 1992, it took another 12 years to remove him.",
            [True],
        ),
        # A claim that names no start may count from either (`bench editor`).
        (
            "After an inquiry found him guilty in 1992, it took another 22 years to remove him.",
            "It took another 12 years to remove him, the government said.",
            [True],
        ),
        # "a thousand" is a number (FNC-1 bodies 119 and 450).
        (
            "His business has received a thousand calls this week.",
            "His business has received 1,000 calls this week.",
            [False],
        ),
        (
            "His business has received a thousand calls this week.",
            "His business has received 300 calls this week.",
            [True],
        ),
        # FNC-1 bodies 777 and 983: a tally "so far" is read at its time.
        (
            "The remains of nine people had been brought from the hillside so far, with "
            "another 25 to follow.",
            "Investigators found the remains of at least 28 people inside the graves.",
            [],
        ),
        ("So far, nine people have been killed.", "Twelve people have been killed.", []),
        # FNC-1 bodies 2120 and 2285: those still doing something are read at a time too.
        (
            "The week-long annual exercise involves 200 soldiers from six nations.",
            "Roughly a dozen Afghan soldiers are still participating.",
            [],
        ),
        (
            "There are about a dozen Afghan soldiers still taking part in the exercise.",
            "Three Afghan soldiers who disappeared while on a training exercise were "
            "apprehended Monday.",
            [],
        ),
        ("Still, 200 soldiers took part.", "Twelve soldiers took part.", [True]),
        # FNC-1 bodies 1381 and 1484: teams added are no total of teams ...
        (
            "The league is preparing to add four teams by 2017.",
            "Any expansion from 30 teams would require approval from the board of governors.",
            [],
        ),
        ("The league will add four teams.", "The league will add six teams.", [True]),
        # FNC-1 pairs read in session 38: a distance from a place is no width ...
        (
            "The hole is in the woods about 1,000 feet (300 meters) from the Camino Real Hotel.",
            "Experts doubt whether a 40ft crater near Managua was caused by a meteorite.",
            [],
        ),
        # ... a bound on all of a kind no one fish's length ...
        (
            "Any wels catfish bigger than 6.5 feet is considered extremely rare.",
            "In December schoolboy Sam Lee, 14, caught an 8ft 14 stone catfish.",
            [],
        ),
        (
            "Any wels catfish bigger than 6.5 feet is considered extremely rare.",
            "Wels catfish can grow as long as 13ft.",
            [],
        ),
        # ... a sum apiece or per ounce no total ...
        (
            "The mega deal would have paid Plant, Page and Jones roughly $346 million apiece.",
            "Branson guaranteed the band more than $900 million to be split among the three.",
            [],
        ),
        (
            "Gold cost $400/oz when it was written.",
            "The frame would cost around $8,300 for the larger 42mm version.",
            [],
        ),
        ("Gold cost $400/oz.", "Gold cost $1,200/oz.", [True]),
        # ... a count in claims called false no count ...
        (
            "Claims that four terrorists had crossed the border were false, he said.",
            "Hunter said the US has apprehended about ten ISIS terrorists at the border.",
            [],
        ),
        # ... two people's ages by their names' last words ...
        (
            "It has been rumored Kim, 31, might have had ankle surgery.",
            "Perhaps the most intriguing is 27-year-old Kim Yo Jong.",
            [],
        ),
        ("Obama, 53, spoke.", "The 52-year-old Barack Obama spoke.", [True]),
        # FNC-1 bodies 1124 and 1366: a wife and a husband of one surname.
        (
            "A jealous wife in China, 30-year-old Feng Lung, reported chopped his penis off.",
            "Fan Lung, 32, was reportedly caught cheating with a younger woman.",
            [],
        ),
        # FNC-1 bodies 369 and 1086: how far west of two places.
        (
            "Iraqi troops were battling ISIS some six miles west of Baghdad.",
            "The fighting is taking place just one mile to the west of the city.",
            [],
        ),
        # ... an age group no one's age (FNC-1 bodies 779 and 1582) ...
        (
            "The pamphlet showed products targeted at girls aged 4 and up, said Emma Owen.",
            "Lego Friends along with the company is now two years old.",
            [],
        ),
        # ... and ages told as a range hold either end.
        (
            "Parents of the girls, who are aged between 13 and 15-years-old, are furious.",
            "It is worrying that a girl 13 years old has sex.",
            [False],
        ),
        # FNC-1 bodies 1091 and 1450, 1736 and 2011: what is cut is no count of all there
        # are ...
        (
            "The company has laid off thousands of employees in recent months.",
            "HP now has more than 300,000 employees globally.",
            [],
        ),
        (
            "The firm said the rumors that over 100,000 jobs will be cut are ludicrous.",
            "The company currently has about 15,000 job openings around the world.",
            [],
        ),
        ("IBM will cut 111,000 jobs.", "IBM will lay off 60,000 jobs.", [True]),
        # ... a forecast no result (FNC-1 bodies 1736 and 2011) ...
        (
            "Analysts expect Microsoft to report record revenue of $26.3 billion.",
            "The company has logged US$25 billion in revenue last year.",
            [],
        ),
        (
            "Analysts expect revenue of $26.3 billion.",
            "Analysts expect revenue of $22.3 billion.",
            [True],
        ),
        # ... and a wave's toll no toll of one of its events (FNC-1 bodies 253 and 1100).
        (
            "Some 33 people were killed in a wave of car bombings in Baghdad.",
            "In the al-Amin area of Baghdad, another car bomb killed eight people.",
            [],
        ),
        (
            "Some 33 people were killed in a wave of car bombings in Baghdad.",
            "Some 43 people were killed in a wave of car bombings in Baghdad.",
            [True],
        ),
        # FNC-1 bodies 781 and 1076: one day's airstrikes are no week's ...
        (
            "On Tuesday, the U.S. Central Command said U.S. military forces conducted four "
            "airstrikes near Kobani.",
            "The U.S. has launched dozens of airstrikes around Kobane in the last week.",
            [],
        ),
        (
            "On Tuesday, the U.S. Central Command said U.S. forces conducted four airstrikes.",
            "On Tuesday, U.S. forces conducted six airstrikes near Kobani.",
            [True],
        ),
        # ... and FNC-1 bodies 653 and 920: "several" may be eleven.
        (
            "US officials say 11 commercial aircraft have gone missing from Tripoli airport.",
            "The Tripoli airport siege led to the disappearance of several commercial planes.",
            [False],
        ),
        # FNC-1 bodies 1220 and 1736: the record a new case tops is an earlier case's ...
        (
            "The layoffs would be the largest in the company’s history, topping 60,000 jobs it "
            "cut in 1993.",
            "IBM is getting set to slash 26% of its workforce, or nearly 112,000 jobs.",
            [],
        ),
        # ... FNC-1 bodies 881 and 1387: six months of this year are no fiscal year ...
        (
            "For the first six months this year, it reported $27.8 billion in revenue.",
            "HP is on track to book $112bn in revenue this fiscal year.",
            [],
        ),
        # ... FNC-1 bodies 1443 and 1685: "$1.4b" is $1.4 billion ...
        (
            "Bloom added that the NHL would take in $1.4 billion in expansion fees.",
            "NHL expansion – four teams added by 2017, $1.4b in expansion fees",
            [False],
        ),
        # ... and FNC-1 bodies 935 and 1150: a day and an age are no counts of "after".
        (
            "Rivers was rushed to Mt. Sinai Hospital on Aug. 28 after she reportedly stopped "
            "breathing.",
            "Rivers died Sept. 4 at age 81 after going on life support.",
            [],
        ),
        ("Nine people have been killed.", "Twelve people have been killed.", [True]),
        # FNC-1 bodies 1425 and 1458: the cheapest model's price is no other model's ...
        (
            "Apple indicated that lower-tier pricing will begin at $349 for the Apple Watch.",
            "Analysts pegged high-end Apple Watch models at $1,200.",
            [],
        ),
        # ... so is "the lower-priced model"'s (FNC-1 bodies 286 and 296) ...
        (
            "Analysts pegged high-end Apple Watch Edition models at $1,200.",
            "That pegs the anodized aluminum Apple Watch Sport as the lower-priced $349 model.",
            [],
        ),
        ("The cheapest model costs $349.", "The cheapest model costs $399.", [True]),
        # ... nor is "a starting price of" one (FNC-1 bodies 562 and 2223).
        (
            "Building off Apple's quoted starting price of $349, the analyst expects ASPs closer "
            "to $550.",
            "The analyst predicts that the stainless steel Apple Watch will be priced at $499.",
            [],
        ),
        (
            "The watch has a starting price of $349.",
            "The watch has a starting price of $399.",
            [True],
        ),
        # An earlier case's figure is no other case's (FNC-1 bodies 331 and 842).
        (
            "The Mirror reports a 9-foot, 308-pound catfish was previously caught in the Po Delta.",
            "The fishermen said they caught a 280-pound catfish.",
            [],
        ),
        (
            "The Mirror reports a 9-foot, 308-pound catfish was caught in the Po Delta.",
            "The fishermen said they caught a 280-pound catfish.",
            [True],
        ),
        # ... but what was told before is no earlier case (FNC-1 bodies 336 and 392).
        (
            "It was previously reported that his family was approached with a $132 million ransom.",
            "ISIS reportedly demanded a $100 million ransom for his release.",
            [True],
        ),
        # ... while two starting prices of one thing compare ...
        (
            "The basic model of the Apple Watch will start at $349.",
            "The basic model of the Apple Watch will start at $399.",
            [True],
        ),
        # ... and "starts at" says nothing of what a price is of (FNC-1 bodies 418 and 645).
        (
            "Apple's most expensive computer, the MacPro, starts at around $3,000.",
            "Due to go on sale in April, the Apple Watch will start at $349.",
            [],
        ),
        # FNC-1 bodies 1280 and 2092: an average is no one thing's price, nor is what a sum
        # adds to a whole ...
        (
            "Munster believes the elastomer bands will range in price from $29 to $39.",
            "The average band ASP could be around $50, Munster writes.",
            [],
        ),
        (
            "Munster believes the elastomer bands will range in price from $29 to $39.",
            "The accessory range would add $25 to Apple's watch category.",
            [],
        ),
        # ... while two averages compare.
        ("The average salary is $50,000.", "The average salary is $45,000.", [True]),
        # FNC-1 bodies 1722 and 1731: a width and its conversion in brackets ("12 meters (40
        # feet) across") against the same width and a depth: no conflict ...
        (
            "A crater was found in the woods measuring something like 12 meters (40 feet) across.",
            "The crater left by the meteorite measured 40-feet wide and 16-feet, BBC reports.",
            [False],
        ),
        # ... while two widths of one crater still conflict.
        ("The crater is 12 meters across.", "The crater is 30 meters wide.", [True]),
        # FNC-1 bodies 401 and 1006: floor space inside buildings is no site's area.
        (
            "The entire campus contains about 1.7 million square feet of office space.",
            "Pacific Shores Center is a 106-acre waterfront campus.",
            [],
        ),
        # Counts of people by origin are of many things: the words around them say which
        # (FNC-1 bodies 1070 and 1803) ...
        (
            "Many of the approximately 110,000 Palestinians left homeless by Israel's assault "
            "over summer suffered.",
            "Rescue teams rushed to rescue dozens of Palestinians who were stuck in their "
            "houses after Israel opened the dams.",
            [],
        ),
        # ... and conflict where those words match.
        (
            "Hundreds of Palestinians were evacuated from their homes.",
            "Dozens of Palestinians were evacuated from their homes.",
            [True],
        ),
        # Tallies of two periods, each named in its clause, are two tallies ...
        (
            "Boko Haram has killed more than 13,000 people since 2009.",
            "Boko Haram has killed more than 2,000 people this year.",
            [],
        ),
        # Of two periods in a clause, the one told after the amount is its period (FNC-1
        # bodies 1540 and 1588).
        (
            "The rebels have reportedly killed 9,000 villagers in the years since 2011.",
            "The rebels have been fighting a war since 2011, with some 1,500 villagers "
            "reportedly killed this year.",
            [],
        ),
        # A career is a span, as "since 2009" is: no season's tally (FNC-1 bodies 593 and
        # 757).
        (
            "Jensen has played in 35 LPGA Tour events over her 12-year career with no top ten "
            "finishes.",
            "She also played the Symetra Tour in 2006, finishing with two top-10s in 27 events.",
            [],
        ),
        # ... while one period's tally, or one claim that names none, still compares.
        (
            "Boko Haram has killed more than 13,000 people since 2009.",
            "Boko Haram has killed more than 2,000 people since 2009.",
            [True],
        ),
        (
            "Boko Haram has killed 13,000 people since 2009.",
            "Boko Haram has killed 2,000 people.",
            [True],
        ),
        # A year named and one counted from today may be one (FNC-1 bodies 116 and 179).
        (
            "Last year, a 31-year-old Salvadorean nun in Italy gave birth to a baby boy.",
            "In fact, in 2014, a 33-year-old Salvadorean nun living in Italy gave birth.",
            [True],
        ),
        # FNC-1 bodies 1384 and 1711: a ranking's tier counts nothing.
        (
            "Getting into the top 10 free apps costs a fee.",
            "The overall standings before the 25 free apps last a week.",
            [],
        ),
        # FNC-1 bodies 956 and 969: "Three hundred" is 300.
        ("Three hundred soldiers were killed.", "300 soldiers were killed in the attack.", [False]),
        ("Three hundred soldiers were killed.", "Three soldiers were killed.", [True]),
        (
            "Two hundred thousand people marched.",
            "More than 150,000 people marched in the capital.",
            [False],
        ),
        # FNC-1 bodies 1541 and 1707: one lump from here and another from there are two.
        (
            "The vet removed one lump close to the fish's anus, and another from its fin.",
            "The vet removed two lumps from its body.",
            [],
        ),
        ("The vet removed one lump from the fish.", "The vet removed two lumps.", [True]),
        # "50 or 60" is a guess between two: 50 lies in it (FNC-1 bodies 122 and 129) ...
        (
            "Jasmine Tridevil was rejected by 50 doctors who feared violating ethical codes.",
            "I called like 50 or 60 doctors, nobody wanted to do it.",
            [False],
        ),
        # ... and 40 does not.
        (
            "Jasmine Tridevil was rejected by 40 doctors.",
            "I called like 50 or 60 doctors, nobody wanted to do it.",
            [True],
        ),
        # A compound modifier is not what is counted: demonstrators are no demonstrations
        # (FNC-1 bodies 222 and 361) ...
        (
            "Tens of thousands of pro-democracy demonstrators brought parts of central Hong "
            "Kong to a standstill.",
            "Thousands of pro-democracy demonstrations in Hong Kong have united themselves "
            "with another protest movement.",
            [],
        ),
        (
            "Tens of thousands of pro-democracy demonstrators brought Hong Kong to a standstill.",
            "Thousands of pro-democracy demonstrators brought Hong Kong to a standstill.",
            [True],
        ),
        # "one in eight arrests" is a share: it counts no arrests (FNC-1 bodies 1732 and
        # 1802).
        (
            "Approximately one in eight arrests made by the police was for marijuana.",
            "Brooklyn had 20,413 marijuana-related arrests and summonses.",
            [],
        ),
        ("Police made 8 arrests.", "Brooklyn had 20,413 marijuana-related arrests.", [True]),
        # An ordinal numbers one of what it is "of"; it counts none of them.
        (
            "An officer shouts at protesters during a second day of demonstrations in Hong Kong.",
            "Thousands of pro-democracy demonstrations in Hong Kong have united themselves "
            "with another protest movement.",
            [],
        ),
        # A word joined to a name ("Stockholm-based") says nothing of what a sum is of
        # (FNC-1 bodies 316 and 627).
        (
            "Stockholm-based Mojang had $100 million in profits last year.",
            "Microsoft will buy Stockholm-based game developer Mojang for $2.5 billion.",
            [],
        ),
        # A streak's length is no quarter of a year (FNC-1 bodies 486 and 943) ...
        (
            "IBM announced weak revenue figures, its eleventh straight quarter of declining "
            "revenue.",
            "IBM's first quarter numbers will take a monstrous hit from the severance packages.",
            [],
        ),
        # ... while two streaks compare.
        (
            "Revenue fell for the 11th straight quarter.",
            "Revenue fell for the tenth consecutive quarter.",
            [True],
        ),
        # Counts that each say whose the counted are, and differ, count two groups (FNC-1
        # bodies 675 and 1080) ...
        (
            "Isis militants beheaded nine Kurdish fighters, including three women.",
            "A Kurdish female fighter gained fame for killing 100 ISIS fighters.",
            [],
        ),
        # ... while the same group's, or a count that names none, compare.
        (
            "Isis militants beheaded nine Kurdish fighters.",
            "Isis militants beheaded 12 Kurdish fighters.",
            [True],
        ),
        ("Isis militants beheaded nine Kurdish fighters.", "Isis beheaded 12 fighters.", [True]),
        # Two spans "later" than two events share only that word (FNC-1 bodies 248 and 250).
        (
            "More than three weeks later, President Barack Obama named Foley as he outlined "
            "his strategy.",
            "Exactly two weeks later, another American journalist, Stephen Sotloff, was beheaded.",
            [],
        ),
        (
            "Three weeks later, another American journalist was beheaded.",
            "Two weeks later, another American journalist was beheaded.",
            [True],
        ),
        # How long before now is no span between two events (FNC-1 bodies 467 and 971) ...
        (
            "State officials did not know that the time capsule was in the cornerstone until "
            "60 years after the founding figures put it there.",
            "Some 219 years ago, the founding fathers looked on as the time capsule was "
            "tucked into the cornerstone.",
            [],
        ),
        # ... while two of either kind compare.
        (
            "The time capsule was put in the cornerstone 150 years ago.",
            "Some 219 years ago, the time capsule was tucked into the cornerstone.",
            [True],
        ),
        # The words before an earlier amount of the clause are that amount's (FNC-1 bodies
        # 461 and 537) ...
        (
            "Six people were killed, 25 wounded and dozens of students rounded up by police.",
            "Three students were killed.",
            [],
        ),
        # ... while the amount's own words still compare.
        (
            "Six people were killed and dozens of students were rounded up by police.",
            "Police rounded up three students.",
            [True],
        ),
        # A preposition says nothing of what is counted: "after" is all these share (FNC-1
        # bodies 1070 and 1803).
        (
            "Hundreds of Palestinians were evacuated from their homes Sunday morning after "
            "Israeli authorities opened a number of dams near the border.",
            "Early on Sunday, rescue teams rushed to the central area of the Gaza Strip to "
            "rescue dozens of Palestinians who were stuck in their houses after Israel opened "
            "the dams.",
            [],
        ),
        # A year's earlier case of what the other tells is another case (the same bodies) ...
        (
            "In 2010, the dams were opened as well, forcing 100 families from their homes.",
            "The civil defense teams rescued 18 families after their homes were covered with "
            "water.",
            [],
        ),
        # ... while two such cases of one year, or a year named without "again", compare.
        (
            "In 2010, the dams were opened as well, forcing 100 families from their homes.",
            "In 2010 the dams were also opened, forcing 25 families from their homes.",
            [True],
        ),
        (
            "In 2010, the dams were opened, forcing 100 families from their homes.",
            "The dams were opened, forcing 18 families from their homes.",
            [True],
        ),
        # An age set after a name is that person's: compared with an age given to the same
        # name only.
        ("John Smith, 45, was arrested.", "Police arrested Smith, 47, on Monday.", [True]),
        ("Police arrested Smith, 45, on Monday.", "Smith, 45, was arrested.", [False]),
        ("Kadalim, 26, says he was there.", "Brown, 18, was shot by police.", []),
        # A bet on a starting price is no price of one watch (FNC-1 bodies 418 and 645) ...
        (
            '"Too expensive. I could find a watch made of gold for $2,000," she said.',
            "I don't think I was wrong to place a bar bet on a $9,999 starting price for the "
            "gold model.",
            [],
        ),
        # ... while two starting prices, however written, compare.
        (
            "The gold model will start at $12,000.",
            "Analysts expect a $9,999 starting price for the gold model.",
            [True],
        ),
    ],
)
def test_amounts_conflict_only_about_one_thing(a, b, expected):
    assert conflicts(a, b) == expected


@pytest.mark.parametrize(
    "text, speaker, quotes",
    [
        # A say-verb inside a quotation is the quoted speaker's, not the writer's attribution.
        (
            "He rapped the following: “Where’s Dick Cheney at? Probably off in Iraq / Findin’ "
            "some oil to tap, tell ’em I got up on that / And y’all still think it was bin Laden.”",
            None,
            True,
        ),
        # British single quotation marks are quotations; apostrophes are not.
        (
            "A police spokesman said: ‘People cannot take the law into their own hands. ‘As "
            "deplorable as these crimes are, law and order has to be maintained.’",
            "police spokesman",
            True,
        ),
        ("It’s John’s car and he didn’t sell it to the dealer.", None, False),
        # The subject of a passive say-verb is what was said; its agent is the speaker.
        ("Two cases of Ebola had been reported in Mosul on Wednesday.", None, False),
        ("The attack was reported by Reuters on Monday.", "Reuters", False),
        # A belief or an estimate is its holder's (FNC-1 body 645: an analyst's price).
        (
            "Foskett believes $9,999 for the 42mm model could well be possible.",
            "Foskett",
            False,
        ),
        ("Analysts estimate that 8 million watches will be sold.", "Analysts", False),
    ],
)
def test_who_a_claim_is_attributed_to(checker, text, speaker, quotes):
    (facts,) = checker.read([text])
    assert (speaker in facts.speaker) if speaker and facts.speaker else facts.speaker == speaker
    assert facts.quotes == quotes


def test_a_figure_the_other_source_also_gives_is_of_another_thing():
    # Real article pair (FNC-1 bodies 877 and 1280): each source prices five models and
    # their bands; both give $450 and $650, each for its own model.
    a = (
        "Starting with Apple Watch Sport, Munster expects an ASP (average selling price) of "
        "$450 including configuration choices like case and internal storage options."
    )
    b = "The mid-tier Apple Watch will come closer to an average selling price of $650."
    told_a = extract_quantities(a) + extract_quantities("The steel model has an ASP of $650.")
    told_b = extract_quantities(b) + extract_quantities("The Sport model could reach $450.")
    assert conflicts(a, b) == [True]
    [(reason, conflict)] = compare_quantities(a, b, told_a, told_b)
    assert not conflict and "each source gives both figures" in reason.detail
    # Only one side's figure told by the other: still of different things.
    assert [c for _, c in compare_quantities(a, b, extract_quantities(a), told_b)] == [False]
    # The same figure hedged ("around $650") is the same figure.
    hedged = extract_quantities("An ASP of around $650 for steel.")
    assert [c for _, c in compare_quantities(a, b, hedged, ())] == [False]
    # Neither source gives the other's figure: the conflict stands.
    others = extract_quantities("Bands cost $49.")
    assert [c for _, c in compare_quantities(a, b, others, others)] == [True]
    # A vague amount is no figure: "thousands" told elsewhere explains no conflict.
    vague_a, vague_b = "tens of thousands of troops", "Thousands of troops"
    told = extract_quantities("Thousands of troops rehearsed.")
    assert [c for _, c in compare_quantities(vague_a, vague_b, told, told)] == [True]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Shipments will increase by more than 500 percent from 4.6 million.", "percent:change"),
        ("Shipments grew 511 percent from 4.6 million units.", "percent:change"),
        ("Sales saw a 20% drop in May.", "percent:change"),
        ("Apple will have 55 percent global marketshare this year.", "percent:"),
        ("The rate was cut to 5 percent.", "percent:"),
        ("Up to 20 percent of voters stayed home.", "percent:voter"),
    ],
)
def test_a_percentage_of_change_is_no_level(text, key):
    [quantity] = [q for q in extract_quantities(text) if q.noun.startswith("percent:")]
    assert quantity.noun == key


def test_a_change_and_a_share_are_not_compared_but_two_changes_are():
    share = "Apple will become the top vendor with 55 percent global marketshare this year."
    growth = "Shipments will increase by more than 500 percent from 4.6 million units."
    assert conflicts(share, growth) == []
    assert conflicts("Sales rose 20 percent.", "Sales rose 30 percent.") == [True]


def test_a_weekday_of_saying_is_compared_only_with_one_of_saying():
    # FNC-1 bodies 1068 and 1073: the day the government spoke, the night the meteorite fell.
    assert (
        date_conflicts(
            "Nicaragua's government said Sunday that a mysterious boom heard overnight in the "
            "capital was made by a small meteorite near Managua's airport.",
            "A small meteorite landed near the international airport in the Nicaraguan "
            "capital, Managua, on Saturday night, government officials say.",
        )
        == []
    )
    assert date_conflicts(
        "The ministry said on Monday that the talks had failed.",
        "The ministry said on Tuesday that the talks had failed.",
    ) == [True]
    assert date_conflicts(
        "Historians on Thursday opened up a time capsule.",
        "Historians on Friday opened a time capsule.",
    ) == [True]


@pytest.mark.parametrize(
    ("text", "imperative"),
    [
        ("Don't believe any report coming from MSNBC.website.", True),
        ("Don’t believe the hype.", True),
        ("Never trust a rumour.", True),
        # A "that" clause after the command is stated as fact.
        ("Never forget that the vote was rigged.", False),
        # A bare verb first is how spaCy parses some captions (Breaking NLI).
        ("Karate kids with a Japanese flag.", False),
        # Headlines drop their verbs' endings, not their subjects.
        ("Police find body in river", False),
        ("Kim Jong Un to join Beijing parade", False),
        ("The report did not say so.", False),
    ],
)
def test_a_command_to_the_reader_is_read_as_one(checker, text, imperative):
    (facts,) = checker.read([text])
    assert facts.imperative is imperative


@pytest.mark.parametrize(
    "longer, shorter, turns",
    [
        (
            "The vice president of the club resigned on Monday.",
            "The president of the club resigned on Monday.",
            True,
        ),
        (
            "The ex-president of the club resigned on Monday.",
            "The president of the club resigned on Monday.",
            True,
        ),
        ("The brother of Kim visited the steel factory.", "Kim visited the steel factory.", True),
        # MSRP and STS headlines: a pronunciation in brackets and a name's own "of" put in
        # brackets leave out nothing that turns the statement (rule 2e had kept them from
        # agreeing).
        (
            "With the Exeo (ex-ee-OH) feature, all open windows shrink to fit on the screen.",
            "With the Exeo feature, all open windows shrink to fit on the screen.",
            False,
        ),
        (
            "Chile (Republic of): Chile steps up relief efforts after floods kill 40",
            "Chile steps up relief efforts after floods kill 40",
            False,
        ),
    ],
)
def test_words_left_out_that_turn_a_statement(checker, longer, shorter, turns):
    facts_longer, facts_shorter = checker.read([longer, shorter])
    assert checker.leaves_out_what_turns_it(facts_longer, facts_shorter) is turns


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_someone_described_as_a_persons_is_another_speaker(checker, apostrophe):
    # FNC-1 bodies 2058 and 2133: "Conal's employer", its apostrophe curly, had been read
    # as Conal himself (the curly mark stood apart from the name), so two sources' words
    # were a contradiction rather than two sources disagreeing. Typography changes nothing.
    from factcheck.facts import how_one_speaker

    a, b = checker.read(
        [
            "Berg tells the paper that he never mentioned his employer to the bank.",
            f"When he was fired, Berg{apostrophe}s employer explained that the reason was an "
            "e-mail from the bank.",
        ]
    )
    assert b.speaker == f"Berg{apostrophe}s employer"
    assert how_one_speaker(a, b) is None


@pytest.mark.parametrize(
    "negated, other, unsaid",
    [
        # FNC-1 bodies 2405 and 2438, 2242 and 2280: a "no" to what the other never states.
        (
            "Berg tells the paper that he never mentioned his employer to the bank.",
            "Berg said he repeatedly called the bank about his bill.",
            True,
        ),
        (
            "Anna Berg isn't a Russian agent in Norway.",
            "Anna Berg's former car was used in a propaganda video by a militia in Norway.",
            True,
        ),
        # The other states what is said not to have happened: a conflict stays possible.
        (
            "The fish has reportedly not recovered from the operation.",
            "The goldfish has reportedly since made a full recovery.",
            False,
        ),
        (
            "Roche said he did not need intensive care.",
            "Roche spent his first 24 hours in the hospital in intensive care.",
            False,
        ),
        (
            "Smith said they didn't get offered royalties.",
            "The family was offered royalties.",
            False,
        ),
        # "not the first" says no to the rank alone: he is one, just not the first (FNC-1
        # bodies 497 and 887) ...
        (
            "Nikolai is not the first real-life Magneto.",
            "Schoolboy Nikolai claims he now has superpowers like those of Marvel's Magneto.",
            True,
        ),
        # ... which the other may state.
        ("He is not the only suspect.", "Police say he is the only suspect.", False),
        # Both say no, or one denies: other rules decide.
        ("Berg never mentioned his employer.", "Berg did not call the bank.", False),
        ("Berg denies mentioning his employer.", "Berg called the bank.", False),
    ],
)
def test_a_no_to_what_the_other_never_states(checker, negated, other, unsaid):
    # Rule 0y (between whole articles): NLI's contradiction is set aside where one claim
    # alone says no and no word of what it negates is in the other.
    from factcheck.pipeline.judge import _negates_the_unsaid

    facts = checker.read([negated, other])
    assert (_negates_the_unsaid(*facts) is not None) is unsaid
