"""Benchmark the cost of ``import sci_workers_day`` beside ``import pydantic``.

Run with ``make bench``. Each import runs in a fresh interpreter, eleven times; the median is
printed. Target: ``import sci_workers_day`` ≤ 1.5× ``import pydantic`` (never above 2×). Also
printed: what a first call of ``validate`` costs, since the names load on first use.
"""

from __future__ import annotations

import statistics
import subprocess
import sys

RUNS = 11


def cost(code: str) -> float:
    """The median seconds ``code`` takes in a fresh interpreter."""
    timed = f"import time; start = time.perf_counter(); {code}; print(time.perf_counter() - start)"
    samples = []
    for _ in range(RUNS):
        done = subprocess.run(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", timed], capture_output=True, text=True, check=True
        )
        samples.append(float(done.stdout))
    return statistics.median(samples)


def main() -> None:
    """Print the three costs and the ratio against the target."""
    pydantic = cost("import pydantic")
    ours = cost("import sci_workers_day")
    first_use = cost("import sci_workers_day; sci_workers_day.validate")
    model = cost("import pydantic; pydantic.BaseModel")
    print(f"import pydantic:              {pydantic * 1e3:6.1f} ms")
    print(f"import sci_workers_day:       {ours * 1e3:6.1f} ms ({ours / pydantic:.2f}× pydantic)")
    print(f"pydantic.BaseModel loaded:    {model * 1e3:6.1f} ms")
    print(f"sci_workers_day.validate:     {first_use * 1e3:6.1f} ms (first use, every model built)")


if __name__ == "__main__":
    main()
