"""The wheel's package list (pyproject) holds every graphkit package, and cypher/ ships in it.

The full check, a wheel built and installed in a fresh venv outside the checkout and
used from another folder, is scripts/wheel_smoke.py (run by .ci/run)."""
from __future__ import annotations

import tomllib
from pathlib import Path

from setuptools import find_packages

ROOT = Path(__file__).resolve().parents[1]


def _setuptools() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_python_package_is_in_the_wheel():
    listed = set(_setuptools()["packages"])
    found = set(find_packages(str(ROOT), include=["graphkit", "graphkit.*"]))
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"


def test_cypher_folder_ships_as_graphkit_cypher():
    st = _setuptools()
    assert st["package-dir"]["graphkit.cypher"] == "cypher"
    patterns = st["package-data"]["graphkit.cypher"]
    shipped = {p for pat in patterns for p in (ROOT / "cypher").glob(pat)}
    assert shipped == set((ROOT / "cypher").rglob("*.cypher")) and len(shipped) > 6
