"""Reproducible performance runs: `make bench` (python -m benchmarks) runs every module here that has `run(report)`.

A benchmark module is any `benchmarks/<name>.py` (not starting with an underscore, not `common`) defining

    run(report) -> None

where `report(name, seconds, detail)` records one timed step and `report.latency(name, samples_ms, target_ms,
detail)` records repeated timings as p50/p95 against a target. The runner calls each module once per scratch
database, with BENCH_DATABASE_URL pointing at a fresh, empty database the module may fill and throw away.
"""
