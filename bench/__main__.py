"""`make bench`: run every benchmark and merge its figures into bench/results.json.

Each module's `run()` returns {metric: {"value", "baseline", "ratio", "unit",
"target"}}; benchmarks print figures and never fail the build.
"""

import importlib
import json
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results.json"
MODULES = [
    "bench.web",
    "bench.importing",
    "bench.exporting",
    "bench.certificates",
    "bench.certificates_workers",
]


def main(names: list[str]) -> None:
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    for name in names or MODULES:
        figures = importlib.import_module(name).run()
        for metric, figure in figures.items():
            print(f"{metric}: {json.dumps(figure, ensure_ascii=False)}")
        results.update(figures)
        RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"written to {RESULTS}")


if __name__ == "__main__":
    main(sys.argv[1:])
