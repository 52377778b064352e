"""Typed audit events: small dataclasses sent through one function, `audit.record`."""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class AuditEvent:
    action: str
    target_type: str
    target_id: str | int
    changes: dict[str, Any] = field(default_factory=dict)


def created(target_type: str, target_id: str | int, values: dict[str, Any]) -> AuditEvent:
    return AuditEvent(f"{target_type}.created", target_type, target_id, {"new": values})


def updated(
    target_type: str, target_id: str | int, before: dict[str, Any], after: dict[str, Any]
) -> AuditEvent:
    changed = {k: {"old": before.get(k), "new": v} for k, v in after.items() if before.get(k) != v}
    return AuditEvent(f"{target_type}.updated", target_type, target_id, changed)


def deleted(target_type: str, target_id: str | int, values: dict[str, Any]) -> AuditEvent:
    return AuditEvent(f"{target_type}.deleted", target_type, target_id, {"old": values})


def access_denied(permission: str, target: str, method: str, path: str) -> AuditEvent:
    return AuditEvent(
        "access.denied", "permission", permission, {"target": target, "request": f"{method} {path}"}
    )
