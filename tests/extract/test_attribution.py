from footprint.extract.attribution import attribution


def test_according_to_runs_to_end_of_clause():
    assert (
        attribution("According to media reports, the envoy met the minister.")
        == "According to media reports"
    )


def test_evidential_phrases():
    assert attribution("Video footage shows the leader on stage.") == "Video footage shows"
    assert attribution("The group reportedly funded the rally.") == "reportedly"


def test_plain_sentence_has_none():
    assert attribution("The minister met the envoy in the capital.") is None


def test_whole_words_only():
    assert attribution("The claimedly odd word is not a cue; neither is reportedlyx.") is None
