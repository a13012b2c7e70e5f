"""graphkit.ingest as a library, and the CLI around it, on the real store and spaCy model."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from graphkit.cli import app
from graphkit.documents import ReadError
from graphkit.ingest import IngestProgress, ingest
from graphkit.store import StoreOptions

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def test_library_ingest_counts_progress_and_errors(clean_store, tmp_path):
    (tmp_path / "a.txt").write_text("Iran backs the Houthis in Yemen.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01binary")
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": "Russian warplanes bombed rebel positions in Idlib."}) + "\n{oops\n",
                                      encoding="utf-8")
    progress: list[IngestProgress] = []
    errors: list[ReadError] = []
    r = ingest([tmp_path], clean_store, on_progress=progress.append, on_error=errors.append, batch=1)
    assert (r.documents_added, r.documents_skipped, len(r.errors)) == (2, 0, 2)
    assert r.claims_added >= 2 and errors == r.errors, r
    assert {e.path.rsplit("/", 1)[-1] for e in errors} == {"b.txt", "c.jsonl:2"}
    assert progress[-1] == IngestProgress(done=4, total=4)
    assert [p.done for p in progress] == sorted(p.done for p in progress)
    again = ingest([tmp_path], clean_store)
    assert (again.documents_added, again.documents_skipped) == (0, 2)


def test_home_inside_the_folder_is_not_read(tmp_path):
    """`graphkit ingest . --home store`: the store's own files are never documents (issue 10)."""
    folder = tmp_path / "news"
    shutil.copytree(CORPUS, folder)
    runner = CliRunner()
    for run in range(2):
        res = runner.invoke(app, ["ingest", str(folder), "--home", str(folder / "store"), "--format", "json"],
                            catch_exceptions=False)
        assert res.exit_code == 0, res.output
        summary = json.loads(res.stdout)[0]
        assert summary["errors"] == 0 and "store" not in res.stderr
        assert summary["documents_added" if run == 0 else "documents_skipped"] == 5
    assert (folder / "store" / "db").is_dir()
    with StoreOptions(home=folder / "store").connect() as st:
        assert st.stats()["labels"]["Document"] == 5
