"""``corner_cornerpy``: a corner plot of search samples drawn with matplotlib.

Diagonal panels are the weighted 1-D marginal histograms, off-diagonal panels the weighted 2-D
histograms of each parameter pair, with the maximum-likelihood sample marked.
"""

from __future__ import annotations

from typing import Sequence

import numpy as np

from autoarray.exc import PlottingException
from autoarray.plot.output import pyplot, save_figure

#: Inches per parameter of the corner grid (capped by ``MAX_SIZE``).
PANEL_INCHES = 1.8
MAX_SIZE = 20.0


def _range(values: np.ndarray) -> tuple:
    low, high = float(np.min(values)), float(np.max(values))
    if high <= low:
        pad = max(abs(low) * 1.0e-3, 1.0e-6)
        return low - pad, high + pad
    return low, high


def corner_cornerpy(
    samples,
    path=None,
    filename: str = "corner",
    format: str = "show",
    parameter_indices: Sequence[int] | None = None,
    bins: int = 20,
    **kwargs,
):
    """Corner plot of ``samples`` (``Samples`` of any search): shown (``format="show"`` or no
    ``path``) or written atomically to ``path/filename.<format>``. Returns the written paths.
    ``parameter_indices`` selects parameters (default: all)."""
    values = np.asarray(samples.parameter_lists, dtype=float)
    weights = np.asarray(samples.weight_list, dtype=float)
    names = [".".join(p[-2:]) for p in samples.paths]
    indices = list(range(values.shape[1])) if parameter_indices is None else list(parameter_indices)
    if not indices:
        raise PlottingException("corner plots need at least one parameter")
    if values.shape[0] < 2:
        raise PlottingException(
            f"corner plots need at least 2 samples, the search gave {values.shape[0]}"
        )
    best = values[int(np.argmax(samples.log_likelihood_list))]
    n = len(indices)
    size = min(PANEL_INCHES * n + 1.0, MAX_SIZE)
    fig = pyplot().figure(figsize=(size, size))
    axes = fig.subplots(n, n, squeeze=False)
    for row, i in enumerate(indices):
        for col, j in enumerate(indices):
            ax = axes[row][col]
            if col > row:
                ax.set_axis_off()
                continue
            if row == col:
                ax.hist(
                    values[:, i],
                    bins=bins,
                    weights=weights,
                    range=_range(values[:, i]),
                    histtype="step",
                    color="k",
                )
                ax.axvline(best[i], color="r", lw=1.0)
                ax.set_yticks([])
            else:
                ax.hist2d(
                    values[:, j],
                    values[:, i],
                    bins=bins,
                    weights=weights,
                    range=[_range(values[:, j]), _range(values[:, i])],
                    cmap="Greys",
                )
                ax.plot(best[j], best[i], "r+", ms=8)
            if row == n - 1:
                ax.set_xlabel(names[j], fontsize=8)
            else:
                ax.set_xticklabels([])
            if col == 0 and row > 0:
                ax.set_ylabel(names[i], fontsize=8)
            elif col > 0:
                ax.set_yticklabels([])
            ax.tick_params(labelsize=6)
    fig.subplots_adjust(left=0.1, right=0.98, bottom=0.1, top=0.98, wspace=0.05, hspace=0.05)
    return save_figure(fig, path, filename, format)
