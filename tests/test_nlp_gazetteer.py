"""The gazetteer: curated + sanctions-list actors merged, safe patterns, cached, matched in text."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from claimgraph.nlp.gazetteer import Gazetteer, build_gazetteer, normalise
from claimgraph.nlp.pipeline import GazetteerMatcher
from claimgraph.records import make_id

COMMON = frozenset({"army", "of", "the", "pure", "base", "islamic", "state", "group", "youth", "wing"})


@pytest.fixture(scope="module")
def full(data_dir: Path) -> Gazetteer:
    return build_gazetteer(data_dir, COMMON)


def test_normalise() -> None:
    assert normalise("Al Qa'ida") == normalise("AL-QAIDA") == "alqaida"
    assert normalise("the Taliban") == "taliban"


def test_curated_file_alone_works() -> None:
    gaz = build_gazetteer(None, COMMON)
    iskp = gaz.lookup("ISKP")
    assert iskp is not None and iskp.id == make_id("act", "islamic-state-khorasan")
    assert iskp.refs == ("curated:islamic-state-khorasan",)
    islamic_state = gaz.lookup("Daesh")
    assert islamic_state is not None and ("branch_of", islamic_state.id) in iskp.kin
    assert gaz.lookup("Inter-Services Intelligence") is gaz.lookup("ISI")
    assert gaz.lookup("ISI").type == "agency"  # type: ignore[union-attr]


def test_lists_merge_into_curated_actors(full: Gazetteer) -> None:
    let = full.lookup("Lashkar-e-Tayyiba")
    assert let is not None and let.name == "Lashkar-e-Taiba"
    assert {"curated:lashkar-e-taiba", "un:QDe.118", "ofac:7140"} <= set(let.refs)
    assert full.lookup("LASHKAR E-TOIBA") is let
    # a UN individual: a person actor with its own reference
    lakhvi = full.lookup("Zaki-ur-Rehman Lakhvi")
    assert lakhvi is None or lakhvi.type == "person"
    # list-only groups get a key from their smallest reference, so ids are stable
    uzbek = full.lookup("Islamic Movement of Uzbekistan")
    assert uzbek is not None and any(r.startswith("ofac:") for r in uzbek.refs)


def test_dangerous_aliases_are_not_patterns(full: Gazetteer) -> None:
    texts = {p.text.lower() for p in full.patterns}
    for alias in ("the base", "army of the pure", "the youth", "youth wing"):
        assert alias not in texts
    let = full.lookup("Lashkar-e-Taiba")
    assert let is not None and "Army of the Pure" in let.aliases  # kept as an alias, just not matched
    exact = {p.text for p in full.patterns if p.exact}
    assert {"LeT", "ISI", "BLA"} <= exact  # short forms match as written only


def test_cache_round_trip(tmp_path: Path) -> None:
    first = build_gazetteer(None, COMMON, tmp_path)
    assert len(list(tmp_path.glob("gazetteer-*.pickle"))) == 1
    second = build_gazetteer(None, COMMON, tmp_path)
    assert second.actors == first.actors and second.patterns == first.patterns


def test_matcher_case_rules() -> None:
    nlp = spacy.blank("en")
    matcher = GazetteerMatcher(nlp.vocab, build_gazetteer(None, COMMON), nlp.make_doc)
    doc = nlp.make_doc("LASHKAR-E-TAIBA and the LeT met; let them be. The ISI backed lashkar-e-taiba and Balochistan.")
    found = [(s.text, s.label_) for s in matcher.find(doc)]
    assert ("LASHKAR-E-TAIBA", "ARMED_GROUP") in found and ("LeT", "ARMED_GROUP") in found
    assert ("ISI", "AGENCY") in found and ("Balochistan", "PLACE") in found
    assert all(t != "let" for t, _ in found)
    assert "lashkar-e-taiba" not in [t for t, _ in found]  # all lower case: not a name


def test_every_curated_entry_names_its_source() -> None:
    from importlib import resources

    import yaml

    data = yaml.safe_load(resources.files("claimgraph.ontology").joinpath("actors.yaml").read_text("utf-8"))
    for section in ("actors", "places", "identities"):
        for entry in data[section]:
            assert str(entry.get("source") or "").strip(), entry


def test_an_entry_without_source_is_refused() -> None:
    from claimgraph.errors import ConfigError
    from claimgraph.nlp.gazetteer import _read_curated

    with pytest.raises(ConfigError, match="no source"):
        _read_curated("actors:\n  - {key: x, name: Some Group, type: armed_group}\n")
    assert _read_curated("actors:\n  - {key: x, name: Some Group, type: armed_group, source: 'ofac:1'}\n")


def test_the_lists_supply_what_no_curated_entry_repeats(full: Gazetteer) -> None:
    # UN QDe.138 and OFAC 16363 name Boko Haram: one actor, named as most of its records name it
    boko = full.lookup("Boko Haram")
    assert boko is not None and boko.name == "Boko Haram" and {"un:QDe.138", "ofac:16363"} <= set(boko.refs)
    assert full.lookup("LTTE") is full.lookup("Liberation Tigers of Tamil Eelam") is not None  # a list acronym


def test_spellings_share_a_stem(full: Gazetteer) -> None:
    houthis = full.lookup("Houthis")
    assert houthis is not None
    assert full.lookup("Huthi militia") is houthis and full.lookup("Ansar Allah") is houthis
    assert full.lookup("Lashkar-e-Islam") is None  # not a spelling of Lashkar-e-Taiba


def test_matches_are_whole_names(data_dir: Path) -> None:
    nlp = spacy.blank("en")
    gaz = build_gazetteer(data_dir, COMMON)
    matcher = GazetteerMatcher(nlp.vocab, gaz, nlp.make_doc)
    assert [s.text for s in matcher.find(nlp("Lashkar-e-Islam fighters attacked."))] == []
    assert [s.text for s in matcher.find(nlp("the LeT–ISKP nexus"))] == ["LeT", "ISKP"]
    assert [s.text for s in matcher.find(nlp("Jaish al Adl took responsibility."))] != ["Jaish"]


def test_list_acronyms_stay_upper_case() -> None:
    from claimgraph.nlp.gazetteer import _titlecase
    from claimgraph.nlp.name_forms import initialisms as _initialisms

    # "CONTINUITY IRISH REPUBLICAN ARMY" is among the record's names, so "IRA" is an acronym, not a word
    acronyms = _initialisms(["CONTINUITY IRA", "CONTINUITY IRISH REPUBLICAN ARMY"])
    assert _titlecase("CONTINUITY IRA", frozenset({"continuity", "ira"}), acronyms) == "Continuity IRA"
    assert _titlecase("CONTINUITY IRA", frozenset({"continuity", "ira"})) == "Continuity Ira"


def test_joiner_spellings() -> None:
    from claimgraph.nlp.pipeline import spellings

    assert {"Lashkar-e-Taiba", "Lashkar-e Taiba", "Lashkar e Taiba", "Lashkar e-Taiba"} <= set(
        spellings("Lashkar-e-Taiba"))
    assert {s for s in spellings("al-Qaeda") if "Qaeda" in s} == {"al-Qaeda", "al Qaeda"}  # the article only
    assert spellings("Tehrik-i-Taliban Pakistan")[0] == "Tehrik-i-Taliban Pakistan"


def test_a_name_with_its_joiner_half_hyphenated_matches(data_dir: Path) -> None:
    nlp = spacy.blank("en")
    matcher = GazetteerMatcher(nlp.vocab, build_gazetteer(data_dir, COMMON), nlp.make_doc)
    assert [s.text for s in matcher.find(nlp("Lashkar-e Taiba was the perpetrator."))] == ["Lashkar-e Taiba"]


def test_a_listed_name_matches_in_each_romanisation_and_with_the_article_joined_or_apart() -> None:
    from claimgraph.nlp.pipeline import spellings

    forms = spellings("Al-Qa'ida in the Islamic Maghreb")
    assert {"Al-Qaeda in the Islamic Maghreb", "Al-Qaida in the Islamic Maghreb", "Al Qaeda in the Islamic Maghreb"} \
        <= set(forms)
    assert "Al-Mourabitoun" in spellings("Al Mourabitoun") and "al Shabab" in spellings("al-Shabaab")
    assert spellings("Lashkar-e-Taiba")[0] == "Lashkar-e-Taiba" and "Lashkar-e-Tayyiba" in spellings("Lashkar-e-Taiba")
    assert spellings("Balochistan Liberation Army") == ["Balochistan Liberation Army"]  # nothing to vary


@pytest.mark.model
def test_a_spelling_the_list_lacks_still_names_the_listed_group(extractor) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.records import Document

    text = "Al-Qaeda in the Islamic Maghreb (AQIM) and Al-Mourabitoun claimed responsibility for the attack."
    x = extractor.extract(Document(id="d", source="-", text=text))
    named = {e.name: e for e in x.entities}
    assert all(e.type != "person" for e in named.values())
    assert len([e for e in named.values() if e.refs]) == 2  # both listed groups, AQIM not taken for al-Qaeda
    assert not any(e.name.lower() in {"al-qaeda", "al-qaida"} for e in named.values())


@pytest.mark.model
def test_a_listed_groups_name_of_ordinary_words_is_found_only_written_as_a_name(extractor) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.records import Document

    def names(text: str) -> set[str]:
        x = extractor.extract(Document(id="d", source="-", text=text))
        return {e.name.lower() for e in x.entities if e.refs}

    # list primary names whose every word is in the lemmatizer's word index (a proper noun of WordNet counts)
    assert "hamas" in names("Hamas is an ally of Hezbollah.")
    assert any("lord" in n for n in names("The Lord's Resistance Army abducted children in northern Uganda."))
    assert any("liberation of palestine" in n for n in names(
        "The Popular Front for the Liberation of Palestine fired rockets."))
    assert not names("An armed Islamic group attacked the village.")  # not written as a name
    # part of a longer name that no list knows is not the listed group
    assert "national liberation army" not in names("The Irish National Liberation Army denied involvement.")
    # a listed alias of ordinary words that its record's acronym spells out ("NPA": "New People's Army")
    assert any("people" in n for n in names("The New People's Army ambushed a patrol in Samar."))
    assert not names("A new people's army was formed, the rebels said.")


def test_an_alias_spelled_out_by_its_records_acronym() -> None:
    from claimgraph.nlp.name_forms import spells_out

    particles = {"of", "the", "e", "i"}
    assert spells_out("Allied Democratic Forces", ["ADF", "NALU"], particles)
    assert spells_out("Army of the Righteous", ["AR"], particles)
    assert not spells_out("allied democratic forces", ["ADF"], particles)  # written as prose, not a name
    assert not spells_out("Allied Democratic Forces", ["NALU"], particles)


def test_a_listed_name_keeps_its_bracketed_short_form_apart() -> None:
    from claimgraph.nlp.gazetteer import _split_names

    # the list writes the short form last, in brackets: the bracket must not be cut off before splitting
    assert list(_split_names("EASTERN TURKISTAN ISLAMIC MOVEMENT (ETIM)")) == ["EASTERN TURKISTAN ISLAMIC MOVEMENT",
                                                                              "ETIM"]
    assert list(_split_names("Al Qaïda au Maghreb islamique (AQMI")) == ["Al Qaïda au Maghreb islamique", "AQMI"]
    # two names a list joins with a spaced slash are two names ("ADF/NALU", unspaced, stays one)
    assert list(_split_names("NEW PEOPLE'S ARMY / COMMUNIST PARTY OF THE PHILIPPINES")) == [
        "NEW PEOPLE'S ARMY", "COMMUNIST PARTY OF THE PHILIPPINES"]
    assert list(_split_names("ADF/NALU")) == ["ADF/NALU"]


def test_a_group_name_is_also_known_without_its_last_word_group() -> None:
    from claimgraph.nlp.gazetteer import _without_group_noun

    assert _without_group_noun("Abu Sayyaf Group") == "Abu Sayyaf"
    assert _without_group_noun("Haqqani Network") is None  # one word left: a family name, not the group
    assert _without_group_noun("Lashkar-e-Taiba") is None


def test_a_spaced_dash_matches_as_any_dash() -> None:
    from claimgraph.nlp.pipeline import spellings

    listed = "Islamic State in Iraq and the Levant - Khorasan"
    assert "Islamic State in Iraq and the Levant – Khorasan" in spellings(listed)
