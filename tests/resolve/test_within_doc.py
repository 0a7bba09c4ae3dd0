from footprint.model import Evidence, Mention
from footprint.resolve.within_doc import resolve


def m(name, type_="person", start=0, titles=()):
    ev = Evidence("d", start, start + len(name), name, name)
    return Mention(text=name, type=type_, evidence=ev, name=name, titles=titles)


def test_surname_joins_full_name():
    ents = resolve([m("Omar Rahimi", start=0), m("Rahimi", start=50)])
    assert len(ents) == 1 and ents[0].name == "Omar Rahimi" and ents[0].aliases == {"Rahimi"}


def test_surname_with_a_form_of_address_joins_full_name():
    # "Mrs X" keeps its title as its name (one word would be left), yet it is a bare surname:
    # it joins "Y X" and does not become the entity's name however often it is written.
    mentions = [m("Nadia Farooqi", start=0)] + [m("Mrs Farooqi", start=40 * i) for i in (1, 2, 3)]
    ents = resolve(mentions)
    assert len(ents) == 1 and ents[0].name == "Nadia Farooqi"
    assert ents[0].aliases == {"Mrs Farooqi"}


def names(ents):
    return sorted(sorted(x.name for x in e.mentions) for e in ents)


def test_a_form_of_address_joins_no_full_name_it_could_be_mistaken_in():
    # Two full names with the surname: "Mrs X" is not guessed to be the last one named.
    two = resolve([m("Nadia Farooqi", start=0), m("Imran Farooqi", start=30),
                   m("Mrs Farooqi", start=60)])
    assert names(two) == [["Imran Farooqi"], ["Mrs Farooqi"], ["Nadia Farooqi"]]
    # The full name is titled for the other sex.
    titled = resolve([m("Imran Farooqi", start=0, titles=("Mr",)), m("Mrs Farooqi", start=40)])
    assert names(titled) == [["Imran Farooqi"], ["Mrs Farooqi"]]
    # A man and a woman are both addressed by the surname: neither joins the one full name.
    both = resolve([m("Imran Farooqi", start=0), m("Mr Farooqi", start=30),
                    m("Mrs Farooqi", start=60)])
    assert names(both) == [["Imran Farooqi"], ["Mr Farooqi"], ["Mrs Farooqi"]]
    # The same form as the full name's own title joins it.
    same = resolve([m("Imran Farooqi", start=0, titles=("Mr",)), m("Mr Farooqi", start=40)])
    assert names(same) == [["Imran Farooqi", "Mr Farooqi"]]
    # The model may leave the form outside the name: the surname then carries it as a title
    # and is judged the same way.
    alone = resolve([m("Imran Farooqi", start=0), m("Farooqi", start=30, titles=("Mr",))])
    assert names(alone) == [["Farooqi", "Imran Farooqi"]]
    outside = resolve([m("Imran Farooqi", start=0), m("Farooqi", start=30, titles=("Mr",)),
                       m("Farooqi", start=60, titles=("Mrs",))])
    assert names(outside) == [["Farooqi"], ["Farooqi"], ["Imran Farooqi"]]
    two = resolve([m("Imran Farooqi", start=0), m("Nadia Farooqi", start=20),
                   m("Farooqi", start=40, titles=("Mr",))])
    assert names(two) == [["Farooqi"], ["Imran Farooqi"], ["Nadia Farooqi"]]
    titled = resolve([m("Imran Farooqi", start=0, titles=("Mr",)),
                      m("Farooqi", start=40, titles=("Mrs",))])
    assert names(titled) == [["Farooqi"], ["Imran Farooqi"]]
    # A relative told in the same sentence is not the full name.
    ev = Evidence("d", 40, 51, "Mrs Farooqi", "Mrs Farooqi said her husband was innocent.")
    wife = Mention(text="Mrs Farooqi", type="person", evidence=ev, name="Mrs Farooqi")
    assert len(resolve([m("Imran Farooqi", start=0), wife])) == 2


def test_religious_and_academic_honorifics_are_part_of_the_name_not_passed_over():
    # "Hafiz X" is how a person is known, not a surname reference to any "Y X" (a son, say);
    # "Dr X" is often a first name in South Asian reporting.
    ents = resolve([m("Talib Qasmi", start=0), m("Hafiz Qasmi", start=40)])
    assert sorted(e.name for e in ents) == ["Hafiz Qasmi", "Talib Qasmi"]
    ents = resolve([m("Shakeel Anwar", start=0), m("Dr Anwar", start=40)])
    assert sorted(e.name for e in ents) == ["Dr Anwar", "Shakeel Anwar"]


def test_shorter_form_joins_longer_name():
    ents = resolve(
        [m("Javed Iqbal Karim", start=0), m("Javed Karim", start=40), m("Iqbal Karim", start=90)]
    )
    assert len(ents) == 1 and ents[0].name == "Javed Iqbal Karim"


def test_shared_surname_goes_to_latest_full_name():
    ents = resolve(
        [
            m("Saad Ali Rizvi", start=0),
            m("Rizvi", start=30),
            m("Khalid Ali Rizvi", start=60),
            m("Rizvi", start=90),
        ]
    )
    by_name = {e.name: [x.evidence.start for x in e.mentions] for e in ents}
    assert by_name == {"Saad Ali Rizvi": [0, 30], "Khalid Ali Rizvi": [60, 90]}


def test_acronym_joins_its_expansion():
    ents = resolve(
        [m("United Workers Front", "organization", 0), m("UWF", "organization", 40)],
        acronyms={"UWF": "United Workers Front"},
    )
    assert len(ents) == 1 and ents[0].name == "United Workers Front" and ents[0].aliases == {"UWF"}


def test_acronym_spelled_by_initials_without_definition():
    ents = resolve(
        [m("Jamiat Ulema-e-Islam-Fazl", "organization", 0), m("JUI-F", "organization", 80)]
    )
    assert len(ents) == 1


def test_same_name_different_types_stay_apart():
    ents = resolve([m("Jordan", "place", 0), m("Jordan", "person", 10)])
    assert len(ents) == 2


def test_ids_are_deterministic_and_title_becomes_alias():
    a = resolve([m("Karim Rehman", titles=("Maulana",))])
    b = resolve([m("Karim Rehman", titles=("Maulana",))])
    assert a[0].id == b[0].id
    assert "Maulana Karim Rehman" in a[0].aliases


def test_an_office_holder_named_twice_before_a_namesake_stays_apart():
    ents = resolve(
        [
            m("Karimi", start=0, titles=("President",)),
            m("Karimi", start=40, titles=("President",)),
            m("Leila Karimi", start=90),
            m("Karimi", start=130),
        ]
    )
    by_name = {e.name: [x.evidence.start for x in e.mentions] for e in ents}
    assert by_name["Leila Karimi"] == [90] and set(by_name["Karimi"]) == {0, 40, 130}


def test_an_office_holder_joins_the_full_name_that_holds_the_office():
    ents = resolve(
        [
            m("Karimi", start=0, titles=("President",)),
            m("Karimi", start=40, titles=("President",)),
            m("Hassan Karimi", start=90, titles=("President",)),
        ]
    )
    assert len(ents) == 1 and ents[0].name == "Hassan Karimi"
    once = resolve([m("Karimi", start=0, titles=("President",)), m("Hassan Karimi", start=60)])
    assert len(once) == 1  # named once before: the full name introduces the same person
