"""Parallel work gives the same results, in order, as serial work."""

import os
import threading
from functools import partial

from crossfact import workers


def square(x: int) -> int:
    return x * x


def test_parallel_map_keeps_order_and_results(monkeypatch):
    monkeypatch.setattr(workers, "cores", lambda: 2)
    items = list(range(500))
    assert list(workers.parallel_map(square, items, worth_it=True)) == [x * x for x in items]


def test_the_work_really_runs_in_other_processes(monkeypatch):
    monkeypatch.setattr(workers, "cores", lambda: 2)
    pids = set(workers.parallel_map(lambda _: os.getpid(), range(64), worth_it=True))
    assert os.getpid() not in pids


def test_a_worker_leaves_ctrl_c_to_this_process(monkeypatch):
    """Ctrl-C reaches every process of the terminal's group: the parent ends the pool and
    says one line; a worker that took it too printed its own traceback under it."""
    import signal

    monkeypatch.setattr(workers, "cores", lambda: 2)
    handlers = set(workers.parallel_map(lambda _: signal.getsignal(signal.SIGINT), range(8),
                                        worth_it=True))
    assert handlers == {signal.SIG_IGN}
    assert signal.getsignal(signal.SIGINT) != signal.SIG_IGN  # this process still hears it


def test_a_memo_is_emptied_only_for_keys_it_does_not_hold(monkeypatch):
    """Keeping again what a memo holds (a worker's skeletons, some read here too) must not
    empty it: a long review session would lose its cache for nothing."""
    from crossfact import memo

    monkeypatch.setattr(memo, "KEPT", 4)
    cache = {"a": 1, "b": 2, "c": 3}
    memo.remember_all(cache, [("a", 1), ("b", 2), ("d", 4)])
    assert cache == {"a": 1, "b": 2, "c": 3, "d": 4}
    memo.remember_all(cache, [("e", 5)])
    assert cache == {"e": 5}


def test_a_bad_worker_count_falls_back_to_the_cores(monkeypatch):
    monkeypatch.setenv("CROSSFACT_WORKERS", "abc")
    assert workers.cores() >= 1
    monkeypatch.setenv("CROSSFACT_WORKERS", "1")
    assert workers.cores() == 1


def test_closures_reach_the_workers(monkeypatch):
    monkeypatch.setattr(workers, "cores", lambda: 2)
    offset = 7
    assert list(workers.parallel_map(lambda x: x + offset, [1, 2, 3], worth_it=True)) == [8, 9, 10]


def test_results_cross_back_as_the_crossing_says(monkeypatch):
    """Encoded in the worker, decoded here; work done in this process never crosses."""
    monkeypatch.setattr(workers, "cores", lambda: 2)
    here = os.getpid()
    crossing = workers.Crossing(lambda r: (os.getpid(), r), lambda sent: (sent[0] != here, sent[1]))
    double = partial(int.__mul__, 2)
    assert list(workers.parallel_map(double, [1, 2, 3], worth_it=True, crossing=crossing)) \
        == [(True, 2), (True, 4), (True, 6)]
    assert list(workers.parallel_map(double, [1, 2], worth_it=False, crossing=crossing)) == [2, 4]


def _record_pid(into: list[int]) -> None:
    into.append(os.getpid())


def test_meanwhile_runs_once_here_while_the_workers_work(monkeypatch):
    monkeypatch.setattr(workers, "cores", lambda: 2)
    for worth_it in (True, False):
        ran: list[int] = []
        results = workers.parallel_map(square, range(50), worth_it=worth_it,
                                       meanwhile=partial(_record_pid, ran))
        assert list(results) == [x * x for x in range(50)]
        assert ran == [os.getpid()]


def test_one_worker_only_beside_work_of_this_process(monkeypatch):
    """A single item goes to a worker when `meanwhile` keeps this process busy meanwhile,
    and stays here when this process would only wait for it."""
    monkeypatch.setattr(workers, "cores", lambda: 2)
    ran: list[int] = []
    pids = list(workers.parallel_map(lambda _: os.getpid(), [1], worth_it=True,
                                     meanwhile=partial(_record_pid, ran)))
    assert ran == [os.getpid()] and os.getpid() not in pids
    assert list(workers.parallel_map(lambda _: os.getpid(), [1], worth_it=True)) == [os.getpid()]


def test_serial_when_other_threads_run(monkeypatch):
    monkeypatch.setattr(workers, "cores", lambda: 2)
    done = threading.Event()
    t = threading.Thread(target=done.wait)
    t.start()
    try:
        pids = list(workers.parallel_map(lambda _: os.getpid(), [1, 2, 3], worth_it=True))
    finally:
        done.set()
        t.join()
    assert set(pids) == {os.getpid()}


def test_a_story_matched_in_worker_processes_is_the_story_matched_serially(monkeypatch):
    """Fingerprints, alignment and suggestions spread over forked workers give the very same
    result."""
    from pathlib import Path

    from crossfact import fingerprint, matching
    from crossfact.pipeline import run

    seed = Path(__file__).resolve().parents[1] / "fixtures" / "seed-story"
    serial = run([seed]).model_dump_json()
    monkeypatch.setattr(workers, "cores", lambda: 2)
    for module in (fingerprint, matching):
        monkeypatch.setattr(module, "PARALLEL_FROM", 0)
    forked: dict[str, set[int]] = {}
    real = workers.parallel_map

    def spy(fn, items, *, worth_it, meanwhile=None, crossing=None):
        def where(item):  # the process that did the work
            return os.getpid(), fn(item)
        # the caller's crossing, if any, with the process beside it
        beside = crossing and workers.Crossing(lambda r: (r[0], crossing.encode(r[1])),
                                               lambda sent: (sent[0], crossing.decode(sent[1])))
        for pid, result in real(where, items, worth_it=worth_it, meanwhile=meanwhile,
                                crossing=beside):
            forked.setdefault(fn.__qualname__.split(".")[0], set()).add(pid)
            yield result

    for module in (fingerprint, matching):
        monkeypatch.setattr(module, "parallel_map", spy)
    assert run([seed]).model_dump_json() == serial
    for stage in ("fingerprint_story", "_links", "_matches"):
        assert forked[stage] - {os.getpid()}, f"{stage} ran in this process, not in workers"
