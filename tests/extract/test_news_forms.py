"""News forms of other regions and outlets: strikes from the air, strikers, a closing weekday,
dates in figures, "on this day"."""

import datetime as dt

import pytest

from footprint.extract.from_doc import extract
from footprint.model import Document
from footprint.place import Geocoder

PUBLISHED = "2015-03-04"  # a Wednesday


def _read(nlp, text):
    """The story events of a report published on PUBLISHED, and its entities' names by id."""
    doc = Document(id="n", text=text, path="n.txt", published=PUBLISHED)
    result = extract(nlp(text), doc, geocoder=Geocoder())
    names = {e.id: e.name for e in result.entities}
    return [e for e in result.events if not e.background], names


def _story(nlp, text):
    return _read(nlp, text)[0]


def _types(nlp, text):
    """The types of the report's story events."""
    return {e.type for e in _story(nlp, text)}


@pytest.mark.parametrize(
    "text",
    [
        "A missile struck a block of flats in Kharkiv on Monday, killing two people.",
        "Coalition aircraft struck a fuel depot on the outskirts of Tobruk.",
        "Helicopter gunships pounded villages around Nyala, residents said.",
        "A drone hit a pickup truck near Tobruk, killing two commanders.",
        "The air force struck rebel positions near Kassala overnight.",
    ],
)
def test_a_munition_or_a_craft_of_war_that_struck_tells_a_strike(nlp, text):
    assert [e.type for e in _story(nlp, text)] == ["bombing"]


@pytest.mark.parametrize(
    "text",
    [
        "A truck struck a pedestrian in Kumasi on Monday.",
        "Lightning struck a school in Tamale, injuring six pupils.",
        "The union struck a deal with the government in Leeds.",
        "Cheap drones hit the shelves in Leeds this week.",
        "The plane hit a power line near Eldoret before it landed safely.",
        "A Zenda Airways plane hit a baggage truck on the runway in Leeds on Monday.",
        "A military plane hit a mountain near Eldoret in thick fog, killing 12.",
        "The interceptor missile hit its target during a test over the sea on Monday.",
        "A camera drone hit a spectator at a cycle race in Tampere.",
        "Ruritanian forces struck a deal with the rebels in Zenda on Monday.",
        "The drone hit the Eiffel Tower during a light show in Paris on Saturday.",
    ],
)
def test_what_strikes_in_other_stories_is_no_strike(nlp, text):
    assert "bombing" not in _types(nlp, text)


def test_striking_people_tell_a_strike_where_nothing_else_is_named(nlp):
    (event,) = _story(nlp, "Striking dockworkers blocked the harbour in Tema for a day.")
    assert event.type == "strike"
    assert event.place is not None and event.place.name == "Tema"
    # a word that names the event wins ("marched")
    (event,) = _story(nlp, "Striking nurses marched to the health ministry in Eldoret.")
    assert event.type == "march"


@pytest.mark.parametrize(
    "text",
    [
        "The striking likeness of the two portraits was noted in Leeds.",
        "Striking teachers will block the roads in Leeds next week.",
        "Striking members of the union voted to accept the offer in Leeds on Tuesday.",
        "The court ruled that the dismissal of 200 striking miners in 2011 was unfair.",
    ],
)
def test_striking_people_who_strike_nothing_now_tell_no_strike(nlp, text):
    assert "strike" not in _types(nlp, text)


def test_a_weekday_closing_a_participle_after_the_act_is_the_acts(nlp):
    text = "Bandits shot at a checkpoint manned by militiamen near Dori on Tuesday."
    (event,) = _story(nlp, text)
    assert (event.date.start, event.date.precision) == (dt.date(2015, 3, 3), "day")
    text = "A guard was gunned down by two men riding a motorbike in Kumasi on Monday evening."
    (event,) = _story(nlp, text)
    assert (event.date.start, event.date.precision) == (dt.date(2015, 3, 2), "day")


@pytest.mark.parametrize(
    "text",
    [
        # a year, a day another verb's, a day of something the act's object is about
        "Police arrested a man wanted for robberies committed in 2011 in Eldoret.",
        "Police dispersed students demanding a vote scheduled for Friday in Tamale.",
        "Police arrested a man accused of a robbery committed on Monday in Kumasi.",
        "Riot police dispersed workers protesting layoffs announced on Monday in Leeds.",
    ],
)
def test_a_day_of_a_clause_further_down_is_not_the_acts(nlp, text):
    (event,) = _story(nlp, text)
    assert event.date.precision != "day"


def test_a_name_north_of_which_it_happened_places_it(nlp):
    (event,) = _story(nlp, "Fighter jets struck rebel positions north of Ansongo overnight.")
    assert event.place is not None and event.place.name == "Ansongo"


@pytest.mark.parametrize(
    "opening, day",
    [
        ("05/27/2011: ", dt.date(2011, 5, 27)),
        ("On 2011-05-27, ", dt.date(2011, 5, 27)),
        ("On 27.05.2011, ", dt.date(2011, 5, 27)),
        ("On 03.05.2011, ", dt.date(2011, 5, 3)),  # written with dots: the day first
    ],
)
def test_a_date_in_figures_dates_the_incident(nlp, opening, day):
    text = f"{opening}a grenade went off at a newspaper office in Tunja."
    text = text[0].upper() + text[1:]
    (event,) = _story(nlp, text)
    assert (event.date.start, event.date.precision) == (day, "day")


def test_figures_of_a_section_are_no_date(nlp):
    text = "Under section 4.3.12 of the code, police arrested three men in Leeds on Monday."
    (event,) = _story(nlp, text)
    assert event.date.start == dt.date(2015, 3, 2)


def test_on_this_day_is_the_day_the_summary_is_at(nlp):
    text = (
        "05/22/2011: Fighters stormed an army post in Dori, Burkina Faso. Nine soldiers died. "
        "It was one of two army posts overrun in the region on this day. The Covenant later "
        "claimed the assault."
    )
    (event,), names = _read(nlp, text)
    assert event.date.start == dt.date(2011, 5, 22)
    assert event.responsibility is not None and event.responsibility[0] == "claimed"
    claimed = [names[p.entity] for p in event.participants if p.basis == "claimed"]
    assert claimed == ["Covenant"]


def test_a_function_held_or_attended_is_an_occasion_and_a_purpose_is_not(nlp):
    text = (
        "Rudolf Rassendyll was the chief guest at a function organised by the party's youth "
        "wing in Tampere on Sunday."
    )
    (event,), names = _read(nlp, text)
    assert (event.type, event.place.name) == ("ceremony", "Tampere")
    assert [(names[p.entity], p.role) for p in event.participants] == [
        ("Rudolf Rassendyll", "guest")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The function of the committee is to advise the minister in Leeds.",
        "Rudolf Rassendyll held the function of treasurer of the Strelsau chamber until 2004.",
        "Researchers in Leeds looked at the function of the gene in 200 patients.",
        "Freedonia Bank opened a new compliance function in Tampere on Monday.",
        "The queen attended many royal functions over her long reign in Strelsau.",
    ],
)
def test_a_function_that_is_a_purpose_a_role_or_many_is_no_occasion(nlp, text):
    assert "ceremony" not in _types(nlp, text)


def test_a_body_inaugurating_its_office_holds_a_ceremony_there(nlp):
    (event,), names = _read(nlp, "The Westrian Front inaugurated its new office in Kumasi.")
    assert (event.type, event.place.name) == ("ceremony", "Kumasi")
    assert [names[p.entity] for p in event.participants] == ["Westrian Front"]
    for text in (
        "The election in Strelsau on Sunday inaugurated a new chapter in Ruritanian politics.",
        "Parliament inaugurated the office of ombudsman in Strelsau in 1967.",
    ):
        assert "ceremony" not in _types(nlp, text), text


def test_an_event_word_abbreviated_in_capitals_is_an_event_word(nlp):
    (event,) = _story(nlp, "Three guards were hurt as an IED went off beside their car in Tamale.")
    assert (event.type, event.casualties.injured) == ("bombing", 3)
    (event,) = _story(nlp, "Two IEDs went off beside a parked lorry in Tamale on Monday.")
    assert event.type == "bombing"
    # the abbreviation names no doer; a headline in capitals names no event
    (event,), names = _read(nlp, "A VBIED exploded outside a hotel in Tamale.")
    assert event.type == "bombing" and event.participants == []
    assert _story(nlp, "RALLY IN LEEDS DRAWS THOUSANDS") == []


def test_martyred_counts_the_dead_and_martyrs_remembered_are_no_toll(nlp):
    text = "Three policemen were martyred when militants stormed their post in Tamale on Monday."
    (event,) = _story(nlp, text)
    assert (event.type, event.casualties.killed) == ("attack", 3)
    (event,) = _story(
        nlp, "Mourners paid tribute to the martyrs of the war at a ceremony in Leeds."
    )
    assert event.type == "ceremony" and event.casualties is None


def test_a_bullet_riddled_body_was_a_killing(nlp):
    (event,) = _story(nlp, "Rangers recovered the bullet-riddled body of a herdsman near Eldoret.")
    assert (event.type, event.casualties.killed) == ("attack", 1)
    text = "The body of a man was found near a bullet-riddled wall from the war in Leeds."
    assert _story(nlp, text) == []


def test_a_jirga_is_a_meeting(nlp):
    (event,) = _story(nlp, "Elders of the two clans held a jirga in Tamale on Sunday.")
    assert (event.type, event.place.name) == ("meeting", "Tamale")


def test_doers_written_as_alleged_are_suspected(nlp):
    text = "A bomb planted by alleged Westrian Liberation Front militants went off in Tamale."
    (event,), names = _read(nlp, text)
    assert [(names[p.entity], p.role, p.basis) for p in event.participants] == [
        ("Westrian Liberation Front", "perpetrator", "suspected")
    ]
    # a suspect elsewhere in the sentence leaves the named doer as stated
    text = (
        "A bomb planted by Westrian Liberation Front militants went off in Tamale, and police "
        "arrested a suspected accomplice."
    )
    events, names = _read(nlp, text)
    bases = {(names[p.entity], p.basis) for e in events for p in e.participants}
    assert ("Westrian Liberation Front", "stated") in bases


def test_a_bare_town_after_a_district_is_the_district_s_container(nlp):
    (event,) = _story(nlp, "Bandits raided a roadside kiosk in Bosomtwe, Kumasi.")
    assert (event.place.name, event.place.precision) == ("Bosomtwe", "district")
    # a town its own word calls a city is the city
    (event,) = _story(nlp, "Bandits raided a roadside kiosk in Ilemela, Mwanza city.")
    assert (event.place.name, event.place.precision) == ("Mwanza", "city")


def test_a_side_claiming_its_own_act_claims_it_and_its_figure_is_no_count(nlp):
    text = (
        "Militants ambushed a convoy of peacekeepers near Beledweyne. The troops repelled the "
        "assault, killing five assailants. The Covenant later claimed that its fighters had "
        "killed 20 soldiers."
    )
    (event,), names = _read(nlp, text)
    assert event.casualties.killed == 5
    assert event.responsibility is not None and event.responsibility[0] == "claimed"
    assert [names[p.entity] for p in event.participants if p.basis == "claimed"] == ["Covenant"]
    text = "The Westrian Front said its fighters attacked an army post near Tamale on Monday."
    (event,), names = _read(nlp, text)
    assert [(names[p.entity], p.basis) for p in event.participants] == [
        ("Westrian Front", "claimed")
    ]
    # a claimed toll is no count, and no count of none either
    text = (
        "The Covenant claimed that its fighters had killed 20 soldiers and wounded 30 others "
        "near Tamale on Monday."
    )
    (event,) = _story(nlp, text)
    assert event.casualties is None or event.casualties.killed is None


@pytest.mark.parametrize(
    "text",
    [
        "The Westrian Front claimed that police had fired first at the march in Leeds.",
        "Police said they arrested five suspects in Tamale on Monday.",
        "Militants attacked a checkpoint near Tamale on Monday. The army said its troops killed "
        "12 of the attackers.",
        "Robbers stormed a bank in Leeds. Police said they shot a guard before fleeing.",
        "Gunmen raided a border post near Tamale on Monday. The Covenant said it would attack "
        "more posts.",
    ],
)
def test_no_claim_by_the_state_a_witness_or_a_threat(nlp, text):
    assert all(e.responsibility is None for e in _story(nlp, text))


def test_a_toll_a_side_says_it_caused_is_its_claim_not_the_reports_count(nlp):
    text = (
        "The Covenant said its fighters killed 15 soldiers in the ambush near Kumasi on Sunday, "
        "while officials said four soldiers died."
    )
    (event,) = _story(nlp, text)
    assert event.casualties.killed == 4  # not 19: the side's figure is no count of the report
    for text in (
        "A spokesman for the Covenant said its men had killed 12 policemen near Leeds.",
        "The Zenda Brigades said its fighters killed 20 soldiers near Tampere on Monday.",
    ):
        (event,), names = _read(nlp, text)
        assert event.casualties is None or event.casualties.killed is None, text
        assert [p.basis for p in event.participants] == ["claimed"], text
    # a bare "it" after a named speaker names it the claimant, and the figure stays a count
    # ("the Red Cross said it killed 50" after a quake)
    (event,), names = _read(nlp, "The Covenant said it killed 15 soldiers near Kumasi on Sunday.")
    assert [(names[p.entity], p.basis) for p in event.participants] == [("Covenant", "claimed")]
    assert event.casualties.killed == 15


@pytest.mark.parametrize(
    "text, killed",
    [
        ("Residents said their neighbours killed two intruders in Tampere on Monday.", 2),
        ("Ghana said it killed 30 militants in air strikes near Beledweyne on Monday.", 30),
        # "it" after "said" is most often what the sentence before told
        ("A blast ripped through a bus depot in Tampere. Officials said it killed 20 people.", 20),
        ("A police commander said their men killed three robbers near Leeds on Friday.", 3),
        ("The coalition said its jets killed 25 fighters near Tampere on Monday.", 25),
        ("Sources said their men killed three robbers in Leeds on Friday.", 3),
        ("The family said their kidnappers killed the driver near Tampere on Monday.", 1),
        ("Officials said its fighters killed 20 soldiers near Tampere on Monday.", 20),
        ("The army's spokesman said we killed two gunmen in Leeds on Monday.", 2),
    ],
)
def test_a_toll_a_bystander_or_the_state_tells_is_counted(nlp, text, killed):
    (event,), names = _read(nlp, text)
    assert event.casualties.killed == killed
    assert all(p.basis != "claimed" for p in event.participants)


def test_a_toll_the_state_claims_for_its_operation_is_counted(nlp):
    text = "The military claimed its jets had bombed rebel positions near Tamale, killing 200."
    (event,) = _story(nlp, text)
    assert event.casualties.killed == 200


def test_a_black_day_observed_is_a_protest_and_what_it_protests_is_its_cause(nlp):
    text = "The Westrian Front observed a black day in Tamale to protest the arrest of its workers."
    (event,) = _story(nlp, text)
    assert (event.type, event.place.name) == ("protest", "Tamale")
    for text in (
        "It was a black day for Ruritanian cricket, the captain said after the defeat in Leeds.",
        "The verdict marked a black day for press freedom in Leeds.",
    ):
        assert "protest" not in _types(nlp, text), text


def test_a_town_the_model_took_for_an_event_may_be_a_place(nlp):
    from spacy.tokens import Span

    from footprint.extract.from_doc import _unnamed_toponyms

    doc = nlp("A protest was held in Tamale on Monday.")
    town = next(t.i for t in doc if t.text == "Tamale")
    doc.ents = [Span(doc, town, town + 1, label="EVENT")]
    assert [s.text for s in _unnamed_toponyms(doc)] == ["Tamale"]


@pytest.mark.parametrize(
    "text, basis",
    [
        (
            "Suspected Westrian Liberation Front militants raided a village near Tamale.",
            "suspected",
        ),
        (
            "Suspected members of the Westrian Liberation Front raided a village near Tamale.",
            "suspected",
        ),
        (
            "Assailants suspected to be members of the Westrian Liberation Front stormed a "
            "village near Tamale.",
            "suspected",
        ),
        (
            "A raid on a village near Tamale was blamed on the Westrian Liberation Front.",
            "attributed",
        ),
    ],
)
def test_doers_put_in_doubt_or_blamed(nlp, text, basis):
    (event,), names = _read(nlp, text)
    assert [(names[p.entity], p.role, p.basis) for p in event.participants] == [
        ("Westrian Liberation Front", "perpetrator", basis)
    ]


def test_doers_believed_to_be_of_a_group_as_the_parser_heads_it(nlp):
    text = (
        "Gunmen believed to be members of the Westrian Liberation Front stormed a village near "
        "Tamale."
    )
    (event,), names = _read(nlp, text)
    assert [(names[p.entity], p.basis) for p in event.participants] == [
        ("Westrian Liberation Front", "suspected")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # people described so who do no harm, and a name inside what the attack is blamed on
        "Men believed to be members of the Westrian Liberation Front attended a rally in Tamale.",
        "The attack on the convoy near Tamale was blamed on the failure of the Westrian Army to "
        "secure the road.",
    ],
)
def test_no_doer_named_by_a_description_or_a_cause(nlp, text):
    events, _ = _read(nlp, text)
    assert all(p.role != "perpetrator" for e in events for p in e.participants)


def test_a_country_or_its_ministry_reporting_its_strikes_claims_nothing(nlp):
    for text in (
        "Ghana said it killed 30 militants in air strikes near Tamale on Monday.",
        "The Ghanaian Defence Ministry claimed that it had killed 30 militants near Tamale.",
    ):
        (event,) = _story(nlp, text)
        assert event.responsibility is None and event.casualties.killed == 30, text


def test_forces_on_the_ground_that_struck_a_camp_made_no_strike_from_afar(nlp):
    (event,) = _story(
        nlp, "Government forces struck a rebel camp near Tamale, killing ten fighters."
    )
    assert event.type == "attack"


def test_a_function_hosted_is_an_occasion(nlp):
    text = "The Strelsau Press Club hosted a function in honour of a retiring editor in Leeds."
    (event,) = _story(nlp, text)
    assert event.type == "ceremony"


def test_a_mode_hung_on_the_audience_s_size_is_the_speaker_s(nlp):
    text = "Rudolf Rassendyll addressed a crowd numbering thousands in Leeds via video link."
    (event,), names = _read(nlp, text)
    assert [(names[p.entity], p.mode) for p in event.participants] == [
        ("Rudolf Rassendyll", "remote")
    ]
    # people doing something of their own keep their mode
    (event,), names = _read(nlp, "Rudolf Rassendyll met students studying remotely in Leeds.")
    assert [p.mode for p in event.participants] == ["unknown"]


@pytest.mark.parametrize(
    "text",
    [
        "Rudolf Rassendyll visited the flood-hit areas of Kumasi on Monday.",
        "Rudolf Rassendyll visited a camp for displaced families near Kumasi on Monday.",
    ],
)
def test_a_visit_to_a_place_written_as_a_common_noun(nlp, text):
    (event,), names = _read(nlp, text)
    assert (event.type, event.place.name) == ("visit", "Kumasi")
    assert [(names[p.entity], p.role) for p in event.participants] == [
        ("Rudolf Rassendyll", "guest")
    ]
    assert _story(nlp, "Tourists visited the website of the museum.") == []


def test_a_meal_hosted_or_attended_is_a_reception_and_a_family_dinner_is_not(nlp):
    text = "A dinner hosted by the Westrian Front in Kumasi was attended by Rudolf Rassendyll."
    (event,), names = _read(nlp, text)
    assert event.type == "reception"
    assert sorted((names[p.entity], p.role) for p in event.participants) == [
        ("Rudolf Rassendyll", "attendee"),
        ("Westrian Front", "host"),
    ]
    assert _story(nlp, "Rudolf Rassendyll had dinner with his family in Kumasi.") == []


def test_funeral_prayers_led_are_a_ceremony(nlp):
    text = "Rudolf Rassendyll led the funeral prayers of a slain activist in Kumasi on Monday."
    (event,), names = _read(nlp, text)
    assert (event.type, event.place.name) == ("ceremony", "Kumasi")
    assert [names[p.entity] for p in event.participants] == ["Rudolf Rassendyll"]


@pytest.mark.parametrize(
    "text",
    [
        "Millions of users visited the site of the newspaper on Monday.",
        "The virus visited the town of Kumasi last winter.",
        "Rudolf Rassendyll has visited the region many times.",
        "Tourists visited the island in record numbers last summer.",
        "Rudolf Rassendyll visited the camp as a boy.",
    ],
)
def test_no_visit_by_a_virus_a_traveller_or_a_memory(nlp, text):
    assert "visit" not in _types(nlp, text)


def test_a_meal_without_an_occasion_s_words_is_the_meal(nlp):
    for text in (
        "Rudolf Rassendyll said at dinner in Kumasi on Monday that he planned to step down.",
        "Rudolf Rassendyll attended dinner with his family in Kumasi on Monday.",
    ):
        assert "reception" not in _types(nlp, text), text


@pytest.mark.parametrize(
    "text",
    [
        "Osra, who had attended the conference in Kumasi, returned home on Sunday.",
        "Sapt, who organised the annual festival in Leeds for ten years, died on Monday.",
        "The imam, who led funeral prayers at the shrine for decades, died in Tampere on Monday.",
    ],
)
def test_an_occasion_told_of_someone_as_done_before_or_as_a_habit_is_no_story(nlp, text):
    assert not _types(nlp, text) & {"conference", "festival", "ceremony"}, text


@pytest.mark.parametrize(
    "text, type_",
    [
        ("Students who staged a rally at Tampere on Monday demanded lower fees.", "rally"),
        ("Delegates who had arrived for the summit in Tampere met on Monday.", "meeting"),
    ],
)
def test_an_occasion_a_relative_clause_tells_on_the_day_stays_the_story(nlp, text, type_):
    assert [e.type for e in _story(nlp, text)] == [type_]
