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
    known = actors.people("EU Commissioner Janez Lenarcic arrived in Yerevan.")
    text = "He announced 5 million euros in humanitarian aid for Armenia."
    start = text.index("5 million")
    assert actors.donor(text, start, known) == "Janez Lenarcic"
    assert actors.purpose(text, start, start + len("5 million euros")) == "humanitarian aid"
    text = "Japan said it would provide an emergency grant of $2 million."
    assert actors.donor(text, text.index("$2"), []) == "Japan"


def test_requests_for_help_who_asked_whom_for_what():
    r = actors.request("Yerevan asked the OSCE to send observers to the border.", [])
    assert (r.asker, r.whom, r.what) == ("Yerevan", "the OSCE", "to send observers to the border")
    r = actors.request("Armenia is seeking aid from the World Bank to house the refugees.", [])
    assert (r.asker, r.whom) == ("Armenia", "the World Bank")
    assert "house the refugees" in r.what
    # a demand that is not a request for help is left out
    assert actors.request("The mayor urged residents to stay calm.", []) is None


def test_casualty_side_from_the_words_or_the_subject():
    assert actors.side("Armenian servicemen", "Four Armenian servicemen were killed.", 0) == "Armenian side"
    text = "Azerbaijan's Defence Ministry said three of its soldiers were killed."
    assert actors.side("soldiers", text, text.index("three")) == "Azerbaijani side"
    assert actors.side("civilians", "Two civilians died.", 0) == "civilians"
    assert actors.side("people", "Ten people died.", 0) is None


