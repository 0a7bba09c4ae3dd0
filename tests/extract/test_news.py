"""News reports: undated leads dated by publication, datelines, place chains, claims."""

import datetime as dt

import pytest

from footprint.extract.dateline import dateline
from footprint.extract.from_doc import extract
from footprint.model import Document
from footprint.place import Geocoder


def _read(nlp, text, published="2015-03-04"):
    doc = Document(id="n", text=text, path="n.txt", published=published)
    return extract(nlp(text), doc, geocoder=Geocoder())


def _story(result):
    return [e for e in result.events if not e.background]


def _lead(nlp, text, published="2015-03-04"):
    """The report's first story event."""
    return _story(_read(nlp, text, published))[0]


def test_undated_lead_is_dated_by_publication(nlp):
    text = "Gunmen attacked a police checkpoint in Kandahar city, Afghanistan."
    (event,) = _story(_read(nlp, text))
    assert event.type == "attack"
    assert event.date.precision == "reported"
    assert (event.date.start, event.date.end) == (dt.date(2015, 2, 26), dt.date(2015, 3, 4))
    assert event.place.name.startswith("Kandah") and event.place.country == "AF"


def test_without_publication_date_the_lead_stays_undated(nlp):
    text = "Gunmen attacked a police checkpoint in Kandahar city, Afghanistan."
    (event,) = _story(_read(nlp, text, published=None))
    assert event.date is None


def test_weekday_is_the_one_before_publication(nlp):
    text = "Hundreds of nurses staged a sit-in in Lahore on Monday demanding higher pay."
    (event,) = _story(_read(nlp, text))
    assert event.type == "protest" and event.date.start == dt.date(2015, 3, 2)


def test_claim_attribution_and_casualties(nlp):
    text = (
        "Assailants detonated an explosive device near a market in Mosul city, Nineveh "
        "governorate, Iraq. Three people were killed and five others were wounded in the blast. "
        "No group claimed responsibility; however, officials attributed the attack to the "
        "Islamic State of Iraq and the Levant."
    )
    (event,) = _story(_read(nlp, text))
    assert event.type == "bombing"
    assert (event.casualties.killed, event.casualties.injured) == (3, 5)
    assert event.responsibility[0] == "unclaimed"
    perpetrators = [p for p in event.participants if p.role == "perpetrator"]
    assert [p.basis for p in perpetrators] == ["attributed"]
    assert "attributed the attack" in perpetrators[0].evidence.sentence


def test_a_claim_names_the_perpetrator(nlp):
    text = "Gunmen ambushed an army convoy in Helmand province. The Taliban claimed responsibility."
    (event,) = _story(_read(nlp, text))
    (p,) = [p for p in event.participants if p.role == "perpetrator"]
    assert p.basis == "claimed" and event.responsibility[0] == "claimed"


def test_an_analysis_paragraph_without_events_yields_none(nlp):
    text = "The budget debate reflects a wider disagreement about the role of the provinces."
    assert _story(_read(nlp, text)) == []


def test_dateline_places_the_lead(nlp):
    text = "PESHAWAR: Traders staged a protest against new taxes on Tuesday."
    (event,) = _story(_read(nlp, text))
    assert event.place.name == "Peshawar"


def test_dateline_forms():
    assert dateline("LAHORE: Teachers protested.") == "LAHORE"
    assert dateline("Dhaka - Workers marched.") == "Dhaka"
    assert dateline("Quetta (Agency) — Police said.") == "Quetta"
    assert dateline("\ufeffPESHAWAR, March 3: Traders protested.") == "PESHAWAR"
    assert dateline("The minister said on Monday that talks would resume.") is None
    assert dateline("x" * 5_000_000) is None  # a huge first line is not read whole


def _perpetrators(nlp, text):
    (event,) = _story(_read(nlp, text))
    return [(p.basis, p.evidence.sentence) for p in event.participants if p.role == "perpetrator"]


def test_suspicion_and_attribution_forms(nlp):
    lead = "Gunmen shot and killed a shopkeeper in Kandahar city, Afghanistan. "
    suspected = _perpetrators(nlp, lead + "The Taliban was suspected of being involved.")
    assert [b for b, _ in suspected] == ["suspected"]
    speculated = _perpetrators(
        nlp,
        lead
        + "No group claimed responsibility; however, officials said the Taliban was behind it.",
    )
    assert [b for b, _ in speculated] == ["attributed"]
    said = _perpetrators(nlp, lead + "The Taliban said it had carried out the assault.")
    assert [b for b, _ in said] == ["claimed"]
    denied = _perpetrators(nlp, lead + "The Taliban denied any involvement in the attack.")
    assert denied == []


@pytest.mark.parametrize(
    ("said", "basis"),
    [
        (
            "No group claimed responsibility; however, officials suspected the attacks were "
            "carried out by the Zenda Liberation Front (ZLF).",
            "suspected",
        ),
        ("Police said the attack was carried out by the Zenda Liberation Front.", "attributed"),
        (
            "No group claimed responsibility; however, sources believe that the attacker was a "
            "member of the Zenda Liberation Front.",
            "suspected",
        ),
        ("Officials said the gunmen were members of the Zenda Liberation Front.", "attributed"),
    ],
)
def test_a_named_doer_of_a_passive_or_a_doer_said_to_be_a_member(nlp, said, basis):
    lead = "Four assailants opened fire on a labour camp in Utrecht city, Netherlands. "
    assert [b for b, _ in _perpetrators(nlp, lead + said)] == [basis]


def test_a_member_of_a_group_that_is_no_doer_names_no_perpetrator(nlp):
    lead = "Four assailants opened fire on a labour camp in Utrecht city, Netherlands. "
    said = "The victim was a member of the Zenda Liberation Front."
    assert _perpetrators(nlp, lead + said) == []


def test_crowd_violence_is_a_riot_and_a_purposeful_gathering_a_protest(nlp):
    (riot,) = _story(_read(nlp, "Protesters torched a bus and a police van in Dhaka city."))
    assert riot.type == "riot"
    (protest,) = _story(
        _read(
            nlp, "About 300 villagers gathered outside the district office to demand compensation."
        )
    )
    assert protest.type == "protest"
    (attack,) = _story(_read(nlp, "Gunmen torched a bus in Dhaka city."))
    assert attack.type == "attack"


def test_told_once_plurals_and_continued_protests_are_events(nlp):
    (blocked,) = _story(_read(nlp, "Protesters blocked the national highway near Lahore."))
    assert blocked.type == "protest" and blocked.date.precision == "reported"
    (continued,) = _story(_read(nlp, "Farmers continued to protest in Bathinda over crop losses."))
    assert continued.type == "protest"
    assert _story(_read(nlp, "The minister received a report on the floods.")) == []


def test_a_claimant_the_model_missed_is_an_organisation(nlp):
    text = (
        "Assailants detonated a car bomb in Makhachkala city, Russia. "
        "The Caucasus Emirate claimed responsibility for the incident."
    )
    result = _read(nlp, text)
    (event,) = _story(result)
    names = {e.id: e.name for e in result.entities}
    assert [(names[p.entity], p.basis) for p in event.participants if p.role == "perpetrator"] == [
        ("Caucasus Emirate", "claimed")
    ]
    attributed = _read(
        nlp,
        "Assailants attacked a police post in Bijapur. "
        "No group claimed responsibility; however, officials attributed the attack to Maoists.",
    )
    assert "Maoists" in {e.name for e in attributed.entities if e.type == "organization"}


def test_a_national_body_hosts_in_its_capital_and_a_topic_is_not_a_place(nlp):
    text = (
        "The Senate of Pakistan on Friday hosted a visiting delegation in a session on the war "
        "in Gaza. Lawmakers from several parties spoke."
    )
    (event,) = _story(_read(nlp, text, published="2024-01-06"))
    assert event.place.name == "Islamabad" and event.place.country == "PK"
    envoy = "An envoy in Tehran addressed a rally in Karachi on Friday."
    (rally,) = _story(_read(nlp, envoy, published="2024-01-06"))
    assert rally.place.name == "Karachi"


def test_beatings_captures_and_clashes_between_partisans(nlp):
    (beaten,) = _story(_read(nlp, "A reporter was badly beaten by policemen in Hanoi."))
    assert beaten.type == "attack"
    assert _story(_read(nlp, "The incumbent beat her rival in the election.")) == []
    (taken,) = _story(_read(nlp, "Government troops captured a rebel outpost near Laukkai."))
    assert taken.type == "clash"
    (riot,) = _story(
        _read(nlp, "Eight people were hurt in a clash between activists of two student groups.")
    )
    assert riot.type == "riot"


def test_an_accident_that_kills_is_no_attack(nlp):
    accident = "Seven people were killed when a tram overturned near a stop in Leeds."
    assert [e.type for e in _story(_read(nlp, accident))] == ["accident"]
    (attack,) = _story(_read(nlp, "Gunmen killed two guards at a checkpoint in Kandahar city."))
    assert attack.type == "attack"


def test_a_date_in_an_after_clause_is_another_events(nlp):
    text = "Protesters blocked the highway in Dhaka after their leader was arrested on Monday."
    (event,) = _story(_read(nlp, text, published="2015-02-05"))
    assert event.date.precision == "reported"  # the arrest was on Monday, not the blockade


def test_pakistani_news_forms(nlp):
    staged = "Workers of the Pakistan Tehreek-e-Insaf staged a protest outside the press club."
    (protest,) = _story(_read(nlp, staged))
    assert [p.role for p in protest.participants] == ["organizer"]
    operation = (
        "Security forces killed four militants during an intelligence-based operation in "
        "North Waziristan."
    )
    (op,) = _story(_read(nlp, operation))
    assert op.type == "security_operation" and op.casualties.killed == 4


def test_a_district_named_by_its_state_is_the_place_at_district_precision(nlp):
    text = "A crude bomb exploded outside a shop in Maharashtra's Nashik district on Sunday."
    (event,) = _story(_read(nlp, text))
    assert event.place.name.startswith("Nashik") and event.place.precision == "district"


def test_where_the_doers_came_from_is_not_where_they_struck(nlp):
    text = (
        "Armed men from a village of Bihar, India, opened fire at a police post in Biratnagar "
        "on Monday."
    )
    (event,) = _story(_read(nlp, text))
    assert event.place.name == "Biratnagar" and event.place.country == "NP"


def test_a_bracketed_aside_keeps_the_date_and_place_in_the_sentence(nlp):
    text = (
        "A party worker was killed during a clash between two student groups [both of the "
        "ruling party] at a rally in Khulna on Saturday [28 February]."
    )
    (event,) = _story(_read(nlp, text))
    assert event.place.name == "Khulna"
    assert event.date.start == dt.date(2015, 2, 28)


def test_a_small_place_known_by_another_spelling_where_only_a_place_goes(nlp):
    # GeoNames spells the town "Sopur"; the grammar says a place goes here, so the other
    # spelling is taken even though the town is small and the text names no country.
    text = "Militants hurled a grenade at a police station in Sopore town on Friday."
    (event,) = _story(_read(nlp, text))
    assert event.place is not None and event.place.country == "IN"


def test_tear_gas_fired_at_a_crowd_keeps_the_protest(nlp):
    # Without the crowd-control words the firing would be the act and the rally its setting.
    text = "Police fired tear gas shells at a rally of teachers in Karachi on Monday."
    (event,) = _story(_read(nlp, text))
    assert event.type == "rally"


def test_shots_fired_at_a_crowd_are_an_attack(nlp):
    text = "Gunmen fired at a police post near the market in Karachi on Monday."
    (event,) = _story(_read(nlp, text))
    assert event.type == "attack"


def test_stones_hurled_by_a_crowd_are_a_riot(nlp):
    text = "Angry villagers hurled stones at a police van in Sylhet on Monday."
    (event,) = _story(_read(nlp, text))
    assert event.type == "riot"


def test_beating_people_is_an_attack_and_beating_a_rival_is_not(nlp):
    (event,) = _story(_read(nlp, "Soldiers beat several villagers at a checkpoint in Lashio."))
    assert event.type == "attack"
    assert not _story(_read(nlp, "The ruling party beat its rival in the local elections."))


def test_violence_erupting_is_a_riot(nlp):
    text = "Violence erupted between rival student groups at a college in Sylhet on Monday."
    (event,) = _story(_read(nlp, text))
    assert event.type == "riot"


def test_a_ceasefire_signed_and_a_surrender_are_events(nlp):
    signed = "Two armed groups signed a ceasefire with the army in Myitkyina on Monday."
    assert [e.type for e in _story(_read(nlp, signed))] == ["agreement"]
    gave_up = "Twelve rebels surrendered with their weapons to the police in Imphal on Monday."
    assert [e.type for e in _story(_read(nlp, gave_up))] == ["surrender"]


def test_a_date_in_a_relative_clause_is_not_the_events(nlp):
    text = (
        "A trader who had joined the party two months ago was shot dead in Karachi by two men "
        "on a motorcycle."
    )
    (event,) = _story(_read(nlp, text))
    assert event.date.precision == "reported"


def test_a_when_clause_times_the_act(nlp):
    text = "Three men were hurt when a gunman opened fire on a bus in Karachi on Monday."
    (event,) = _story(_read(nlp, text))
    assert event.date.start == dt.date(2015, 3, 2)


def test_a_clause_on_the_event_word_dates_it(nlp):
    text = "This year's biggest rally in Lahore, held on February 5, 2015, drew thousands."
    (event,) = _story(_read(nlp, text))
    assert event.date.start == dt.date(2015, 2, 5)


def test_a_namesake_in_another_country_gives_way_to_the_city_written_after_it(nlp):
    # The gazetteer's best "Rampur" is an Indian town; "of Khulna city" says which country.
    text = "Two people were hurt as a crude bomb went off in Rampur thana of Khulna city on Monday."
    (event,) = _story(_read(nlp, text))
    assert event.place.country == "BD"


def test_a_proper_noun_after_in_tagged_as_a_product_or_a_date_is_a_toponym_candidate():
    import spacy
    from spacy.tokens import Doc

    from footprint.extract.from_doc import _unnamed_toponyms

    vocab = spacy.blank("en").vocab
    words = ["In", "Feni", ",", "pickets", "rallied", "in", "March", "."]
    pos = ["ADP", "PROPN", "PUNCT", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"]
    doc = Doc(
        vocab, words=words, pos=pos, ents=["O", "B-PRODUCT", "O", "O", "O", "O", "B-DATE", "O"]
    )
    assert [s.text for s in _unnamed_toponyms(doc)] == ["Feni"]  # a month stays a date


def test_the_first_half_of_a_joined_region_name_is_not_a_town(nlp):
    text = "Gunmen shot dead a shopkeeper in Anantnag district, Jammu and Kashmir state, India."
    (event,) = _story(_read(nlp, text))
    assert event.place.name == "Anantnag" and event.place.precision == "district"


def test_another_spelling_abroad_is_no_answer_where_the_text_names_the_country(nlp):
    # "Hatla" is no Indian "Hatta" spelled otherwise: the sentence says Syria.
    text = "Gunmen attacked the village of Hatla, Deir ez-Zor governorate, Syria."
    (event,) = _story(_read(nlp, text))
    assert event.place.country == "SY"


def test_a_lead_placed_in_a_country_is_narrowed_by_the_next_sentence_to_a_town(nlp):
    text = (
        "A truck bomb exploded outside a foreign consulate in Afghanistan, officials said.\n\n"
        "The blast at the consulate in Kandahar city wounded dozens of guards.\n\n"
        "Last year a similar attack hit a hotel in Herat."
    )
    lead = _lead(nlp, text)
    assert lead.place.name.startswith("Kandah") and lead.place.country == "AF"


def test_a_lead_sentence_without_an_event_word_narrows_the_lead_to_a_town(nlp):
    # The second sentence tells no event of its own ("was driven"), yet puts the story in a
    # town of the country the lead named; the sentence becomes the place's evidence.
    text = (
        "A suicide attack on a foreign consulate in Afghanistan killed three guards.\n\n"
        "A van loaded with explosives was driven into the gate of the consulate in Kandahar.\n\n"
        "Officials in Kabul said an inquiry had begun."
    )
    lead = _lead(nlp, text)
    assert lead.place.name.startswith("Kandah") and lead.place.country == "AF"
    assert any("driven into the gate" in ev.sentence for ev in lead.evidence)


@pytest.mark.parametrize(
    "second",
    [
        "A spokesman for the ministry in Kandahar said the guards were Afghans.",
        "The minister, speaking in Kandahar, called for calm.",
        "The victims were traders from Kandahar, police said.",
        "The wounded were taken to a hospital in Kandahar.",
        "The country has consulates in Kandahar and Herat.",
        "Security was tightened at embassies in Kandahar.",
    ],
)
def test_a_town_not_of_the_leads_own_thing_does_not_narrow_the_lead(nlp, second):
    text = f"A suicide attack on a foreign consulate in Afghanistan killed three guards.\n\n{second}"
    lead = _lead(nlp, text)
    assert lead.place.precision == "country"


def test_a_lead_is_not_narrowed_past_its_first_sentences(nlp):
    text = (
        "A suicide attack on a foreign consulate in Afghanistan killed three guards. "
        "The guards had served for years. Their families were told. Officials met. "
        "A memorial will be held at a mosque in Kandahar."
    )
    lead = _lead(nlp, text)
    assert lead.place.precision == "country"


def test_a_town_in_another_country_does_not_narrow_the_lead(nlp):
    text = (
        "A truck bomb exploded outside a foreign consulate in Afghanistan, officials said. "
        "The blast echoed a bombing in Peshawar, Pakistan."
    )
    lead = _lead(nlp, text)
    assert lead.place.country == "AF" and lead.place.precision == "country"


def test_the_place_of_the_event_a_sentence_answers_is_not_its_place(nlp):
    text = (
        "Militants attacked an army post on Monday. A spokesman said the assault was in "
        "retaliation for airstrikes in Kandahar."
    )
    lead = _lead(nlp, text)
    assert lead.place is None or not lead.place.name.startswith("Kandah")


def test_a_time_clause_the_parser_hung_on_a_noun_still_tells_the_event(nlp):
    text = (
        "Four people - two traders and two porters - were hurt, one of them badly, when a "
        "grenade exploded near the bus stand of Kohima town."
    )
    (event,) = _story(_read(nlp, text))
    assert event.type == "bombing" and event.place.name == "Kohima"


def test_a_gerund_and_clashes_between_named_sides_are_events(nlp):
    fighting = "Fighting between rebels and the army has displaced hundreds of families in Kachin state."
    clashes = "Hundreds of people have fled their homes as clashes between the army and rebels have resumed."
    assert [e.type for e in _story(_read(nlp, fighting))] == ["clash"]
    assert [e.type for e in _story(_read(nlp, clashes))] == ["clash"]


def test_plural_protests_told_of_one_day_are_not_a_habit(nlp):
    dated = "The valley witnessed widespread protests demanding a new land law on 4 March."
    habit = "The union has organised protests demanding a new land law."
    (event,) = _story(_read(nlp, dated, published="2015-03-05"))
    assert event.type == "protest" and event.date.start == dt.date(2015, 3, 4)
    assert _story(_read(nlp, habit)) == []


def test_wounded_or_beaten_by_someone_is_an_attack_but_not_an_accident(nlp):
    wounded = "A village guard was wounded by a gunman outside his house."
    beaten = "A vendor was admitted to hospital after being brutally beaten in a police station."
    accident = "Six passengers were injured when a bus overturned on the highway."
    assert [e.type for e in _story(_read(nlp, wounded))] == ["attack"]
    assert [e.type for e in _story(_read(nlp, beaten))] == ["attack"]
    assert all(e.type != "attack" for e in _story(_read(nlp, accident)))


def test_troops_targeting_posts_is_an_attack_and_a_policy_target_is_not(nlp):
    shelling = "Troops targeted border posts in Kupwara district on Sunday."
    policy = "The new budget targets rural poverty."
    assert [e.type for e in _story(_read(nlp, shelling))] == ["attack"]
    assert _story(_read(nlp, policy)) == []


def test_a_crowd_counted_by_a_number_that_burns_things_riots(nlp):
    text = "Hundreds of protesters from a fishing village burned tyres along the river bank."
    assert [e.type for e in _story(_read(nlp, text))] == ["riot"]


def test_the_act_that_hurt_outranks_the_gathering_it_happened_beside(nlp):
    blockade = (
        "A guard was injured in a petrol bomb attack in the city's Motijheel area, the second "
        "day of a nationwide blockade called by an alliance protesting against a ban on meetings."
    )
    rally = (
        "A youth activist was killed during a clash between two factions over joining a "
        "memorial rally in Rajshahi on Sunday."
    )
    assert [e.type for e in _story(_read(nlp, blockade))] in (["attack"], ["bombing"])
    assert [e.type for e in _story(_read(nlp, rally))] == ["clash"]


def test_a_rally_on_its_own_is_still_the_event(nlp):
    text = "Thousands of farmers held a rally in Nagpur on Monday demanding loan waivers."
    assert [e.type for e in _story(_read(nlp, text, published="2015-03-03"))] == ["rally"]


def test_a_protest_about_a_ceremony_is_a_protest(nlp):
    text = "Members of a student union protested against a councillor for allegedly being drunk during a ceremony."
    assert [e.type for e in _story(_read(nlp, text))] == ["protest"]


def test_a_gathering_word_keeps_the_event_it_gathers_for(nlp):
    text = "Thousands of workers gathered for a rally in Lahore on Monday."
    assert [e.type for e in _story(_read(nlp, text, published="2015-03-03"))] == ["rally"]


def test_a_picketing_campaign_is_a_protest(nlp):
    text = "A massive picketing campaign was held in front of the police station in Galle on Friday."
    assert [e.type for e in _story(_read(nlp, text))] == ["protest"]


def test_a_name_in_a_country_chain_is_read_inside_that_country(nlp):
    # Alone, "Tripoli" is the Libyan capital; a chain ending in Lebanon means Lebanon's
    # Tripoli, even where a region name of the chain ("North") misleads the document's reading.
    text = "Gunmen fired at a bus in Tripoli city, North governorate, Lebanon."
    (event,) = _story(_read(nlp, text))
    assert (event.place.name, event.place.country, event.place.precision) == ("Tripoli", "LB", "city")


def test_unnamed_parties_are_kept_as_phrases_with_their_roles_not_as_actors(nlp):
    attack = "Two unidentified gunmen attacked a police checkpoint in Quetta on Monday."
    crowd = "Hundreds of protesters blocked the highway in Lahore on Monday."
    killed = "Two soldiers were killed by militants in Kupwara district on Monday."
    (event,) = _story(_read(nlp, attack))
    (party,) = event.parties
    assert (party.text, party.role) == ("Two unidentified gunmen", "perpetrator")
    assert party.evidence.text == "Two unidentified gunmen" and "checkpoint" in party.evidence.sentence
    result = _read(nlp, attack)
    assert all("gunmen" not in e.name.lower() for e in result.entities)  # no actor made of it
    (event,) = _story(_read(nlp, crowd))
    assert [(p.text, p.role) for p in event.parties] == [("Hundreds of protesters", "participant")]
    (event,) = _story(_read(nlp, killed))
    assert {(p.text, p.role) for p in event.parties} == {
        ("Two soldiers", "target"),
        ("militants", "perpetrator"),
    }


def test_a_named_doer_is_no_unnamed_party(nlp):
    text = "The Taliban attacked a convoy of trucks in Helmand province on Monday."
    (event,) = _story(_read(nlp, text))
    assert event.parties == []


def test_members_of_a_named_group_are_that_group_not_an_unnamed_party(nlp):
    text = "Members of the Harbour Workers Union staged a demonstration in Karachi on Monday."
    (event,) = _story(_read(nlp, text))
    assert event.parties == []
    assert any(p.role in ("organizer", "participant") for p in event.participants)


def test_a_place_phrase_opening_the_document_is_read_as_a_place(nlp):
    # Nothing stands before the first token: the word "before" it is not the text's last one.
    text = "In Quetta, gunmen attacked a police post on Monday in retaliation for airstrikes"
    (event,) = _story(_read(nlp, text))
    assert event.place.name == "Quetta"


# --- places and dates as reports write them (stop 22) ---------------------------------------


def test_a_town_the_model_took_for_a_person_is_placed_by_its_preposition(nlp):
    # The model reads the Nepali town's common spelling as a person; GeoNames spells it
    # "Birgañj" and keeps "Birgunj" only as another name: the preposition makes it the place.
    text = "Party cadres defying the curfew clashed with the police in Birgunj on Monday."
    result = _read(nlp, text, published="2015-09-03")
    (event,) = _story(result)
    assert event.place is not None and event.place.country == "NP"
    assert event.place.precision == "city"
    assert "Birgunj" not in {e.name for e in result.entities if e.type == "person"}


def test_a_titled_name_after_near_stays_a_person(nlp):
    untitled = _story(_read(nlp, "Police arrested two men near Birgunj on Monday."))
    assert untitled[0].place is not None and untitled[0].place.country == "NP"
    text = "Police arrested two men near Dr Birgunj on Monday."
    result = _read(nlp, text)
    assert all(e.place is None for e in _story(result))
    assert {e.name: e.type for e in result.entities}["Birgunj"] == "person"


def test_names_that_only_modify_or_own_or_employ_are_not_placed(nlp):
    # A group before a noun ("Hamas militants"), a possessive ("Khan's"), a workplace ("at
    # Google"), a person something went through: each also spells a place somewhere.
    for text, name in (
        ("Israeli forces fired at Hamas militants near the border on Monday.", "Hamas"),
        ("Protesters rallied in Khan's support outside the court on Tuesday.", "Khan"),
        ("Workers went on strike at Google on Monday.", "Google"),
        ("Weapons were smuggled to the gunmen through Ali, who was arrested.", "Ali"),
    ):
        result = _read(nlp, text)
        assert all(e.place is None for e in _story(result)), text
        assert {e.name: e.type for e in result.entities}[name] != "place", text


def test_an_area_word_picks_the_reading_of_its_kind(nlp):
    # "Taizz" is both the governorate (the better match by name) and its city.
    city = "Gunmen kidnapped two teachers in Taizz city, Taizz governorate, Yemen."
    (event,) = _story(_read(nlp, city))
    assert event.place.precision == "city" and event.place.country == "YE"
    region = "Gunmen abducted an engineer in Sirwah district, Marib governorate, Yemen."
    (event,) = _story(_read(nlp, region))
    # the governorate is no town: the district is the most specific place of the chain
    assert event.place.name == "Sirwah" and event.place.precision == "district"


def test_a_state_capital_is_the_city(nlp):
    (event,) = _story(_read(nlp, "Gunmen attacked a church in Kaduna state capital on Sunday."))
    assert event.place.name == "Kaduna" and event.place.precision == "city"


def test_an_agencys_bracket_after_a_place_leaves_the_place(nlp):
    text = (
        "Supporters of the Awami League in Gaibandha (BSS) blocked a highway on Monday, "
        "police in Rangpur said."
    )
    (event,) = _story(_read(nlp, text))
    assert event.place.name == "Gaibandha"


def test_a_place_inside_an_organisations_bracketed_name_is_not_the_events(nlp):
    text = (
        "Gunmen ambushed soldiers of the African Union Mission in Somalia (AMISOM) in "
        "Wanlaweyn town, Lower Shebelle region, Somalia."
    )
    (event,) = _story(_read(nlp, text))
    assert event.place.name == "Wanlaweyn" and event.place.precision == "city"


def test_a_town_the_gazetteer_cannot_situate_in_its_region_agrees_with_the_country(nlp):
    text = "A suicide bomber attacked a military camp in Menaka town, Gao region, Mali."
    (event,) = _story(_read(nlp, text))
    assert event.place.precision == "city" and event.place.country == "ML"
    assert event.place.name != "Gao"


def test_a_bracketed_day_and_month_is_a_day_and_a_named_nights_time_is_its_day(nlp):
    text = "Two people were killed when a bomb exploded at a market on Saturday [24 October]."
    (event,) = _story(_read(nlp, text, published="2015-10-26"))
    assert (event.date.start, event.date.end) == (dt.date(2015, 10, 24), dt.date(2015, 10, 24))
    text = "Rival party supporters clashed in Pirojpur municipality on Wednesday night."
    (event,) = _story(_read(nlp, text, published="2015-12-31"))
    assert event.date.precision == "day" and event.date.start == dt.date(2015, 12, 30)


def test_a_clash_with_a_crowd_is_a_riot(nlp):
    text = "Police clashed with supporters of the opposition leader in Kathmandu on Friday."
    (event,) = _story(_read(nlp, text))
    assert event.type == "riot"
    text = "Soldiers clashed with militants in Kupwara district on Friday."
    (event,) = _story(_read(nlp, text))
    assert event.type == "clash"


def test_a_district_named_like_its_division_is_the_district_at_its_seat(nlp):
    # "Chittagong" is best read as the division; "district" says the district, whose seat is
    # the city (GeoNames: Chattogram).
    text = "Police detained forty activists in Chittagong district on Tuesday."
    (event,) = _story(_read(nlp, text))
    assert event.place.precision == "district"
    assert abs(event.place.lat - 22.34) < 0.1 and abs(event.place.lon - 91.83) < 0.1


def test_a_town_naming_the_road_after_a_preposition_is_placed(nlp):
    text = "Protesters set ablaze a motorcycle at Birgunj main road on Friday."
    (event,) = _story(_read(nlp, text, published="2015-12-19"))
    assert event.place is not None and event.place.country == "NP"


def test_a_municipality_is_read_as_its_town(nlp):
    text = (
        "Gunmen attacked a plantation in Camarangan area, Esperanza municipality, Agusan del "
        "Sur province, Philippines."
    )
    (event,) = _story(_read(nlp, text))
    assert event.place.name == "Esperanza" and event.place.admin1 == "Caraga"


def test_a_town_the_model_took_for_a_people_is_placed(nlp):
    # The model tags "Mukerian" as a nationality (NORP); after "in" it is the town.
    text = "Workers clashed with guards in Mukerian on Sunday."
    (event,) = _story(_read(nlp, text, published="2015-10-19"))
    assert event.place is not None and event.place.name == "Mukeriān"
    assert event.place.country == "IN"


@pytest.mark.parametrize("town", ["Nalgonda", "Karimnagar"])  # read as a group, as a person
def test_the_town_a_police_force_is_named_after_places_what_it_did(nlp, town):
    text = f"A wanted Maoist commander surrendered before the {town} police on Tuesday."
    (event,) = _story(_read(nlp, text, published="2015-12-16"))
    assert event.place is not None and event.place.admin1 == "Telangana"
    assert event.place.name.replace("ī", "i") == town


def test_a_name_that_took_in_its_area_word_is_surely_a_place():
    import spacy
    from spacy.tokens import Doc

    from footprint.extract.from_doc import _surely_a_place

    vocab = spacy.blank("en").vocab
    words = ["Gunmen", "fired", "in", "the", "Upper", "Kot", "area", "for", "Islamic", "State"]
    ents = ["O", "O", "O", "O", "B-GPE", "I-GPE", "I-GPE", "O", "B-ORG", "I-ORG"]
    doc = Doc(vocab, words=words, ents=ents)
    place, group = doc.ents
    assert _surely_a_place(place)  # "the" before it hides the preposition; "area" says so
    assert not _surely_a_place(group)  # "State" capitalised: a name, not an area word


def test_a_hyphen_inside_an_unnamed_town_keeps_the_name_whole():
    import spacy
    from spacy.tokens import Doc

    from footprint.extract.from_doc import _unnamed_toponyms

    vocab = spacy.blank("en").vocab
    words = ["A", "bomb", "exploded", "in", "Sta", "-", "ana", "town", "and", "in", "Lor", "-",
             "Bar", "."]
    spaces = [True, True, True, True, False, False, True, True, True, True, True, True, False,
              False]
    pos = ["DET", "NOUN", "VERB", "ADP", "PROPN", "PUNCT", "PROPN", "NOUN", "CCONJ", "ADP",
           "PROPN", "PUNCT", "PROPN", "PUNCT"]
    doc = Doc(vocab, words=words, spaces=spaces, pos=pos)
    # Written without spaces the hyphen joins the name; spaced, it is a dash between words.
    assert [s.text for s in _unnamed_toponyms(doc)] == ["Sta-ana", "Lor"]


def test_a_venue_hit_that_is_named_after_its_town_places_the_attack_in_the_town(nlp):
    text = "Assailants attacked the Berbera airport in Woqooyi Galbeed region, Somalia."
    (event,) = _story(_read(nlp, text, published="2013-05-23"))
    assert event.place is not None and event.place.precision == "city"
    assert event.place.name == "Berbera"


def test_a_groups_police_leaves_the_group_a_group(nlp):
    text = "He was held by the Taliban police in Kunduz, the officials said on Monday."
    result = _read(nlp, text, published="2015-10-06")
    kinds = {e.name: e.type for e in result.entities}
    assert kinds.get("Taliban") == "organization"
    (event,) = _story(result) or (None,)
    assert event is None or event.place is None or event.place.country == "AF"


def test_a_chain_reads_its_town_in_the_region_it_names(nlp):
    # Two places are called so in this country; the area in another state outranks the town
    # on its own, but the chain names the town's state.
    text = "Gunmen attacked a police post in Kaiama town, Bayelsa state, Nigeria, on Tuesday."
    (event,) = _story(_read(nlp, text))
    assert (event.place.name, event.place.admin1) == ("Kaiama", "Bayelsa")
    text = "Gunmen attacked a police post in Kaiama district, Bayelsa state, Nigeria."
    (event,) = _story(_read(nlp, text))
    assert (event.place.name, event.place.admin1, event.place.precision) == (
        "Kaiama",
        "Bayelsa",
        "district",
    )
    text = "Gunmen attacked a police post in Kaiama, Bayelsa state, Nigeria."
    (event,) = _story(_read(nlp, text))
    assert (event.place.name, event.place.admin1, event.place.precision) == (
        "Kaiama",
        "Bayelsa",
        "city",
    )


def test_a_venue_named_after_a_country_leaves_the_town_that_holds_it(nlp):
    text = "Gunmen attacked the Pakistan market in Jalalabad city, Nangarhar province, Afghanistan."
    (event,) = _story(_read(nlp, text, published="2013-05-23"))
    assert event.place is not None and event.place.country == "AF"
    assert event.place.precision == "city"


@pytest.mark.parametrize(
    "text",
    [
        # an attempt is an act that happened, as event data codes it
        "An assailant attempted to set fire to a mosque in Kandahar city.",
        "Gunmen tried to storm a police station in Kandahar city.",
    ],
)
def test_attempted_attacks_are_events(nlp, text):
    (event,) = _story(_read(nlp, text))
    assert event.type == "attack" and event.place.name.startswith("Kandah")


@pytest.mark.parametrize(
    "text",
    [
        "Militants threatened to storm police stations in Kandahar city.",
        "Security forces foiled an attempt to attack a checkpoint in Kandahar city.",
        "Militants may try to attack checkpoints in Kandahar city.",
        "Militants are expected to try to attack checkpoints in Kandahar city.",
        # storms strike and buses ram, but attack no one
        "A storm struck the village of Sangli, destroying dozens of houses.",
        "The storm struck the army base in Kandahar city.",
        "A speeding bus rammed a motorcycle near Kandahar city.",
    ],
)
def test_threats_foiled_or_possible_attempts_storms_and_accidents_are_no_attacks(nlp, text):
    assert not [e for e in _story(_read(nlp, text)) if e.type == "attack"]


def test_an_attempt_told_of_those_arrested_leaves_the_arrest_the_event(nlp):
    text = "Police arrested two militants who were trying to attack a checkpoint in Kandahar city."
    assert [e.type for e in _story(_read(nlp, text))] == ["arrest"]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Police dispersed about 50 villagers from a park in Kandahar city.", "protest"),
        ("Riot police dispersed the protesters with tear gas in Kandahar city.", "protest"),
        ("Twelve militants handed themselves over to the police in Kandahar city.", "surrender"),
    ],
)
def test_a_crowd_dispersed_and_fighters_handing_themselves_over_are_events(nlp, text, type_):
    (event,) = _story(_read(nlp, text))
    assert event.type == type_ and event.place.name.startswith("Kandah")


@pytest.mark.parametrize(
    ("text", "capital"),
    [
        # the country the report is mostly about
        ("Garment workers protested in the capital on Sunday. Police in Chittagong said the "
         "march was peaceful.", "Dhaka"),
        # the country the phrase names, as a name, a demonym or "of" it
        ("Police dispersed about 50 villagers from a park in Peru's capital.", "Lima"),
        ("Protesters rallied in the Afghan capital on Saturday.", "Kabul"),
        ("Protesters gathered in the capital of Peru on Monday.", "Lima"),
        # a capital named beside the word is left to its name
        ("Supporters protested in the capital Kathmandu on Friday, a week after clashes in "
         "Lahore and Quetta, Pakistan.", "Kathmandu"),
        # the dateline's country before another the sentence names
        ("KATHMANDU, March 3 (Reuters) - Students protested in the capital against a deal with "
         "India. The deal was signed in New Delhi and Mumbai.", "Kathmandu"),
    ],
)
def test_the_capital_places_an_event_in_the_national_capital(nlp, text, capital):
    (event,) = _story(_read(nlp, text))
    assert event.place.name == capital


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Students staged a rally in the Shan regional capital, officials in Myanmar said.",
         "MM"),
        ("Activists marched to City Hall in the former capital of Myanmar.", "MM"),
        ("Teachers protested in the state capital, officials in India said.", "IN"),
        ("Hundreds protested in Assam's capital against the new law in India.", "IN"),
        ("Hundreds protested in the capital of Sindh province in Pakistan.", "PK"),
        # money, not a city
        ("The company raised capital to expand its factory in Lahore, Pakistan. Police "
         "dispersed protesters outside the plant.", "PK"),
    ],
)
def test_a_state_regional_or_former_capital_or_money_is_not_the_nations(nlp, text, country):
    (event,) = _story(_read(nlp, text))
    national = Geocoder().gazetteer.capital(country)
    assert national is not None
    assert event.place is None or event.place.gazetteer_id != national.gazetteer_id


def test_capital_punishment_places_nothing(nlp):
    text = "Hundreds protested against capital punishment on Sunday."
    (event,) = _story(_read(nlp, text))
    assert event.place is None


def test_the_date_a_death_toll_rose_is_not_the_attacks(nlp):
    # published on a Saturday: "Friday" dates the count, "late Thursday" the bombing
    text = (
        "The death toll from a truck bombing at a market in Kandahar city rose to seven on "
        "Friday. Police said the bombing late Thursday was the worst this year."
    )
    lead = _lead(nlp, text, published="2015-03-07")
    assert lead.type == "bombing" and lead.date.start == dt.date(2015, 3, 5)
    alone = _story(_read(nlp, text.split(" Police")[0], published="2015-03-07"))[0]
    assert alone.date.precision == "reported"  # the count's day is not the bombing's
    # a date of the event's own phrase, before the count's verb, is the event's
    own = "The death toll from the bombing in Kandahar city on Thursday rose to six on Friday."
    dated = _lead(nlp, own, published="2015-03-07")
    assert dated.date.start == dt.date(2015, 3, 5)


# -- names that are no place of the event ---------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # joined by a hyphen to a prefix: part of a modifier
        "Anti-Japan protesters gathered outside a hotel during a visit by the foreign minister.",
        # a modifier of what the protest was against
        "Fishermen protested against the Queensland dredging programme at the harbour.",
        # a country after "on" that is asked to do something, not where
        "Activists rallied outside a hotel on Monday, calling on Fiji to release the detainees.",
        # a country's embassy stands in another country, and so does the capital it is in
        "Hundreds rallied outside the Malawi embassy in the capital on Monday.",
        "Hundreds demonstrated outside the embassy of Malawi in the capital on Monday.",
    ],
)
def test_a_name_that_only_modifies_or_is_asked_of_or_owns_an_embassy_is_not_the_place(
    nlp, text
):
    (event,) = _story(_read(nlp, text))
    assert event.place is None


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # where the strikes fell, not what was asked of it
        ("Jets launched airstrikes on Fiji on Monday.", "Fiji"),
        # a border between two countries is a place, though hyphened
        ("Militants attacked a post on the Pakistan-Afghanistan border on Monday.", "Afghanistan"),
        # a town's consulate is in the town
        ("Militants attacked the Lisbon consulate on Monday.", "Lisbon"),
        # an organisation named after a town is no topic phrase
        ("Students protested against the Blantyre University administration.", "Blantyre"),
        # the embassy's country is left aside, and the sentence's other country is the one
        ("A bomb exploded in the capital near the Fijian embassy, Malawian officials said.",
         "Lilongwe"),
        ("Hundreds demonstrated in the capital of Malawi outside the Fijian embassy.", "Lilongwe"),
    ],
)
def test_the_same_words_leave_a_true_place_placed(nlp, text, place):
    (event,) = _story(_read(nlp, text))
    assert event.place is not None and event.place.name == place


def test_the_capital_is_never_a_place_so_named(nlp):
    # No country to take the capital of: the event stays unplaced, not in a region of some
    # country whose own name is "Capital".
    text = "Shops stayed shut across the nation, including the Capital, during the strike."
    (event,) = _story(_read(nlp, text))
    assert event.type == "strike" and event.place is None


def test_the_state_written_after_district_of_and_a_direction_picks_the_district(nlp):
    # "district of north" says the state is a place, and it picks the Balrampur of that state,
    # not the bigger one elsewhere.
    text = "A policeman was killed in a blast in Balrampur district of north Chhattisgarh."
    (event,) = _story(_read(nlp, text))
    assert event.place.name.startswith("Balr") and event.place.admin1 == "Chhattisgarh"


def test_a_unit_below_a_district_written_in_another_spelling_is_its_seat_town(nlp):
    # GeoNames spells the town "Sunamganj"; "in X upazila" is where only a place goes, so the
    # other spelling is taken, and the unit word finds the town its unit is named after.
    text = "Two people were injured when rival groups clashed in Sonamganj upazila on Monday."
    (event,) = _story(_read(nlp, text))
    assert event.place is not None and event.place.country == "BD"


def test_a_name_the_model_left_untagged_before_an_area_word_may_be_another_spelling(nlp):
    # Built by hand so that the model tags nothing: "in X upazila" is where only a place goes,
    # so X may be a town's other spelling (GeoNames: "Sunāmganj"), as for a tagged name.
    from spacy.tokens import Doc

    from footprint.extract.from_doc import _geocode, _unnamed_toponyms

    words = ["Two", "groups", "clashed", "in", "Sonamganj", "upazila", "."]
    pos = ["NUM", "NOUN", "VERB", "ADP", "PROPN", "NOUN", "PUNCT"]
    unnamed = _unnamed_toponyms(Doc(nlp.vocab, words=words, pos=pos))
    assert [s.text for s in unnamed] == ["Sonamganj"]
    place = _geocode([], unnamed, Geocoder())["Sonamganj"]
    assert place is not None and place.country == "BD"
    # after "district of", the name with its direction ("South Westria" may be its own name)
    words = ["A", "blast", "hit", "Qadian", "district", "of", "south", "Westria", "."]
    pos = ["DET", "NOUN", "VERB", "PROPN", "NOUN", "ADP", "ADJ", "PROPN", "PUNCT"]
    unnamed = _unnamed_toponyms(Doc(nlp.vocab, words=words, pos=pos))
    assert [s.text for s in unnamed] == ["south Westria"]


def test_an_idiom_the_parser_split_still_tells_the_act(nlp):
    # The small parser makes "opened" a modifier of "fire" after "on a motorcycle".
    text = (
        "Assailants on a motorcycle opened fire on soldiers in Utrecht city, Netherlands. "
        "Three officers were killed on their way to the base."
    )
    (event,) = _story(_read(nlp, text))
    assert event.type == "attack" and event.casualties.killed == 3


def test_who_speaks_of_an_attack_did_not_do_it(nlp):
    text = (
        "Gunmen attacked a police post in Utrecht city, Netherlands. Officials attribute the "
        "attack to a local gang."
    )
    (event,) = _story(_read(nlp, text))
    assert [(p.text, p.role) for p in event.parties] == [("Gunmen", "perpetrator")]
    carried = "Two gunmen carried out an attack on a police post in Utrecht city on Monday."
    (event,) = _story(_read(nlp, carried))
    assert [(p.text, p.role) for p in event.parties] == [("Two gunmen", "perpetrator")]


def test_casualties_of_a_lead_read_first_as_a_gathering_are_kept(nlp):
    text = (
        "About 40 assailants entered a village, gathered the residents and separated out "
        "three people in Utrecht city, Netherlands. The attackers hanged one of the victims "
        "and beat the other two individuals."
    )
    (event,) = _story(_read(nlp, text))
    assert event.type == "attack" and event.casualties.killed == 1
    proceeded = (
        "Two assailants hit a soldier with their car and then proceeded to attack the man "
        "with knives in Utrecht city. The soldier was killed in the incident."
    )
    (event,) = _story(_read(nlp, proceeded))
    assert event.type == "attack" and event.casualties.killed == 1


def test_a_report_counting_the_injured_and_no_deaths_reports_killed_zero(nlp):
    text = "Gunmen attacked a post in Utrecht city, Netherlands. Two officers were injured."
    (event,) = _story(_read(nlp, text))
    assert (event.casualties.killed, event.casualties.injured) == (0, 2)
    assert event.casualties.evidence[0].text == "Two officers were injured"


@pytest.mark.parametrize(
    "text",
    [
        # people hurt, uncounted, say too little to rule deaths out
        "Assailants stabbed passengers aboard a bus in Utrecht city. The victims suffered "
        "minor injuries in the attack.",
        "Gunmen attacked a village in Utrecht city. Several people were killed and many injured.",
        "Gunmen attacked a village in Utrecht city. Several people were killed and 12 injured.",
        "Gunmen attacked a bus in Utrecht city. Several people were wounded, some of them fatally.",
        "Gunmen attacked a bus in Utrecht city. Dozens were injured. One of the injured later "
        "succumbed to his wounds.",
        "Gunmen attacked a bus in Utrecht city. Five people were injured, and the toll is "
        "expected to rise.",
    ],
)
def test_deaths_told_without_a_count_leave_killed_unknown(nlp, text):
    (event,) = _story(_read(nlp, text))
    assert event.casualties is None or event.casualties.killed is None


@pytest.mark.parametrize(
    "text",
    [
        "Troops patrolled the captured town in Utrecht city on Monday.",
        "Officials inspected the newly opened fire station in Utrecht city on Monday.",
        "The targeted vehicle belonged to a local businessman in Utrecht city.",
    ],
)
def test_a_participle_describing_a_noun_is_no_act(nlp, text):
    assert [e.type for e in _story(_read(nlp, text))] == []


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Supporters of the opposition took to the streets of Utrecht on Monday.", "protest"),
        # the verb with its object says more than the verb: an effigy burnt is a protest
        ("Opposition activists burnt effigies of the minister in Utrecht on Monday.", "protest"),
        # the crowd that burnt effigies also did the violence joined to it: a riot
        ("Protesters burnt effigies and torched a police van in Utrecht on Monday.", "riot"),
        ("Protesters burnt effigies and set fire to a police post in Utrecht on Monday.", "riot"),
    ],
)
def test_protest_and_violence_phrasings(nlp, text, kind):
    assert [e.type for e in _story(_read(nlp, text))] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "The army took the road to the border on Monday.",
        "Corrupt officials looted public funds in Utrecht, the opposition said on Monday.",
    ],
)
def test_a_road_taken_and_funds_looted_are_no_event(nlp, text):
    assert _story(_read(nlp, text)) == []


def test_a_riot_has_doers_and_victims_when_a_crowd_did_it(nlp):
    (event,) = _story(_read(nlp, "A mob lynched a man suspected of theft in Utrecht on Monday."))
    assert event.type == "riot"
    assert [(p.text, p.role) for p in event.parties] == [("mob", "perpetrator"), ("man", "target")]
    # soldiers clashing with a crowd did no riot
    (event,) = _story(_read(nlp, "Soldiers clashed with protesters in Utrecht on Monday."))
    assert event.type == "riot"
    assert all(p.role != "perpetrator" for p in event.parties)


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        (
            "Assailants shot two civilians in Utrecht city, Netherlands. The civilians were "
            "publicly killed after a mock trial.",
            2,
        ),
        (
            "Assailants abducted 10 police officers in Utrecht city, Netherlands. The police "
            "officers' bodies were discovered two days later.",
            10,
        ),
        # "the guards" were never counted: no figure to refer back to
        (
            "Assailants attacked a post in Utrecht city, Netherlands. The guards were killed.",
            None,
        ),
        ("A man was abducted in Utrecht city on Monday. His body was found on Sunday.", 1),
        # people named again are not further victims, "also" or not
        ("Gunmen killed two civilians in Utrecht city. The civilians were also killed.", 2),
        # two figures for one noun: "the soldiers" says neither
        (
            "Gunmen killed two soldiers and wounded five soldiers in Utrecht city. The soldiers "
            "died in hospital.",
            2,
        ),
    ],
)
def test_the_people_counted_before_are_counted_again_when_named_again(nlp, text, killed):
    (event,) = _story(_read(nlp, text))
    assert (event.casualties.killed if event.casualties else None) == killed


def test_people_carried_or_present_are_not_counted_as_victims_when_named_again(nlp):
    text = (
        "Gunmen attacked a bus carrying 45 workers in Utrecht city, killing two. The workers "
        "were injured."
    )
    (event,) = _story(_read(nlp, text))
    assert (event.casualties.killed, event.casualties.injured) == (2, None)


def test_an_event_in_a_clause_beside_a_call_was_held(nlp):
    # "called for" governs what was called for, not the seminar the speaker spoke at
    text = (
        "Speaking at a seminar organised by the Eastmark Institute in Leeds on March 3, Omar "
        "Said called for the release of detained activists."
    )
    (event,) = _story(_read(nlp, text, published="2015-03-09"))
    assert event.type == "conference" and event.place.name == "Leeds"
    # and what is called for or threatened is still no event
    for text in (
        "The union called for a strike in Leeds on Monday.",
        "Addressing reporters in Leeds on Monday, the minister threatened to hold a rally.",
    ):
        assert _story(_read(nlp, text, published="2015-03-09")) == []


def test_a_crowd_fired_on_by_others_is_the_shootings_victim_not_a_protest(nlp):
    text = (
        "Three demonstrators were killed on Monday when soldiers shot at the demonstrators in "
        "Leeds."
    )
    (event,) = _story(_read(nlp, text))
    assert event.type == "attack"
    # fired on by a crowd, it is a riot; tear gas at a crowd keeps the protest
    text = "Protesters opened fire at a police post in Leeds on Monday."
    assert [e.type for e in _story(_read(nlp, text))] == ["riot"]
    text = "Police fired tear gas at protesters in Leeds on Monday."
    assert [e.type for e in _story(_read(nlp, text))] == ["protest"]


def test_a_bombing_told_after_the_strike_day_is_its_own_event_on_that_day(nlp):
    text = (
        "On Monday, the third day of the strike, thousands of workers marched in Leeds. "
        "Four crude bombs were hurled near the march."
    )
    occasion, bombing = _story(_read(nlp, text))
    assert occasion.type in ("strike", "march") and bombing.type == "bombing"
    assert bombing.date == occasion.date and bombing.date.precision == "day"
    assert bombing.place is not None and bombing.place.name == "Leeds"


def test_a_protest_told_after_an_arrest_is_its_own_event_dated_by_the_report(nlp):
    text = (
        "Twelve striking workers were arrested by police in Leeds on Monday. Their supporters "
        "then staged a sit-in outside the police station."
    )
    arrest, protest = _story(_read(nlp, text))
    assert (arrest.type, protest.type) == ("arrest", "protest")
    assert arrest.date.precision == "day" and protest.date.precision == "reported"


def test_casualties_told_after_a_protest_at_an_attack_are_the_attacks(nlp):
    text = (
        "Gunmen attacked a bus in Leeds on Monday. Hundreds of residents staged a protest on the "
        "highway. Three passengers were killed and eight injured."
    )
    attack, protest = _story(_read(nlp, text))
    assert (attack.type, protest.type) == ("attack", "protest")
    assert (attack.casualties.killed, attack.casualties.injured) == (3, 8)


@pytest.mark.parametrize(
    "text",
    [
        # an act told only as a topic of the occasion
        "A two-day conference on press freedom opened in Leeds on Monday. Speakers condemned "
        "the killing of a journalist in Westria last year.",
        "A seminar on security was held in Leeds on Monday. Participants discussed the "
        "abduction of two aid workers in Westria.",
        # the sequel of an attack
        "Gunmen killed four villagers in Leeds on Monday. Thousands of mourners attended the "
        "funeral of the victims.",
        "Gunmen attacked a police post in Leeds on Monday. At a press conference, a spokesman "
        "for the Zenda Front claimed responsibility for the attack.",
        # the occasion the act fell on, referred back to
        "A suicide bomber detonated explosives at a rally in Leeds. The rally was organized "
        "by the Zenda Party. At least twelve people were killed.",
        # what was said at the occasion, and an occasion told in a clause of another's
        "Students held a meeting in Leeds on Monday. They said gunmen had abducted two of "
        "their teachers.",
        "Gunmen attacked a bus in Leeds on Monday. Residents who staged a protest blocked "
        "the highway.",
    ],
)
def test_a_topic_a_sequel_or_a_setting_referred_back_to_is_no_event_of_its_own(nlp, text):
    assert len(_story(_read(nlp, text))) == 1


def test_a_bomb_a_deed_verb_delivers_after_a_rally_is_its_own_event_with_its_dead(nlp):
    text = (
        "A rally was held in Leeds on Sunday. A militant detonated a bomb near the stage, "
        "killing four."
    )
    rally, bombing = _story(_read(nlp, text))
    assert (rally.type, bombing.type, bombing.casualties.killed) == ("rally", "bombing", 4)
    assert bombing.date == rally.date


def test_a_vague_many_days_is_read(nlp):
    text = "Workers have staged a sit-in outside the mill in Leeds over the past many weeks."
    (event,) = _story(_read(nlp, text))
    assert event.type == "protest" and event.date.precision == "approximate"


def test_a_crowd_acting_on_a_killing_told_as_a_topic_keeps_its_protest(nlp):
    text = "Hundreds of protesters gathered in Leeds on Monday to condemn the killing of a student."
    assert [e.type for e in _story(_read(nlp, text))] == ["protest"]


def test_an_occasion_in_a_side_clause_after_an_attack_is_only_its_setting(nlp):
    text = (
        "Assailants attacked the airport in Leeds. The incident occurred while a government "
        "delegation was meeting inside the airport. A spokesman for the Zenda Front claimed "
        "responsibility for the incident."
    )
    (attack,) = _story(_read(nlp, text))
    assert attack.type == "attack"
    assert attack.responsibility[0] == "claimed"
    assert [p.basis for p in attack.participants if p.role == "perpetrator"] == ["claimed"]


def test_what_is_said_to_have_happened_is_an_event_and_a_plan_is_not(nlp):
    said = "About forty villagers are reported to have been killed by soldiers near Leeds."
    assert [e.type for e in _story(_read(nlp, said))] == ["attack"]
    for planned in (
        "The rebels plan to have captured the town of Leeds by May.",
        "Negotiators aim to have met in Leeds by the end of the month.",
        "The minister is due to have visited Leeds by Friday.",
    ):
        assert _story(_read(nlp, planned)) == [], planned


def test_a_country_named_before_its_soldiers_is_not_where_it_happened(nlp):
    text = (
        "Gunmen ambushed a convoy of the Eastmark Monitoring Force in Algeria soldiers in "
        "Taoura town, Souk Ahras province, Algeria."
    )
    (event,) = _story(_read(nlp, text))
    assert (event.place.name, event.place.country) == ("Taoura", "DZ")
    # a town with no comma after it is where it happened
    text = "In Taoura soldiers clashed with smugglers on Monday, the army in Algeria said."
    (event,) = _story(_read(nlp, text))
    assert (event.place.name, event.place.country) == ("Taoura", "DZ")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Insurgents shelled the outskirts of Tampere on Monday, killing two farmers.", "bombing"),
        ("Two mortar shells struck a clinic in Tampere on Monday.", "bombing"),
        ("An air raid destroyed a fuel depot in Tampere on Monday.", "bombing"),
        ("Armed men hijacked a fuel tanker on the highway near Tampere on Monday.", "kidnapping"),
        ("Gunmen took eleven bank clerks hostage in Tampere on Monday.", "kidnapping"),
        ("The kidnappers held the engineers hostage in a forest near Tampere.", "kidnapping"),
        ("Raiders massacred a family of six in a hamlet near Tampere on Monday.", "attack"),
        ("Unknown people sabotaged a railway signal box near Tampere on Monday.", "attack"),
        ("A crowd looted grocery stores in Tampere on Monday after the power failed.", "riot"),
    ],
)
def test_remote_violence_hostages_and_looting_phrasings(nlp, text, kind):
    assert [e.type for e in _story(_read(nlp, text))] == [kind]


@pytest.mark.parametrize(
    "text",
    [
        "The convoy took the main road to Tampere on Monday.",
        "Tourists took pictures of the cathedral in Tampere on Monday.",
        "Cyclists took the side streets to the stadium in Tampere on Monday.",
    ],
)
def test_an_object_after_its_preposition_only(nlp, text):
    # "took to the streets" is read through "to"; the same object without it is no protest
    assert _story(_read(nlp, text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Lawmakers took the pension bill hostage in Tampere on Monday.",
        "The harbour project has been held hostage by party quarrels in Tampere for a year.",
        "Collectors shelled out a fortune for the paintings in Tampere on Monday.",
        "Hecklers hijacked the debate on the new library in Tampere on Monday.",
        "The auditor said the mayor sabotaged the merger of two utilities in Tampere on Monday.",
        "The former director looted the city pension fund in Tampere, prosecutors said on Monday.",
    ],
)
def test_figures_of_speech_on_violent_verbs_are_no_event(nlp, text):
    assert _story(_read(nlp, text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked the town of Timizart in Tizi Ouzou province on Monday.",
        "The village of Timizart in Tizi Ouzou province was shelled on Monday.",
    ],
)
def test_the_town_acted_on_is_the_place_not_its_province(nlp, text):
    (event,) = _story(_read(nlp, text))
    assert (event.place.name, event.place.precision) == ("Timizart", "city")


@pytest.mark.parametrize(
    ("said", "basis"),
    [
        ("The Zenda Liberation Front claimed the ambush in a video.", "claimed"),
        ("Police said the Zenda Liberation Front carried out the ambush.", "attributed"),
        (
            "Officials suspect members of the Zenda Liberation Front carried out the ambush.",
            "suspected",
        ),
        ("The ambush bore the hallmarks of the Zenda Liberation Front.", "suspected"),
        # a noun of doubt denies nothing
        ("There is no doubt the Zenda Liberation Front carried out the ambush.", "attributed"),
    ],
)
def test_an_act_claimed_done_by_a_named_doer_or_like_its_work(nlp, said, basis):
    lead = "Four assailants ambushed a lorry convoy near Tampere city, Finland. "
    assert [b for b, _ in _perpetrators(nlp, lead + said)] == [basis]


@pytest.mark.parametrize(
    "said",
    [
        "The Zenda Liberation Front claimed victory in the local election.",
        "The Zenda Liberation Front carried out a survey of the damage.",
        "The ambush did not bear the hallmarks of the Zenda Liberation Front.",
        "The governor rejected claims that the Zenda Liberation Front carried out the ambush.",
        "Investigators asked whether the Zenda Liberation Front carried out the ambush.",
        "The Zenda Liberation Front carried out a rescue operation after the ambush.",
        "A driver employed by Hentzau Haulage carried out the ambush, police said.",
        "Critics said the import levy bore the hallmarks of the Zenda Liberation Front.",
        "The Zenda Liberation Front claimed the battle for second place in the league.",
    ],
)
def test_no_act_claimed_or_done_names_no_perpetrator(nlp, said):
    lead = "Four assailants ambushed a lorry convoy near Tampere city, Finland. "
    assert _perpetrators(nlp, lead + said) == []


def test_no_one_claiming_the_act_is_recorded_as_unclaimed(nlp):
    text = "Four assailants ambushed a lorry convoy near Tampere city, Finland. "
    (event,) = _story(_read(nlp, text + "No group has claimed the ambush."))
    assert event.responsibility is not None and event.responsibility[0] == "unclaimed"


@pytest.mark.parametrize(
    "text",
    [
        "Dock workers barricaded the harbour bridge in Tampere on Monday.",
        "Students chained themselves to the railings of the town hall in Tampere on Monday.",
    ],
)
def test_barricades_and_chains_are_protests(nlp, text):
    assert [e.type for e in _story(_read(nlp, text))] == ["protest"]


@pytest.mark.parametrize(
    "text",
    [
        "Police blocked the road to the arena in Tampere on Monday.",
        "Security forces barricaded the main bridge in Tampere on Monday.",
    ],
)
def test_a_road_the_state_forces_close_is_no_protest(nlp, text):
    assert _story(_read(nlp, text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Raiders stormed a customs office in Tampere on 30 March.",
        "Gunmen attacked a police post in Tampere on 19 March.",
    ],
)
def test_an_act_told_as_done_is_not_dated_after_its_report(nlp, text):
    # published on Thursday 5 March 2015: a 19 or 30 March of the same year is after the
    # report; the report's week is what it can be
    (event,) = _story(_read(nlp, text, published="2015-03-05"))
    assert event.date.precision == "reported"
    assert (event.date.start, event.date.end) == (dt.date(2015, 2, 27), dt.date(2015, 3, 5))
    assert "after the report" in event.date.text


def test_a_weekend_nearest_a_day_the_story_reached_but_after_the_report_gives_way(nlp):
    # published on Friday 6 March 2015; the story reaches Thursday 5 March, and the weekend
    # nearest it (7-8 March) is after the report: the act told as done takes the report's week
    text = (
        "Police questioned two men in Tampere on Thursday. Raiders stormed a customs office in "
        "Tampere over the weekend."
    )
    events = [e for e in _story(_read(nlp, text, published="2015-03-06")) if e.type == "attack"]
    assert events and events[0].date.precision == "reported"
    assert events[0].date.end == dt.date(2015, 3, 6)


def test_an_act_dated_before_its_report_keeps_its_date(nlp):
    text = "Gunmen attacked a police post in Tampere on 2 March."
    (event,) = _story(_read(nlp, text, published="2015-03-05"))
    assert (event.date.start, event.date.precision) == (dt.date(2015, 3, 2), "day")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Rebels killed nine herders in a dawn raid on a camp near Tampere.", "attack"),
        ("Gunmen raided a sawmill near Tampere and seized its trucks.", "attack"),
        ("Police raided a warehouse near Tampere and seized forged banknotes.", "security_operation"),
        ("Two militants died in a raid on a farmhouse near Tampere.", "security_operation"),
        ("Rebels survived a police raid on their camp near Tampere.", "security_operation"),
        ("Gunmen resisted a raid by soldiers on a farmhouse near Tampere.", "security_operation"),
    ],
)
def test_a_raid_by_gunmen_is_an_attack_and_by_police_an_operation(nlp, text, kind):
    assert [e.type for e in _story(_read(nlp, text))][:1] == [kind]


def test_residents_of_a_town_place_the_act_unless_the_grammar_places_it(nlp):
    (event,) = _story(_read(nlp, "Gunmen attacked residents of Timizart on Monday."))
    assert event.place.name == "Timizart"
    text = "Police arrested two residents of Timizart in Tampere on Monday."
    (event,) = _story(_read(nlp, text))
    assert event.place.name == "Tampere"


def test_a_region_the_gazetteer_knows_only_as_its_seat_town_is_a_region_in_a_chain(nlp):
    # GeoNames has the town, not the region named after it: the town's point stands for the
    # region, and the chain's district is the more specific place
    text = "Gunmen raided a customs office in Savelugu district, Tamale region, Ghana."
    place = _lead(nlp, text).place
    assert (place.name, place.precision) == ("Savelugu", "district")
    alone = _lead(nlp, "Gunmen raided a customs office in Korhogo region, Ivory Coast.").place
    assert (alone.name, alone.precision) == ("Korhogo", "region")
    # an old name of a capital written as a province is not a region at the capital's point:
    # the town of the chain, far from that capital, stays the answer
    text = "Gunmen raided a customs office in Kikwit town, Leopoldville province, Congo."
    place = _lead(nlp, text).place
    assert (place.name, place.precision) == ("Kikwit", "city")


def test_a_town_spelled_otherwise_in_a_chain_whose_region_no_spelling_finds(nlp):
    text = "Gunmen burned two trucks in Kassalah town, Western state, Sudan."
    place = _lead(nlp, text).place
    assert (place.name, place.country, place.precision) == ("Kassala", "SD", "city")


def test_a_place_on_the_events_own_word_is_no_topic_of_a_verb_of_acting_on_it(nlp):
    text = (
        "Police clamped down on a student procession in Savelugu on Monday. Later, protesters "
        "gathered in Tamale."
    )
    event = _lead(nlp, text)  # (read as a topic, the procession took the later town)
    assert event.place.name == "Savelugu"
    # what a protest is against stays its topic
    text = "Pupils held a sit-in in Tamale against the new dam in Savelugu."
    assert _lead(nlp, text).place.name == "Tamale"


def test_what_one_thing_held_is_told_once_and_what_many_carry_is_a_habit(nlp):
    text = "A suitcase containing explosive devices was left outside a ministry in Tamale city."
    event = _lead(nlp, text)
    assert event.type == "bombing" and event.place.name == "Tamale"
    for habit in (
        "Workshops making explosive devices are common in the hills near Tamale, officials say.",
        "Smugglers often use trucks carrying explosive devices across the border near Tamale.",
        # a law, a statement or a campaign about events holds none
        "The ministry issued a decree prohibiting rallies in Zenda.",
        "The embassy issued a statement condemning attacks on journalists in Zenda.",
        "The party launched a campaign opposing protests by farmers in Nakuru.",
    ):
        assert _story(_read(nlp, habit)) == []


def test_what_an_announcement_reports_as_done_happened(nlp):
    text = (
        "Soldiers shot dead four armed bandits during a sweep near Diffa, the army announced "
        "on Thursday."
    )
    event = _lead(nlp, text)
    assert event.place.name == "Diffa" and event.casualties.killed == 4
    for planned in (
        "The union announced a strike at the port in Tamale.",
        "The union announced that dock workers would strike at the port in Tamale.",
        # a past act of its own that is no act of the event
        "The union announced it had agreed to hold a rally in Eldoret next week.",
        "Authorities announced they banned a march planned for Saturday in Tamale.",
        "The bishop announced that he had cancelled the procession in Eldoret.",
        "The army announced it had received word of an imminent attack on Bulawayo.",
    ):
        assert _story(_read(nlp, planned)) == []


def test_a_boycott_is_the_story_not_what_was_boycotted(nlp):
    text = "Students at the University of Kumasi boycotted lectures on Thursday over fees."
    assert _lead(nlp, text).type == "protest"


@pytest.mark.parametrize(
    "text",
    [
        "Nurses in Eldoret downed their tools on Monday, demanding the payment of arrears.",
        "Dock workers in Tamale laid down their tools on Monday.",
    ],
)
def test_downing_tools_is_a_strike(nlp, text):
    assert _lead(nlp, text).type == "strike"


def test_a_town_of_the_region_that_opens_the_sentence_places_the_event(nlp):
    text = (
        "In Arauca department, a truck bomb went off beside a police barracks in the town of "
        "Saravena early Tuesday, injuring five people."
    )
    place = _lead(nlp, text).place
    assert (place.name, place.precision) == ("Saravena", "city")
    # a town of another department is no narrowing of it, nor a town of another clause
    text = (
        "In Arauca department, a truck bomb went off beside a police barracks in the town of "
        "Sogamoso early Tuesday, injuring five people."
    )
    assert _lead(nlp, text).place.precision == "region"
    text = (
        "In Arauca department, a truck bomb went off on Tuesday beside a police barracks, a "
        "day after bandits abducted a rancher in the town of Saravena."
    )
    assert _lead(nlp, text).place.precision == "region"


def test_a_hazard_that_kills_is_no_doer(nlp):
    for text in (
        "Floods near Tamale have killed 20 people since June.",
        "Flooding in Niger has killed 20 people since June, including six in Maradi.",
    ):
        assert all(e.type != "attack" for e in _story(_read(nlp, text)))


def test_a_region_the_model_took_for_a_product_is_a_place(nlp):
    text = (
        "Gunmen killed at least 20 villagers in a raid on a market in western Niger's "
        "Tillaberi region, the regional governor said on Tuesday."
    )
    place = _lead(nlp, text).place
    assert (place.name, place.precision) == ("Tillaberi", "region")


def test_residents_of_an_untagged_town_place_what_they_did(nlp):
    place = _lead(nlp, "Residents of Eldoret rioted on Monday.").place
    assert place is not None and place.name == "Eldoret"


def test_a_death_told_as_what_came_before_is_not_the_acts_toll(nlp):
    text = (
        "An angry crowd set a police post ablaze in Korhogo on Saturday after a detainee died "
        "in custody."
    )
    event = _lead(nlp, text)
    assert event.type == "riot" and event.casualties is None
    # a death the act itself caused, with what came before in its own clause, is its toll
    text = "A bomb exploded in a market in Tamale, killing four people, after gunmen had stormed the town."
    assert _lead(nlp, text).casualties.killed == 4
    assert (
        _lead(
            nlp, "Three traders died after a bomb exploded at a market in Tamale."
        ).casualties.killed
        == 3
    )


def test_found_dead_with_marks_of_violence_is_a_killing_and_a_heart_attack_is_no_attack(nlp):
    text = (
        "A rights activist was found dead beside a road outside Chilpancingo on Sunday, bearing "
        "marks of torture, prosecutors said."
    )
    event = _lead(nlp, text)
    assert event.type == "attack" and event.casualties.killed == 1
    for natural in (
        "A retired teacher was found dead at his farm near Tamale on Sunday; relatives said he "
        "had suffered a heart attack.",
        "The minister suffered a heart attack in Tamale on Sunday.",
        "A missing fisherman was found dead on the shore near Tamale.",
    ):
        assert _story(_read(nlp, natural)) == []


def test_killing_told_after_a_clause_is_done_by_its_subject_if_they_are_armed(nlp):
    text = (
        "Soldiers entered a cattle market near Tamale on Friday, killing two herders and "
        "wounding 12."
    )
    event = _lead(nlp, text)
    assert event.type == "attack" and event.place.name == "Tamale"
    assert (event.casualties.killed, event.casualties.injured) == (2, 12)
    bus = _lead(nlp, "A bus plunged into a gorge near Tamale on Monday, killing 12 passengers.")
    assert bus.type == "accident"
    assert _story(_read(nlp, "Floods swept through villages near Tamale, killing nine.")) == []


def test_a_later_sentence_after_the_blast_tells_where_the_same_violence_went_on(nlp):
    text = (
        "A mortar round landed inside a police barracks in Ghana on Monday, killing six "
        "constables. Militants then overran the barracks after the shelling, in the town of "
        "Tamale, fighting troops for hours."
    )
    (event,) = _story(_read(nlp, text))
    assert event.place.name == "Tamale" and event.casualties.killed == 6
    # a march after the attack may have been elsewhere: the attack keeps its place
    text = (
        "Gunmen stormed a customs depot in Ghana on Monday, killing two officers. Students "
        "marched after the raid, in the city of Kumasi."
    )
    raid = _lead(nlp, text)
    assert raid.type == "attack" and raid.place.precision == "country"


def test_the_act_told_in_an_after_clause_keeps_its_toll(nlp):
    event = _lead(nlp, "Schools closed in Zinder on Tuesday after gunmen killed two teachers.")
    assert event.type == "attack" and event.casualties.killed == 2


@pytest.mark.parametrize(
    "text",
    [
        "A coach driver swerved off the road near Kumasi on Monday, killing 12 passengers.",
        "The Senate voted down the measure on Tuesday, killing the bill.",
        "Miners dug too deep at the pit near Mwanza on Monday, killing four workers.",
    ],
)
def test_a_participle_after_no_armed_doers_act_is_no_attack(nlp, text):
    assert all(e.type != "attack" for e in _story(_read(nlp, text)))


@pytest.mark.parametrize(
    "text",
    [
        "The actor, best known for the film Bullet Train, was found dead at his home in Leeds.",
        "The striker, who scored in the cup tie against Zenda, was found dead in Tampere.",
        "The journalist was found dead in a bullet-proof car in Strelsau.",
    ],
)
def test_what_the_text_says_of_someone_found_dead_is_not_how_they_died(nlp, text):
    assert _story(_read(nlp, text)) == []


def test_acts_told_elsewhere_in_the_same_country_stay_apart(nlp):
    text = (
        "Gunmen shot six farmers in Mali on Sunday. Elsewhere, militants ambushed a convoy near "
        "Mopti, killing three soldiers."
    )
    places = [e.place.name for e in _story(_read(nlp, text))]
    assert places == ["Mali", "Mopti"]
    # a later act with a day of its own, "after the attack in X", is not placed in X
    text = (
        "Gunmen killed four guards at a checkpoint in Diffa on Monday. On Thursday, militants "
        "struck a mosque, three days after the attack in Diffa, killing nine."
    )
    later = [e for e in _story(_read(nlp, text)) if e.casualties and e.casualties.killed == 9]
    assert later and getattr(later[0].place, "name", None) != "Diffa"
