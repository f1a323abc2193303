"""Schema versions of the document file and the steps that upgrade old files.

Each step takes the raw JSON of version N and returns that of version N+1; a
file is upgraded step by step to :data:`SCHEMA_VERSION` when opened. When the
format changes, bump ``SCHEMA_VERSION`` and register the step here.

- 1 → 2: every document names and carries the template (表样) it follows; a built-in form (项目, 部门,
  单位) gets the shipped template that describes it. Nothing the clerk typed changes.
"""

from __future__ import annotations

from collections.abc import Callable

SCHEMA_VERSION = 2

Migration = Callable[[dict], dict]
MIGRATIONS: dict[int, Migration] = {}


def migration(from_version: int) -> Callable[[Migration], Migration]:
    def register(step: Migration) -> Migration:
        MIGRATIONS[from_version] = step
        return step

    return register


class MigrationError(Exception):
    pass


@migration(1)
def _v1_to_v2(data: dict) -> dict:
    form = data.get("form")
    if isinstance(form, dict) and form.get("kind") in ("project", "department", "unit") \
            and not form.get("template_id"):
        from jixiao_desktop.templates.bind import bound_template

        loaded = bound_template(form["kind"])
        if loaded is not None:
            form = {**form, "template_id": loaded.id, "template_version": loaded.meta.version,
                    "template_text": loaded.text}
            data = {**data, "form": form}
    return data


def upgrade(data: dict, version: int, target: int = SCHEMA_VERSION) -> dict:
    """Run the steps from ``version`` up to ``target``."""
    while version < target:
        step = MIGRATIONS.get(version)
        if step is None:
            raise MigrationError(f"缺少从第{version}版升级的步骤")
        data = step(data)
        version += 1
    return data
