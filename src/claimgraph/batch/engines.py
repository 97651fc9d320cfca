"""Where batch tasks run: forked worker processes on this machine (`local`), or Apache Spark (`spark`).

Both load the spaCy pipeline once per worker: forked workers inherit the driver's loaded Extractor; a Spark
executor builds its own on its first task and keeps it for the next ones (`_executor_extractor`).
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..config import Settings, load_settings

if TYPE_CHECKING:
    from ..extract import Extractor
    from .run import BatchOptions, Task, TaskResult

_FORKED: Extractor | None = None


def _run_forked(task: Task) -> TaskResult:
    from .run import run_task

    assert _FORKED is not None
    return run_task(task, _FORKED)


def run_local(tasks: Sequence[Task], options: BatchOptions, settings: Settings) -> Iterator[TaskResult]:
    """Tasks on `options.workers` processes forked from this one (one process: in this one)."""
    global _FORKED
    from ..extract import Extractor
    from .run import run_task

    t0 = time.perf_counter()
    extractor = Extractor(settings)
    setup = time.perf_counter() - t0  # reported with the first task, as a Spark executor's build is
    if options.workers == 1:
        for i, task in enumerate(tasks):
            yield run_task(task, extractor, setup if i == 0 else 0.0)
        return
    _FORKED = extractor
    with multiprocessing.get_context("fork").Pool(options.workers) as pool:
        for i, result in enumerate(pool.imap_unordered(_run_forked, tasks)):
            yield replace(result, setup_seconds=setup) if i == 0 else result


_EXECUTOR: tuple[str | None, Extractor] | None = None


def _executor_extractor(config: str | None) -> tuple[Extractor, float]:
    """The executor's Extractor, built on its first task (Python workers are reused across tasks), and the
    seconds this call spent building it."""
    global _EXECUTOR
    if _EXECUTOR is None or _EXECUTOR[0] != config:
        t0 = time.perf_counter()
        from ..extract import Extractor

        _EXECUTOR = (config, Extractor(load_settings(Path(config) if config else None)))
        return _EXECUTOR[1], time.perf_counter() - t0
    return _EXECUTOR[1], 0.0


def _spark_task(args: tuple[Task, str | None]) -> TaskResult:
    from .run import run_task

    task, config = args
    extractor, setup = _executor_extractor(config)
    return run_task(task, extractor, setup)


def run_spark(tasks: Sequence[Task], options: BatchOptions, settings: Settings) -> Iterator[TaskResult]:
    """Tasks as one Spark job, a partition per task. Uses the session `spark-submit` configured, else a local
    one (`local[workers]`). Executors write their Parquet files into `options.out` directly, so on a cluster it
    must be a filesystem every executor mounts."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("claimgraph batch")
    if options.master or not _submitted():
        import sys

        builder = builder.master(options.master or f"local[{options.workers}]")
        builder = builder.config("spark.pyspark.python", sys.executable)  # the interpreter claimgraph is in
        # Spark starts its Python workers with its own PYTHONPATH: give them this interpreter's packages too
        # (on a cluster, install claimgraph on the executors instead; see docs/scaling.md)
        builder = builder.config("spark.executorEnv.PYTHONPATH", _worker_path())
        if (options.master or "local").startswith("local"):
            # the driver JVM only schedules and hands tasks to the Python workers: the quick JIT compiler and
            # one GC thread halve the CPU its start takes (12.5 s → 6.5 s measured on 2 cores), CPU the
            # workers building their pipelines need at that moment
            builder = builder.config("spark.driver.extraJavaOptions", _LOCAL_JVM_OPTIONS)
    builder = builder.config("spark.python.worker.reuse", "true").config("spark.ui.enabled", "false")
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        config = str(options.config) if options.config else None
        rdd = spark.sparkContext.parallelize([(t, config) for t in tasks], numSlices=len(tasks))
        yield from rdd.map(_spark_task).collect()
    finally:
        if not _submitted():
            spark.stop()


_LOCAL_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


def _worker_path() -> str:
    import os
    import site
    import sys

    import claimgraph

    here = str(Path(claimgraph.__file__).resolve().parent.parent)
    paths = [here, *site.getsitepackages(), *[p for p in sys.path if p.endswith("site-packages")]]
    return os.pathsep.join(dict.fromkeys(paths))


def _submitted() -> bool:
    """True under spark-submit (its Python runner hands the driver a gateway), which sets the master itself."""
    import os

    return "PYSPARK_GATEWAY_PORT" in os.environ
