"""Actor names as the benchmarks judge them — the bench's own rules, independent of the product.

Nothing here reads claimgraph's gazetteer, curated actors or lexicons: a change to those must move the
prediction, never the answer key. The sources are

* the gold name itself, the parts of a compound gold name ("A and B", "A (B)") and its acronym;
* the alias groups and parent `families` in bench/events_mapping.yaml (written for the bench);
* the public listings in the data folder, read directly: the UN Security Council consolidated list (entity
  names and their a.k.a.s) and the OFAC SDN entries tagged FTO with their aliases;
* for descriptive actors ("gunmen", "security forces"), the word lists under `descriptive` in
  events_mapping.yaml: a name whose head word is on a list is a descriptive actor of that kind.

Names compare with `claimgraph.score.names` (case, accents and punctuation folded; acronyms), the matcher
`claimgraph score` documents.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from claimgraph.score.names import Names as ScoreNames
from claimgraph.score.names import acronyms, match, normalise

HERE = Path(__file__).resolve().parent
UN_LIST = Path("sanctions_lists/un_sc_consolidated_2024-09/consolidated.xml")
OFAC_FTO = Path("sanctions_lists/ofac_sdn_2022-01/DERIVED_fto_entries_with_aliases.json")
NONE = "(none named)"
#: Words after the head of a descriptive actor that do not change who acted: "a US drone strike" → drone.
_TRAILING = {"strike", "strikes", "attack", "attacks", "raid", "raids", "operation", "operations", "unit", "units"}


@cache
def mapping() -> dict[str, Any]:
    return yaml.safe_load((HERE / "events_mapping.yaml").read_text("utf-8"))


def fold(text: str | None) -> str:
    """Case, accents and punctuation folded: "Khyber Pakhtunkhwa" = "khyber-pakhtunkhwa"."""
    return normalise(text or "")


# ------------------------------------------------------------------------------------------ listings


def listing_groups(data_dir: Path) -> list[list[str]]:
    """Alias groups (one per listed entity) from the UN consolidated list and OFAC's FTO entries; empty when
    the files are absent."""
    groups: list[list[str]] = []
    un = data_dir / UN_LIST
    if un.is_file():
        for entity in ET.parse(un).getroot().iter("ENTITY"):
            names = [entity.findtext("FIRST_NAME") or ""]
            names += [a.findtext("ALIAS_NAME") or "" for a in entity.iter("ENTITY_ALIAS")]
            groups.append(_clean(names))
    fto = data_dir / OFAC_FTO
    if fto.is_file():
        for entry in json.loads(fto.read_text("utf-8")):
            groups.append(_clean([entry["name"], *(a["name"] for a in entry.get("aliases", []))]))
    return [g for g in groups if g]


def _clean(names: Iterable[str]) -> list[str]:
    """Listed names, their parenthesised acronyms split off ("AFGHAN SUPPORT COMMITTEE (ASC)")."""
    out: list[str] = []
    for n in names:
        for part in re.split(r"[()]", n):
            part = part.strip(" ,;")
            if len(part) > 2:
                out.append(part)
    return out


# ------------------------------------------------------------------------------------------ named actors


class Aliases:
    """Which names refer to one actor, by the bench's alias table and the public listings."""

    def __init__(self, data_dir: Path | None = None) -> None:
        self.group: dict[str, int] = {}
        self.members: dict[int, set[str]] = {}
        groups = [[str(n) for n in g] for g in mapping()["aliases"]]
        groups += listing_groups(data_dir) if data_dir is not None else []
        for i, names in enumerate(groups):
            for n in names:
                self.group.setdefault(fold(n), i)
            self.members[i] = set(names)
        self.parent: dict[int, int] = {}
        for parent, children in mapping()["families"].items():
            for child in children:
                self.parent[self.key_group(child)] = self.key_group(parent)

    def key_group(self, name: str) -> int:
        return self.group.get(fold(name), -1)

    def aliases(self, name: str) -> set[str]:
        """Every known name of the actor called `name` (its parts split at '(' and ' and ' too)."""
        names = {name}
        names |= {p.strip() for p in re.split(r"\(|\)|,| and ", name) if len(p.strip()) > 2}
        for n in list(names):
            g = self.key_group(n)
            if g >= 0:
                names |= self.members[g]
        return {n for n in names if n}

    def names(self, name: str) -> ScoreNames:
        """The actor's forms, each also without a plural 's' ("Houthis" = "Houthi")."""
        forms = self.aliases(name)
        return ScoreNames.of([name, *forms, *(f[:-1] for f in forms if f.endswith("s") and len(f) > 4)])

    def same(self, pred: str, gold: str, *, lenient: bool = False) -> bool:
        if pred == NONE or gold == NONE:
            return pred == gold
        if match(self.names(pred), self.names(gold)) is not None:
            return True
        if not lenient:
            return False
        pg = {self.key_group(a) for a in self.aliases(pred)} - {-1}
        gg = {self.key_group(a) for a in self.aliases(gold)} - {-1}
        up = lambda gs: gs | {self.parent[g] for g in gs if g in self.parent}  # noqa: E731
        return bool(up(pg) & up(gg))

    def named_in(self, gold: str, text: str) -> bool:
        """Whether the text names the gold actor — by a known name, a plural of one, its acronym — or its
        parent group (the lenient score then accepts the parent; the strict one does not)."""
        names = set(self.aliases(gold))
        for g in {self.key_group(a) for a in names} - {-1}:
            if g in self.parent:
                names |= self.members[self.parent[g]]
        for a in {*names, *(n + "s" for n in names if len(n) > 4)}:
            if len(a) <= 4 and a.isupper():
                if re.search(rf"\b{re.escape(a)}\b", text):
                    return True
            elif len(a) >= 3 and re.search(rf"\b{_loose(a)}\b", text, re.I):
                return True
        wanted = {x for n in names for x in acronyms(n)}
        return any(_acronym_like(w) and w.lower() in wanted for w in re.findall(r"\b[\w-]+\b", text))


def _acronym_like(word: str) -> bool:
    return len(word) >= 2 and sum(c.isupper() for c in word) >= 2


def _loose(name: str) -> str:
    """A regex for a name whose punctuation may differ in the text ("Ahmed-Osman" / "Ahmed Osman")."""
    parts = [re.escape(p) for p in re.split(r"[^0-9A-Za-z\u00c0-\uffff]+", name) if p]
    return r"[^0-9A-Za-z]*".join(parts) if parts else re.escape(name)


# ------------------------------------------------------------------------------------------ descriptive actors


@cache
def _kind_words() -> dict[str, frozenset[str]]:
    return {kind: frozenset(fold(w) for w in words) for kind, words in mapping()["descriptive"].items()}


def descriptive_kind(name: str | None) -> str | None:
    """The kind of a descriptive actor ("gunmen" → `armed_unnamed`, "Indian troops" → `state_force`), from
    its head word (the last word, less a trailing "strike", "attack", ...); None for a name."""
    words = fold(name).split()
    while words and words[-1] in _TRAILING:
        words.pop()
    if not words:
        return None
    for kind, heads in _kind_words().items():
        if words[-1] in heads or (len(words) > 1 and " ".join(words[-2:]) in heads):
            return kind
    return None


def kind_marker(kind: str) -> str:
    """A form given to every descriptive actor of one kind on both sides before scoring, so that
    `claimgraph.score` pairs "gunmen" with "unidentified gunmen" or "armed men" (one token: no acronym)."""
    return f"descriptive_{kind}"


def same_actor(gold: Iterable[str], pred: Iterable[str]) -> bool:
    """Whether a predicted actor (its forms) is the gold one (its forms): the same name, or both descriptive
    actors of the same kind."""
    gold, pred = [g for g in gold if g], [p for p in pred if p]
    if match(ScoreNames.of(gold), ScoreNames.of(pred)) is not None:
        return True
    kinds = {descriptive_kind(g) for g in gold} - {None}
    return bool(kinds & ({descriptive_kind(p) for p in pred} - {None}))
