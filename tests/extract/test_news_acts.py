"""News acts the genre tells in its own ways: protesting by doing something, sides fighting,
casualties counted per conjunct, a town after "central", how a speaker took part."""

from pathlib import Path

import pytest

from footprint.extract.from_doc import extract
from footprint.model import Document
from footprint.place import Geocoder


def _story(nlp, text, published="2015-03-04"):
    doc = Document(id="n", text=text, path="n.txt", published=published)
    result = extract(nlp(text), doc, geocoder=Geocoder())
    return result, [e for e in result.events if not e.background]


@pytest.mark.parametrize(
    "text",
    [
        "Dozens of women assembled before the mayor's office in Kumasi to protest the "
        "murder of a shopkeeper.",
        "Traders in Kumasi closed their shops to protest the shooting of a colleague by police.",
        "Youths burned tyres in Kumasi on Tuesday to protest the killing of a rider.",
    ],
)
def test_an_act_done_to_protest_a_killing_is_a_protest(nlp, text):
    _, events = _story(nlp, text)
    assert [e.type for e in events] == ["protest"]
    assert events[0].place.name == "Kumasi"


@pytest.mark.parametrize(
    "text",
    [
        "Workers plan to gather in Kumasi to protest the new levies.",
        "Traders said they would close their shops to protest the new levies.",
        "The senator resigned in Kumasi on Tuesday to protest the decision.",
        "The foreign ministry summoned the ambassador in Kumasi to protest the expulsion.",
    ],
)
def test_a_protest_planned_or_one_body_s_gesture_is_no_protest_event(nlp, text):
    _, events = _story(nlp, text)
    assert [e.type for e in events if e.type == "protest"] == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Rival gangs fought in Tampere at the weekend, leaving two men dead.", "clash"),
        ("The two clans fought over grazing land near Tampere on Monday.", "clash"),
        ("Troops battled militants near Tampere on Monday.", "clash"),
        ("Rebels battled for control of the town of Tampere on Sunday.", "clash"),
        ("Soldiers were killed while fighting militants near Tampere on Monday.", "clash"),
        ("Backers of two opposing candidates fought with machetes in Tampere.", "clash"),
    ],
)
def test_sides_of_people_fighting_clash(nlp, text, kind):
    _, events = _story(nlp, text)
    assert [e.type for e in events] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "The minister fought corruption for years in Tampere.",
        "She battled cancer for ten years in Tampere.",
        "Firefighters battled to contain the blaze in Tampere on Tuesday.",
        "The unions fought against the new pension law in Tampere.",
        "The team fought back in the second half at the stadium in Tampere.",
        "He fought in the war as a young man.",
        "Residents fought the fire for hours in Tampere on Tuesday.",
        "Doctors fought to save his life at the hospital in Tampere.",
        "Lawmakers battled over the budget in Tampere on Tuesday.",
        "They fought hard but lost the final 2-1 in Tampere.",
        "Workers fought with management over pay at the plant in Tampere.",
    ],
)
def test_a_cause_an_ill_or_a_contest_fought_is_no_clash(nlp, text):
    _, events = _story(nlp, text)
    assert [e.type for e in events if e.type in ("clash", "riot")] == []


def test_a_conjunct_with_its_own_vague_count_takes_no_other_number(nlp):
    text = "Two were killed and several wounded when a grenade blew up in Tampere."
    _, (event,) = _story(nlp, text)
    assert (event.casualties.killed, event.casualties.injured) == (2, None)
    text = "Three were killed and seven wounded when a grenade blew up in Tampere."
    _, (event,) = _story(nlp, text)
    assert (event.casualties.killed, event.casualties.injured) == (3, 7)


def test_a_name_after_central_is_a_place_where_the_model_called_it_a_product(nlp):
    doc = nlp("Protesters marched through central Leeds on Saturday.")
    assert [(e.text, e.label_) for e in doc.ents if e.text == "Leeds"] == [("Leeds", "GPE")]
    _, (event,) = _story(nlp, "Protesters marched through central Leeds on Saturday.")
    assert event.place.name == "Leeds"


@pytest.mark.parametrize(
    "text",
    [
        "A convention of the Westrian diaspora took place in Tampere on Saturday; Rudolf "
        "Rassendyll, the movement's leader, delivered the keynote address via Zoom.",
        "Rudolf Rassendyll took part in the meeting in Tampere remotely on Saturday.",
    ],
)
def test_zoom_and_remotely_are_remote_participation(nlp, text):
    result, events = _story(nlp, text)
    names = {e.id: e.name for e in result.entities}
    modes = {names[p.entity]: p.mode for e in events for p in e.participants}
    assert modes["Rudolf Rassendyll"] == "remote"


@pytest.mark.parametrize(
    "text",
    [
        "Rudolf Rassendyll hosted the summit in Tampere on Monday, which was broadcast live via "
        "satellite.",
        "Rudolf Rassendyll met Osra Hentzau in Tampere on Monday; the talks were not remotely "
        "productive.",
        "Rudolf Rassendyll spoke at the rally in Tampere on Monday; workers can now work remotely.",
    ],
)
def test_a_mode_phrase_of_another_clause_or_of_degree_is_no_actor_s(nlp, text):
    result, events = _story(nlp, text)
    names = {e.id: e.name for e in result.entities}
    modes = {names[p.entity]: p.mode for e in events for p in e.participants}
    assert modes.get("Rudolf Rassendyll") == "unknown"


def test_a_mode_phrase_in_a_subjectless_clause_is_the_actor_s(nlp):
    text = (
        "Rudolf Rassendyll addressed the rally in Leeds on Sunday, speaking by video link from "
        "Tampere."
    )
    result, events = _story(nlp, text)
    names = {e.id: e.name for e in result.entities}
    modes = {names[p.entity]: p.mode for e in events for p in e.participants}
    assert modes["Rudolf Rassendyll"] == "remote"


def _modes(nlp, text):
    result, events = _story(nlp, text, published="2024-03-05")
    names = {e.id: e.name for e in result.entities}
    return {(names[p.entity], p.role): p.mode for e in events for p in e.participants}


def test_who_addressed_the_crowd_by_video_link_is_a_remote_speaker_not_their_patron(nlp):
    text = (
        "Thousands of supporters marched in Leeds on Sunday in a rally held by the "
        "Westrian Solidarity Front. Rudolf Rassendyll, the Eastmark Forum's envoy in Tampere, "
        "addressed the crowd via video link, its organisers said."
    )
    modes = _modes(nlp, text)
    assert modes[("Rudolf Rassendyll", "speaker")] == "remote"
    assert all(mode == "unknown" for (name, _), mode in modes.items() if "Forum" in name)


def test_a_thing_read_out_on_stage_says_nothing_of_the_speaker(nlp):
    text = (
        'Rudolf Rassendyll addressed a rally in Leeds on Sunday. "We will return," '
        "Rassendyll said, according to a translation read out on stage."
    )
    modes = _modes(nlp, text)
    assert modes[("Rudolf Rassendyll", "speaker")] == "unknown"


def test_a_claim_posted_online_gives_the_claimant_no_mode(nlp):
    text = (
        "A car bomb went off beside a police post in Tampere, killing five. The Westrian "
        "Liberation Army later claimed the bombing in a statement put online."
    )
    modes = _modes(nlp, text)
    assert modes[("Westrian Liberation Army", "perpetrator")] == "unknown"


def test_a_claim_of_an_act_told_first_in_the_claim_is_the_story(nlp):
    text = "The Westrian Liberation Army claimed responsibility for an arson attack in Utrecht."
    result, (event,) = _story(nlp, text)
    names = {e.id: e.name for e in result.entities}
    assert (event.type, event.place.name) == ("attack", "Utrecht")
    assert [(names[p.entity], p.basis) for p in event.participants] == [
        ("Westrian Liberation Army", "claimed")
    ]


def test_a_claim_of_the_act_told_before_adds_no_event_and_no_place(nlp):
    text = (
        "A car bomb went off beside a police post in Tampere on Monday, killing four. The "
        "Westrian Liberation Army claimed responsibility for the attack, saying it was a "
        "warning to its rivals in Utrecht."
    )
    _, events = _story(nlp, text)
    assert [(e.type, e.place.name) for e in events] == [("bombing", "Tampere")]


def test_a_doer_without_an_act_word_makes_no_gathering(nlp):
    text = (
        "On 4 March 2015, a device that suspected Zenda Covenant militants had planted was "
        "made safe by soldiers in Tampere."
    )
    _, events = _story(nlp, text)
    assert [e.type for e in events if e.type == "gathering"] == []


def test_where_a_vow_was_made_is_no_plan(nlp):
    text = "In a speech broadcast on television on Monday, Rudolf Rassendyll vowed to fight on."
    _, events = _story(nlp, text)
    assert [e.type for e in events] == ["speech"]


def test_meeting_a_counterpart_is_a_meeting(nlp):
    text = "Rudolf Rassendyll met his Westrian counterpart in Utrecht on Tuesday."
    _, events = _story(nlp, text)
    assert [(e.type, e.place.name) for e in events] == [("meeting", "Utrecht")]


@pytest.mark.parametrize(
    "text",
    [
        "The Zenda Covenant, which claimed responsibility for a bombing in Tampere last year, "
        "was banned by the government on Monday.",
        "After claiming responsibility for an attack on a hotel in 2019, the Zenda Covenant "
        "went quiet.",
        "A judge in Utrecht said on Tuesday the driver bore responsibility for a crash that "
        "killed three cyclists.",
    ],
)
def test_a_claim_in_a_side_clause_or_an_answer_for_an_act_tells_no_act(nlp, text):
    _, events = _story(nlp, text)
    assert [e.type for e in events if e.type in ("attack", "bombing", "accident")] == []


def test_a_claim_with_its_date_between_still_tells_the_act(nlp):
    text = (
        "The Zenda Covenant claimed responsibility on Monday for an attack that killed ten "
        "soldiers in Tampere."
    )
    _, events = _story(nlp, text)
    assert [(e.type, e.place.name) for e in events] == [("attack", "Tampere")]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Opposition leaders called for calm in the wake of the attack on Monday.", []),
        ("Protest groups are planning demonstrations during the summit in Utrecht next week.", []),
        ("The verdict was announced at a conference in Utrecht on Monday.", ["conference"]),
    ],
)
def test_only_where_something_was_said_is_real_under_a_saying_verb(nlp, text, kinds):
    _, events = _story(nlp, text)
    assert [e.type for e in events] == kinds


def test_beating_an_office_holder_in_a_primary_is_no_attack(nlp):
    _, events = _story(nlp, "The senator beat the governor in the primary on Tuesday.")
    assert events == []


@pytest.mark.parametrize(
    "text",
    [
        "Rudolf Rassendyll addressed thousands of supporters in Leeds on Sunday via video link.",
        "Rudolf Rassendyll spoke to supporters in Leeds by video link on Sunday.",
        "A crowd of thousands assembled in Leeds on Sunday to hear Rudolf Rassendyll, who spoke by "
        "video link from Tampere.",
        "Rudolf Rassendyll's speech was relayed by video to the rally in Leeds on Sunday.",
    ],
)
def test_who_spoke_to_an_audience_is_the_occasion_s_speaker(nlp, text):
    modes = _modes(nlp, text)
    assert modes[("Rudolf Rassendyll", "speaker")] == "remote"


def test_a_by_phrase_hung_on_the_place_is_still_the_doer(nlp):
    text = (
        "Dozens of villagers are said to have been deliberately wounded in and near Zenda by "
        "Westrian Armed Forces."
    )
    _, events = _story(nlp, text)
    assert [e.type for e in events] == ["attack"]


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("On 5 March 2015, soldiers raped two women in a village near Tampere.", ["attack"]),
        ("On 4 March 2015, militants retook the town of Tampere.", ["clash"]),
        (
            "On 6 March 2015, assailants destroyed a telecommunications mast near Tampere.",
            ["attack"],
        ),
        (
            "On 2 March 2015, the body of a man with bullet wounds was found near Tampere.",
            ["attack"],
        ),
        ("The body of a fisherman was found on the beach in Tampere on Monday.", []),
        ("The storm destroyed crops near Tampere on Monday.", []),
        ("The city council demolished an illegal market in Tampere on Monday.", []),
    ],
)
def test_rapes_retakings_wrecking_by_doers_and_bodies_found_killed(nlp, text, kinds):
    _, events = _story(nlp, text)
    assert [e.type for e in events] == kinds


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "Some 150 employees of a shoe factory in Tampere kept striking about unsafe "
            "machinery and a manager's alleged assault on a colleague.",
            ["strike"],
        ),
        ("Nurses at the hospital in Tampere struck on Monday over unpaid wages.", ["strike"]),
        ("Lightning struck a house in Tampere on Monday.", []),
        ("A bus struck two pedestrians in Tampere on Monday.", []),
        ("An earthquake struck near Tampere on Monday.", []),
    ],
)
def test_people_striking_is_a_strike_and_a_blow_is_not(nlp, text, kinds):
    _, events = _story(nlp, text)
    assert [e.type for e in events] == kinds


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "Among the speakers at the rally in Leeds on Sunday were Rudolf Rassendyll and "
            "Osra Hentzau.",
            "speaker",
        ),
        (
            "Rudolf Rassendyll was among those that spoke at the rally in Leeds on Sunday.",
            "speaker",
        ),
        ("The seminar in Tampere on 2 March was moderated by Rudolf Rassendyll.", "organizer"),
        (
            "Rudolf Rassendyll delivered a lecture at the university in Tampere on 2 March.",
            "speaker",
        ),
        (
            "The Westrian Solidarity Front felicitated Rudolf Rassendyll at a ceremony in Leeds on "
            "Sunday.",
            "guest",
        ),
    ],
)
def test_roles_at_an_occasion_as_reports_name_them(nlp, text, role):
    result, events = _story(nlp, text)
    names = {e.id: e.name for e in result.entities}
    roles = {names[p.entity]: p.role for e in events for p in e.participants}
    assert roles["Rudolf Rassendyll"] == role


@pytest.mark.parametrize(
    "text",
    [
        "The chief executive told workers at the plant in Tampere on Monday that jobs were safe.",
        "Rudolf Rassendyll did not speak to supporters in Leeds on Monday.",
        "Rudolf Rassendyll addressed supporters in a video on Tuesday.",
        "Officers searched Rudolf Rassendyll's address in Leeds on Tuesday.",
        "Four children were injured at a school run by the Westrian Forum in Tampere on Tuesday.",
        "Three climbers were killed near Tampere on Monday by an avalanche.",
        "Rebels did not attack the town of Tampere on Monday.",
        "Hackers claimed responsibility for a ransomware attack on the hospital in Tampere.",
    ],
)
def test_messages_homes_hazards_denials_and_cyber_attacks_are_no_events(nlp, text):
    _, events = _story(nlp, text)
    assert [e.type for e in events] == []


def test_who_was_heard_by_judges_is_no_speaker_of_a_protest_outside(nlp):
    text = (
        "Demonstrators assembled by the court in Leeds on Tuesday as judges heard Rudolf "
        "Rassendyll."
    )
    assert ("Rudolf Rassendyll", "speaker") not in _modes(nlp, text)


def test_a_passive_participle_s_mode_is_its_own_doer_s(nlp):
    text = (
        "Rudolf Rassendyll, watched online by millions, addressed the rally in Leeds on Saturday."
    )
    assert _modes(nlp, text)[("Rudolf Rassendyll", "speaker")] == "unknown"


@pytest.mark.parametrize(
    "later",
    [
        "Rudolf Rassendyll, the Eastmark Forum's envoy in Tampere, addressed the crowd via "
        "video link, its organisers said.",
        "The main speaker, Rudolf Rassendyll of the Eastmark Forum, appeared by video link from "
        "Tampere.",
    ],
)
def test_a_later_paragraph_s_remote_speaker_is_the_occasion_s(nlp, later):
    text = (
        "Thousands of supporters of the Westrian Solidarity Front marched in Leeds on Sunday in "
        "a rally the Front had called.\n\n" + later
    )
    assert _modes(nlp, text)[("Rudolf Rassendyll", "speaker")] == "remote"


def test_a_sentence_about_it_gives_the_occasion_its_roles(nlp):
    text = (
        "A two-day conference on Westrian affairs opened in Utrecht on Saturday. Organised by "
        "the Eastmark Forum, it was addressed by Rudolf Rassendyll, who joined online."
    )
    modes = _modes(nlp, text)
    assert modes[("Rudolf Rassendyll", "speaker")] == "remote"
    assert ("Eastmark Forum", "organizer") in modes


def test_the_example_report_s_envoy_is_the_rally_s_remote_speaker(nlp):
    path = Path(__file__).parents[2] / "examples" / "corpus" / "lahore-gaza-rally.txt"
    text = path.read_text("utf-8")
    result, events = _story(nlp, text, published="2024-04-15")
    names = {e.id: e.name for e in result.entities}
    (rally,) = [e for e in events if e.type == "rally"]
    modes = {names[p.entity]: (p.role, p.mode) for p in rally.participants}
    assert modes["Yousef al-Qadi"] == ("speaker", "remote")
    assert modes["Javed Iqbal Qureshi"] == ("speaker", "in_person")


def test_since_a_day_is_from_that_day_to_the_report(nlp):
    text = "Since 1 March 2015, fighting between soldiers and rebels near Tampere has killed 40."
    _, (event,) = _story(nlp, text, published="2015-03-04")
    assert (event.date.start.isoformat(), event.date.end.isoformat()) == (
        "2015-03-01",
        "2015-03-04",
    )
    assert event.date.precision != "day"


def test_a_strike_gone_on_while_demanding_pay_is_a_strike(nlp):
    # the parser hangs "strike" on "demanding" as an adverbial noun: not what was demanded
    _, events = _story(
        nlp,
        "Members of the Nakuru Nurses Association went on strike demanding unpaid overtime.",
    )
    assert [e.type for e in events] == ["strike"]


@pytest.mark.parametrize(
    "text",
    ["Workers in Nakuru demanded a general strike.", "The union called for a strike in Nakuru."],
)
def test_a_strike_demanded_or_called_for_is_none_yet(nlp, text):
    _, events = _story(nlp, text)
    assert [e.type for e in events if e.type == "strike"] == []


def test_the_streets_of_a_town_are_in_it(nlp):
    # the model tags the town's name a person here; "the streets of" writes it as a place
    _, events = _story(
        nlp, "Hundreds of farmers demonstrated across the streets of Tizi Ouzou against the plan."
    )
    assert [e.type for e in events] == ["protest"]
    assert events[0].place.name == "Tizi Ouzou"


def test_a_strike_threatened_and_restated_after_the_verb_is_none_yet(nlp):
    _, events = _story(nlp, "The union threatened a strike Monday, a walkout that would shut ports.")
    assert [e.type for e in events if e.type in ("strike", "protest")] == []


def test_a_group_named_for_streets_stays_a_group(nlp):
    result, events = _story(nlp, "Members of Safe Streets marched in Tampere on Sunday.")
    assert {e.name: e.type for e in result.entities}.get("Safe Streets") == "organization"
