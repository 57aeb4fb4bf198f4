"""How hard the client tries before giving up, and what it counts while it does."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class RetryPolicy:
    """How hard to try before giving up; the defaults suit an interactive app."""

    max_attempts: int = 5          # per request, for 5xx and network failures
    base_delay: float = 0.5        # seconds; doubles each attempt
    max_delay: float = 15.0
    max_throttle_waits: int = 8    # 429s in a row honoured before the request fails
    max_retry_after: float = 300.0  # Dataverse's throttling window is 300 s; anything longer is a bug

    def backoff(self, attempt: int) -> float:
        # "Full jitter": spreads retries of many workers so they do not hit the server in lockstep.
        ceiling = min(self.max_delay, self.base_delay * (2 ** (attempt - 1)))
        return random.uniform(ceiling / 2, ceiling)


@dataclass
class ClientStats:
    """Counts a benchmark or the doctor can print; never reset behind the caller's back."""

    requests: int = 0
    retries: int = 0
    throttled: int = 0
    token_refreshes: int = 0
    waited_seconds: float = 0.0
    retries_by_kind: dict[str, int] = field(default_factory=dict)  # "429", "HTTP 503", "ReadError", ...
