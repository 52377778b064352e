"""Import every domain's models so Base.metadata knows all tables (for Alembic and tests)."""

import importlib
from pathlib import Path

from searchlight.db import Base

PACKAGE_DIR = Path(__file__).parent


def load_all_models() -> type[Base]:
    for models_file in sorted(PACKAGE_DIR.glob("*/models.py")):
        importlib.import_module(f"searchlight.{models_file.parent.name}.models")
    return Base
