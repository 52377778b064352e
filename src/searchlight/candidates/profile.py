"""The candidate profile page, shared by the views that show it again with a problem (a refused
upload or stage move) instead of leaving the page."""

from datetime import date

from fastapi import Request
from fastapi.responses import Response
from sqlalchemy.orm import Session

from searchlight.auth.access import allowed
from searchlight.auth.models import User
from searchlight.candidates import duplicates, timeline
from searchlight.candidates.documents import ACCEPT
from searchlight.candidates.models import Candidate
from searchlight.candidates.pipeline import days_between, stages_for_role, visible_roles
from searchlight.crm import service as crm_service
from searchlight.i18n import current_locale
from searchlight.web import render


def render_profile(
    request: Request, db: Session, user: User, candidate: Candidate, *, status_code: int = 200,
    errors: dict[str, str] | None = None, notice: str = "",
) -> Response:
    """`errors` is keyed by the form it belongs to: "document", or "move-<application id>"."""
    stages = {a.role_id: stages_for_role(db_session=db, role=a.role)
              for a in candidate.applications}
    stage_names = {(a.role.key, s.key): s.name(current_locale.get())
                   for a in candidate.applications for s in stages[a.role_id]}
    return render(
        request, "candidates/detail.html", status_code=status_code, candidate=candidate,
        stages=stages, stage_names=stage_names, today=date.today(), errors=errors or {},
        duplicates=duplicates.duplicates_of(db_session=db, user=user, candidate=candidate),
        timeline=timeline.timeline(db_session=db, candidate=candidate),
        pools=crm_service.pools_of(db_session=db, candidate_id=candidate.id),
        all_pools=crm_service.all_pools(db_session=db),
        roles=visible_roles(db_session=db, user=user),
        days_between=days_between, accept=ACCEPT, can=lambda p: allowed(user, p), notice=notice,
    )
