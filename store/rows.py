"""Models to rows and back: JSON columns are decoded here, in one place, so models stay clean."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from crossfact.models import Claim, Document, Event, Fingerprint, Match

from .membership import dumps


def event_to_row(event: Event) -> dict[str, Any]:
    row = event.model_dump()
    row["outliers"] = dumps(event.outliers)
    return row


def event_from_row(row: dict[str, Any]) -> Event:
    data = {key: value for key, value in row.items() if key != "seq"}
    data["outliers"] = json.loads(data["outliers"])
    return Event.model_validate(data)


def document_to_row(run: str, document: Document, sha256: str,
                    url: str | None = None) -> dict[str, Any]:
    return {"run": run, "id": document.id, "path": document.path, "lang": document.lang,
            "title": document.title, "text": document.text, "encoding": document.encoding,
            "sha256": sha256, "url": url, "outlets": dumps(document.outlets)}


def url_for(document: Document, urls: dict[str, str]) -> str | None:
    """A document's URL from a map keyed by document id, path as given, or resolved path."""
    found = urls.get(document.id) or urls.get(document.path)
    if found or not urls:
        return found
    resolved = {str(Path(key).resolve()): url for key, url in urls.items()}
    return resolved.get(str(Path(document.path).resolve()))


def document_from_row(row: dict[str, Any]) -> Document:
    return Document(id=row["id"], path=row["path"], lang=row["lang"], title=row["title"],
                    text=row["text"], encoding=row["encoding"],
                    outlets=json.loads(row["outlets"]))


def claim_to_row(run: str, claim: Claim) -> dict[str, Any]:
    row = claim.model_dump(exclude={"fingerprint"})
    row.update(run=run, fingerprint=dumps(claim.fingerprint.model_dump()))
    return row


def claim_from_row(row: dict[str, Any]) -> Claim:
    data = {key: value for key, value in row.items() if key != "run"}
    data["fingerprint"] = Fingerprint.model_validate_json(data["fingerprint"])
    return Claim.model_validate(data)


def match_to_rows(run: str, position: int, match: Match) -> tuple[dict, list[dict]]:
    """The match row and its member rows (claim order kept; `suggested` marks weak links)."""
    row = {"run": run, "id": match.id, "position": position, "score": match.score,
           "suggestion": match.suggestion, "reasons": dumps(match.reasons),
           "outliers": dumps(match.outliers)}
    members = [{"run": run, "match": match.id, "claim": claim, "ord": ord_,
                "suggested": int(claim in match.suggested)}
               for ord_, claim in enumerate(match.claims)]
    return row, members


def match_from_rows(row: dict[str, Any], members: list[dict[str, Any]]) -> Match:
    ordered = sorted(members, key=lambda member: member["ord"])
    return Match(id=row["id"], claims=[m["claim"] for m in ordered], score=row["score"],
                 suggestion=row["suggestion"], reasons=json.loads(row["reasons"]),
                 suggested=[m["claim"] for m in ordered if m["suggested"]],
                 outliers=json.loads(row["outliers"]))
