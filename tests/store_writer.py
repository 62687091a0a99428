"""A reviewer process for the fault tests: records events, printing each id once committed.

Usage: python store_writer.py DB REVIEWER COUNT   (COUNT 0: until killed)
"""

from __future__ import annotations

import sys
from itertools import count

from crossfact import store


def main(db: str, reviewer: str, total: int) -> None:
    s = store.open_store(db)
    rows = s.matches("seed", reviewer=reviewer)
    for n in (range(total) if total else count()):
        match = rows[n % len(rows)].id
        if n % 3 == 2:
            event = s.undo("seed", reviewer=reviewer, session=reviewer)
        else:
            event = s.decide("seed", match, "agree", reviewer=reviewer, session=reviewer,
                             note=f"{reviewer} {n}")
        if event is not None:
            print(event.id, flush=True)  # acknowledged: apply() has committed
    s.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
