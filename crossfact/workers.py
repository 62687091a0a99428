"""Work spread over the machine's cores for long inputs, serial for short ones.

Aligning fifteen pairs of versions or suggesting verdicts for thousands of matches is
CPU-bound pure Python, so threads would not help; forked processes inherit the read-only
inputs for free and send back only their results. Short stories (the common case) never pay
for a process start; a machine without fork, and a process running other threads (the TUI,
whose matching runs in a worker thread), stay serial.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from crossfact.collector import frozen_for_fork

T = TypeVar("T")
R = TypeVar("R")

PARALLEL_FROM = 3000  # claims in a story from which its work is spread over the cores

# what the forked workers run and on what, inherited at fork: only an item's index is sent
# to a worker (pickling the items, e.g. whole documents, cost more than the work saved)
_task: Callable[[Any], Any] | None = None
_items: Sequence[Any] = ()


@dataclass(frozen=True)
class Crossing(Generic[R]):
    """How a worker's result crosses back to this process, where pickling it as it is costs
    more than a plainer form (pydantic models: their JSON, which pydantic writes and reads
    in Rust)."""

    encode: Callable[[R], Any]  # in the worker
    decode: Callable[[Any], R]  # in this process


def _leave_interrupts_to_the_parent() -> None:
    """A worker ignores Ctrl-C: the parent, interrupted, ends the pool; otherwise each worker
    would print its own traceback ("Process ForkPoolWorker-1: ...") under the one-line
    error."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _run(index: int) -> Any:
    assert _task is not None
    return _task(_items[index])


def cores() -> int:
    """Cores this process may use; $CROSSFACT_WORKERS caps it (1 turns parallelism off)."""
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    wanted = os.environ.get("CROSSFACT_WORKERS", "").strip()
    if not wanted.isdigit():  # unset or not a number: use what there is
        return available
    return max(1, min(available, int(wanted)))


def parallel_map(fn: Callable[[T], R], items: Sequence[T], *, worth_it: bool,
                 meanwhile: Callable[[], object] | None = None,
                 crossing: Crossing[R] | None = None) -> Iterator[R]:
    """fn(x) for x in items, in order; in forked worker processes when `worth_it` (the work
    outweighs starting them: benchmarks/README.md) and there is more than one core (one
    worker, for a single item, when `meanwhile` keeps this process busy on another).
    `meanwhile` runs in this process once the workers are started (first, when serial):
    work the caller needs later, done while it would otherwise wait for them. `crossing`
    says how results come back from a worker (pickled as they are without it)."""
    workers = min(cores(), len(items))
    # forking a process that runs other threads (the TUI) can deadlock on their locks
    forkable = "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1
    # one worker pays only beside work of this process's own (`meanwhile`), on another core
    alone = 2 if meanwhile is None else 1
    if not worth_it or workers < alone or cores() < 2 or not forkable:
        if meanwhile:
            meanwhile()
        yield from map(fn, items)
        return
    global _task, _items
    _task = fn if crossing is None else lambda item: crossing.encode(fn(item))
    _items = items
    try:
        with frozen_for_fork(), multiprocessing.get_context("fork").Pool(
                workers, initializer=_leave_interrupts_to_the_parent) as pool:
            results = pool.imap(_run, range(len(items)),
                                chunksize=max(1, len(items) // (workers * 8)))
            if meanwhile:
                meanwhile()
            yield from results if crossing is None else map(crossing.decode, results)
    finally:
        _task, _items = None, ()
