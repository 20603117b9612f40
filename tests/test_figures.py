"""Figure rules, from sentences composed for each rule."""
from __future__ import annotations

import re

import pytest

from support import repo_settings
from explainer.extract.figures import find


def one(sentence: str):
    found = find(sentence)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("sentence, value, unit, qualifier, metric", [
    ("Officials said 65,035 people had arrived in the country.", 65035, "people", "exact", "arrivals"),
    ("Officials said 100 000 refugees had been registered.", 100000, "people", "exact", "arrivals"),
    ("More than 20,000 vehicles have crossed the bridge.", 20000, "vehicles", "more than", "vehicles"),
    ("Some 42,500 residents have fled the valley.", 42500, "people", "about", "arrivals"),
    ("At most a few hundred persons remain in the town.", 300, "people", "at most", "remaining"),
    ("The ministry said two of its soldiers were killed.", 2, "people", "exact", "killed"),
    ("She announced a $11.5 million aid package for the region.", 11_500_000, "USD", "exact", "aid"),
    ("The federation launched an emergency appeal for 20 million Swiss Francs.", 20_000_000, "CHF", "exact", "appeal"),
    ("The valley had a population of around 120,000 before the war.", 120000, "people", "about", "population"),
    ("Between 50 and 1,000 people are missing after the blast.", 50, "people", "between", "missing"),
    ("About 12% of the arrivals are children.", 12, "percent", "about", "share"),
])
def test_figures(sentence, value, unit, qualifier, metric):
    f = one(sentence)
    assert (f.value, f.unit, f.qualifier, f.metric) == (value, unit, qualifier, metric)


# Numbers in words: the whole number is read ("Twenty-five", not the "five" after the hyphen).
@pytest.mark.parametrize("sentence, value, unit, metric", [
    ("Twenty-five people were killed in the blast on Tuesday.", 25, "people", "killed"),
    ("Two hundred people were wounded.", 200, "people", "wounded"),
    ("Forty-two soldiers were killed.", 42, "people", "killed"),
    ("Yesterday two hundred and fifty refugees arrived.", 250, "people", "arrivals"),
    ("Since then one hundred thousand people fled.", 100_000, "people", "arrivals"),
    ("A dozen trucks crossed the bridge.", 12, "vehicles", "vehicles"),
    ("A hundred and twenty people fled.", 120, "people", "arrivals"),
    ("The bank gave five million euros in aid.", 5_000_000, "EUR", "aid"),
    ("There are 100 thousand displaced people in the region.", 100_000, "people", "displaced"),
])
def test_numbers_in_words(sentence, value, unit, metric):
    f = one(sentence)
    assert (f.value, f.unit, f.metric) == (value, unit, metric)


def test_vague_amount_kept_in_words():
    f = one("At most a few hundred persons remain in the town.")
    assert (f.value, f.words) == (300, "At most a few hundred persons")


def test_no_number_word_after_a_hyphen():
    assert find("The Alpha-Seven soldiers returned to base.") == []


def test_currency_word_with_a_look_alike_letter():
    """The pattern ignores case the Unicode way ("ſ" matches s, "ı" i): such a word is read or skipped, never a crash."""
    assert [(f.value, f.unit) for f in find("They gave 5 dollarſ each and 7 Swıss francs.")] == [(5, "USD")]


def test_change_and_conversion_kept_as_given():
    f = one("We will raise our funding from 2 to 5 million euros ($5.28 million), the minister said.")
    assert (f.value, f.previous, f.unit, f.converted) == (5_000_000, 2_000_000, "EUR", "$5.28 million")


@pytest.mark.parametrize("sentence, value, before", [
    ("The EU raised its aid from 500,000 to 2 million euros.", 2_000_000, 500_000),     # the low end is not scaled
    ("The EU raised its aid from 2 to 5 million euros.", 5_000_000, 2_000_000),         # it takes the high end's scale
    ("The EU raised its aid from 2 million to 5 billion euros.", 5_000_000_000, 2_000_000),   # it has its own
])
def test_the_low_end_of_a_change_has_its_own_scale(sentence, value, before):
    (f,) = find(sentence)
    assert (f.value, f.previous) == (value, before)


def test_range_kept_as_range():
    f = one("Between 50 and 1,000 people are missing.")
    assert (f.value, f.value_max) == (50, 1000)


def test_shared_verb_and_side():
    a, b = find("The army said 192 Azerbaijani soldiers and one civilian had been killed in the fighting.")
    assert (a.value, a.metric, a.who) == (192, "killed", "Azerbaijani soldiers")
    assert (b.value, b.metric, b.who) == (1, "killed", "civilian")


@pytest.mark.parametrize("sentence", [
    "The war ended in 1994 after six years.",
    "Photo 3 of 20 shows the square at 8 a.m. on the day.",
    "After a 10-month blockade, a 24-hour blitz followed.",
    "Armenia and Azerbaijan have fought two wars over the region.",
])
def test_not_figures(sentence):
    assert find(sentence) == []


# --- Kinds of writing in articles nobody here wrote (issue 16): each rule from composed sentences ---

@pytest.mark.parametrize("sentence, value, metric", [
    ("The number of evacuees rose to 46,200 on Tuesday.", 46_200, "arrivals"),                    # a change
    ("The official tally of registered persons is 57,310.", 57_310, "arrivals"),                  # a state
    ("Evacuees sheltering in the capital, whose number has reached 8,400, need food.", 8_400, "displaced"),
    ("Refugee arrivals have reached 71,000.", 71_000, "arrivals"),
    ("The death toll stands at 64.", 64, "killed"),
    ("The number of dead is 50.", 50, "killed"),
    ("The number of vehicles that crossed the pass is 9,870.", 9_870, "vehicles"),
])
def test_a_count_stated_as_a_change_or_a_state(sentence, value, metric):
    f = one(sentence)
    assert (f.value, f.metric) == (value, metric)


def test_a_projection_is_no_count():
    assert find("The number of arrivals could rise to 150,000.") == []
    assert one("The UN said up to 120,000 people could flee in the coming days.").metric == "people"
    assert one("Another 5,000 refugees are expected to arrive this week.").metric == "people"


@pytest.mark.parametrize("sentence, value", [
    ("Officials said 12 500 refugees had arrived.", 12_500),
    ("Officials said 12.500 refugees had arrived.", 12_500),        # dots between thousands
    ("Officials said 1.2 million refugees had arrived.", 1_200_000),  # a decimal before a scale word
    ("The bank pledged 1.500 million euros.", 1_500_000),
])
def test_thousands_written_with_spaces_or_dots(sentence, value):
    assert one(sentence).value == value


def test_a_range_without_from_is_a_range():
    f = one("Some 10,000-15,000 people fled the town.")
    assert (f.value, f.value_max, f.qualifier) == (10_000, 15_000, "between")


@pytest.mark.parametrize("sentence", [
    "Tens of thousands of people fled the region.",
    "Thousands of refugees arrived overnight.",
    "Several hundred people gathered in the square.",
    "One of the refugees told reporters she had walked for two days.",       # a person, not a count of one
    "One refugee said the road was closed.",
    "The offensive on September 19-20 killed dozens.",                        # days of a month
    "COVID-19 patients were moved to the new ward.",
])
def test_vague_counts_people_and_days_are_not_figures(sentence):
    assert find(sentence) == []


def test_one_killed_is_still_a_count():
    assert one("One civilian was killed in the shelling.").metric == "killed"


@pytest.mark.parametrize("sentence, counts", [
    ("At least 20 people were killed and more than 50 wounded in the shelling.", [(20, "killed"), (50, "wounded")]),
    ("The shelling killed at least 20 people and injured 50.", [(20, "killed"), (50, "wounded")]),
    ("The raids killed 14 and wounded over 60 in the port.", [(14, "killed"), (60, "wounded")]),
    ("A total of 83 troops were killed and 240 were wounded.", [(83, "killed"), (240, "wounded")]),
    ("The attack left 5 dead and 20 wounded.", [(5, "killed"), (20, "wounded")]),
    ("At least 70 people on their side, including children, were killed and over 90 were wounded.",
     [(70, "killed"), (90, "wounded")]),
])
def test_killed_and_wounded_are_told_apart(sentence, counts):
    assert [(f.value, f.metric) for f in find(sentence)] == counts


@pytest.mark.parametrize("sentence, metric", [
    ("More than 60,000 residents, nearly the entire population of the valley, have fled.", "arrivals"),
    ("More than 35,000 people have taken refuge in the country since Monday.", "arrivals"),
    ("The mass exodus of over 20,000 residents emptied the town.", "arrivals"),
    ("Some 42,500 evacuees are housed in hotels and schools.", "displaced"),
    ("The city has arranged the accommodation of 1,240 people.", "displaced"),
    ("More than 40,000 of the province's inhabitants have fled.", "arrivals"),
    ("Officials counted 52,118 forcibly displaced residents who had arrived.", "arrivals"),
])
def test_the_people_counted_are_named_in_many_ways(sentence, metric):
    assert one(sentence).metric == metric


def test_a_part_of_the_whole_counts_what_the_whole_counts():
    part, whole = find("Officials say 31,450 of the province's estimated 50,000 Armenians have fled so far.")
    assert (part.value, part.unit, part.metric) == (31_450, "people", "arrivals")
    assert (whole.value, whole.metric, whole.qualifier) == (50_000, "population", "about")


@pytest.mark.parametrize("sentence, value", [
    ("Some 12,000 children are among the refugees who crossed on Monday.", 12_000),
    ("Among the new arrivals are some 9,500 elderly people.", 9_500),
])
def test_a_subgroup_never_becomes_the_arrivals_total(sentence, value):
    f = one(sentence)
    assert (f.value, f.metric) == (value, "displaced")


def test_a_part_keeps_the_measure_of_its_whole_but_never_the_arrivals_total():
    a, b = find("About 45,000 people fled, including 18,000 children who crossed the border.")
    assert (a.metric, b.metric) == ("arrivals", "displaced")
    a, b = find("The programme aims to support some 80,000 people including 52,000 refugees.")
    assert (a.metric, b.metric) == ("affected", "affected")


def test_people_a_plan_is_to_help_are_affected_not_arrivals():
    appeal, people = find("The agency is appealing for $40 million to help 75,000 refugees.")
    assert (appeal.metric, people.metric) == ("appeal", "affected")


def test_people_interviewed_are_no_count_of_the_displaced():
    assert one("Researchers interviewed, at the border, 23 people who fled the region.").metric == "people"


@pytest.mark.parametrize("sentence, metric", [
    ("Some 120,000 people lived in the region before the offensive.", "population"),
    ("Some 120,000 ethnic Armenians had lived in the region for centuries.", "population"),
    ("Before the war, 150,000 people used to live in the valley.", "population"),
    ("About 5,000 refugees lived in tents near the border.", "arrivals"),      # arrivals, wherever they live
    ("About 2,000 people who lived in the valley have fled.", "arrivals"),     # the count's verb is "fled"
    ("About 2,000 people living in the valley have fled.", "arrivals"),
])
def test_those_who_lived_there_are_a_population(sentence, metric):
    assert one(sentence).metric == metric


def test_people_saved_are_rescued():
    assert one("Rescuers have saved more than 3,000 people in the valley.").metric == "rescued"
    assert one("The vaccine saved 200 lives in the camps.").metric == "people"        # lives saved were not lost


def test_a_population_estimate_in_an_aside():
    f = one("Nearly all of the population of the valley – estimated at around 65,000 – fled.")
    assert (f.value, f.metric, f.qualifier) == (65_000, "population", "about")


@pytest.mark.parametrize("sentence, metric", [
    ("Each household will receive 300 euros per person per month.", "other"),
    ("Every evacuee without a home is to receive 25,000 roubles ($260) per month.", "other"),
    ("The package includes a one-off cash payment of 500 euros to every refugee.", "other"),
    ("Each displaced person will receive 20,000 AMD for rent and 5,000 AMD for heating.", "other"),
    ("The ministry approved one-time support of EUR 700.", "other"),             # the code before the number
    ("The government will allocate 12 billion roubles for housing.", "aid"),
    ("The bank has provided more than $18 million in assistance.", "aid"),
])
def test_an_amount_per_person_or_per_month_is_no_aid_total(sentence, metric):
    assert {f.metric for f in find(sentence)} == {metric}


def test_a_bracketed_amount_after_a_number_is_its_conversion():
    """"another ten thousand ($25)": the $25 converts the drams, it is no figure of its own."""
    assert [(f.value, f.unit) for f in find("Each family gets 30,000 drams and another five thousand ($12) for heating.")] == [
        (30_000, "AMD")]


def test_an_earlier_count_of_the_same_measure():
    now, before = find("By noon, over 2,600 people had crossed, an increase from approximately 1,900 recorded at dawn.")
    assert (before.value, before.unit, before.metric, before.qualifier) == (1900, "people", "arrivals", "about")
    assert before.words == "increase from approximately 1,900"


def test_a_bare_count_shows_the_words_that_say_what_it_counts():
    assert one("The number of people killed in the flood has risen to 48.").words == \
        "The number of people killed in the flood has risen to 48"
    assert find("A total of 83 troops were killed and 240 were wounded.")[1].words == "240 were wounded"



# --- Kinds of writing of another event's articles (a flood, an earthquake): the same rules, other words ---

@pytest.mark.parametrize("sentence, value, unit, metric", [
    ("The storm left some 12,000 houses destroyed.", 12_000, "buildings", "buildings"),
    ("The landslide claimed nearly 400 lives.", 400, "people", "killed"),
    ("Rescuers saved 150 lives in the first night.", 150, "people", "people"),
    ("Over two million inhabitants will benefit from the programme.", 2_000_000, "people", "affected"),
    ("As many as 1.4 million people were affected by the storm.", 1_400_000, "people", "affected"),
    ("Some 300 pupils from schools that were affected by the storm were taught in tents.", 300, "people", "people"),
    ("So far, more than 2000 people are known to have died.", 2000, "people", "killed"),     # no year with "more than"
    ("The fund will chip in two billion dirhams.", 2_000_000_000, "MAD", "aid"),
    ("A grant of 50,000 dirhams will be paid for totally destroyed houses.", 50_000, "MAD", "other"),
    ("The government pays a $150 monthly stipend to each family.", 150, "USD", "other"),
])
def test_another_event_in_other_words(sentence, value, unit, metric):
    f = one(sentence)
    assert (f.value, f.unit, f.metric) == (value, unit, metric)



@pytest.mark.parametrize("sentence, value, metric", [
    ("Police said 1,200 protesters were detained.", 1200, "detained"),
    ("Police detained 140 people during the protest.", 140, "detained"),
    ("Some 45 people were rescued on Tuesday.", 45, "rescued"),
    ("The agency said the number of people in need has reached 300,000.", 300_000, "affected"),
    ("The valley, home to 80,000 residents, was emptied.", 80_000, "population"),
    ("More than 100 people remain missing.", 100, "missing"),             # not "remaining"
    ("A few hundred residents still remain in the city.", 300, "remaining"),
    ("Another 2,000 crossed overnight.", 2000, "arrivals"),
    ("More than 500 have fled since Monday.", 500, "arrivals"),
    ("The death toll from the blast rose to 64.", 64, "killed"),
])
def test_more_measures_the_scorer_knows(sentence, value, metric):
    f = one(sentence)
    assert (f.value, f.metric) == (value, metric)


def test_a_bare_number_with_a_verb_of_movement_needs_a_word_that_makes_it_a_count():
    assert find("The 3 crossed the river.") == []


def test_money_a_disaster_cost_is_no_aid():
    assert one("The quake caused $3 billion in damage.").metric == "other"
    assert one("The fund gave $5 million to repair schools.").metric == "aid"


def test_a_subgroup_of_a_toll_keeps_its_measure():
    assert [(f.value, f.metric, f.who) for f in find("Five people, including two children, were killed.")] == [
        (5, "killed", "people"), (2, "killed", "children")]


def test_a_year_is_still_no_count():
    assert find("In 2020 people fled the valley.") == []
    assert [f.value for f in find("By 2022 refugees had settled.")] == []


def test_a_currency_code_is_written_in_capitals():
    """"try" is a verb, "TRY" the Turkish lira."""
    assert find("Some 50 try to cross every night.") == []
    assert [(f.value, f.unit) for f in find("The bank lent 40 million TRY.")] == [(40_000_000, "TRY")]


def test_every_measure_has_a_row_on_the_humanitarian_page(project_copy):
    """Sources links every figure to its row: displaced, affected, buildings and per-person amounts have one too."""
    from explainer.build import build_site
    from explainer.model import METRICS
    from explainer.pages.queries import figure_anchor
    from explainer.settings import Settings
    (project_copy / "seeds" / "2023-10-09-example-plan.md").write_text(
        "---\ntitle: Plan\noutlet: Example Wire\npublished: 2023-10-09\n---\n"
        "The plan aims to support some 80,000 people. Some 20,000 evacuees are housed in schools. "
        "Each refugee will receive 300 euros per month. Some 2,000 houses collapsed. Police detained 140 people.\n",
        encoding="utf-8")
    site = build_site(project_copy, repo_settings())
    page = site.pages["humanitarian.md"]
    assert {"displaced", "affected", "other", "buildings", "detained"} <= {f.metric for f in site.figures} <= set(METRICS)
    assert all(f'id="{figure_anchor(f)}"' in page for f in site.figures)


# --- found by composing articles of other crises (December 2026) ---------------------------------

@pytest.mark.parametrize("sentence, metrics", [
    # a count's measure is in its own part of the clause: not the next verb's joined by "and"
    ("The floods displaced 600,000 people and killed 120 on Monday.", ["arrivals", "killed"]),
    ("The floods displaced 600,000 people and injured 120.", ["arrivals", "wounded"]),
    ("The storm left 80,000 people homeless and 12 dead.", ["displaced", "killed"]),
    ("Militants abducted 80 students and killed two teachers.", ["people", "killed"]),
    ("The blast killed 12 people and injured 300.", ["killed", "wounded"]),
    ("192 soldiers and 1 civilian were killed.", ["killed", "killed"]),
    # ... and the table's order, not the first word: a modifier does not beat the verb
    ("At least 30 people who had been rescued from the rubble later died in hospital.", ["killed"]),
    ("About 40 people held in detention were killed in the strike.", ["killed"]),
    ("About 90 people were left injured.", ["wounded"]),
    ("Some 300 people remain displaced.", ["arrivals"]),
    ("Shelters for 3,000 displaced people were built.", ["displaced"]),
    ("About 40 people lived through the siege.", ["people"]),
    # what remains is what the words after say: in detention, in shelters, or in the place
    ("Police said 212 people remain in detention.", ["detained"]),
    ("Nearly 5,000 people remain in shelters on the outskirts.", ["displaced"]),
    ("About 2,000 people remain in the city.", ["remaining"]),
    ("Some 50 people remained under the rubble.", ["people"]),                 # where they are, not that they stayed
    ("A total of 90,000 residents of Sylvania remained under a blockade.", ["people"]),
    # money asked for, and money for each one
    ("The appeal, launched on Thursday by the UN chief, seeks $160 million.", ["appeal"]),
    ("The agency said it needed $140 million for the response.", ["appeal"]),
    ("The government will allocate $75 million for the housing needs of families.", ["aid"]),
    ("Families who lost their homes will receive 5,000 rupees each, the government said.", ["other"]),
    ("Survivors are being given 1,000 euros apiece.", ["other"]),
    ("The relatives of each victim will be paid 400,000 rupees in compensation.", ["other"]),
    # found in later passes
    ("Jihadists killed 22 soldiers and abducted 40 civilians in the raid.", ["killed", "people"]),
    ("Half of the 10,000 residents of the town fled on Monday.", ["population"]),
    ("Half the 30,000 residents fled.", ["population"]),
    ("Around 400,000 displaced people lived in the camp before the attack.", ["displaced"]),
    ("Twelve more people have died, taking the number of cholera deaths to 312.", ["people", "killed"]),
    ("Another 300 people were evacuated, bringing the number of evacuees to 4,500.", ["people", "arrivals"]),
    ("Some 40 people remain in critical condition.", ["wounded"]),
    ("The storm left 80,000 people without power and 12 dead.", ["people", "killed"]),   # "left" them, not departed
    ("About 2,000 people left the city on Monday.", ["arrivals"]),
    # the people of a country or town the article names in passing claim no measure (not the topic's population);
    # a capacity is no count of arrivals
    ("It has 730,000 registered jobs in a country of some 3 million people.", ["people"]),
    ("The camp became a town of 5,000 refugees within a week.", ["arrivals"]),
    ("Some 20 people remain under arrest.", ["detained"]),
    # a clause of time after a count is read after the count's own words (those dead are not the 100,000)
    ("More than 100,000 people fled the valley in late September as the army took it after two days of fighting "
     "that left hundreds of soldiers dead.", ["arrivals"]),
    ("Almost 8,000 people who did not want to live in the valley after its return to the army have left it.",
     ["arrivals"]),
    ("Some 20 people were killed after an explosion at a depot.", ["killed"]),
    ("At least 40 people who fled after the shelling began were killed in the strike.", ["killed"]),
    ("Some 12 soldiers and dozens of civilians were killed.", ["killed"]),
    ("The fighting claimed the lives of approximately 200 soldiers, officials said.", ["killed"]),
    ("Some 250 people were injured in the explosion that claimed the lives of 12.", ["wounded"]),
    # a casualty verb in a "that" clause after the count is another count's
    ("Some 250 people were injured in the explosion that killed 12.", ["wounded", "killed"]),
    ("More than 300 people were evacuated after the quake that killed 40.", ["arrivals", "killed"]),
    ("Some 2,000 residents attended the funeral for the victims of the blast that killed 12 workers.", ["people", "killed"]),
    ("Some 20 people that were killed were buried.", ["killed"]),
    ("Rescuers saved 40 people from the fire that claimed the lives of six.", ["rescued"]),
    ("Twelve people evacuated from the village before the dam burst were later found dead.", ["killed"]),
    # a price is no aid (a grant for costs is)
    ("Six months ago, an apartment could be rented for 80-100 thousand drams.", ["other"]),
    ("The bank approved a $50 million grant to cover the costs of rebuilding schools.", ["aid"]),
    # people "in hospitals" are not all wounded
    ("Some 2,000 displaced people are sheltering in hospitals and schools.", ["displaced"]),
    ("Some 40 people remain in hospital.", ["wounded"]),
    # victims are the killed and the hurt together
    ("The total number of mine victims has reached 314 people since the war.", ["other"]),
    ("The number of victims rose after officials reported 20 dead on Tuesday.", ["killed"]),
    ("About 30 people remain under treatment in hospital.", ["wounded"]),
    ("Half of the 1,000 people who lived through the siege were killed.", ["people"]),
    ("Fewer than 1,000 people still live in the region, officials said.", ["remaining"]),
    ("The country is prepared to receive as many as 40,000 evacuees if needed.", ["people"]),
    # people who need help are those a plan or disaster reaches (not those who needed it and died, nor the wounded)
    ("Close to 12 000 refugees require health assistance.", ["affected"]),
    ("Some 5,000 people need urgent medical care.", ["affected"]),
    ("At least 30 patients who needed dialysis care died when power was cut.", ["killed"]),
    ("Armenia has been able to take in more than 100,000 refugees.", ["arrivals"]),
    ("By September 30 the 100,000 people had crossed into the country.", ["arrivals"]),
    # an aside that says what the count amounts to is not what it counts
    ("Some 9,000 people, which is about 12% of the valley's population, have left.", ["arrivals", "share"]),
])
def test_measures_read_from_the_counts_own_words(sentence, metrics):
    assert [f.metric for f in find(sentence)] == metrics


@pytest.mark.parametrize("sentence, want", [
    # thousands set off by apostrophes; a decimal comma before a scale word
    ("Over 20’600 people fled to the hills.", [20600]),
    ("Some 40'000 people fled to the hills.", [40000]),
    ("The agency has provided over $4,7 million in aid.", [4_700_000]),
    ("It gave 1,500 million euros.", [1_500_000_000]),
    # an amount's conversion in words is not an amount of its own
    ("Each family would receive 2 million drams, the equivalent of 5,000 dollars.", [2_000_000]),
    ("The fund gave €2 million, the equivalent of €500 per family.", [2_000_000, 500]),       # not a conversion
    # the decimals of a number in words are no number of their own
    ("Ninety-eight point five per cent voted yes.", []),
    ("One point two million people fled.", []),
    ("At this point 300 people have fled.", [300]),
    ("At one point 300 people had fled.", [300]),
])
def test_numbers_written_other_ways(sentence, want):
    assert [f.value for f in find(sentence)] == want


def test_the_running_total_is_the_toll_and_what_was_added_is_not():
    added, total = find("Another 23 people died on Monday, taking the death toll to 148.")
    assert (added.metric, added.value, total.metric, total.value) == ("people", 23, "killed", 148)
    added, total = find("A further 300 people were rescued, bringing the total rescued to 1,150.")
    assert (added.metric, total.metric, total.value) == ("people", "rescued", 1150)
    assert one("Another 2,000 crossed overnight, officials said.").metric == "arrivals"     # no total beside it


@pytest.mark.parametrize("sentence, metrics", [
    # a whole a part of which the verb counts keeps the measure of its own words
    ("Half of the 10,000 residents have fled, the mayor said.", ["population"]),
    ("One in three of the 6,000 residents is now homeless.", ["population"]),      # and "one in three" is no count
    ("About 40 percent of the 5,000 refugees are children.", ["share", "arrivals"]),
    ("Half of the 2,000 people who fled have returned.", ["arrivals"]),
    ("Half of the 300 people killed were children.", ["killed"]),
    ("Only one in 10 of the 40,000 displaced has returned.", ["displaced"]),
    ("Two in three of the 6,000 residents have fled.", ["population"]),
    # a count of a whole: the part is what the verb counts, the whole what its own words say (who live there), not
    # the sentence's verb after the clause that describes it
    ("Some 8,000 of the 50,000 ethnic Georgians who call the valley home had crossed into Turkey by noon.",
     ["arrivals", "population"]),
    ("More than 4,700 of the 30,000 people who live in the valley have fled.", ["arrivals", "population"]),
    ("Some 8,780 of the district's estimated 60,000 ethnic Georgians have fled so far.", ["arrivals", "population"]),
    ("More than 8,000 of the 20,000 people had crossed by noon.", ["arrivals", "people"]),
    ("About 3,000 of the 20,000 refugees who arrived last week were housed in schools.", ["arrivals", "arrivals"]),
    ("Some 200 of the 1,000 people who were wounded have gone home.", ["wounded", "wounded"]),
    ("Records of 1400 of the 3500 forcibly displaced persons are complete.", ["displaced"]),
    # those food or aid is for
    ("A convoy reached the town carrying food for 35,000 people.", ["affected"]),
])
def test_a_whole_and_those_help_is_for(sentence, metrics):
    assert [f.metric for f in find(sentence)] == metrics


@pytest.mark.parametrize("sentence", [
    # a count per day, week or month is a rate, not a number of people
    "Some 300 people arrive every day.",
    "About 1,200 people crossed the border per day.",
    "The agency said 400 people a day were crossing.",
    "The clinic receives about 130 injured people daily.",
    "The clashes have killed about 12 people each day since March.",
    "At least 500 people, most of them children, die every day from hunger.",     # past an aside
    "Every day since Monday, more than 2,000 people have crossed the border.",    # the period first
    "Every day, the agency registers about 300 new arrivals.",
])
def test_a_rate_is_no_count(sentence):
    assert [f for f in find(sentence) if f.unit == "people"] == []


@pytest.mark.parametrize("sentence, value", [
    ("More than 3,000 people fled in a day.", 3000),                  # all of them, within one day
    ("4,000 people fled in just a day.", 4000),
    ("60 people died over a week.", 60),
    ("300 people were stranded for a day.", 300),
    ("2,500 people were killed a day and a half after the tsunami.", 2500),
    ("Twelve people were killed a day after the vote.", 12),
    ("The ministry said 5,000 people receive daily rations.", 5000),    # "daily" before a noun
    ("50,000 people were receiving daily meals.", 50000),
    ("40,000 people were displaced, OCHA's weekly update said.", 40000),
    ("20,000 people received a month's worth of food rations.", 20000),
    ("300 people were killed during a month-long siege.", 300),
    ("The camp hosts 35,000 refugees, and 400 more arrive each week.", 35000),   # the rate is the other count's
    ("Every day, rescuers search the rubble, and by Sunday 300 people had been found.", 300),
    ("At least 500 people, most of them children, died on Sunday.", 500),
])
def test_a_day_that_is_no_rate(sentence, value):
    assert [f.value for f in find(sentence)] == [value]


@pytest.mark.parametrize("sentence, metric", [
    ("The lawsuit seeks $10 million in damages.", "other"),            # money a court is asked for: no appeal
    ("The family is suing for $5 million in compensation.", "other"),
    ("The families are suing the company for $2 million.", "other"),
    ("The court-appointed administrator distributed $2 million in aid.", "aid"),
    ("Households will receive $15 million in cash assistance.", "aid"),
    ("The appeal seeks $160 million to repair damage.", "appeal"),
    ("Each of the 300 families will receive $200.", "other"),         # for each family, not a total
    ("Displaced families will get $150 a month.", "other"),
    ("Each of the 1,000 households that received cash was given $250.", "other"),
    ("The 5,000 families will receive a total of $2 million.", "aid"),
    ("The appeal seeks $30 million a month.", "other"),                 # a rate asked for, no total
    ("The UN appealed for $5 million a day after the quake.", "appeal"),
    ("Germany pledged $5 million a week after the quake.", "aid"),
    ("The Supreme Court ordered the government to release $50 million in relief.", "aid"),
])
def test_money_for_a_claim_or_for_each(sentence, metric):
    assert [f.metric for f in find(sentence) if f.unit != "people"] == [metric]


@pytest.mark.parametrize("sentence, unit", [
    ("Australia pledged A$1.5 million in emergency aid.", "AUD"),    # another country's dollars
    ("Canada gave C$10 million.", "CAD"),
    ("Brazil announced R$19 billion in credit lines.", "BRL"),
    ("The US gave US$10 million.", "USD"),
    ("The US gave $10 million.", "USD"),
])
def test_dollars_of_other_countries(sentence, unit):
    assert [f.unit for f in find(sentence)] == [unit]


def test_unknown_letters_before_a_dollar_sign_make_no_figure_and_a_conversion_stays_one():
    assert find("XY$5 million was raised.") == []
    (f,) = find("Japan gave $5 million (A$7 million).")
    assert (f.unit, f.converted) == ("USD", "A$7 million")


@pytest.mark.parametrize("sentence, metric", [
    ("1,800 people have died or gone missing.", "other"),            # two measures in one count
    ("2,500 people were killed or injured.", "other"),
    ("About 14,000 people were reached with oral vaccines.", "people"),   # reached by help, not arriving
    ("About 14,000 people reached the border.", "arrivals"),
])
def test_combined_counts_and_people_reached(sentence, metric):
    assert [f.metric for f in find(sentence)] == [metric]


def test_a_daily_rate_named_first_is_no_count():
    assert find("The daily rate of arrivals averaged 1,500 people last week.") == []


@pytest.mark.parametrize("sentence, want", [
    # a toll whose event takes many words to name is still the toll
    ("The death toll from an explosion and fire at a storage site near the regional capital has risen to 170, "
     "officials said.", [(170, "killed")]),
    # deaths and fatalities count the killed; wounds the wounded
    ("There are 10 confirmed civilian deaths, including five children.", [(10, "killed"), (5, "killed")]),
    ("The storm caused 14 fatalities in two provinces.", [(14, "killed")]),
    ("Ambulances brought 23 people with severe wounds across the border.", [(23, "wounded")]),
    # ... not a rate of deaths, nor one who died of his wounds
    ("Officials reported 40 deaths a day.", []),
    ("The 12 soldiers died of their wounds.", [(12, "killed")]),
])
def test_a_long_named_toll_deaths_and_wounds(sentence, want):
    assert [(f.value, f.metric) for f in find(sentence)] == want


@pytest.mark.parametrize("sentence, want", [
    # an amount in square brackets after an amount is its conversion, as one in round brackets
    ("The grant cannot exceed 55 million drams [$143,000] per family.", [(55000000, "AMD", "$143,000")]),
    ("Japan gave $5 million (A$7 million).", [(5000000, "USD", "A$7 million")]),
])
def test_a_conversion_in_square_brackets(sentence, want):
    assert [(f.value, f.unit, f.converted) for f in find(sentence)] == want


@pytest.mark.parametrize("sentence, metric", [
    # people who received something are no arrivals
    ("Only 3,226 people have received passports so far.", "other"),
    ("41,611 people have already received that amount.", "other"),
    # ... unless the words name who they are, or they were received
    ("About 5,000 people were received at the centre.", "arrivals"),
    ("Approximately 100,000 forcibly displaced persons have already received the lump sum.", "arrivals"),
    ("The country received 100,000 refugees.", "arrivals"),
    # living in a place named, or in a region: a population; not "still" (remaining), nor a way of living
    ("Some 120,000 people live in the Upper Valley enclave, recognised as part of Freedonia.", "population"),
    ("About 40,000 people live in Fredville.", "population"),
    ("About 1,000 people still live in the region.", "remaining"),
    ("Some 80,000 children live in poverty.", "people"),
    ("Some 5,000 refugees live in tents.", "arrivals"),
])
def test_people_who_received_and_who_live_in_a_place(sentence, metric):
    assert [f.metric for f in find(sentence)][-1:] == [metric]


@pytest.mark.parametrize("sentence, metric", [
    # what was done for the people counted, not who they are: other ("other" is never a wrong measure, only a missed one)
    ("About 41,000 people have been paid the allowance.", "other"),
    ("Some 3,000 children were given shelter in hotels.", "other"),
    ("More than 1,400 people have been granted citizenship.", "other"),
    ("About 300 people continue to receive treatment.", "other"),
    # ... unless their words say who they are: a part keeps the measure of the whole
    ("Officials said 15,264 children displaced from the valley were enrolled in schools.", "arrivals"),
    ("About 41,000 refugees have been paid the allowance.", "arrivals"),
    ("The minister said that 67 of the people injured in the explosion are receiving treatment.", "wounded"),
    # ... and not a count that registers or receives them, nor a verb of another clause
    ("Some 2,000 refugees were registered in Fredville.", "arrivals"),
    ("About 5,000 people were received at the centre.", "arrivals"),
    ("More than 100,000 people fled, and most were given shelter.", "arrivals"),
])
def test_people_counted_for_what_was_done_for_them(sentence, metric):
    assert [f.metric for f in find(sentence)][:1] == [metric]


@pytest.mark.parametrize("sentence, want", [
    # a number in thousands with no noun, before a verb of arriving or fleeing: a count of people
    ("Officials said 50,243 had arrived, up from 28,000 a day earlier.", [(50243, "arrivals"), (28000, "arrivals")]),
    ("By Wednesday, 50,243 had fled.", [(50243, "arrivals")]),
    # ... not one that "the" makes a known group, nor a small one with no word that counts it
    ("The 2,000 left at dawn.", []),
    ("The 3 crossed the river.", []),
    ("In 2023 left the party.", []),
])
def test_a_count_in_thousands_with_no_noun(sentence, want):
    assert [(f.value, f.metric) for f in find(sentence)] == want


@pytest.mark.parametrize("sentence, want", [
    # after a count and a colon, its parts: not read by the verb before the count ("reached")
    ("The number of civilian casualties reached 7: 3 women, 2 children and 2 men.",
     [(7, "people"), (3, "people"), (2, "people"), (2, "people")]),
    # an aside whose number has a comma is still an aside
    ("More than 53,000 people, or about 45% of the population of 120,000, had left the region.",
     [(53000, "arrivals"), (45, "share"), (120000, "population")]),
])
def test_a_list_after_a_colon_and_an_aside_with_thousands(sentence, want):
    assert [(f.value, f.metric) for f in find(sentence)] == want


@pytest.mark.parametrize("sentence, want", [
    # a number that rose from one count on one day to another: the count it rose to
    ("The number of refugees rose from 28,000 on Tuesday to 50,000 on Wednesday.", [(50000, "arrivals")]),
    ("The death toll from the blast climbed from 125 people on Tuesday morning to 170.", [(125, "killed"), (170, "killed")]),
    # ... and with nothing between the two numbers: not a range ("between 50 and 1,000"), a change from one to the other
    ("The death toll rose from 20 to 68.", [(68, "killed")]),
    # ... only with the verb of change just before it (not "Surgeons said anywhere from 200 to 300")
    ("Surgeons at the field hospital said anywhere from 200 to 300 people were wounded.", [(200, "wounded")]),
    ("As the death toll climbed, officials said from 2,000 to 5,000 people had fled the town.", [(2000, "arrivals")]),
    # ... whatever stands between the verb and "from", but a clause break or a saying
    ("The EU raised its aid to the U.N. refugee agency from 2 to 5 million euros.", [(5000000, "aid")]),
    ("The death toll rose on Wednesday (local time) from 20 to 68 people.", [(68, "killed")]),
    ("The death toll climbs from 20 to 68 people.", [(68, "killed")]),
    ("Rose Kimani, a nurse in the camp, said anywhere from 2,000 to 5,000 people had fled.", [(2000, "arrivals")]),
    # ... nor past a conjunction or another verb (a range of estimates after a change told before it)
    ("Attacks surged after Sept. 3 and from 20 to 30 soldiers were killed in the following week.", [(20, "killed")]),
    ("Increased shelling since Jan. 5 has displaced from 2,000 to 5,000 people, the U.N. said.", [(2000, "arrivals")]),
    ("We will increase our additional funding for the International Committee of the Red Cross from 2 to 5 million "
     "euros.", [(5000000, "aid")]),
    ("The number of refugees rose from 13,000 to 28,000, officials said.", [(28000, "arrivals")]),
])
def test_a_number_that_rose_from_one_day_to_the_next(sentence, want):
    assert [(f.value, f.metric) for f in find(sentence)] == want


@pytest.mark.parametrize("sentence, want", [
    # found in the third review: an aside with its own verb is no aside
    ("The quake injured 300 people, about 1,200 were left homeless, and 15 remain missing.", [(300, "wounded")]),
    # a number in thousands with no noun is not people where the sentence counts things or money, nor "left"
    ("Of the 3,500 lorries that queued at the checkpoint, 2,100 crossed on Monday.", [(3500, "vehicles")]),
    ("Of the 600,000 euros pledged, only 150,000 arrived before winter.", [(600000, "aid")]),
    ("The fund has 12,000 left.", []),
    # a count's parts after its colon keep its measure
    ("The toll reached 200: 150 soldiers and 50 civilians.", [(200, "killed"), (150, "killed"), (50, "killed")]),
    # "the 120,000 residents of" a place: its population (not "some 120,000 residents of the region fled")
    ("The service will pray for the 120,000 residents of Upper Valley who are now fleeing.", [(120000, "population")]),
    ("Some 120,000 residents of the region fled.", [(120000, "arrivals")]),
])
def test_what_the_third_review_found_in_figures(sentence, want):
    assert [(f.value, f.metric) for f in find(sentence)] == want


@pytest.mark.parametrize("sentence, want", [
    # found in the fourth review: those who moved, or are lodged, are no population
    ("The 6,500 residents of Upper Valley who crossed into the country on Sunday were taken to Fredville.",
     [(6500, "arrivals")]),
    ("The 200 residents of the city's shelters fled.", [(200, "arrivals")]),
    ("Most of the 120,000 residents of the enclave have left, and many are sleeping in hotels.", [(120000, "population")]),
    # those "who have been killed", "displaced": what happened to them, not the place's population
    ("The 3,000 residents of Fredville who have been killed in the floods were buried.", [(3000, "killed")]),
    ("Aid groups are trying to reach the 120,000 residents of Upper Valley who have been displaced.", [(120000, "arrivals")]),
    # ... but "who had been sheltering in basements" are still the town's population
    ("The 80,000 inhabitants of Lower Town who had been sheltering in basements emerged on Monday.", [(80000, "population")]),
    ("Aid groups are trying to reach the 120,000 residents of Upper Valley who have been rescued.", [(120000, "rescued")]),
    ("The 120,000 residents of the enclave who have been cut off from food since December face famine.",
     [(120000, "population")]),
    # an aside with a "who" clause is still an aside
    ("About 5,000 people, including 1,200 who had fled from the hills, remain in the city.", [(5000, "remaining")]),
    # a part after a colon is smaller than its whole and has no verb of its own
    ("The shelling killed 12 people: 3,000 residents fled the town the next day.", [(12, "killed"), (3000, "arrivals")]),
])
def test_what_the_fourth_review_found_in_figures(sentence, want):
    assert [(f.value, f.metric) for f in find(sentence)][:len(want)] == want


@pytest.mark.parametrize("sentence, want", [
    # "and nearly 300 injured" is the next count's part, qualifier and all
    ("The death toll had risen to 68, with a further 105 people missing and nearly 300 injured.",
     [(68, "killed"), (105, "missing"), (300, "wounded")]),
    # admitted to hospital: the hurt
    ("Officials said 290 people were admitted to hospitals after the blast.", [(290, "wounded")]),
])
def test_the_next_counts_part_and_admitted_to_hospital(sentence, want):
    assert [(f.value, f.metric) for f in find(sentence)] == want


@pytest.mark.parametrize("sentence, metric", [
    # found in review
    ("The evacuation averted as many as 5,000 deaths.", "people"),
    ("The agreement aims to heal the wounds of a conflict that displaced 600,000 people.", "arrivals"),
    ("The toll of those injured in the blast at the depot has risen to 290.", "wounded"),
    ("The toll of missing people in the floods has risen to 10,100.", "missing"),
    ("At least 500 people live in Red Cross shelters in Fredville.", "displaced"),
    ("Around 40,000 children live in Fredville.", "people"),
    ("More than 200 people have received treatment for burns and shrapnel injuries.", "wounded"),
])
def test_what_the_review_found_in_figures(sentence, metric):
    assert [f.metric for f in find(sentence)] == [metric]


def test_deaths_beside_births_are_no_toll():
    assert [(f.value, f.metric) for f in find("The country recorded 120,000 births and 150,000 deaths last year.")] \
        == [(150000, "other")]


@pytest.mark.parametrize("sentence, want", [
    # patients and victims taken in are no arrivals: hurt or killed when their words say so, else other
    ("The burns centre has received seven victims of the explosion.", [(7, "other")]),
    ("With the support of the union, 3 severely injured patients were evacuated abroad.", [(3, "wounded")]),
    ("To date, close to 20 patients have been medically evacuated.", [(20, "other")]),
    ("Some 120 patients died in the hospital.", [(120, "killed")]),
    # "one out of every 30 people" is a rate
    ("Some 100,632 refugees arrived, which means that one out of every 30 people there is a newcomer.",
     [(100632, "arrivals")]),
])
def test_patients_victims_and_one_out_of_every(sentence, want):
    assert [(f.value, f.metric) for f in find(sentence)] == want


def test_patients_in_hospital_are_not_hurt_unless_said():
    assert [f.metric for f in find("Another 92 patients are hospitalised in the centre.")] == ["other"]
    assert [f.metric for f in find("Four victims remain in critical condition.")] == ["wounded"]


@pytest.mark.parametrize("sentence, metric", [
    ("The hospital is treating 90 patients wounded in the blast.", "wounded"),
    ("Doctors evacuated 25 patients who had been injured in the explosion.", "wounded"),
    ("Some 290 people were admitted to hospital with pneumonia.", "people"),      # an illness: no one hurt
    ("Some 290 people were admitted to hospital after the blast.", "wounded"),
])
def test_what_the_second_review_found_in_figures(sentence, metric):
    assert [f.metric for f in find(sentence)] == [metric]


@pytest.mark.parametrize("sentence, want", [
    # the whole in "N out of (a total of) M" is not what the part's verb counts
    ("More than 65,036 people out of a total of 120,000 people of the region have left in four days.",
     [(65036, "arrivals"), (120000, "people")]),
    ("Only 2,000 out of 120,000 residents remain.", [(120000, "population")]),
])
def test_the_whole_after_out_of(sentence, want):
    assert [(f.value, f.metric) for f in find(sentence)] == want
