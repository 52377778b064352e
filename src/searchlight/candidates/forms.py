"""HTML form handling: read the posted form, validate it with the API's schema, and turn
problems into one translated message per field to show next to that field."""


from pydantic import ValidationError
from starlette.datastructures import FormData, UploadFile

from searchlight.candidates.documents import check_upload
from searchlight.candidates.schemas import CandidateIn
from searchlight.config import Settings
from searchlight.crm.service import parse_tags
from searchlight.errors import DomainError
from searchlight.i18n import _

CANDIDATE_FIELDS = ("full_name", "email", "phone", "location", "source", "owner_id",
                    "legal_basis", "consent_given_on", "consent_expires_on", "tags")


def text(form: FormData, name: str) -> str:
    value = form.get(name)
    return value.strip() if isinstance(value, str) else ""


def upload(form: FormData, name: str) -> UploadFile | None:
    """The uploaded file, or None when the file field was left empty."""
    value = form.get(name)
    return value if isinstance(value, UploadFile) and value.filename else None


def read_upload(file: UploadFile, settings: Settings) -> bytes:
    """At most one byte more than allowed: enough to know a file is too large."""
    file.file.seek(0)
    return file.file.read(settings.max_upload_bytes + 1)


def field_message(field: str) -> str:
    messages = {
        "full_name": _("Enter the candidate's name (at most 200 characters)."),
        "email": _("Enter a valid e-mail address, like name@example.org."),
        "phone": _("A phone number has at most 50 characters."),
        "location": _("A location has at most 200 characters."),
        "source": _("Choose a source from the list."),
        "owner_id": _("Choose an owner from the list."),
        "legal_basis": _("Choose a legal basis from the list."),
        "consent_given_on": _("Enter a date, like 2026-11-23."),
        "consent_expires_on": _("Enter a date on or after the consent date."),
    }
    return messages.get(field, _("Check this field."))


def candidate_values(form: FormData) -> dict[str, str]:
    return {name: text(form, name) for name in CANDIDATE_FIELDS}


def parse_candidate(values: dict[str, str]) -> tuple[CandidateIn | None, dict[str, str]]:
    data = {**values, "tags": parse_tags(values.get("tags", ""))}
    try:
        return CandidateIn.model_validate(data), {}
    except ValidationError as error:
        fields = {str(problem["loc"][0]) for problem in error.errors() if problem["loc"]}
        return None, {name: field_message(name) for name in fields}


def check_cv(file: UploadFile | None, settings: Settings) -> tuple[bytes | None, str, int]:
    """The CV bytes, or the message and status to show next to the file field."""
    if file is None:
        return None, "", 200
    data = read_upload(file, settings)
    try:
        check_upload(data=data, filename=file.filename or "", settings=settings)
    except DomainError as problem:
        return None, _(problem.message), problem.status_code
    return data, "", 200
