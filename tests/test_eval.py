"""The extraction contract, measured: ``minutes extract`` on the seed and dev corpora, on the
real public texts of ``../shared/corpus/real`` and on the fictional documents of
``tests/corpus`` (written for this project, each annotated before the extractor first
ran on it: c01–c10 and d01–d10 were held out until their round's rules were fixed, the
e-files were written for the shapes of real texts and tuned on), scored by
``../shared/eval/score.py`` against the floors the project commits to.

The real corpus is split in two halves by file (REAL_TUNED, REAL_HELD_OUT): rules were
tuned on the first only for many rounds, while the second predicted what unseen texts
score; once pools of pages collected later took that part, the second half was read for
the causes of its failures too (a table's name before its header, a line broken
mid-clause, a heading glued to its text). Each half is scored on its own, so a change
that helps one and hurts the other shows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

FLOORS = "tasks=0.9,units=0.85,roles=0.8,deadline=0.9,meeting=0.85,doc=0.95"
# What the rules reach on real texts today, above the target (tasks 0.85, units 0.75,
# roles 0.70, deadline 0.80, meeting 0.75).
REAL_FLOORS = "tasks=0.95,units=0.9,roles=0.9,deadline=0.9,meeting=0.95,doc=0.95"
REAL_TUNED = (  # 4 meeting reports, 3 notices/plans
    "m01-dadukou-inspection-office", "m05-qijiang-air-forum", "m09-wujiaqu-eco-committee",
    "m13-tianjin-blackwater-rectify", "p01-chongqing-12-pollution-sources",
    "p05-kunming-inspection-report-notice", "p09-xinjiang-bluesky-plan-page2",
)
REAL_HELD_OUT = (
    "m03-tongnan-air-summons", "m07-bingtuan-air-symposium", "m11-yanbian-rectification-dispatch",
    "m15-xidongting-inspection-dispatch", "p03-district-2018-air-task-table",
    "p07-erenhot-2018-air-plan", "p11-city-2009-env-campaign-page3",
)
HALF_FLOORS = {
    "tuned": "tasks=0.97,units=0.95,roles=0.95,deadline=0.95,meeting=0.95,doc=0.95",
    "held-out": "tasks=0.95,units=0.9,roles=0.9,deadline=0.75,meeting=0.95,doc=0.95",
}
MINUTES = Path(sys.executable).with_name("minutes")
HELD_OUT = Path(__file__).resolve().parent / "corpus"
SOURCES = (".txt", ".html", ".htm", ".docx")


def score(shared: Path, folder: Path, inputs: list[str], tmp_path: Path, floors: str) -> subprocess.CompletedProcess:
    extracted = subprocess.run([str(MINUTES), "extract", *inputs, "--format", "jsonl"],
                               capture_output=True, text=True, timeout=300)
    assert extracted.returncode == 0, extracted.stderr
    assert len(extracted.stdout.splitlines()) == len(inputs)
    predictions = tmp_path / "predictions.jsonl"
    predictions.write_text(extracted.stdout, encoding="utf-8")
    scored = subprocess.run(
        [sys.executable, str(shared / "eval" / "score.py"), str(folder), str(predictions), "--fail-under", floors],
        capture_output=True, text=True, timeout=120,
    )
    print(scored.stdout.splitlines()[-1] if scored.stdout else scored.stderr)
    return scored


@pytest.mark.parametrize("corpus", ["seeds", "dev", "real", "held-out"])
def test_scores_above_floors(shared_dir: Path, tmp_path: Path, corpus: str):
    folder = HELD_OUT if corpus == "held-out" else shared_dir / "corpus" / corpus
    inputs = sorted(str(p) for p in folder.iterdir() if p.suffix in SOURCES)
    scored = score(shared_dir, folder, inputs, tmp_path, REAL_FLOORS if corpus == "real" else FLOORS)
    assert scored.returncode == 0, scored.stdout + scored.stderr


@pytest.mark.parametrize("half", ["tuned", "held-out"])
def test_real_corpus_halves(shared_dir: Path, tmp_path: Path, half: str):
    real = shared_dir / "corpus" / "real"
    stems = REAL_TUNED if half == "tuned" else REAL_HELD_OUT
    assert sorted(REAL_TUNED + REAL_HELD_OUT) == sorted(p.name.removesuffix(".gold.json") for p in real.glob("*.gold.json"))
    folder = tmp_path / half  # the half's gold files alone, so the scorer counts no others
    folder.mkdir()
    inputs = []
    for stem in stems:
        (folder / f"{stem}.gold.json").symlink_to(real / f"{stem}.gold.json")
        inputs += [str(p) for p in real.glob(stem + ".*") if p.suffix in SOURCES]
    scored = score(shared_dir, folder, sorted(inputs), tmp_path, HALF_FLOORS[half])
    assert scored.returncode == 0, scored.stdout + scored.stderr
