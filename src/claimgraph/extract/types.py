"""Types shared by the extractors: a parsed sentence and the per-document context.

Every finder in `extract/` takes the parsed sentences of one document plus an `ExtractContext`
and returns records; none of them loads a model or reads a file.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..ontology import Ontology
from ..records import Document, Entity, PartialDate, Place

#: Turns a place name as written ("Mastung", "Balochistan province") into a `Place`, or None.
PlaceResolver = Callable[[str], Place | None]


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    """One sentence of a document, parsed on its own.

    `sent` is a spaCy Doc (or Span) holding only that sentence; `start` is the character offset of
    its first character in `Document.text`, so `token.idx + start` is the token's offset in the
    document and `doc.text[start + t.idx : start + t.idx + len(t)] == t.text` holds for every token.
    `paragraph` numbers the paragraph (blank-line or line block) the sentence sits in.
    """

    start: int
    sent: Doc | SpacySpan
    paragraph: int = 0
    #: document offset just past the sentence's last character (computed once: `Doc.text` is not free)
    end: int = field(init=False, default=-1)
    _tokens: list[Token] | None = field(init=False, default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        sent = self.sent
        last = sent[-1] if len(sent) else None
        first_idx = sent[0].idx if len(sent) else 0
        length = 0 if last is None else last.idx + len(last.text) - first_idx
        object.__setattr__(self, "end", self.start + length)

    def tokens(self) -> list[Token]:
        """The sentence's tokens as a list, made once for every step that walks them (spaCy makes a new `Token`
        object at each iteration of a Doc)."""
        if self._tokens is None:
            object.__setattr__(self, "_tokens", list(self.sent))
        return self._tokens  # type: ignore[return-value]

    def offset(self, token_or_span_idx: int) -> int:
        """Document offset of a character offset inside `sent`."""
        return self.start + token_or_span_idx


@dataclass(frozen=True, slots=True)
class ExtractContext:
    """What an extractor may know about a document beyond its sentences."""

    doc: Document
    ontology: Ontology
    published: PartialDate | None = None
    place_resolver: PlaceResolver | None = None
    extractor: str = ""
    #: (start, end) character spans of the document's paragraphs, in order.
    paragraphs: tuple[tuple[int, int], ...] = field(default=())
    #: what the document's steps work out once and read many times (each incident reads its paragraph's place
    #: names): per document, so it goes with the document
    memo: dict = field(default_factory=dict, compare=False, hash=False, repr=False)
    #: a listed group's id → the id of the group it is a branch, affiliate or front of (the gazetteer's kin):
    #: the two are one side of an incident ("claimed by the Islamic State group's affiliate … ISKP said")
    parents: Mapping[str, str] = field(default_factory=dict, compare=False, hash=False, repr=False)
    #: the entity a pronoun of a parsed sentence refers to ("its fighters": the group told of just before), as the
    #: claim frames resolve it (`references`), for the stages that read doers off noun phrases
    refer: Callable[[Token, int], Entity | None] | None = field(default=None, compare=False, hash=False, repr=False)

    def resolve_place(self, name: str) -> Place | None:
        return None if self.place_resolver is None else self.place_resolver(name)

    def is_state(self, entity: Entity) -> bool:
        """Whether a place entity names a country (which may then act as a state in a claim)."""
        if entity.type != "place":
            return False
        name = entity.name
        place = self.resolve_place(name)
        if place is None and name.isalpha() and name.isupper() and len(name) <= 3:
            place = self.resolve_place(".".join(name) + ".")  # "US" (in capitals, not the word "us") as "U.S."
        return place is not None and place.precision == "country"
