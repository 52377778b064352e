from sqlalchemy import func, select
from typer.testing import CliRunner

from searchlight.cli import build_app
from searchlight.crm.models import Source
from searchlight.crm.sources import DEFAULT_SOURCES


def test_it_loads_the_handbook_sources_from_the_cli(db):
    runner = CliRunner()
    first = runner.invoke(build_app(), ["candidates", "load-sources"])
    assert first.exit_code == 0, first.output
    assert f"Added {len(DEFAULT_SOURCES)} sources." in first.output
    again = runner.invoke(build_app(), ["candidates", "load-sources"])
    assert "All handbook sources are there." in again.output
    assert db.scalar(select(func.count()).select_from(Source)) == len(DEFAULT_SOURCES)
