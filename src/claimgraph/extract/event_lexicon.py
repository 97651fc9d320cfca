"""The event lexicon (ontology/events.yaml) as one typed object, checked against the ontology.

Kept apart from `events.py` so the finder reads words from data and the data is validated once:
every trigger mode must belong to a PLOVER event type in ontology.yaml.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from ..errors import ConfigError
from ..ontology import Ontology, phrase_words
from .quantities import CountLexicon, count_lexicon, events_yaml
from .triggers import key_word

_PARTICLES = {"up", "over", "off", "into", "out", "down"}


@dataclass(frozen=True, slots=True)
class TriggerDef:
    mode: str
    type: str
    rank: int  # position in events.yaml: lower wins when triggers of one incident meet
    lemmas: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]  # lower-case word sequences
    singular: bool = False  # only a singular head noun ("the operation", not "the operations of the group")
    # only with one of these as what is taken ("captured the town", "took control of an airfield"): lemmas of
    # ground nouns; a place name always counts. Empty: any object.
    objects: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ResponsibilityCues:
    claim_verbs: frozenset[str]
    claim_objects: frozenset[str]
    claim_subject_only: frozenset[str]
    claim_act_verbs: frozenset[str]
    attribute_verbs: frozenset[str]
    attribute_phrases: tuple[str, ...]
    suspect_phrases: tuple[str, ...]
    unknown_phrases: tuple[str, ...]
    denied: frozenset[str]
    membership: tuple[str, ...]
    #: verbs whose subject speaks about or reacts to an act: a source, never its doer
    commenters: frozenset[str] = frozenset()
    #: words (beside the violent ones) that make "accused X of ..." an accusation of the act
    accusation_words: frozenset[str] = frozenset()
    #: words that make "accused X of ..." a charge of support or failure, not of the act
    accusation_other: frozenset[str] = frozenset()
    #: modifiers of an act noun that make it another act than the incident's ("similar attacks")
    other_acts: frozenset[str] = frozenset()
    #: verbs whose "it" with no object is the device, not a group ("It exploded when ...")
    device_verbs: frozenset[str] = frozenset()
    device_nouns: frozenset[str] = frozenset()
    #: nouns for the incident's doers that an answering act names ("killed several of the kidnappers")
    answered_doers: frozenset[str] = frozenset()
    answer_verbs: frozenset[str] = frozenset()
    #: nouns relating a group to another ("ties to X, which had carried out ..."): X's history, not the incident
    relation_nouns: frozenset[str] = frozenset()
    #: verbs whose subject records, suffers or stops the act told as their object ("documented 45 attacks")
    undergo_verbs: frozenset[str] = frozenset()
    #: nouns of a group's mark on an act ("bore the hallmarks of X", "the work of X"): X suspected
    suspicion_nouns: frozenset[str] = frozenset()
    #: "suspicion fell on X": the nouns and the verbs by which suspicion points at X
    pointing_nouns: frozenset[str] = frozenset()
    pointing_verbs: frozenset[str] = frozenset()
    #: verbs of conspiring whose "with" partner is suspected of the act they aim at ("plotting with X to launch")
    conspire_verbs: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class NotEvents:
    """Wording that looks like an event and is not one (events.yaml `not_events`)."""

    status_modes: frozenset[str] = frozenset()
    reported_heads: frozenset[str] = frozenset()
    conditional_marks: frozenset[str] = frozenset()
    doing_verbs: frozenset[str] = frozenset()
    instrument_words: frozenset[str] = frozenset()
    instrument_state_verbs: frozenset[str] = frozenset()
    aggregate_preps: frozenset[str] = frozenset()
    aggregate_frame_preps: frozenset[str] = frozenset()
    conflict_nouns: frozenset[str] = frozenset()
    ally_phrases: tuple[tuple[str, ...], ...] = ()
    designation_modes: frozenset[str] = frozenset()
    designation_targets: frozenset[str] = frozenset()
    trend_words: frozenset[str] = frozenset()
    consequence_verbs: frozenset[str] = frozenset()
    counting_verbs: frozenset[str] = frozenset()
    habitual_adverbs: frozenset[str] = frozenset()
    charge_heads: frozenset[str] = frozenset()
    undoing_verbs: frozenset[str] = frozenset()
    undone_modes: frozenset[str] = frozenset()
    plan_words: frozenset[str] = frozenset()
    figurative_objects: frozenset[str] = frozenset()
    thing_heads: frozenset[str] = frozenset()
    generic_quantifiers: frozenset[str] = frozenset()
    each_quantifiers: frozenset[str] = frozenset()
    war_nouns: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class EventLexicon:
    triggers: tuple[TriggerDef, ...]
    trigger_pos: dict[str, frozenset[str]]
    violent_modes: frozenset[str]
    generic_nouns: frozenset[str]
    responsibility: ResponsibilityCues
    counts: CountLexicon
    not_events: NotEvents = NotEvents()
    generic_modes: frozenset[str] = frozenset()  # modes a later, more specific mention of the incident refines
    typed_generic_modes: frozenset[str] = frozenset()  # ... within their type
    placed_modes: frozenset[str] = frozenset()  # non-violent modes a place alone anchors (no participant needed)
    #: arrests, and the raids they may be made in (`one_operation`: one incident when told together)
    arrest_modes: frozenset[str] = frozenset()
    raid_modes: frozenset[str] = frozenset()
    #: non-violent modes of a security operation, whose sides are never a town (`operation_modes`)
    operation_modes: frozenset[str] = frozenset()
    #: one-sided modes that, done by a state's forces to armed groups only, are a fight (`forces_fight`)
    forces_fight_modes: frozenset[str] = frozenset()
    #: lemmas that tell such a fight from the air: an airstrike
    aerial_words: frozenset[str] = frozenset()
    #: `violent_words`, worked out on first use (it is asked for once or more per incident)
    _violent: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def trigger_words(self) -> frozenset[str]:
        """Every word (lemma or surface form) that makes a sentence worth parsing for events: trigger
        lemmas, the first word of trigger phrases, casualty words and responsibility verbs. For sentence
        prefilters; verbs among them are lemmas, so inflect them (nlp.segment.verb_forms)."""
        words: set[str] = set()
        for t in self.triggers:
            words |= t.lemmas
            words |= {p[0] for p in t.phrases}
        for cues in self.counts.cues.values():
            words |= cues.verbs | cues.adjectives | {n.split()[0] for n in cues.nouns}
        r = self.responsibility
        words |= r.claim_verbs | r.attribute_verbs | {"suspect", "suspected", "responsibility", "behind"}
        return frozenset(words)

    def answered_doers(self) -> frozenset[str]:
        """Nouns of those an answering act is done to ("killed the gunmen"): attackers and the answered doers."""
        return self.counts.attacker_nouns | self.responsibility.answered_doers

    def violent_words(self) -> frozenset[str]:
        """Words that by themselves make a sentence worth parsing for a violent event, whatever names it
        has ("A suicide bomber detonated inside a busy restaurant."): lemmas of violent triggers and the
        key word of their phrases. Lemmas: inflect them (nlp.segment.verb_forms)."""
        held = self._violent.get("words")
        if held is not None:
            return held
        words: set[str] = set()
        for t in self.triggers:
            if self.is_violent(t.mode):
                # the key word, and the verb of a verb + particle phrase ("ran over", "blew himself up"):
                # the key word there ("over", "himself") is a stop word the segmenter drops
                words |= t.lemmas | {key_word(p) for p in t.phrases} | {p[0] for p in t.phrases if len(p[0]) <= 4
                                                                       and p[-1] in _PARTICLES}
        for cues in self.counts.cues.values():
            if "dead" in cues.adjectives or "killed" in cues.adjectives:
                words |= cues.verbs
        held = self._violent["words"] = frozenset(words)
        return held

    def follow_words(self) -> frozenset[str]:
        """Words that make a sentence right after a violent one worth parsing: casualty and
        responsibility words ("6 people were killed", "The Islamic State claimed responsibility"),
        attacker nouns and membership words ("The attacker, identified as X", "connections with")."""
        words: set[str] = set()
        for cues in self.counts.cues.values():
            words |= cues.verbs | cues.adjectives | {n.split()[0] for n in cues.nouns}
        r = self.responsibility
        words |= r.claim_verbs | r.attribute_verbs | {"suspect", "suspected", "responsibility", "behind",
                                                      "responsible", "blamed", "claimed"}
        words |= r.pointing_nouns  # "Suspicion fell on Boko Haram."
        # who did it: "The attacker was identified as X", "The attacker had connections with JAD"
        words |= self.counts.attacker_nouns | {"identified", "named"}
        words |= {w for p in r.membership for w in p.split()[:1]}
        return frozenset(words)

    def is_violent(self, mode: str | None) -> bool:
        return mode in self.violent_modes


def _phrases(items: list[str] | None) -> tuple[tuple[str, ...], ...]:
    return tuple(phrase_words(p) for p in items or ())


def load_event_lexicon(ontology: Ontology) -> EventLexicon:
    """Read events.yaml and tie each trigger mode to its PLOVER type in `ontology`."""
    raw = events_yaml()
    known = {m for e in ontology.event_types.values() for m in e.modes}
    triggers = []
    for rank, item in enumerate(raw["triggers"]):
        mode = item["mode"]
        etype = ontology.event_type_of_mode(mode)
        if etype is None:
            raise ConfigError(
                f"events.yaml trigger mode {mode!r} is not a mode of any event type in ontology.yaml; "
                f"known modes: {', '.join(sorted(known))}"
            )
        triggers.append(
            TriggerDef(mode, etype, rank, frozenset(w.lower() for w in item.get("lemmas") or ()),
                       _phrases(item.get("phrases")), bool(item.get("singular", False)),
                       frozenset(w.lower() for w in item.get("objects") or ()))
        )
    operation, fight = raw.get("one_operation") or {}, raw.get("forces_fight") or {}
    mode_lists = {"violent_modes": raw["violent_modes"], "generic_modes": raw.get("generic_modes"),
                  "typed_generic_modes": raw.get("typed_generic_modes"), "placed_modes": raw.get("placed_modes"),
                  "operation_modes": raw.get("operation_modes"),
                  "one_operation.arrest_modes": operation.get("arrest_modes"),
                  "one_operation.raid_modes": operation.get("raid_modes"), "forces_fight.modes": fight.get("modes")}
    for key, modes in mode_lists.items():
        if unknown := sorted(set(modes or ()) - known):
            raise ConfigError(f"events.yaml {key} names modes no event type in ontology.yaml has: {', '.join(unknown)}")
    resp = raw["responsibility"]
    cues = ResponsibilityCues(
        claim_verbs=frozenset(resp["claimed"]["verbs"]),
        claim_objects=frozenset(resp["claimed"]["objects"]),
        claim_subject_only=frozenset(resp["claimed"]["subject_only"]),
        claim_act_verbs=frozenset(resp["claimed"]["act_objects"]),
        attribute_verbs=frozenset(resp["attributed"]["verbs"]),
        attribute_phrases=tuple(resp["attributed"]["phrases"]),
        suspect_phrases=tuple(resp["suspected"]["phrases"]),
        unknown_phrases=tuple(resp["unknown"]["phrases"]),
        denied=frozenset(resp["denied"]),
        membership=tuple(resp["membership"]),
        commenters=frozenset(resp.get("commenters") or ()),
        accusation_words=frozenset(resp["attributed"].get("accusation_words") or ()),
        accusation_other=frozenset(resp["attributed"].get("accusation_other") or ()),
        other_acts=frozenset(resp.get("other_acts") or ()),
        device_verbs=frozenset(resp.get("device_verbs") or ()),
        device_nouns=frozenset(str(w).lower() for w in resp.get("device_nouns") or ()),
        answered_doers=frozenset(resp.get("answered_doers") or ()),
        answer_verbs=frozenset(resp.get("answer_verbs") or ()),
        relation_nouns=frozenset(resp.get("relation_nouns") or ()),
        undergo_verbs=frozenset(resp.get("undergo_verbs") or ()),
        suspicion_nouns=frozenset(resp["suspected"].get("marks") or ()),
        pointing_nouns=frozenset(resp["suspected"].get("pointing_nouns") or ()),
        pointing_verbs=frozenset(resp["suspected"].get("pointing_verbs") or ()),
        conspire_verbs=frozenset(resp["suspected"].get("conspire_verbs") or ()),
    )
    ne = raw.get("not_events") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in ne.get(key) or ())

    not_events = NotEvents(
        ally_phrases=_phrases(ne.get("ally_phrases")),
        **{f.name: words(f.name) for f in fields(NotEvents) if f.name != "ally_phrases"})
    return EventLexicon(
        triggers=tuple(triggers),
        trigger_pos={k: frozenset(v) for k, v in (raw.get("trigger_pos") or {}).items()},
        violent_modes=frozenset(raw["violent_modes"]),
        generic_nouns=frozenset(raw.get("generic_nouns") or ()),
        responsibility=cues,
        counts=count_lexicon(),
        not_events=not_events,
        generic_modes=frozenset(mode_lists["generic_modes"] or ()),
        typed_generic_modes=frozenset(mode_lists["typed_generic_modes"] or ()),
        placed_modes=frozenset(mode_lists["placed_modes"] or ()),
        arrest_modes=frozenset(mode_lists["one_operation.arrest_modes"] or ()),
        raid_modes=frozenset(mode_lists["one_operation.raid_modes"] or ()),
        operation_modes=frozenset(mode_lists["operation_modes"] or ()),
        forces_fight_modes=frozenset(mode_lists["forces_fight.modes"] or ()),
        aerial_words=frozenset(fight.get("aerial") or ()),
    )
