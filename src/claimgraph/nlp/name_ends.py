"""Where a name the NER cut short ends:

    person_end(e, common) -> int   a person's name runs on over the capitalised words it modifies ("Mufti" of "TTP
                                   spokesman Mufti Ghazi Mehsud")
    name_past_of(e) -> int         an organisation's name cut after "of" runs on over the capitalised words after it
                                   ("Nduma Defence of" + "Congo-Renove")
    place_begins_body_name(span, words) -> bool
                                   a listed place that begins an organisation's name the NER found is no place of its
                                   own ("Kashmir" of "The Kashmir Tigers")

Read by the gazetteer component (`pipeline`), which widens the NER's entities before it matches the lists. Written
by hand: the small NER ends names at words it did not see in training, and no library mends its spans.
"""

from __future__ import annotations

from spacy.tokens import Span


def person_end(e: Span, common: frozenset[str]) -> int:
    """Where a person's name the NER cut short ends: it runs on over the capitalised words it modifies, up to their
    head ("Mufti" of "TTP spokesman Mufti Ghazi Mehsud"), never over an English word or another entity."""
    doc = e.doc
    head = e[-1].head
    if e[-1].dep_ != "compound" or head.i <= e.end - 1 or head.i - e.end > 3:
        return e.end
    run = doc[e.end : head.i + 1]
    if all(t.pos_ == "PROPN" and t.is_title and t.ent_iob_ == "O" and t.lower_ not in common for t in run):
        return head.i + 1
    return e.end


def name_past_of(e: Span) -> int:
    """Where an organisation's name the NER cut after "of" ends: over the capitalised words after it, hyphened ones
    too ("Nduma Defence of" + "Congo-Renove"); a dangling "of" with none after it is no part of the name."""
    doc = e.doc
    if len(e) < 2 or e[-1].lower_ not in ("of", "for"):
        return e.end
    k = e.end + (e.end < len(doc) and doc[e.end].lower_ == "the")
    j = k
    while j < len(doc) and j - k < 5:
        if doc[j].is_title and doc[j].is_alpha:
            j += 1
        elif doc[j].text in ("-", "–") and j > k and not doc[j - 1].whitespace_ and not doc[j].whitespace_ \
                and j + 1 < len(doc) and doc[j + 1].is_title:
            j += 2
        else:
            break
    return j if j > k else e.end - 1


def place_begins_body_name(span: Span, force_words: frozenset[str]) -> bool:
    """Whether a listed place begins (after "the") an organisation's name the NER found, which runs on past it in
    capitalised words ("The Kashmir Tigers", "the Quetta Shura", "Kashmir University"): a body named after the
    place, not the place. Not where every word after the place is a description's ("The Kashmir Police",
    "Khyber Pakhtunkhwa Police": the place's forces, which the descriptive component reads)."""
    doc = span.doc
    if span[0].ent_type_ != "ORG" or span.end >= len(doc) or doc[span.end].ent_iob_ != "I":
        return False
    if span[0].ent_iob_ == "I" and not (span.start > 0 and doc[span.start - 1].ent_iob_ == "B"
                                        and doc[span.start - 1].lower_ == "the"):
        return False  # the place is inside the name, not at its start
    end = span.end
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    rest = doc[span.end : end]
    return rest[0].is_title and not all(t.lower_ in force_words or not t.is_alpha for t in rest)
