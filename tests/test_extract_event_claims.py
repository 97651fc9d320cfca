"""Claims from events (extract/event_claims.py): who attacked whom and who claimed it, read off each incident.

Model-backed: general news sentences through the real Extractor, checking the claims the incident supports,
their source, modality and evidence, and the pairs it must not make."""

from __future__ import annotations

import pytest

from claimgraph.extract.event_claims import EVENT_CLAIMS
from claimgraph.records import Claim, Document, Extraction, Modality, Polarity, SourceKind


def _extract(extractor, text: str) -> Extraction:  # type: ignore[no-untyped-def]
    return extractor.extract(Document(id="d", text=text, outlet="The Daily"))


def _claims(x: Extraction, *predicates: str) -> dict[tuple[str, str, str], Claim]:
    return {(c.subject.name, c.predicate, c.object.name if c.object else "-"): c for c in x.claims
            if c.predicate in predicates}


def test_the_version_names_the_step() -> None:
    assert EVENT_CLAIMS.startswith("claimgraph.event_claims.v")


@pytest.mark.model
def test_a_doer_named_deep_in_the_sentence_attacked_the_victim(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Governor Ahmed Hassan was killed by a car bomb planted by the Taliban in Kandahar on Tuesday."
    x = _extract(extractor, text)
    claim = _claims(x, "attacked")[("Taliban", "attacked", "Ahmed Hassan")]
    assert claim.modality is Modality.ASSERTED and claim.polarity is Polarity.AFFIRMED
    assert claim.source.kind is SourceKind.OUTLET
    assert claim.evidence.check(text) and "Taliban" in claim.evidence.text and "Ahmed Hassan" in claim.evidence.text


@pytest.mark.model
def test_the_act_ties_doer_and_target_with_the_cited_source(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, "Al-Shabaab militants carried out an attack on an African Union base in Lower Shabelle,"
                            " killing 19 Ugandan soldiers, officials said.")
    claims = _claims(x, "attacked")
    assert {("Al-Shabaab", "attacked", "African Union"), ("Al-Shabaab", "attacked", "Ugandan")} <= set(claims)
    assert all(c.source.kind is SourceKind.ANONYMOUS for c in claims.values())


@pytest.mark.model
def test_a_claim_in_the_next_sentence_claims_the_incident_and_attacked_its_target(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A suicide bomber attacked a convoy of the Afghan National Army in Kabul on Monday, killing six"
            " soldiers. The Taliban claimed responsibility for the attack.")
    x = _extract(extractor, text)
    claims = _claims(x, "attacked", "claimed_responsibility_for")
    # what was claimed is the incident, known by its place; what was attacked, the target the sentence ties to the
    # act (the Afghan National Army, named by its proper name, is Afghanistan's forces)
    claimed = claims[("Taliban", "claimed_responsibility_for", "Kabul")]
    attacked = claims[("Taliban", "attacked", "Military Forces of Afghanistan")]
    for c in (claimed, attacked):
        assert c.source.kind is SourceKind.ORGANISATION and c.source.name == "Taliban"  # the group's own word
        assert c.source.span is not None and c.source.span.check(text)
        assert c.evidence.check(text) and c.evidence.text.endswith("for the attack.")
    assert attacked.evidence.text.startswith("A suicide bomber")  # from the act to the claim
    assert ("Taliban", "claimed_responsibility_for", "Military Forces of Afghanistan") not in claims
    # "a suicide bomber" is a description naming no one
    assert not any(s.startswith("Unidentified") for s, _, _ in claims)


@pytest.mark.parametrize("text, subject, obj", [
    ("Twelve Hazara miners were allegedly killed by Lashkar-e-Jhangvi militants in Mach on Sunday.",
     "Lashkar-e-Jhangvi", "Hazara miners"),
    ("Lashkar-e-Jhangvi militants are suspected of having bombed a Hazara market in Quetta on Friday.",
     "Lashkar-e-Jhangvi", "Hazara"),
])
@pytest.mark.model
def test_an_alleged_or_suspected_attack_stays_hedged(extractor, text: str, subject: str,  # type: ignore[no-untyped-def]
                                                     obj: str) -> None:
    claim = _claims(_extract(extractor, text), "attacked")[(subject, "attacked", obj)]
    assert claim.modality is Modality.HEDGED


@pytest.mark.model
def test_a_place_the_act_ties_to_the_doer_is_what_it_attacked(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, "Boko Haram fighters stormed the city of Maiduguri on Saturday, killing dozens of"
                            " residents.")
    assert ("Boko Haram", "attacked", "Maiduguri") in _claims(x, "attacked")


@pytest.mark.parametrize("text", [
    "Gunmen shot dead journalist Aamir Khan in Peshawar on Friday.",
    "Unknown assailants killed two Hazara shopkeepers in Quetta.",
])
@pytest.mark.model
def test_a_described_doer_makes_no_claim(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, text)
    assert x.events and not _claims(x, "attacked", "claimed_responsibility_for")
    assert any("described, not named" in why for _, why in x.dropped)


@pytest.mark.model
def test_names_that_only_share_a_sentence_are_not_tied(extractor) -> None:  # type: ignore[no-untyped-def]
    """The act is in a relative clause about someone else; the meeting is no attack."""
    x = _extract(extractor, "Karim Ahmadi, whose cousin was shot dead by Hamas in 2014, met officials of Fatah"
                            " in Ramallah.")
    claims = _claims(x, "attacked")
    assert ("Hamas", "attacked", "Fatah") not in claims
    assert ("Hamas", "attacked", "Ramallah") not in claims


@pytest.mark.model
def test_no_claim_is_made_twice(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, "A bomb exploded at a market in Jalalabad on Friday, killing 12 people. The Islamic"
                            " State claimed responsibility.")
    keys = [(c.subject.id, c.predicate, c.object.id if c.object else None, c.polarity) for c in x.claims]
    assert len(keys) == len(set(keys))
    assert ("Islamic State", "claimed_responsibility_for", "Jalalabad") in _claims(x, "claimed_responsibility_for")


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str] | None = None):  # type: ignore[no-untyped-def]
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos or ["NOUN"] * len(words))


@pytest.mark.parametrize("words, heads, deps, name, owner, expected", [
    # "Farmers were shot": the passive subject is what the act was done to
    (["Farmers", "were", "shot"], [2, 2, 2], ["nsubjpass", "auxpass", "ROOT"], 0, False, True),
    # "an attack on the army": the object of "on"
    (["an", "attack", "on", "army"], [1, 1, 1, 2], ["det", "ROOT", "prep", "pobj"], 3, True, True),
    # "a convoy of the army was bombed": an organisation stands for what it owns
    (["convoy", "of", "army", "bombed"], [3, 0, 1, 3], ["nsubjpass", "prep", "pobj", "ROOT"], 2, True, True),
    # ... a person does not: "the son of Omar was shot" is someone else
    (["son", "of", "Omar", "shot"], [3, 0, 1, 3], ["nsubjpass", "prep", "pobj", "ROOT"], 2, False, False),
    # "the Front member's brother was killed": the brother, not the member nor the Front
    (["Front", "member", "brother", "killed"], [1, 2, 3, 3], ["compound", "poss", "nsubjpass", "ROOT"], 0, True,
     False),
    # "a man who was killed in 2012": an act in a relative clause is background
    (["man", "who", "killed"], [0, 2, 0], ["ROOT", "nsubjpass", "relcl"], 0, False, False),
])
def test_what_an_act_was_done_to(words: list[str], heads: list[int], deps: list[str], name: int, owner: bool,
                                 expected: bool) -> None:
    from claimgraph.extract.act_syntax import argument_of_act as _argument_of_act

    doc = _doc(words, heads, deps)
    act = next(t.i for t in doc if t.dep_ in ("ROOT", "relcl") and t.text in {"shot", "attack", "bombed", "killed"})
    assert _argument_of_act(doc[name], {act}, owner, frozenset({"member"})) is expected


@pytest.mark.model
def test_a_doer_named_for_the_attack_told_before_attacked_where_it_was(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A suicide bomber killed 12 policemen at a checkpoint in Bannu on Friday. "
            "Police blamed the Tehreek-e-Taliban Pakistan for the attack.")
    x = _extract(extractor, text)
    claim = _claims(x, "attacked")[("Tehrik-i-Taliban Pakistan", "attacked", "Bannu")]
    assert claim.modality is Modality.HEDGED  # blamed: an allegation, never a fact
    assert claim.evidence.check(text) and "Bannu" in claim.evidence.text and "blamed" in claim.evidence.text
    text = ("A car bomb exploded outside a police station in Kunduz, killing nine officers. "
            "The bombing was carried out by the Taliban, a spokesman said.")
    assert ("Taliban", "attacked", "Kunduz") in _claims(_extract(extractor, text), "attacked")


@pytest.mark.model
def test_an_attack_with_its_own_place_is_not_the_one_told_before(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("A suicide bomber killed 12 policemen at a checkpoint in Bannu on Friday. "
            "Police blamed the Tehreek-e-Taliban Pakistan for an earlier attack on a school.")
    assert ("Tehrik-i-Taliban Pakistan", "attacked", "Bannu") not in _claims(_extract(extractor, text), "attacked")


@pytest.mark.model
def test_the_place_of_a_verbs_act_is_what_was_attacked_when_no_target_is_named(extractor) -> None:  # type: ignore[no-untyped-def]
    # "in" hangs on "carried out", not on "attacks": the place is still where the act was done
    x = _extract(extractor, "Between October 1974 and December 1975 the Balcombe Street Gang carried out"
                            " approximately 40 bomb and gun attacks in and around London.")
    assert ("Balcombe Street Gang", "attacked", "London") in _claims(x, "attacked")


@pytest.mark.model
def test_a_claim_opening_the_next_paragraph_reaches_back_to_the_incident(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, "On 16 February 2017, a suicide bombing took place inside a shrine in Sehwan, Sindh,"
                            " Pakistan. At least 90 people were killed.\n\nThe Tehrik-i-Taliban Pakistan claimed"
                            " responsibility for the bombing. Services resumed the next day.")
    assert ("Tehrik-i-Taliban Pakistan", "claimed_responsibility_for", "Sehwan") in _claims(
        x, "claimed_responsibility_for")


@pytest.mark.model
def test_a_group_said_to_have_carried_out_the_attacks_told_before_attacked_their_place(extractor) -> None:  # type: ignore[no-untyped-def]
    x = _extract(extractor, "Two bombs exploded at a cathedral in Jolo, killing 20 people. It is believed that the"
                            " Abu Sayyaf militant group carried out the attacks.")
    [claim] = [c for k, c in _claims(x, "attacked").items() if "Sayyaf" in k[0] and k[2] == "Jolo"]
    assert claim.modality is Modality.HEDGED  # "it is believed": nobody asserts it as fact
    [event] = x.events
    assert [p.name for p in event.perpetrators] == [claim.subject.name]


@pytest.mark.model
def test_a_demonym_describing_the_place_is_no_target(extractor) -> None:  # type: ignore[no-untyped-def]
    """"the Nigerian town of X": the attack was on the town, not on Nigerians."""
    x = _extract(extractor, "Boko Haram fighters raided the north-eastern Nigerian town of Dikwa on Sunday.")
    attacked = {o for (_, _, o) in _claims(x, "attacked")}
    assert "Dikwa" in attacked and "Nigerian" not in attacked and "Nigerians" not in attacked
