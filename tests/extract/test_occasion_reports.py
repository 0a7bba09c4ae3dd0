"""Occasions as other outlets report them: named conferences and summits, the date a clause on
the occasion gives, who appeared, who spoke after it was told, and a dateline in capitals."""

import datetime as dt

import pytest

from footprint.extract.dateline import dateline
from footprint.extract.from_doc import extract
from footprint.model import Document
from footprint.nlp.datelines import find_dateline
from footprint.place import Geocoder


def _story(nlp, text, published="2024-03-07"):
    doc = Document(id="o", text=text, path="o.txt", published=published)
    result = extract(nlp(text), doc, geocoder=Geocoder())
    return result, [e for e in result.events if not e.background]


def _roles(result, event):
    names = {e.id: e.name for e in result.entities}
    return {(names[p.entity], p.role, p.mode) for p in event.participants}


@pytest.mark.parametrize(
    "text",
    [
        "The Westrian Unity Summit opened in Leeds on Saturday.",
        "The annual Solidarity Conference was held in Leeds on 2 March.",
        "Rudolf Rassendyll addressed the Westrian Unity Summit in Leeds on 2 March.",
        "Rudolf Rassendyll spoke at the Solidarity Conference in Leeds on 2 March.",
    ],
)
def test_a_name_held_opened_or_spoken_at_is_an_occasion_not_an_organisation(nlp, text):
    result, events = _story(nlp, text)
    assert [e.type for e in events] == ["conference"]
    assert events[0].place.name == "Leeds"
    kinds = {e.name: e.type for e in result.entities}
    assert not any(
        ("Summit" in name or "Conference" in name) and kind == "organization"
        for name, kind in kinds.items()
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Freedonia People's Conference won 12 seats in Leeds.",
        "Rudolf Rassendyll joined the Zenda Congress in Leeds in 2010.",
        "The Zenda Congress opened an office in Leeds on Monday.",
        "The Solidarity Conference said in Leeds on Monday that it would contest the election.",
        "The Freedonia Unity Forum began campaigning in Leeds on Monday.",
        "The Freedonia Unity Forum ended up winning 40 seats in Leeds.",
    ],
)
def test_a_party_named_like_an_occasion_stays_a_party(nlp, text):
    result, events = _story(nlp, text)
    assert [e.type for e in events if e.type == "conference"] == []
    assert "organization" in {
        e.type
        for e in result.entities
        if any(w in e.name for w in ("Congress", "Conference", "Forum"))
    }


def test_a_named_occasion_held_by_a_group_has_its_speaker_organiser_and_date(nlp):
    result, events = _story(
        nlp,
        "Rudolf Rassendyll spoke at the Solidarity Conference, held in Leeds by the Westrian "
        "Solidarity Front on 2 March.",
    )
    assert [e.type for e in events] == ["conference"]
    assert (events[0].date.start, events[0].date.precision) == (dt.date(2024, 3, 2), "day")
    roles = _roles(result, events[0])
    assert ("Rudolf Rassendyll", "speaker", "unknown") in roles
    assert ("Westrian Solidarity Front", "organizer", "unknown") in roles


def test_the_date_of_the_clause_on_the_occasion_beats_the_day_it_was_condemned(nlp):
    result, events = _story(
        nlp,
        "Critics on Monday condemned the appearance of Rudolf Rassendyll at the annual "
        "Solidarity Conference, held in Leeds by the Westrian Solidarity Front on 2 March.",
    )
    assert [e.type for e in events] == ["conference"]
    assert events[0].date.start == events[0].date.end == dt.date(2024, 3, 2)
    assert ("Rudolf Rassendyll", "guest", "unknown") in _roles(result, events[0])


def test_a_clause_pointing_back_to_this_day_does_not_date_the_act(nlp):
    _, events = _story(
        nlp, "Residents on Monday mourned the victims of the bombing, which happened on this day."
    )
    assert [e.type for e in events] == ["bombing"]
    assert events[0].date.text == "Monday"


@pytest.mark.parametrize(
    "text",
    [
        "Critics condemned the appearance of Rudolf Rassendyll at a conference in Leeds on "
        "2 March.",
        "Critics condemned Rudolf Rassendyll's appearance at a conference in Leeds on 2 March.",
    ],
)
def test_the_one_who_appeared_at_an_occasion_is_its_guest(nlp, text):
    result, events = _story(nlp, text)
    assert ("Rudolf Rassendyll", "guest", "unknown") in _roles(result, events[0])


def test_the_bombing_of_a_name_does_not_make_it_a_guest(nlp):
    result, events = _story(nlp, "Critics condemned the bombing of Tarlenheim Hall in Leeds.")
    assert all(p.role != "guest" for e in events for p in e.participants)


def test_who_addressed_the_occasion_in_a_relative_clause_is_its_speaker(nlp):
    result, events = _story(
        nlp,
        "A conference was held in Leeds on 2 March. Rudolf Rassendyll, who addressed the "
        "conference remotely, praised the organisers.",
    )
    assert [e.type for e in events] == ["conference"]
    assert ("Rudolf Rassendyll", "speaker", "remote") in _roles(result, events[0])


def test_who_did_not_address_it_is_no_speaker(nlp):
    result, events = _story(
        nlp,
        "A conference was held in Leeds on 2 March. Rudolf Rassendyll, who did not address the "
        "conference, praised the organisers.",
    )
    assert all(p.role != "speaker" for e in events for p in e.participants)


@pytest.mark.parametrize(
    "after",
    [
        "Anna Rassendyll, the Front's chairwoman, also spoke.",
        "Anna Rassendyll spoke first.",
    ],
)
def test_who_spoke_after_the_occasion_was_told_is_its_speaker(nlp, after):
    result, events = _story(
        nlp,
        "Thousands of supporters of the Westrian Solidarity Front rallied in Leeds on "
        "Sunday. " + after,
    )
    assert [e.type for e in events] == ["rally"]
    assert ("Anna Rassendyll", "speaker", "unknown") in _roles(result, events[0])


@pytest.mark.parametrize(
    "after",
    [
        "Anna Rassendyll spoke to reporters afterwards.",
        "Anna Rassendyll did not speak.",
        "Anna Rassendyll spoke with the mayor on Monday.",
        "Anna Rassendyll spoke on television later.",
    ],
)
def test_who_spoke_elsewhere_or_did_not_is_no_speaker(nlp, after):
    result, events = _story(
        nlp,
        "Thousands of supporters of the Westrian Solidarity Front rallied in Leeds on "
        "Sunday. " + after,
    )
    assert all(p.role != "speaker" for e in events for p in e.participants)


def test_who_spoke_after_an_attack_is_no_speaker_of_it(nlp):
    result, events = _story(
        nlp, "Raiders stormed a customs office in Tamale on Sunday. Anna Rassendyll spoke first."
    )
    assert all(p.role != "speaker" for e in events for p in e.participants)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("TAMALE, May 12 - Hundreds of traders marched in Tamale on Sunday.", "TAMALE"),
        ("NAKURU (Kenya), May 12 - Police arrested 12 traders in Nakuru.", "NAKURU"),
        ("LAHORE, Pakistan (AP) — Police said ...", "LAHORE"),
        ("TAMALE, Ghana, May 12, 2024 (Agency) - Police said ...", "TAMALE"),
        ("Report\n\nDhaka - Police said ...", "Dhaka"),
    ],
)
def test_a_dateline_and_where_it_is(text, name):
    assert dateline(text) == name
    start, end = find_dateline(text).name
    assert text[start:end] == name


def test_no_dateline_in_an_ordinary_opening():
    assert dateline("Hundreds of traders marched in Tamale - the second march.") is None
    assert find_dateline("no dateline - here") is None


def test_a_dateline_in_capitals_is_a_place_not_an_actor(nlp):
    result, events = _story(
        nlp, "TAMALE, May 12 - Hundreds of traders marched in Tamale on Sunday."
    )
    assert [e.type for e in events] == ["march"]
    assert events[0].place.name == "Tamale"
    shouted = {e.id for e in result.entities if e.name == "TAMALE"}
    assert all(e.type == "place" for e in result.entities if e.id in shouted)
    assert not any(p.entity in shouted for p in events[0].participants)


@pytest.mark.parametrize(
    "text",
    [
        "President Anna Rassendyll addressed Congress on Tuesday. Congress later passed the bill.",
        "The president addressed the Zenda Congress in Leeds on Monday.",
        "The Geneva Convention was opened for signature in 1949.",
        "Anna Rassendyll addressed the Conference in Leeds on Monday.",
        "The minister hit out at the Freedonia People's Conference at a press briefing in Leeds.",
    ],
)
def test_a_legislature_a_treaty_a_bare_name_or_a_body_attacked_is_no_named_occasion(nlp, text):
    _, events = _story(nlp, text)
    assert [e.type for e in events if e.type == "conference"] == []


def test_a_name_read_as_an_occasion_in_one_sentence_stays_a_party_in_another(nlp):
    result, events = _story(
        nlp,
        "Rudolf Rassendyll addressed the Freedonia Unity Forum in Leeds on Monday. The Freedonia "
        "Unity Forum won 40 seats in the election.",
    )
    assert [e.type for e in events] == ["conference"]
    assert "organization" in {e.type for e in result.entities if "Forum" in e.name}


def test_a_relative_clause_about_another_event_gives_no_role_in_this_one(nlp):
    result, events = _story(
        nlp,
        "Rudolf Rassendyll, who attended the conference, condemned the bombing in Leeds on Sunday.",
    )
    bombing = [e for e in events if e.type == "bombing"]
    assert bombing and all(p.role != "attendee" for p in bombing[0].participants)


@pytest.mark.parametrize(
    "after",
    [
        "Anna Rassendyll spoke in Geneva on Tuesday.",
        "Anna Rassendyll spoke of a plot against her.",
        "Anna Rassendyll spoke Tuesday.",
    ],
)
def test_who_spoke_somewhere_else_at_another_time_or_of_something_is_no_speaker(nlp, after):
    result, events = _story(
        nlp,
        "Thousands of supporters of the Westrian Solidarity Front rallied in Leeds on Sunday. "
        + after,
    )
    assert [e.type for e in events] == ["rally"]
    assert events[0].place.name == "Leeds"
    assert all(p.role != "speaker" for p in events[0].participants)


def test_two_who_also_spoke_are_both_speakers(nlp):
    result, events = _story(
        nlp,
        "Thousands of supporters of the Westrian Solidarity Front rallied in Leeds on Sunday. "
        "Anna Rassendyll and Rudolf Rassendyll also spoke.",
    )
    roles = _roles(result, events[0])
    assert {
        ("Anna Rassendyll", "speaker", "unknown"),
        ("Rudolf Rassendyll", "speaker", "unknown"),
    } <= roles


def test_a_headline_opening_with_a_person_s_name_is_no_dateline_place(nlp):
    result, _ = _story(nlp, "Rassendyll: Protesters marched in Tampere on Monday.")
    assert all(e.type != "place" for e in result.entities if e.name == "Rassendyll")


@pytest.mark.parametrize(
    "text", ["Leeds 2, Tampere 1 - match report", "Westria United 3, Eastmark 0: the goals"]
)
def test_a_score_line_is_no_dateline(text):
    assert dateline(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "A recorded message from Rudolf Rassendyll was played to the rally in Leeds on Saturday.",
        "Rudolf Rassendyll's message to the rally in Leeds on Saturday was read out by his aide.",
        "Rudolf Rassendyll sent a video message to the rally, which was held in Leeds on Saturday.",
    ],
)
def test_who_sent_a_message_to_the_occasion_is_its_remote_speaker(nlp, text):
    result, events = _story(nlp, text)
    assert [e.type for e in events] == ["rally"]
    assert ("Rudolf Rassendyll", "speaker", "remote") in _roles(result, events[0])


@pytest.mark.parametrize(
    "text",
    [
        "A message from Rudolf Rassendyll was discovered near the station after the bombing in "
        "Leeds on Saturday.",
        "Rudolf Rassendyll's message to the rally in Leeds on Saturday was simple: keep going.",
        "Rudolf Rassendyll delivered a message at the rally in Leeds on Saturday.",
        "A message from Rudolf Rassendyll was posted online during the rally in Leeds on Saturday.",
        "Rudolf Rassendyll sent messages to Anna Hentzau during the rally in Leeds on Saturday.",
    ],
)
def test_a_message_found_described_delivered_or_posted_is_no_remote_speech(nlp, text):
    result, events = _story(nlp, text)
    assert all(
        not (p.role == "speaker" and p.mode == "remote") for e in events for p in e.participants
    )


def test_who_a_relative_clause_says_addressed_the_occasion_speaks_whatever_their_place(nlp):
    result, events = _story(
        nlp, "Anna Hentzau introduced Rudolf Rassendyll, who addressed the rally in Leeds via Zoom."
    )
    assert [e.type for e in events] == ["rally"]
    assert ("Rudolf Rassendyll", "speaker", "remote") in _roles(result, events[0])


def test_who_organised_a_protest_and_was_arrested_is_not_read_from_the_clause_alone(nlp):
    result, events = _story(
        nlp, "Police arrested Rudolf Rassendyll, who organised the protest in Leeds on Saturday."
    )
    assert events
    assert all(p.role != "organizer" for e in events for p in e.participants)


def test_a_relative_clause_after_a_spokesman_for_someone_may_be_the_spokesman_s(nlp):
    result, events = _story(
        nlp,
        "A spokesman for Rudolf Rassendyll, who addressed the rally in Leeds on Sunday, said the "
        "minister was unwell.",
    )
    assert all(p.role != "speaker" for e in events for p in e.participants)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Speakers at the rally in Leeds on Sunday included Rudolf Rassendyll and Anna Hentzau.",
            "speaker",
        ),
        (
            "Those who spoke at the rally in Leeds on Sunday included Rudolf Rassendyll and Anna "
            "Hentzau.",
            "speaker",
        ),
        ("Rudolf Rassendyll was the guest of honour at the rally in Leeds on Friday.", "guest"),
        ("Rudolf Rassendyll was chief guest at a Leeds rally on Friday.", "guest"),
        ("Rudolf Rassendyll was the main speaker at the rally in Leeds on Friday.", "speaker"),
    ],
)
def test_the_role_a_group_or_a_billing_gives(nlp, text, role):
    result, events = _story(nlp, text)
    assert [e.type for e in events] == ["rally"]
    assert ("Rudolf Rassendyll", role, "unknown") in _roles(result, events[0])


@pytest.mark.parametrize(
    "text",
    [
        "Guests on the talk show about the rally in Leeds on Sunday included Rudolf Rassendyll.",
        "Those who did not speak at the rally in Leeds on Sunday included Rudolf Rassendyll.",
        "Those who spoke to reporters after the rally in Leeds on Sunday included Rudolf "
        "Rassendyll.",
        "Rudolf Rassendyll was the keynote speaker at Tampere University, where students staged "
        "a protest on Sunday.",
    ],
)
def test_a_group_or_a_billing_that_names_no_occasion_of_theirs_gives_no_role(nlp, text):
    result, events = _story(nlp, text)
    assert all(p.role not in ("speaker", "guest") for e in events for p in e.participants)


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Rudolf Rassendyll appeared alongside Anna Hentzau at a rally in Leeds on Sunday.",
            "speaker",
        ),
        (
            "Rudolf Rassendyll was arrested alongside Anna Hentzau at a protest in Leeds on Sunday.",
            "target",
        ),
    ],
)
def test_who_was_alongside_has_the_subject_s_part(nlp, text, role):
    result, events = _story(nlp, text)
    assert any(("Anna Hentzau", role, "unknown") in _roles(result, e) for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "Over the weekend, the Westrian Solidarity Front held a rally in Tampere.",
        "The Westrian Solidarity Front held a rally in Tampere at the weekend.",
    ],
)
def test_the_weekend_in_a_report_is_the_one_just_past(nlp, text):
    _, events = _story(nlp, text)  # published on Thursday 7 March 2024
    assert (events[0].date.start, events[0].date.end) == (dt.date(2024, 3, 2), dt.date(2024, 3, 3))


def test_the_weekend_in_a_story_of_another_year_is_that_year_s(nlp):
    _, events = _story(
        nlp,
        "The summit opened in Geneva on Friday 12 July 2019. Over the weekend, delegates held "
        "talks in Geneva.",
    )
    talks = [e for e in events if e.type == "meeting"]
    assert talks and talks[0].date.start == dt.date(2019, 7, 13)


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        (
            "A rally was staged in Leeds on Sunday. Rudolf Rassendyll told the crowd via video "
            "link that the struggle would go on.",
            "remote",
        ),
        (
            "The gathering in Leeds on Sunday heard from Rudolf Rassendyll, who spoke by video "
            "link.",
            "remote",
        ),
        (
            "Rudolf Rassendyll's remarks, delivered by video link, drew loud applause at the rally "
            "in Leeds on Sunday.",
            "remote",
        ),
    ],
)
def test_who_told_or_was_heard_by_an_assembly_spoke_to_it(nlp, text, mode):
    result, events = _story(nlp, text)
    assert len(events) == 1
    assert ("Rudolf Rassendyll", "speaker", mode) in _roles(result, events[0])


def test_what_the_speaker_told_the_crowd_of_others_gives_them_no_part(nlp):
    result, events = _story(
        nlp,
        "A rally was staged in Leeds on Sunday. Anna Hentzau told the crowd that Rudolf "
        "Rassendyll would appear next week.",
    )
    roles = _roles(result, events[0])
    assert ("Anna Hentzau", "speaker", "unknown") in roles
    assert not any(name == "Rudolf Rassendyll" for name, _, _ in roles)


@pytest.mark.parametrize(
    "after",
    [
        "Rudolf Rassendyll told the crowd to disperse.",
        "Rudolf Rassendyll told supporters that the struggle would go on.",
        "Rudolf Rassendyll told the crowd in a written note: the struggle goes on.",
        "Speaking on his podcast, Rudolf Rassendyll told the audience that he had doubts.",
        "Rudolf Rassendyll told a crowd of reporters outside the hall that he would stay.",
    ],
)
def test_an_order_a_medium_or_a_crowd_of_reporters_is_no_speech_at_the_occasion(nlp, after):
    result, events = _story(nlp, "A rally was staged in Leeds on Sunday. " + after)
    assert [e.type for e in events] == ["rally"]
    assert ("Rudolf Rassendyll", "speaker", "unknown") not in _roles(result, events[0])


def test_what_was_told_may_name_a_medium(nlp):
    result, events = _story(
        nlp,
        "A rally was staged in Leeds on Sunday. Rudolf Rassendyll told the crowd that the "
        "programme had failed.",
    )
    assert ("Rudolf Rassendyll", "speaker", "unknown") in _roles(result, events[0])


@pytest.mark.parametrize(
    "text",
    [
        "The court heard from Rudolf Rassendyll about the rally in Leeds on Sunday.",
        "Delegates did not hear from Rudolf Rassendyll at the summit in Leeds on Wednesday.",
        "Critics condemned Rudolf Rassendyll's remarks about the bombing in Leeds.",
        "Critics attacked Rudolf Rassendyll's remarks at the rally in Leeds on Saturday.",
    ],
)
def test_a_hearing_denied_or_remarks_on_an_act_are_no_speech(nlp, text):
    result, events = _story(nlp, text)
    assert events
    assert all(p.role != "speaker" for e in events for p in e.participants)


@pytest.mark.parametrize(
    ("after", "role", "mode"),
    [
        ("Rudolf Rassendyll was among the attendees.", "attendee", "unknown"),
        ("Rudolf Rassendyll was pictured on stage.", "participant", "in_person"),
        ("Rudolf Rassendyll was also in attendance.", "participant", "in_person"),
        # named in apposition to the subject
        ("Its guest, Rudolf Rassendyll, was in attendance.", "participant", "in_person"),
    ],
)
def test_who_a_later_sentence_places_at_the_occasion_took_part(nlp, after, role, mode):
    result, events = _story(nlp, "A rally was staged in Leeds on Sunday. " + after)
    assert [e.type for e in events] == ["rally"]
    assert ("Rudolf Rassendyll", role, mode) in _roles(result, events[0])


def test_who_a_later_sentence_places_on_stage_after_an_attack_is_not_added(nlp):
    result, events = _story(
        nlp, "Raiders stormed a customs office in Leeds on Sunday. Rudolf Rassendyll was on stage."
    )
    assert all(
        p.role != "participant" or p.mode != "in_person" for e in events for p in e.participants
    )


def test_a_body_s_own_gathering_is_organised_by_it(nlp):
    result, events = _story(
        nlp, "The Westrian Solidarity Front's annual rally was held in Leeds on Sunday."
    )
    assert ("Westrian Solidarity Front", "organizer", "unknown") in _roles(result, events[0])


def test_a_person_s_gathering_keeps_them_a_participant(nlp):
    result, events = _story(nlp, "Rudolf Rassendyll's rally was held in Leeds on Sunday.")
    assert ("Rudolf Rassendyll", "participant", "unknown") in _roles(result, events[0])


@pytest.mark.parametrize(
    "after",
    [
        "Rudolf Rassendyll was not in attendance.",
        "Rudolf Rassendyll was among the attendees last year.",
        "Rudolf Rassendyll will be in attendance next week.",
        "Rudolf Rassendyll may be in attendance.",
        "Rudolf Rassendyll might be on stage.",
        "Rudolf Rassendyll was also in attendance at his own hearing.",
        "Anna Hentzau's mother was in attendance.",
        "Anna Hentzau said Rudolf Rassendyll was on stage with extremists.",
    ],
)
def test_who_a_later_sentence_denies_dates_elsewhere_or_reports_is_not_added(nlp, after):
    result, events = _story(nlp, "A rally was staged in Leeds on Sunday. " + after)
    assert [e.type for e in events] == ["rally"]
    assert not any(
        name == "Rudolf Rassendyll" or name == "Anna Hentzau"
        for name, _, _ in _roles(result, events[0])
    )


@pytest.mark.parametrize(
    "text",
    [
        "The Freedonia Liberation Front's strike on the border post killed two soldiers.",
        "Protesters gathered outside the Westrian Solidarity Front's conference in Leeds on "
        "Sunday.",
    ],
)
def test_a_body_s_strike_or_a_gathering_at_its_occasion_does_not_make_it_an_organiser(nlp, text):
    result, events = _story(nlp, text)
    assert all(p.role != "organizer" for e in events for p in e.participants)


def test_a_dated_dateline_leaves_the_lead_s_organiser_and_its_speaker_told_by_title(nlp):
    result, events = _story(
        nlp,
        "KUMASI, Sept 1 - The Freedonia Unity Party held a rally in Kumasi on Sunday. Its leader, "
        "Osra Sapt, told the crowd that the party would contest every seat.",
    )
    assert [e.type for e in events] == ["rally"]
    roles = _roles(result, events[0])
    assert ("Freedonia Unity Party", "organizer", "unknown") in roles
    assert ("Osra Sapt", "speaker", "unknown") in roles


def test_the_day_in_the_dateline_is_when_it_was_filed_not_when_it_happened(nlp):
    _, events = _story(
        nlp,
        "KUMASI, Sept 2 - The Freedonia Unity Party staged a rally in the town on Saturday.",
        published="2024-09-02",
    )
    assert [e.type for e in events] == ["rally"]
    assert events[0].date.start == dt.date(2024, 8, 31)


def test_what_the_speaker_told_the_crowd_at_another_time_is_another_occasion(nlp):
    result, events = _story(
        nlp,
        "Supporters of the Freedonia Unity Party held a rally in Kumasi on Saturday. Its leader, "
        "Osra Sapt, told the crowd last month that the party would win.",
    )
    rally = [e for e in events if e.type == "rally"]
    assert rally and ("Osra Sapt", "speaker", "unknown") not in _roles(result, rally[0])


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        (
            "The organisers, the Westrian Solidarity Front, said 5,000 people attended the rally in "
            "Leeds on Sunday.",
            "Westrian Solidarity Front",
            "organizer",
        ),
        (
            "The main speaker, Rudolf Rassendyll, appeared by video link at the rally in Leeds on "
            "Sunday.",
            "Rudolf Rassendyll",
            "speaker",
        ),
    ],
)
def test_a_name_in_apposition_to_its_role_has_that_role(nlp, text, name, role):
    result, events = _story(nlp, text)
    assert [e.type for e in events] == ["rally"]
    assert any(n == name and r == role for n, r, _ in _roles(result, events[0]))


def test_a_role_of_something_else_in_apposition_gives_none_at_the_occasion(nlp):
    result, events = _story(
        nlp,
        "The host of the talk show, Anna Hentzau, said 5,000 people attended the rally in Leeds on "
        "Sunday.",
    )
    assert all(n != "Anna Hentzau" or r != "host" for n, r, _ in _roles(result, events[0]))


def test_a_video_address_by_someone_is_theirs_not_the_host_s(nlp):
    result, events = _story(
        nlp,
        "The Westrian Solidarity Front's rally in Leeds on Sunday featured a video address by "
        "Rudolf Rassendyll.",
    )
    roles = _roles(result, events[0])
    assert ("Rudolf Rassendyll", "speaker", "remote") in roles
    assert all(mode != "remote" for n, _, mode in roles if n == "Westrian Solidarity Front")
