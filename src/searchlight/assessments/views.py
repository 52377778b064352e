"""Assessment pages (challenge library, invitations, candidate page, review) come here."""

from fastapi import APIRouter

router = APIRouter(tags=["assessments"])
