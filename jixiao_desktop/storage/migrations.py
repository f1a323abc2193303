"""Schema versions of the document file and the steps that upgrade old files.

Each step takes the raw JSON of version N and returns that of version N+1; a
file is upgraded step by step to :data:`SCHEMA_VERSION` when opened. Version 1
is the first released format, so there are no steps yet; when the format
changes, bump ``SCHEMA_VERSION`` and register the step here, e.g.::

    @migration(1)
    def _v1_to_v2(data: dict) -> dict:
        ...
"""

from __future__ import annotations

from collections.abc import Callable

SCHEMA_VERSION = 1

Migration = Callable[[dict], dict]
MIGRATIONS: dict[int, Migration] = {}


def migration(from_version: int) -> Callable[[Migration], Migration]:
    def register(step: Migration) -> Migration:
        MIGRATIONS[from_version] = step
        return step

    return register


class MigrationError(Exception):
    pass


def upgrade(data: dict, version: int, target: int = SCHEMA_VERSION) -> dict:
    """Run the steps from ``version`` up to ``target``."""
    while version < target:
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationError(f"缺少从第{version}版升级的步骤")
        data = step(data)
        version += 1
    return data
