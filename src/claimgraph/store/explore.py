"""Read-only queries the explorer needs beyond the store's core reads: where place actors lie (their GeoNames
row from `entity_places`) and actor names found by prefix ("Al" → al-Qaeda)."""

from __future__ import annotations

from typing import Any

from .db import Store

_PLACE_COLUMNS = "p.entity_id, p.name, p.admin1, p.country, p.geonames_id, p.precision, p.lat, p.lon"


def actor_places(store: Store) -> dict[str, dict[str, Any]]:
    """Every actor with a resolved, located place among its entities → that place (the oldest entity's)."""
    rows = store.conn.execute(
        f"SELECT ea.actor_id, {_PLACE_COLUMNS} FROM entity_places p"
        " JOIN entity_actor ea ON ea.entity_id = p.entity_id JOIN entities e ON e.id = p.entity_id"
        " WHERE p.lat IS NOT NULL AND p.lon IS NOT NULL ORDER BY e.first_seen DESC, e.id DESC"
    )
    return {r["actor_id"]: _place(r) for r in rows}  # oldest last, so it wins


def actor_place(store: Store, actor_id: str) -> dict[str, Any] | None:
    """The GeoNames place of one actor (any of its merged entities), located ones first; None if never resolved."""
    row = store.conn.execute(
        f"SELECT {_PLACE_COLUMNS} FROM entity_places p JOIN entity_actor ea ON ea.entity_id = p.entity_id"
        " JOIN entities e ON e.id = p.entity_id WHERE ea.actor_id = ?"
        " ORDER BY p.lat IS NULL, p.geonames_id IS NULL, e.first_seen, e.id LIMIT 1",
        (actor_id,),
    ).fetchone()
    return None if row is None else _place(row)


def _place(row: Any) -> dict[str, Any]:
    return {
        "name": row["name"],
        "admin1": row["admin1"],
        "country": row["country"],
        "geonames_id": row["geonames_id"],
        "precision": row["precision"],
        "lat": row["lat"],
        "lon": row["lon"],
    }


def place_line(place: dict[str, Any]) -> str:
    """'Khuzdar, Balochistan, Pakistan · GeoNames 1174357 · 27.81, 66.61 (district)' for `claimgraph show`."""
    where = ", ".join(x for x in (place["name"], place["admin1"], place["country"]) if x)
    gid = f"GeoNames {place['geonames_id']}" if place["geonames_id"] else "not found in GeoNames"
    coords = f"{place['lat']:.4f}, {place['lon']:.4f}" if place["lat"] is not None else "no coordinates"
    return f"{where} · {gid} · {coords}" + (f" ({place['precision']})" if place["precision"] else "")


def _like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def actors_by_prefix(store: Store, prefix: str, *, limit: int = 20) -> list[dict[str, Any]]:
    """Actors with a name or alias, or a word of one, starting with `prefix` (case-insensitive): a whole-name
    start ranks before a word start ("Al" finds "Al Jazeera" and "al-Qaeda" before "Jaish al-Adl"), then
    the actors mentioned in more documents."""
    p = _like(prefix.strip().lower())
    if not p:
        return []
    rows = store.conn.execute(
        "SELECT ea.actor_id AS actor_id,"
        " MIN(CASE WHEN lower(a.alias) LIKE ?1 || '%' ESCAPE '\\' THEN 0 ELSE 1 END) AS word,"
        " (SELECT COUNT(DISTINCT m.doc_id) FROM mentions m JOIN entity_actor x ON x.entity_id = m.entity_id"
        "  WHERE x.actor_id = ea.actor_id) AS docs"
        " FROM aliases a JOIN entity_actor ea ON ea.entity_id = a.entity_id"
        " WHERE lower(a.alias) LIKE ?1 || '%' ESCAPE '\\' OR lower(a.alias) LIKE '% ' || ?1 || '%' ESCAPE '\\'"
        " OR lower(a.alias) LIKE '%-' || ?1 || '%' ESCAPE '\\'"
        " GROUP BY ea.actor_id ORDER BY word, docs DESC, ea.actor_id LIMIT ?2",
        (p, limit),
    )
    out = []
    for r in rows:
        entity = store.entity(r["actor_id"])
        out.append({**entity, "documents": r["docs"]})
    return out


def document_list(store: Store) -> list[dict[str, Any]]:
    """Every stored document with its metadata and the first 200 characters of its text (to title an untitled
    one by its opening words), newest report first, undated last."""
    rows = store.conn.execute(
        "SELECT id, source, url, title, outlet, published, ingested_at, length(text) AS chars,"
        " substr(text, 1, 200) AS opening FROM documents"
        " ORDER BY published IS NULL, published DESC, ingested_at DESC, id"
    )
    return [dict(r) for r in rows]
