"""Near-duplicate documents: wire copies and light rewrites of one report are grouped, so the claims they
repeat count once.

Each document becomes a MinHash of its word 3-shingles (datasketch); MinHash LSH proposes pairs above
the similarity threshold, the MinHash estimate confirms them, and linked documents form one group whose
id is the earliest-ingested member.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from ..store import Store
from ..store import grading as sg
from .names import fold

SHINGLE = 3
NUM_PERM = 128
THRESHOLD = 0.5


@dataclass(frozen=True, slots=True)
class DocGroup:
    id: str  # the earliest member
    members: tuple[str, ...]
    similarity: dict[str, float]


def shingles(text: str, size: int = SHINGLE) -> set[str]:
    words = fold(text).split()
    if len(words) < size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


def minhash(text: str, num_perm: int = NUM_PERM) -> MinHash:
    m = MinHash(num_perm=num_perm)
    m.update_batch([s.encode("utf-8") for s in shingles(text)])
    return m


def group_documents(docs: Sequence[tuple[str, str]], *, threshold: float = THRESHOLD) -> list[DocGroup]:
    """Group (id, text) pairs, given in ingestion order, into near-duplicate groups (singletons included)."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    hashes: dict[str, MinHash] = {}
    order = {doc_id: i for i, (doc_id, _t) in enumerate(docs)}
    parent = {doc_id: doc_id for doc_id, _t in docs}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for doc_id, text in docs:
        m = minhash(text)
        for other in lsh.query(m):
            if m.jaccard(hashes[other]) >= threshold:
                ra, rb = find(doc_id), find(other)
                if ra != rb:
                    first, second = sorted((ra, rb), key=order.__getitem__)
                    parent[second] = first
        lsh.insert(doc_id, m)
        hashes[doc_id] = m
    members: dict[str, list[str]] = {}
    for doc_id, _t in docs:
        members.setdefault(find(doc_id), []).append(doc_id)
    out = []
    for root, ids in members.items():
        sims = {d: 1.0 if d == root else round(hashes[d].jaccard(hashes[root]), 3) for d in ids}
        out.append(DocGroup(root, tuple(ids), sims))
    return out


def refresh_groups(store: Store, *, threshold: float = THRESHOLD) -> list[DocGroup]:
    """Recompute the near-duplicate groups of every stored document and store them."""
    docs = [(d.id, d.text) for d in sg.document_texts(store)]
    groups = group_documents(docs, threshold=threshold)
    sg.replace_groups(store, _rows(groups))
    return groups


def _rows(groups: Iterable[DocGroup]) -> Iterable[tuple[str, str, float]]:
    for g in groups:
        for d in g.members:
            yield d, g.id, g.similarity[d]
