"""Backups that restore: the database and the file store in one archive.

An archive (`searchlight backup FILE`) is a tar.gz with `manifest.json` (format, dialect, schema
revision, time, file count), the database (`database.sqlite3`, copied with SQLite's online backup
API while the app may be running; or `database.dump`, pg_dump's custom format) and `files/`,
the data directory (stored documents and evidence). `searchlight restore FILE` puts both back:
the database replaced as a whole, files written where they were. A restore into a database of
the other dialect is refused with a clear message.
"""

import io
import json
import os
import shutil
import sqlite3
import subprocess  # nosec B404
import tarfile
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

FORMAT = "searchlight-backup/1"


class BackupError(Exception):
    """A backup or restore that cannot go on, said in one line."""


@dataclass(frozen=True)
class Manifest:
    dialect: str
    revision: str | None
    created_at: str
    files: int


def _libpq_url(engine: Engine) -> str:
    """The URL for pg_dump/pg_restore, without the password (that goes in PGPASSWORD, so it
    never shows in a process list)."""
    return engine.url.set(drivername="postgresql", password=None).render_as_string()


def _pg_env(engine: Engine) -> dict[str, str]:
    password = engine.url.password
    return {**os.environ, **({"PGPASSWORD": str(password)} if password else {})}


def _revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        try:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except Exception:  # noqa: BLE001 - an unmigrated database has no version table
            return None


def _sqlite_path(engine: Engine) -> Path:
    database = make_url(str(engine.url)).database
    if not database or database == ":memory:":
        raise BackupError("an in-memory SQLite database cannot be backed up")
    return Path(database)


def backup(*, engine: Engine, data_dir: Path, target: Path) -> Manifest:
    """Write an archive of the database and the data directory to `target`."""
    dialect = engine.dialect.name
    with tempfile.TemporaryDirectory(prefix="searchlight-backup-") as work:
        folder = Path(work)
        if dialect == "sqlite":
            dump = folder / "database.sqlite3"
            source = sqlite3.connect(_sqlite_path(engine))
            copy = sqlite3.connect(dump)
            try:
                source.backup(copy)  # consistent even while the app writes
            finally:
                copy.close()
                source.close()
        elif dialect == "postgresql":
            dump = folder / "database.dump"
            _run(["pg_dump", "--format=custom", "--no-owner", f"--file={dump}",
                  f"--dbname={_libpq_url(engine)}"], "pg_dump", _pg_env(engine))
        else:
            raise BackupError(f"backups of {dialect} databases are not supported")
        files = [p for p in sorted(data_dir.rglob("*")) if p.is_file()] if data_dir.exists() else []
        manifest = Manifest(dialect=dialect, revision=_revision(engine),
                            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
                            files=len(files))
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            body = json.dumps({"format": FORMAT, **manifest.__dict__}, indent=2).encode()
            info = tarfile.TarInfo("manifest.json")
            info.size = len(body)
            archive.addfile(info, io.BytesIO(body))
            archive.add(dump, arcname=dump.name)
            for path in files:
                archive.add(path, arcname=f"files/{path.relative_to(data_dir).as_posix()}")
        os.replace(partial, target)  # never a half-written archive under the real name
    return manifest


def read_manifest(source: Path) -> Manifest:
    try:
        with tarfile.open(source, "r:gz") as archive:
            member = archive.extractfile("manifest.json")
            data = json.loads(member.read()) if member else {}
    except (OSError, tarfile.TarError, KeyError, json.JSONDecodeError) as error:
        raise BackupError(f"{source} is not a Searchlight backup ({error})") from None
    if data.get("format") != FORMAT:
        raise BackupError(f"{source} is not a Searchlight backup (format {data.get('format')!r})")
    return Manifest(dialect=data["dialect"], revision=data.get("revision"),
                    created_at=data["created_at"], files=int(data["files"]))


def restore(*, engine: Engine, data_dir: Path, source: Path) -> Manifest:
    """Replace the database with the archive's and put its files back in the data directory."""
    manifest = read_manifest(source)
    dialect = engine.dialect.name
    if manifest.dialect != dialect:
        raise BackupError(f"the backup is of a {manifest.dialect} database; this installation "
                          f"uses {dialect}")
    with tempfile.TemporaryDirectory(prefix="searchlight-restore-") as work:
        folder = Path(work)
        with tarfile.open(source, "r:gz") as archive:
            archive.extractall(folder, filter="data")  # no paths outside `folder`, no links out
        engine.dispose()
        if dialect == "sqlite":
            restored = sqlite3.connect(folder / "database.sqlite3")
            live = sqlite3.connect(_sqlite_path(engine))
            try:
                restored.backup(live)  # replaces every page, in one step
            finally:
                live.close()
                restored.close()
        else:
            _run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                  f"--dbname={_libpq_url(engine)}", str(folder / "database.dump")],
                 "pg_restore", _pg_env(engine))
        files = folder / "files"
        if files.exists():
            for path in sorted(files.rglob("*")):
                if path.is_file():
                    destination = data_dir / path.relative_to(files)
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(path, destination)
    return manifest


def _run(command: list[str], name: str, env: dict[str, str]) -> None:
    try:
        # pg_dump/pg_restore with a list of arguments and no shell: nothing is interpreted
        done = subprocess.run(  # nosec B603
            command, capture_output=True, text=True, timeout=3600, env=env)
    except FileNotFoundError:
        raise BackupError(f"{name} is not installed (it comes with PostgreSQL's client)") from None
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines() or ["no message"]
        raise BackupError(f"{name} failed: {lines[-1]}")
