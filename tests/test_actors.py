"""Who is named and who does what, on composed sentences (not the seeds' text)."""
from __future__ import annotations

from explainer.extract import actors


def names(text):
    return [(m.name, m.role) for m in actors.people(text)]


def test_role_before_name():
    assert names("Georgian Foreign Minister Ilia Darchiashvili spoke on Monday.") == [
        ("Ilia Darchiashvili", "Georgian Foreign Minister")]
    assert names("The talks were led by EU envoy Toivo Klaar.") == [("Toivo Klaar", "EU envoy")]


def test_role_with_a_comma_and_after_the_name():
    assert names("the region's former state minister, Arayik Harutyunyan, resigned.") == [
        ("Arayik Harutyunyan", "region's former state minister")]
    assert names("Anna Petrosyan, a spokeswoman for the Armenian government, said so.") == [
        ("Anna Petrosyan", "spokeswoman for the Armenian government")]


def test_a_role_for_another_person_is_not_theirs():
    found = dict(names("said Ani Badalyan, a spokeswoman for Foreign Minister Ararat Mirzoyan."))
    assert found["Ararat Mirzoyan"] == "Foreign Minister"
    assert found["Ani Badalyan"].startswith("spokeswoman for")


def test_places_and_days_are_not_people():
    assert names("President of Armenia Vahagn Khachaturyan visited Goris.") == [("Vahagn Khachaturyan", "President of Armenia")]
    assert names("On Monday Kornidzor Village was quiet.") == []


def test_organisations_with_their_abbreviation():
    orgs = {(m.name, m.abbr) for m in actors.organisations("The World Food Programme (WFP) and the UN Security Council met.")}
    assert ("World Food Programme", "WFP") in orgs
    assert any(name.endswith("Security Council") for name, _ in orgs)


def test_speaker_and_pronoun():
    known = actors.people("Deputy Prime Minister Mher Grigoryan visited the camp.")
    assert actors.resolve(actors.speaker('"We will help," Grigoryan said.'), known) == "Mher Grigoryan"
    assert actors.resolve("He", known) == "Mher Grigoryan"
    assert actors.resolve("It", known) is None


def test_donor_purpose_and_recipient_words():
    known = actors.people("EU Commissioner Marta Kowalska arrived in the capital.")
    text = "She announced 5 million euros in humanitarian aid for the region."
    start = text.index("5 million")
    assert actors.donor(text, start, known) == "EU"            # the organisation, not the commissioner
    assert actors.announcer(text, start, known) == "Marta Kowalska"
    assert actors.purpose(text, start, start + len("5 million euros")) == "humanitarian aid"
    text = "Japan said it would provide an emergency grant of $2 million."
    assert actors.donor(text, text.index("$2"), []) == "Japan"
    assert actors.announcer(text, text.index("$2"), []) is None


def gives(text, amount):
    known = actors.people(text)
    return actors.donor(text, text.index(amount), known), actors.announcer(text, text.index(amount), known)


def test_a_person_gives_for_the_country_or_organisation_their_role_names():
    # a national adjective, a country's possessive, "of <country>", an organisation before the role
    assert gives("Dutch Foreign Minister Pieter Bakker pledged 3 million euros.", "3 million") == ("Netherlands", "Pieter Bakker")
    assert gives("Marco Rossi, Italy's prime minister, announced 4 million euros.", "4 million") == ("Italy", "Marco Rossi")
    assert gives("President of Chile Ana Soto pledged $2 million.", "$2") == ("Chile", "Ana Soto")
    assert gives("World Bank chief Lena Ortiz approved a $50 million loan.", "$50") == ("World Bank", "Lena Ortiz")
    # the spokeswoman speaks for the prime minister's country
    text = "The spokeswoman for Norwegian Prime Minister Ola Berg, Kari Lund, announced $4 million in aid."
    assert gives(text, "$4") == ("Norway", "Kari Lund")
    # a role that names no country or organisation: no donor, the person announced it
    assert gives("Health Minister Ana Soto announced 3 million euros in aid.", "3 million") == (None, "Ana Soto")


def test_a_donor_named_as_a_body_or_country():
    assert gives("The World Bank approved a $50 million loan.", "$50") == ("World Bank", None)
    assert gives("Over the past year, the United Kingdom has provided £8 million.", "£8") == ("United Kingdom", None)
    assert gives("He recalled that the Latvian government has already allocated $10 million.", "$10")[0] == "Latvian government"
    text = "The Latvian government formally decided on Friday to allocate 2 billion euros for housing."
    assert gives(text, "2 billion")[0] == "Latvian government"
    assert gives("It sent $3 million.", "$3") == (None, None)        # "it" with no one to refer to


def test_requests_for_help_who_asked_whom_for_what():
    r = actors.request("Yerevan asked the OSCE to send observers to the border.", [])
    assert (r.asker, r.whom, r.what) == ("Yerevan", "the OSCE", "to send observers to the border")
    r = actors.request("Armenia is seeking aid from the World Bank to house the refugees.", [])
    assert (r.asker, r.whom) == ("Armenia", "the World Bank")
    assert "house the refugees" in r.what
    # a demand that is not a request for help is left out
    assert actors.request("The mayor urged residents to stay calm.", []) is None


def test_casualty_side_from_the_words_or_the_subject():
    from explainer.topic import word_pattern
    sides = (("Freedonian side", word_pattern(["Freedonia*", "Fredville"])), ("Sylvanian side", word_pattern(["Sylvania*"])))
    assert actors.side("Sylvanian servicemen", "Four Sylvanian servicemen were killed.", 0, sides) == "Sylvanian side"
    text = "Freedonia's Defence Ministry said three of its soldiers were killed."
    assert actors.side("soldiers", text, text.index("three"), sides) == "Freedonian side"
    assert actors.side("soldiers", text, text.index("three")) is None      # no sides in the topic: "not stated"
    assert actors.side("civilians", "Two civilians died.", 0, sides) is None     # who was hit, not a side
    assert actors.side("people", "Ten people died.", 0, sides) is None


def test_who_gives_a_casualty_count():
    assert actors.speaker("Five people were killed, according to the regional ombudsman.") == "the regional ombudsman"
    assert actors.speaker("According to the Red Crescent, 40 people died.") == "the Red Crescent"
    assert actors.speaker("Six people died, according to U.S. officials.") == "U.S. officials"
    assert actors.speaker("The ombudsman, Lina Berg, said 12 people died.") == "The ombudsman, Lina Berg"
    text = "Moldova's human rights ombudsman Ion Rusu said 12 people were killed."
    assert actors.resolve(actors.speaker(text), actors.people(text)) == "Ion Rusu"
    assert actors.speaker("Ten died in the blast, the Health Ministry announced on Friday, a news agency reports.") == "the Health Ministry"
    # stray words are no source
    assert actors.speaker('Baku said "two were killed" and added that five were wounded.') == "Baku"
    assert actors.speaker('The army said "two were killed" and added that five were wounded.') is None
    assert actors.speaker("Five were killed, officials said.") is None
    assert actors.speaker("Some 300 people, according to which 20 were children, left.") is None
    assert actors.speaker("Some 300 people died, according to Monday's figures.") is None


def test_names_in_any_alphabet_and_hyphenated():
    assert names("Croatian Foreign Minister Željka Škorić spoke.") == [("Željka Škorić", "Croatian Foreign Minister")]
    assert names("said Tomáš Dvořák, a spokesman for the Czech government.") == [
        ("Tomáš Dvořák", "spokesman for the Czech government")]
    assert names("Deputy Mayor Jean-Luc Moreau left.") == [("Jean-Luc Moreau", "Deputy Mayor")]
    assert names("UN Secretary-General Kofi Mensah spoke.") == [("Kofi Mensah", "UN Secretary-General")]
    assert names("Attorney General Maria Lopez spoke.") == [("Maria Lopez", "Attorney General")]


def test_the_role_before_a_comma_is_the_named_persons():
    found = dict(names("The spokeswoman for Latvian Prime Minister Ilze Ozola, Liga Berzina, said so."))
    assert found == {"Liga Berzina": "spokeswoman for Latvian Prime Minister Ilze Ozola", "Ilze Ozola": "Latvian Prime Minister"}
    assert names("The spokesman for the Latvian Prime Minister, Janis Kalnins, said so.") == [
        ("Janis Kalnins", "spokesman for the Latvian Prime Minister")]
    assert names("Janis Kalnins, a spokesman for the prime minister, said so.") == [
        ("Janis Kalnins", "spokesman for the prime minister")]


def test_possessives_and_bodies_are_not_names():
    assert names("Prime Minister Ilze Ozola’s office said so.") == [("Ilze Ozola", "Prime Minister")]
    assert names("The Prosecutor General's Office of Latvia said so.") == []
    assert names("The secretary of Latvia’s Security Council, Janis Kalnins, spoke.") == [
        ("Janis Kalnins", "secretary of Latvia’s Security Council")]
