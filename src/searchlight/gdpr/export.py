"""Subject access: everything about a person, as JSON plus the stored files. A person is a
candidate record, an employee's user account with their development data, or both.

The rows are found by the same walk as the erasure (`erasure.collect`), so whatever an erasure
would remove is exactly what an export shows: the records, documents with extracted and redacted
texts, scores and AI rationales, assessment and chat answers, notes, stage history, consents,
an employee's SEARCH profile, evidence, assessments, learning plans and portfolio, their
bias-audit answers while these are still linked to them — and the audit entries about them or
made by them. Secrets (token hashes) and embedding vectors are left out.
"""

import base64
import io
import json
import zipfile
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from searchlight.auth.models import User
from searchlight.candidates.documents import document_path
from searchlight.candidates.models import Candidate, Document
from searchlight.config import Settings
from searchlight.db import Base, utcnow
from searchlight.gdpr.coverage import detach_columns, email_columns, erase_children
from searchlight.gdpr.erasure import collect
from searchlight.governance.models import AuditEntry

FORMAT = "searchlight-subject-access/1"
_LEFT_OUT = ("token_hash", "password_hash", "csrf_token", "unit_vectors")
# Audit entries point at these record types; each is looked up by the ids the walk found.
_AUDIT_TARGETS = {"candidate": "candidates", "application": "applications",
                  "document": "documents", "screening_result": "screening_results",
                  "transcript": "interview_transcripts", "chat": "interview_chats",
                  "scorecard": "interview_scorecards", "user": "users",
                  "enrolment": "reskilling_enrolments", "evidence": "reskilling_evidence"}


def find_by_email(*, db_session: Session, email: str) -> list[Candidate]:
    key = email.strip().lower()
    return list(db_session.scalars(select(Candidate).where(Candidate.email_key == key)
                                   .order_by(Candidate.id))) if key else []


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes):
        return {"base64": base64.b64encode(value).decode()}
    return value


def _rows(db_session: Session, found: dict[str, set[Any]], emails: list[str]) -> dict[str, list]:
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in Base.metadata.sorted_tables:
        ids = sorted(found.get(table.name, ()))
        if ids:
            rows = db_session.execute(select(table).where(table.c.id.in_(ids))
                                      .order_by(table.c.id)).mappings()
            tables[table.name] = [{k: _plain(v) for k, v in row.items() if k not in _LEFT_OUT}
                                  for row in rows]
    for parent, parent_ids in found.items():  # tables keyed otherwise (link tables, profiles)
        for table, column in erase_children(Base.metadata, parent):
            if "id" not in table.c and parent_ids:
                keyed = db_session.execute(select(table).where(
                    column.in_(sorted(parent_ids)))).mappings()
                tables.setdefault(table.name, []).extend(
                    {k: _plain(v) for k, v in row.items() if k not in _LEFT_OUT} for row in keyed)
    for column in detach_columns(Base.metadata):  # kept after an erasure, but theirs until then
        for target in {fk.column.table.name for fk in column.foreign_keys}:
            if found.get(target):
                linked = db_session.execute(select(column.table).where(
                    column.in_(sorted(found[target])))).mappings()
                tables.setdefault(column.table.name, []).extend(
                    {k: _plain(v) for k, v in row.items() if k not in _LEFT_OUT} for row in linked)
    for column in email_columns(Base.metadata):
        if emails:
            rows = db_session.execute(select(column.table).where(
                func.lower(column).in_(emails))).mappings()
            listed = [{k: _plain(v) for k, v in row.items() if k not in _LEFT_OUT}
                      for row in rows]
            if listed:
                tables[column.table.name] = listed
    return tables


def _audit(db_session: Session, found: dict[str, set[Any]]) -> list[dict[str, Any]]:
    clauses: list[Any] = []
    if found.get("users"):  # what the employee did
        clauses.append(AuditEntry.actor_id.in_(sorted(found["users"])))
    for target_type, table in _AUDIT_TARGETS.items():
        ids = [str(i) for i in found.get(table, ())]
        if ids:
            clauses.append((AuditEntry.target_type == target_type)
                           & AuditEntry.target_id.in_(ids))
    if not clauses:
        return []
    entries = db_session.scalars(select(AuditEntry).where(or_(*clauses)).order_by(AuditEntry.id))
    return [{"id": e.id, "at": e.occurred_at.isoformat(), "actor": e.actor_label,
             "action": e.action, "target": f"{e.target_type}:{e.target_id}",
             "changes": e.changes, "hash": e.entry_hash} for e in entries]


def build(*, db_session: Session, candidates: list[Candidate],
          users: list[User] | None = None) -> dict[str, Any]:
    users = users or []
    found = collect(db_session, [c.id for c in candidates], [u.id for u in users])
    emails = sorted({c.email.lower() for c in candidates if c.email}
                    | {u.email.lower() for u in users})
    documents = db_session.scalars(select(Document).where(
        Document.id.in_(sorted(found.get("documents", ()))))).all()
    return {
        "format": FORMAT, "generated_at": utcnow().isoformat(timespec="seconds"),
        "people": [{"kind": "candidate", "id": c.id, "full_name": c.full_name,
                    "email": c.email} for c in candidates]
                  + [{"kind": "employee", "id": u.id, "full_name": u.full_name, "email": u.email}
                     for u in users],
        "tables": _rows(db_session, found, emails),
        "audit_entries": _audit(db_session, found),
        "files": [_file_name(d) for d in documents],
    }


def _file_name(document: Document) -> str:
    return f"files/{document.id}-{document.filename}"


def as_zip(*, db_session: Session, candidates: list[Candidate], settings: Settings,
           users: list[User] | None = None) -> bytes:
    data = build(db_session=db_session, candidates=candidates, users=users)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("export.json", json.dumps(data, ensure_ascii=False, indent=2,
                                                   default=str))
        ids = [int(name.split("/", 1)[1].split("-", 1)[0]) for name in data["files"]]
        for document in db_session.scalars(select(Document).where(Document.id.in_(ids))):
            path = document_path(document, settings)
            if path.exists():
                archive.writestr(_file_name(document), path.read_bytes())
    return buffer.getvalue()
