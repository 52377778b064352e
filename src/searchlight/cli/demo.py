"""`searchlight demo load`: fictional data to try Searchlight with. Safe to run twice."""

import importlib
import importlib.util

import typer
from sqlalchemy import select
from sqlalchemy.orm import Session

from searchlight.auth import service as auth_service
from searchlight.auth.models import User
from searchlight.cli.console import err
from searchlight.db import transaction
from searchlight.roles.models import Role

demo_app = typer.Typer(help="Demo data.", no_args_is_help=True)

# demo accounts are refused in production
DEMO_PASSWORD = "searchlight-demo"  # nosec B105
DEMO_USERS = (
    ("admin@demo.searchlight.local", "Ada Admin", "admin"),
    ("recruiter@demo.searchlight.local", "Ruben Recruiter", "recruiter"),
    ("manager@demo.searchlight.local", "Hanna Hiring", "hiring_manager"),
    ("ld@demo.searchlight.local", "Lotte Leren", "ld_lead"),
    ("employee@demo.searchlight.local", "Emre Medewerker", "employee"),
    ("privacy@demo.searchlight.local", "Pim Privacy", "privacy_officer"),
    ("auditor@demo.searchlight.local", "Aike Auditor", "auditor"),
)
# Domains that ship demo data, in dependency order; each has `demo.load(db_session=...)`.
DEMO_DOMAINS = ("taxonomy", "roles", "crm", "candidates", "screening", "content", "careers",
                "reskilling",
                "assessments", "fairness")


def load_demo_users(db_session: Session) -> None:
    for email, name, role in DEMO_USERS:
        if db_session.scalar(select(User.id).where(User.email == email)) is None:
            auth_service.create_user(db_session=db_session, email=email, full_name=name,
                                     password=DEMO_PASSWORD, role=role, is_demo=True)


DEMO_HIRING_MANAGER_ROLES = ("ml-engineer", "prompt-engineer", "mlops-engineer")


def assign_demo_hiring_manager(db_session: Session) -> None:
    """The demo hiring manager leads three teams, so that log-in has candidates to see."""
    manager = db_session.scalar(select(User).where(User.role == "hiring_manager", User.is_demo))
    if manager is None:
        return
    for role in db_session.scalars(select(Role).where(Role.key.in_(DEMO_HIRING_MANAGER_ROLES))):
        if role.hiring_manager_id is None:
            role.hiring_manager_id = manager.id


@demo_app.command("load")
def load() -> None:
    """Load demo users, roles, skills, sources and candidates (skips what is already there)."""
    with transaction() as db:
        load_demo_users(db)
        for domain in DEMO_DOMAINS:
            if importlib.util.find_spec(f"searchlight.{domain}.demo") is not None:
                importlib.import_module(f"searchlight.{domain}.demo").load(db_session=db)
        assign_demo_hiring_manager(db)
    err.print("[bold]Demo log-ins[/bold] (password: " + DEMO_PASSWORD + ")")
    for email, _name, role in DEMO_USERS:
        err.print(f"  {role:<15} {email}")


def register(app: typer.Typer) -> None:
    app.add_typer(demo_app, name="demo")
