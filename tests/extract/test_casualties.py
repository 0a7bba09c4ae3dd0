"""Killed and injured figures read from single news sentences through the real pipeline."""

from __future__ import annotations

import pytest

from footprint.extract.casualties import CasualtyCount, casualties_in, combine, no_deaths_told

# (sentence, killed, injured); both None: casualties_in gives None.
CASES = [
    # passive subjects, conjoined and numbered
    ("Two police officers and two gunmen were killed in the clash.", 4, None),
    ("At least 14 people were killed and 30 others wounded in the blast.", 14, 30),
    (
        "At least 53 villagers were killed and another 140 were injured when the market was shelled.",
        53,
        140,
    ),
    ("Three people died and five more were hurt after the bus was set alight.", 3, 5),
    ("A soldier was injured when a roadside bomb exploded.", None, 1),
    ("Both guards were wounded.", None, 2),
    ("Twenty-five people were killed in the raid on the camp.", 25, None),
    ("More than 1,200 people were killed during the siege.", 1200, None),
    ("Two hundred people died in the massacre.", 200, None),
    ("Five of the attackers were killed by security forces.", 5, None),
    # objects of active verbs
    ("The bomb killed three civilians and injured seven.", 3, 7),
    ("Gunmen shot dead a village chief.", 1, None),
    ("Gunmen shot and killed a member of the district council.", 1, None),
    ("Masked men gunned down two shopkeepers outside the mosque.", 2, None),
    ("The blast, which also wounded a dozen others, damaged the checkpoint.", None, 12),
    ("The bomber blew himself up, killing himself and three others.", 4, None),
    ("A 5 kg bomb exploded near the school, killing a teacher.", 1, None),
    # subsets, ages, adjectives, other verbs
    ("Five people, including two children, died in the fire.", 5, None),
    ("The 25-year-old man was killed near his home.", 1, None),
    ("The attack left five dead and ten injured.", 5, 10),
    ("Four soldiers lost their lives in the ambush.", 4, None),
    ("Two guards sustained bullet wounds during the robbery.", None, 2),
    ("The explosion claimed the lives of nine pilgrims.", 9, None),
    ("The kidnappers beat the trader to death.", 1, None),
    ("In addition to the bomber, two people were killed in the explosion.", 3, None),
    ("The mayor was killed and his driver was injured in the ambush.", 1, 1),
    ("The death toll rose to 7.", 7, None),
    # a spelled-out number the tagger takes for an adjective still counts
    ("Sixty pro-army volunteers died in the fighting.", 60, None),
    # a gerund after "before" is the same attackers going on, not an earlier event
    ("The gunmen stormed the office before killing a clerk and two guards.", 3, None),
    ("Two days after killing three soldiers, the militants attacked a school.", None, None),
    # "before being ...": the victim is the subject of the clause the gerund hangs from
    ("The attacker wounded a guard before being shot dead by police.", 1, 1),
    ("The rebels hanged a village elder.", 1, None),
    ("Activists hung a banner from the bridge.", None, None),
    # zero
    ("There were no reported casualties.", 0, 0),
    ("The victims were released unharmed.", 0, 0),
    ("No one was hurt in the fire.", 0, 0),
    ("The governor was not injured in the blast.", 0, 0),
    ("The device was defused without causing injury.", 0, 0),
    # "no" on the first of joined nouns covers the casualty noun after it
    ("The blaze caused no damage or injuries.", 0, 0),
    ("There were no reports of damage or casualties.", 0, 0),
    # what failed to happen, or was stopped before it could, is a zero
    ("The gunmen failed to kill the judge.", 0, None),
    ("The device failed to cause any injuries.", 0, 0),
    ("The grenade failed to explode.", 0, 0),
    ("The blaze was put out before it could cause any injuries.", 0, 0),
    # a defused bomb hurt nobody; one that went off during the defusing may have
    ("A bomb was found and defused near the bridge.", 0, 0),
    ("Bomb experts defused the device.", 0, 0),
    ("The bomb went off while soldiers were defusing it.", None, None),
    # captives released, freed or rescued lived (injuries unknown); things released say nothing
    ("The hostages were freed two days later.", 0, None),
    ("Troops rescued the kidnapped engineer.", 0, None),
    ("The guard was beaten before being rescued by the police.", 0, None),
    ("The militants released a video of the attack.", None, None),
    ("The kidnappers offered to release the nurse.", None, None),
    # figures that are not there, or not exact
    ("Police arrested 12 people in the raid.", None, None),
    ("The attack came 11 days after the election.", None, None),
    ("Dozens were injured in the stampede.", None, None),
    ("Two of the militants escaped.", None, None),
    ("Militants tried to kill the governor.", None, None),
    ("The court sentenced six members of the group to death.", None, None),
    ("Civilians were killed in the shelling.", None, None),
]


def _sentence(nlp, text: str):
    sents = list(nlp(text).sents)
    assert len(sents) == 1, [s.text for s in sents]
    return sents[0]


@pytest.mark.parametrize(("text", "killed", "injured"), CASES)
def test_figures(nlp, text, killed, injured):
    found = casualties_in(_sentence(nlp, text))
    if killed is None and injured is None:
        # none, or only word that people died, uncounted ("Civilians were killed")
        assert found is None or (found.killed, found.injured, found.dead) == (None, None, True)
    else:
        assert found is not None
        assert (found.killed, found.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Several people were killed and many injured.", True),
        ("Five were wounded, some of them fatally.", True),
        ("One of the injured later succumbed to his wounds.", True),
        ("The death toll is expected to rise.", True),
        ("Two guards were wounded.", False),
        ("The motive remains unclear.", False),  # "remains", no body
        ("The group has threatened to kill more officers.", False),  # threatened, not done
        ("Gunmen attacked a toll plaza.", False),
        ("The toll rose overnight.", True),
    ],
)
def test_whether_a_sentence_tells_of_deaths(nlp, text, dead):
    found = casualties_in(_sentence(nlp, text))
    assert (found is not None and found.dead) == dead


def test_no_deaths_told_needs_counted_injuries_and_no_word_of_death(nlp):
    def counts(*texts):
        return [c for t in texts if (c := casualties_in(_sentence(nlp, t)))]

    assert no_deaths_told(counts("Two guards were wounded."))
    assert not no_deaths_told(counts("Dozens were injured."))  # uncounted: deaths not ruled out
    assert not no_deaths_told(counts("Two guards were wounded.", "Civilians were also killed."))
    assert not no_deaths_told(counts("Two guards were wounded.", "The death toll may rise."))
    assert not no_deaths_told(counts("The militants fled."))


def test_evidence_offsets_cover_the_clause(nlp):
    text = "Rebels attacked the town. The bomb killed three civilians and injured seven."
    sent = list(nlp(text).sents)[1]
    found = casualties_in(sent)
    assert found is not None
    assert text[found.start : found.end] == "killed three civilians and injured seven"


def test_odd_sentences_do_not_raise(nlp):
    for text in ("", "killed", "Dead.", "were killed and", "1,200,000,000 died", "No."):
        for sent in nlp(text).sents:
            casualties_in(sent)


def test_combine_takes_the_largest_figure_per_field():
    counts = [
        CasualtyCount(killed=3, injured=None, start=0, end=10),
        CasualtyCount(killed=7, injured=12, start=20, end=40),  # "the death toll rose to 7"
        CasualtyCount(killed=0, injured=0, start=50, end=60),
    ]
    assert combine(counts) == (7, 12)
    assert combine([CasualtyCount(None, 4, 0, 1)]) == (None, 4)
    assert combine([]) == (None, None)


def test_combine_over_a_report(nlp):
    text = (
        "A car bomb exploded near the police station. "
        "Three officers were killed and eight people were wounded. "
        "Later, officials said the death toll rose to 5."
    )
    counts = [c for s in nlp(text).sents if (c := casualties_in(s))]
    assert combine(counts) == (5, 8)


def test_sentences_that_name_further_victims_are_added(nlp):
    text = (
        "Four police officers were killed in the raid. "
        "Three gunmen were also killed. "
        "In addition, two bystanders were wounded. "
        "Officials said seven people died in the raid."  # a restated toll is not added
    )
    counts = [c for s in nlp(text).sents if (c := casualties_in(s))]
    assert [c.adds for c in counts] == [False, True, True, False]
    assert combine(counts) == (7, 2)
    restated = [
        c
        for s in nlp("Four officers were killed. Four officers died.").sents
        if (c := casualties_in(s))
    ]
    assert combine(restated) == (4, None)


def test_both_with_a_collective_noun_and_no_reports_of_casualties(nlp):
    both = casualties_in(next(nlp("Both people were injured in the shooting.").sents))
    assert (both.killed, both.injured) == (None, 2)
    none = casualties_in(next(nlp("There were no reports of casualties in the blast.").sents))
    assert (none.killed, none.injured) == (0, 0)


def test_a_death_given_as_the_motive_is_not_the_toll(nlp):
    sent = next(nlp("The arson was a response to the killing of a soldier in London.").sents)
    assert casualties_in(sent) is None
    sent = next(nlp("The attackers were inspired by the murder of a cleric.").sents)
    assert casualties_in(sent) is None
