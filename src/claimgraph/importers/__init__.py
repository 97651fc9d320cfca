"""`claimgraph import`: prior knowledge from a STIX 2.1 bundle or FollowTheMoney entities, so an analyst can
start from what OpenCTI or Aleph already knows.

    read_prior(path) → Prior (actors, aliases, ties) → to_extraction() → Store.save()

The file becomes one generated "imported" document (see `prior`), so imported ties are claims like any other:
their source is the file, their evidence a line of that document. Importing the same file twice adds nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..store import Store
from ..store.exchange import known_claims
from .prior import Prior, PriorActor, PriorTie, to_extraction

FORMATS = ("stix", "ftm")


@dataclass(frozen=True, slots=True)
class ImportSummary:
    source: str
    format: str
    doc_id: str
    stored: bool  # False when this file was imported before (same generated document)
    actors: int
    aliases: int  # names besides each actor's main name
    ties: int
    skipped: tuple[tuple[str, str], ...]  # (what, why)


def detect(text: str, name: str) -> tuple[str, Any]:
    """('stix', bundle) or ('ftm', [(line, entity), ...]) for a file's text; InputError when it is neither."""
    stripped = text.strip()
    if not stripped:
        raise InputError(f"{name} is empty", stage="import")
    try:
        whole = json.loads(stripped)
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, dict) and whole.get("type") == "bundle":
        return "stix", whole
    if isinstance(whole, dict) and "schema" in whole:
        return "ftm", [(1, whole)]
    if isinstance(whole, list) and all(isinstance(e, dict) and "schema" in e for e in whole):
        return "ftm", list(enumerate(whole, 1))
    entities = []
    for i, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                f"{name}:{i}: neither a STIX 2.1 bundle nor FollowTheMoney JSON Lines ({exc.msg})",
                stage="import",
            ) from exc
        if not isinstance(data, dict) or "schema" not in data:
            raise InputError(f'{name}:{i}: a FollowTheMoney entity needs a "schema" field', stage="import")
        entities.append((i, data))
    return "ftm", entities


def read_prior(path: Path | str, *, fmt: str | None = None) -> tuple[str, Prior]:
    """Read a STIX bundle or FtM entities file (format detected unless `fmt` is given)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {path}: {exc}", stage="import") from exc
    found, data = detect(text, path.name)
    if fmt is not None and fmt != found:
        raise InputError(f"{path.name} looks like {found}, not {fmt}", stage="import")
    if found == "stix":
        from .stix import read_stix

        return found, read_stix(data, path.name)
    from .ftm import read_ftm

    return found, read_ftm(data, path.name)


def without_known_claims(prior: Prior, store: Store) -> Prior:
    """Drop ties that restate claims this store already holds (a store's own export read back): stored again
    under the file's name they would count one source twice when claims are graded."""
    known = known_claims(store, (t.claim_id for t in prior.ties if t.claim_id))
    if not known:
        return prior
    kept = tuple(t for t in prior.ties if t.claim_id not in known)
    why = "already in this store as the same claims; imported again they would count one source twice"
    return replace(prior, ties=kept, skipped=(*prior.skipped, (f"{len(prior.ties) - len(kept)} tie(s)", why)))


def import_file(path: Path | str, store: Store, *, fmt: str | None = None) -> ImportSummary:
    """Import prior knowledge from `path` into `store` and say what was read, stored and skipped."""
    found, prior = read_prior(path, fmt=fmt)
    prior = without_known_claims(prior, store)
    x = to_extraction(prior)
    stored = store.save(x)
    return ImportSummary(
        source=str(path),
        format=found,
        doc_id=x.doc.id,
        stored=stored,
        actors=len(prior.actors),
        aliases=sum(len([n for n in a.aliases if n != a.name]) for a in prior.actors),
        ties=len(prior.ties),
        skipped=prior.skipped,
    )


__all__ = [
    "FORMATS",
    "ImportSummary",
    "Prior",
    "PriorActor",
    "PriorTie",
    "detect",
    "import_file",
    "read_prior",
    "to_extraction",
    "without_known_claims",
]
