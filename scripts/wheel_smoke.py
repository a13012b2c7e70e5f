"""Smoke test of an installed graphkit wheel, as a new user would run it.

    python scripts/wheel_smoke.py            # from the repository: builds, installs, runs

Builds the wheel of this checkout (`pip wheel`), installs it with the pinned versions
(constraints.txt) into a fresh venv in a temporary folder outside the checkout, and
from another working directory (with no PYTHONPATH) runs: `graphkit ingest` of the
sample corpus (a copy, so nothing points back into the checkout), every saved query
(`graphkit query --saved NAME`, parameters answerable from the corpus), `render`, and
checks that the graphkit it ran is the installed one. Any failure exits non-zero
with what went wrong. `.ci/run` calls it.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Parameters for the saved queries, answerable from the sample corpus (as in tests/test_e2e.py).
PARAMS = {"name": "Turkey", "a": "Russia", "b": "Turkey", "subject": "Turkey", "relation": "BACKS",
          "object": "militants in Idlib"}
PER_QUERY = {"who_backs": {"name": "Syria"}, "attacks_on": {"name": "Turkey"},
             "agreement_parties": {"name": "Syria-wide ceasefire"}}
MUST_ANSWER = {"who_backs", "attacks_on", "agreement_parties", "top_actors", "entity_profile",
               "paths_between", "evidence_for_edge"}


def run(cmd: list[str], cwd: Path, env: dict | None = None) -> str:
    print("+", " ".join(map(str, cmd)), flush=True)
    r = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        sys.stderr.write(r.stdout[-4000:] + r.stderr[-4000:])
        raise SystemExit(f"wheel smoke: failed ({r.returncode}): {' '.join(map(str, cmd))}")
    return r.stdout


def build_and_install(tmp: Path) -> Path:
    dist = tmp / "dist"
    run([sys.executable, "-m", "pip", "wheel", "--disable-pip-version-check", "-q", "--no-deps",
         "-w", str(dist), str(REPO)], cwd=tmp)
    wheels = list(dist.glob("graphkit-*.whl"))
    if len(wheels) != 1:
        raise SystemExit(f"wheel smoke: expected one graphkit wheel in {dist}, found {wheels}")
    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    run([str(env_dir / "bin" / "pip"), "install", "--disable-pip-version-check", "-q",
         "-c", str(REPO / "constraints.txt"), str(wheels[0])], cwd=tmp)
    return env_dir / "bin"


def smoke(bin_dir: Path, work: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "GRAPHKIT_HOME", "GRAPHKIT_CYPHER_DIR", "NEO4J_URI", "VIRTUAL_ENV")}
    gk = str(bin_dir / "graphkit")
    where = run([str(bin_dir / "python"), "-c", "import graphkit; print(graphkit.__file__)"], work, env).strip()
    if not where.startswith(str(bin_dir.parent)):
        raise SystemExit(f"wheel smoke: graphkit imported from {where}, not from the installed wheel")
    corpus = work / "articles"
    shutil.copytree(REPO / "corpus", corpus)
    summary = json.loads(run([gk, "ingest", "articles", "--format", "json"], work, env))[0]
    if summary["documents_added"] != len(list(corpus.iterdir())) or summary["claims_added"] == 0:
        raise SystemExit(f"wheel smoke: ingest stored too little: {summary}")
    saved = json.loads(run([gk, "query", "--list", "--format", "json"], work, env))
    if len(saved) < 6:
        raise SystemExit(f"wheel smoke: only {len(saved)} saved queries in the wheel")
    for q in saved:
        name = q["name"]
        args: list[str] = []
        for p in [x.strip().lstrip("$") for x in q["params"].split(",") if x.strip()]:
            value = PER_QUERY.get(name, {}).get(p, PARAMS.get(p))
            if value is not None:
                args += ["-p", f"{p}={value}"]
        rows = json.loads(run([gk, "query", "--saved", name, *args, "--format", "json"], work, env))
        if name in MUST_ANSWER and not rows:
            raise SystemExit(f"wheel smoke: saved query {name} returned nothing on the sample corpus")
        print(f"  {name}: {len(rows)} row(s)")
    run([gk, "render", "-o", "graph.html"], work, env)
    html = (work / "graph.html").read_text(encoding="utf-8")
    if 'id="gk-data"' not in html or "Turkey" not in html:
        raise SystemExit("wheel smoke: graph.html does not hold the graph")
    if not (work / ".graphkit").is_dir():
        raise SystemExit("wheel smoke: the store was not made under the working directory")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="graphkit-wheel-") as t:
        tmp = Path(t)
        bin_dir = build_and_install(tmp)
        work = tmp / "elsewhere"
        work.mkdir()
        smoke(bin_dir, work)
    print("wheel smoke: ok (ingest, every saved query and render from an installed wheel)")


if __name__ == "__main__":
    main()
