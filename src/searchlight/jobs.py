"""Background jobs: one set of job functions, run two ways.

- **PostgreSQL**: procrastinate. `defer` writes the job row inside the caller's transaction, so a
  job exists exactly when the data it works on was committed; `searchlight worker` processes, on
  as many machines as the load needs, run them. A periodic `searchlight.resume` job (and every
  worker at start) defers whatever the database says is unfinished, so the work of a worker
  killed with SIGKILL is picked up by another one or by the next start.
- **SQLite** (the embedded default): no extra server. `searchlight serve` runs `Runner`, a thread
  that asks the same finders what is due and runs the same job functions; a commit that deferred
  a job wakes it at once.

Job functions are idempotent and read what to do from the database (a batch's pending files, a
pool not ranked against the current profile), so running one twice or after a crash is safe.
Domains register them with `@task("domain.name")` and `@finds_due_work`; their modules are
listed in `JOB_MODULES`.
"""

import importlib
import json
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from searchlight.db import transaction

log = logging.getLogger(__name__)

QUEUE = "searchlight"
JOB_MODULES = ("searchlight.screening.jobs", "searchlight.mail.jobs",
               "searchlight.assessments.jobs", "searchlight.gdpr.jobs",
               "searchlight.survey.jobs")
POLL_SECONDS = 5.0

Job = Callable[..., None]
DueWork = list[tuple[str, dict[str, Any]]]
_TASKS: dict[str, Job] = {}
_FINDERS: list[Callable[[Session], DueWork]] = []


def task(name: str) -> Callable[[Job], Job]:
    def register(function: Job) -> Job:
        _TASKS[name] = function
        return function
    return register


def finds_due_work(finder: Callable[[Session], DueWork]) -> Callable[[Session], DueWork]:
    """Register a function that reads from the database which jobs are due (task, arguments)."""
    _FINDERS.append(finder)
    return finder


class Every:
    """A finder's own clock for work checked now and then (a purge, a survey round): `due()` is
    true at most once per `seconds` in this process."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._last: float | None = None

    def due(self) -> bool:
        now = time.monotonic()
        if self._last is not None and now - self._last < self.seconds:
            return False
        self._last = now
        return True

    def reset(self) -> None:
        self._last = None


def load_job_modules() -> dict[str, Job]:
    for module in JOB_MODULES:
        importlib.import_module(module)
    return _TASKS


def _on_postgresql(db_session: Session) -> bool:
    return db_session.get_bind().dialect.name == "postgresql"


def one_writer(db_session: Session) -> bool:
    """True on SQLite, where one write lock covers the whole database: a job does its slow
    work (analysing, grading) before writing, and writes in a fresh transaction that starts
    with the write lock (`transaction(writes=True)`). The in-process runner is one thread, so
    nobody takes the work in between."""
    return not _on_postgresql(db_session)


_DEFER = text(
    "SELECT procrastinate_defer_jobs_v1(ARRAY[ROW(:queue, :task, 0, NULL, :queueing_lock, "
    "CAST(:args AS jsonb), NULL)::procrastinate_job_to_defer_v1])")


def defer(
    *, db_session: Session, task_name: str, copies: int = 1, queueing_lock: str | None = None,
    **args: Any,
) -> None:
    """Ask for `task_name(**args)` to run after this transaction commits. `copies` > 1 lets that
    many workers share one job (a batch's files are claimed one chunk at a time)."""
    if _on_postgresql(db_session):
        values = {"queue": QUEUE, "task": task_name, "queueing_lock": queueing_lock,
                  "args": json.dumps(args)}
        for _ in range(copies):
            try:
                with db_session.begin_nested():
                    db_session.execute(_DEFER, values)
            except IntegrityError:
                pass  # the same queueing lock is already waiting: that job will do it
    db_session.info["jobs_deferred"] = True


@event.listens_for(Session, "after_commit")
def _wake_after_commit(db_session: Session) -> None:
    if db_session.info.pop("jobs_deferred", False) and _runner is not None:
        _runner.wake()


def due_work() -> DueWork:
    load_job_modules()
    due: DueWork = []
    with transaction() as db_session:
        for finder in _FINDERS:
            due.extend(finder(db_session))
    return due


def run_due_work() -> int:
    """One pass of the in-process runner: run every job the database says is due. Returns how
    many ran (a failing job is logged and tried again on the next pass)."""
    tasks = load_job_modules()
    done = 0
    for name, args in due_work():
        try:
            tasks[name](**args)
            done += 1
        except Exception:
            log.exception("job %s %s failed; it is tried again later", name, args)
    return done


class Runner:
    """The in-process job runner of the embedded (SQLite) installation: one daemon thread."""

    def __init__(self, poll_seconds: float = POLL_SECONDS) -> None:
        self._poll_seconds = poll_seconds
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="searchlight-jobs", daemon=True)

    def start(self) -> None:
        global _runner
        _runner = self
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=30)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                ran = run_due_work()
            except Exception:  # the database may be gone for a moment; try again later
                log.exception("the job runner could not read what is due")
                ran = 0
            if not ran:
                self._wake.wait(self._poll_seconds)
            self._wake.clear()


_runner: Runner | None = None


def resume() -> int:
    """Defer every job the database says is due (PostgreSQL): run by each worker at start and
    every minute, so work of a worker that died is finished by another."""
    due = due_work()
    with transaction() as db_session:
        for name, args in due:
            lock = f"{name}:{json.dumps(args, sort_keys=True)}"
            defer(db_session=db_session, task_name=name, queueing_lock=lock, **args)
    return len(due)


def procrastinate_app(database_url: str) -> Any:
    """The procrastinate app for a PostgreSQL database, with every job of `JOB_MODULES`."""
    import procrastinate

    conninfo = make_url(database_url).set(drivername="postgresql")
    app = procrastinate.App(connector=procrastinate.PsycopgConnector(
        conninfo=conninfo.render_as_string(hide_password=False)))
    for name, function in load_job_modules().items():
        app.task(name=name, queue=QUEUE, pass_context=False,
                 retry=procrastinate.RetryStrategy(max_attempts=5, wait=10))(function)

    @app.periodic(cron="* * * * *", periodic_id="searchlight.resume")
    @app.task(name="searchlight.resume", queue=QUEUE, pass_context=False)
    def resume_every_minute(timestamp: int) -> None:
        resume()

    return app
