"""The core (everything but ui/ and app.py) must import no PySide6."""

import subprocess
import sys
import textwrap


def test_core_imports_with_pyside6_blocked():
    script = textwrap.dedent(
        """
        import importlib, pkgutil, sys

        class Block:
            def find_spec(self, name, path=None, target=None):
                if name == "PySide6" or name.startswith("PySide6.") or name == "shiboken6":
                    raise ImportError(f"blocked: {name}")
                return None

        sys.meta_path.insert(0, Block())
        import jixiao_desktop
        names = []
        for info in pkgutil.walk_packages(jixiao_desktop.__path__, "jixiao_desktop."):
            if info.name.startswith("jixiao_desktop.ui") or info.name in ("jixiao_desktop.app", "jixiao_desktop.__main__"):
                continue
            importlib.import_module(info.name)
            names.append(info.name)
        assert not any(m.startswith("PySide6") for m in sys.modules)
        print(len(names))
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout.strip()) >= 15
