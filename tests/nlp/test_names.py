"""Names the model tags that are no names."""


def test_a_people_noun_capitalised_at_a_sentence_start_is_no_person(nlp):
    doc = nlp("Farmer is selling his land after the drought. Rudolf Rassendyll said so.")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "PERSON"] == [
        ("Rudolf Rassendyll", "PERSON")
    ]


def test_a_date_in_figures_is_a_date_and_other_figures_are_not(nlp):
    doc = nlp("On 27.05.2011 the rule in section 4.3.12 took effect; 31.31.2011 is no day.")
    dates = [e.text for e in doc.ents if e.label_ == "DATE"]
    assert "27.05.2011" in dates
    assert not [d for d in dates if "4.3.12" in d or "31.31" in d]


def test_a_word_of_doubt_leaves_a_doer_s_name_but_not_a_title(nlp):
    doc = nlp("Suspected Westrian Liberation Front militants raided a village near Tamale.")
    assert "Westrian Liberation Front" in [e.text for e in doc.ents]
    doc = nlp("Presumed Dead, a film about the war, opened in Leeds on Friday.")
    assert "Dead" not in [e.text for e in doc.ents]
