"""Which entity a pronoun or a group noun refers to: "He (Mengal)" → Mengal, "its" → the group the sentence before
was about, "the group" → the group named in the last sentence or so, "its troops" in what a body says → that body,
"the brigade" → the brigade named last ("the 603rd Infantry Brigade ... Brig. Gen. X, the brigade commander").

    resolve_reference(tok, sent_index, sent_offset, index) -> Entity | None

Read by the claim frames (`FrameInput.entity`) through the document's `MentionIndex` (built by `entities`).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from ..records import Entity
from .entities import ORG_TYPES
from .event_doers import in_subject, speakers
from .event_mentions import NAMING
from .mention_index import MentionIndex
from .name_context import reporting_verbs

_PRONOUN_PERSON = {"he", "him", "his", "she", "her"}
_PRONOUN_ORG = {"it", "its", "they", "them", "their"}
_GROUP_NOUNS = {"group", "outfit", "organisation", "organization", "network", "militia", "movement"}
#: how far back (characters) "the group" may find the group it names, when none is named nearer
_GROUP_NOUN_REACH = 900
#: nouns for a unit that refer back to the last unit whose name ends in one: "the brigade", "the battalion's
#: deputy commander", "the front" (English names of military echelons and of armed groups' units)
_UNIT_NOUNS = frozenset({"brigade", "battalion", "division", "regiment", "front", "faction", "column", "corps",
                         "squadron", "platoon", "company"})


def resolve_reference(
    tok: Token, sent_index: int, sent_offset: int, index: MentionIndex, org_types: Iterable[str] = ORG_TYPES,
) -> Entity | None:
    """The entity a pronoun or "the group"-style noun refers to: "He (Mengal)" → Mengal; "its" → last group."""
    low = tok.lower_
    if low in _PRONOUN_PERSON:
        nxt = [t for t in tok.doc[tok.i + 1 : tok.i + 4]]
        if len(nxt) >= 2 and nxt[0].text == "(":
            e = index.at(sent_index, nxt[1].i)
            if e is not None:
                return e
        return index.recent(sent_offset + tok.idx, {"person"})
    if tok.lemma_.lower() in _GROUP_NOUNS:
        # "the terrorist organization called al-Qaeda", "the group, Jamaat-ul-Ahrar": the noun is named here
        for c in tok.children:
            if c.dep_ == "appos" or (c.dep_ == "acl" and c.lemma_.lower() in NAMING):
                named = next((e for t in c.subtree if (e := index.at(sent_index, t.i)) is not None), None)
                if named is not None:
                    return named
        # "the TTP-affiliated Hafiz Gul Bahadur group": the name before the noun, not a group told before (nor the
        # name of a hyphened modifier: "the al Qaeda-affiliated group")
        named = next((e for c in tok.children if c.dep_ in ("compound", "nmod") and c.i < tok.i
                      and (e := index.at(sent_index, c.i)) is not None and e.type != "place"
                      and not _modifier_name(c, e, sent_index, index)), None)
        if named is not None:
            return named
    if tok.lemma_.lower() in _UNIT_NOUNS and tok.pos_ == "NOUN" and tok.is_lower and (
            tok.dep_ in ("compound", "poss") or any(c.lower_ in ("the", "this", "that") for c in tok.children)):
        return _unit_told(tok, sent_offset, index, org_types)
    if low in _PRONOUN_ORG:
        # "Turkey, which trains Somali commandos at its military base in Mogadishu": the relative clause's own
        ante = _relative_antecedent(tok, sent_index, index)
        if ante is not None and (ante.type in org_types or ante.type == "place"):
            return ante
        # "The Nigerian army said its troops …", "the army said it killed …": the speaker of the reported clause
        speaker = _speaker(tok, sent_index, index)
        if speaker is not None and speaker.type in org_types:
            return speaker
        # "JNIM, Al-Qaeda's affiliate in the Sahel, claimed the ambush on its Az-Zallaqa outlet": the subject of
        # the clause the possessive is in, not a name inside the subject's apposition
        doer = _clause_subject(tok, sent_index, index) if low in ("its", "their") else None
        if doer is not None and doer.type in org_types:
            return doer
    if low in _PRONOUN_ORG or (tok.lemma_.lower() in _GROUP_NOUNS and any(
            c.lower_ in {"the", "this", "that"} for c in tok.children)):
        # "it", "its", "the group": a group named in the last sentence or so, never one from far back; a
        # named one before one only described ("The group was founded by X" after "guerrillas" and Abu Sayyaf).
        # "The group" (a noun, not a pronoun) opens a paragraph on the group named a paragraph back.
        owned = low in _PRONOUN_ORG or any(c.dep_ in ("compound", "nmod", "poss") for c in tok.children)
        # not "al-Qaeda" of "the al-Qaeda-linked group" or of "the al Qaeda-affiliated group": a name inside the
        # noun's own phrase is no antecedent
        at = sent_offset + (tok if low in _PRONOUN_ORG else tok.left_edge).idx
        reach = ((350, True), (_GROUP_NOUN_REACH, True), (350, False)) if low not in _PRONOUN_ORG \
            else ((350, True), (350, False))
        for within, named in reach:
            # "the group" most likely means the actor the sentences before were about, and so does a pronoun
            # in its clause's subject ("It has since become …", "Its fighters stormed …" after "Al-Shabaab is an
            # al-Qaeda affiliate": Al-Shabaab); another "its", the last named
            found = index.recent(at, {"armed_group"}, within=within, named=named,
                                 subject=not owned or in_subject(tok)) \
                or index.recent(at, set(org_types), within=within, named=named)
            if found is not None:
                return found
        return None
    return None


def _unit_told(tok: Token, sent_offset: int, index: MentionIndex, org_types: Iterable[str]) -> Entity | None:
    """The unit named last before "the brigade" (or "the battalion commander") whose name ends in that noun, its
    number aside ("the 603rd Infantry Brigade", "PDF Battalion 2"), not far back; none where no such name was
    told."""
    word, at, wanted = tok.lemma_.lower(), sent_offset + tok.left_edge.idx, set(org_types)
    best = None
    for pos, eid in index.ordered:
        if pos >= at:
            break
        e = index.entities[eid]
        if pos >= at - _GROUP_NOUN_REACH and e.type in wanted and e.kind != "descriptive" \
                and _head_word(e.name) in (word, word + "s"):
            best = e
    return best


def _head_word(name: str) -> str:
    """The last word of a name that is not its number ("Battalion" of "Light Infantry Battalion 351")."""
    words = [w for w in name.lower().split() if not w.isdigit() and w not in ("no", "no.")]
    return words[-1] if words else ""


def _relative_antecedent(tok: Token, sent_index: int, index: MentionIndex) -> Entity | None:
    """The named antecedent of the relative clause a pronoun is in, when the clause's subject is its relative
    pronoun ("X, which trains ... at its base": X) and the clause names no actor before the pronoun ("the Taliban,
    which had harbored al-Qaida and its leader": al-Qaida's)."""
    clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
    if clause is None or not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP")
                                 for c in clause.children):
        return None
    if any((e := index.at(sent_index, t.i)) is not None and e.kind != "descriptive"
           for t in tok.doc[clause.left_edge.i : tok.i]):
        return None
    return index.at(sent_index, clause.head.i)


def _speaker(tok: Token, sent_index: int, index: MentionIndex) -> Entity | None:
    """The named subject of the verb of saying whose reported clause holds `tok` ("The army said its troops …")."""
    return next((e for s in speakers(tok, reporting_verbs()) if (e := index.at(sent_index, s.i)) is not None), None)


def _clause_subject(tok: Token, sent_index: int, index: MentionIndex) -> Entity | None:
    """The named subject of the verb whose clause holds `tok` in a phrase of its own (an object or a prepositional
    phrase, not the subject itself: "Its fighters stormed …" has no such subject)."""
    t = tok
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        if t.dep_ in ("nsubj", "nsubjpass"):
            return None
        t = t.head
    subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return index.at(sent_index, subj.i) if subj is not None and not (subj.left_edge.i <= tok.i <= subj.right_edge.i) \
        else None


def _modifier_name(tok: Token, e: Entity, sent_index: int, index: MentionIndex) -> bool:
    """Whether the name that begins at `tok` ends in a hyphened modifier ("al Qaeda-affiliated", "ISIS-linked")."""
    t = tok
    while t.i + 1 < len(t.doc) and index.at(sent_index, t.i + 1) is e:
        t = t.doc[t.i + 1]
    hyphened = t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in ("-", "–") and not t.whitespace_
    return (t.dep_ == "npadvmod" and t.head.dep_ == "amod") or hyphened
