"""Early stop of the multi-start gradient searches once the best figure of merit plateaus."""

from __future__ import annotations

import numbers

import numpy as np

from autogalaxy import exc


class MultiStartGradientConvergence:
    """When a multi-start gradient search may stop before ``n_steps``.

    The history is the overall best log likelihood after every step (non-decreasing). On the
    chi-squared scale (``-2 log L``), the improvement over the last ``window`` steps is
    ``2 * (best[-1] - best[-window])``; the search has converged when it is at most
    ``atol + rtol * |2 * best[-window]|``, checked only once ``max(min_steps, window)`` steps
    have been taken (so the starts first leave their broad initial points).

    Parameters
    ----------
    check_for_convergence
        Stop early on a plateau (``False``: always take ``n_steps`` steps).
    window
        Steps over which the improvement is measured.
    rtol, atol
        Relative and absolute tolerance on the chi-squared improvement over the window.
    min_steps
        Steps taken before a plateau may stop the search.
    """

    def __init__(
        self,
        check_for_convergence: bool = True,
        window: int = 50,
        rtol: float = 1.0e-4,
        atol: float = 1.0e-3,
        min_steps: int = 100,
    ) -> None:
        if not isinstance(check_for_convergence, bool):
            raise exc.SearchException(
                f"check_for_convergence must be True or False, got {check_for_convergence!r}."
            )
        for key, value in (("window", window), ("min_steps", min_steps)):
            if not isinstance(value, numbers.Integral) or isinstance(value, bool) or value < 1:
                raise exc.SearchException(f"{key} must be an integer >= 1, got {value!r}.")
        for key, real in (("rtol", rtol), ("atol", atol)):
            if not isinstance(real, numbers.Real) or real < 0:
                raise exc.SearchException(f"{key} must be a number >= 0, got {real!r}.")
        self.check_for_convergence = check_for_convergence
        self.window = int(window)
        self.rtol = float(rtol)
        self.atol = float(atol)
        self.min_steps = int(min_steps)

    def check_if_converged(self, best_history) -> bool:
        """Whether the best log likelihood after each step (``best_history``) has plateaued."""
        if not self.check_for_convergence:
            return False
        history = np.asarray(best_history, dtype=float)
        if history.size < max(self.min_steps, self.window):
            return False
        latest, past = history[-1], history[-self.window]
        if not (np.isfinite(latest) and np.isfinite(past)):
            return False
        return bool(2.0 * (latest - past) <= self.atol + self.rtol * abs(2.0 * past))

    def __repr__(self) -> str:
        return (
            f"MultiStartGradientConvergence(check_for_convergence={self.check_for_convergence}, "
            f"window={self.window}, rtol={self.rtol}, atol={self.atol}, "
            f"min_steps={self.min_steps})"
        )
