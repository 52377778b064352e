"""`searchlight worker`: run the background jobs (screening batches, re-ranking after a profile
edit). On PostgreSQL start as many as the load needs, on any machine that reaches the database;
on the embedded SQLite database `searchlight serve` already runs them, so a worker is only for
running jobs without the web server."""

import logging
import threading

import typer

from searchlight import jobs
from searchlight.cli import DatabaseNotReady, database_problem
from searchlight.config import get_settings


def worker(
    name: str = typer.Option("", help="Name in the logs (default: host and process id)."),
) -> None:
    """Run background jobs until stopped (Ctrl-C or SIGTERM)."""
    if problem := database_problem():
        raise DatabaseNotReady(problem)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    settings = get_settings()
    if settings.is_sqlite:
        runner = jobs.Runner()
        runner.start()
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            runner.stop()
        return
    app = jobs.procrastinate_app(settings.database_url)
    jobs.resume()  # what a worker killed earlier left unfinished is deferred again
    app.run_worker(queues=[jobs.QUEUE], concurrency=1, name=name or None,
                   delete_jobs="successful")


def register(app: typer.Typer) -> None:
    app.command("worker")(worker)
