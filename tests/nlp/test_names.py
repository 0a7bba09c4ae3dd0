"""Names the model tags that are no names."""


def test_a_people_noun_capitalised_at_a_sentence_start_is_no_person(nlp):
    doc = nlp("Farmer is selling his land after the drought. Rudolf Rassendyll said so.")
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "PERSON"] == [
        ("Rudolf Rassendyll", "PERSON")
    ]
