"""``ModelPlotter(model).figure()``: a picture of a model's structure.

Each top-level component is a card listing its sub-components and parameters, coloured by what
they are: free (a prior), fixed (a value) or shared (one prior used in several places).
Repeated sibling components of the same class (an MGE's Gaussians) collapse into one row
``N x Class``.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from autoarray.exc import PlottingException
from autoarray.plot.output import pyplot, save_figure

COLORS = {
    "free": "tab:blue",
    "fixed": "0.45",
    "shared": "tab:orange",
    "model": "k",
    "folded": "tab:purple",
}
ROW_INCHES = 0.22
CARD_INCHES = 3.4


class ModelPlotter:
    """Draws the structure of a ``Model`` / ``Collection``.

    ``solved_paths`` are parameter paths (tuples or dotted strings) shown as solved during
    fitting (e.g. linear light-profile intensities)."""

    def __init__(self, model, analysis=None, solved_paths: Sequence = ()):
        self.model = model
        self.analysis = analysis
        self.solved = {
            tuple(p.split(".")) if isinstance(p, str) else tuple(p) for p in solved_paths
        }

    # -------------------------------------------------------------- rows
    def _shared_ids(self) -> set:
        counts = Counter(id(prior) for _, prior in self.model.path_priors())
        return {key for key, count in counts.items() if count > 1}

    def _rows(
        self,
        node,
        depth: int,
        path: tuple,
        shared: set,
        detail: str,
        collapse: bool,
        max_depth: int | None,
        show_fixed: bool,
        hidden: list,
    ) -> list:
        from autogalaxy.modeling.model import AbstractModel, Model, TuplePrior
        from autogalaxy.modeling.priors import Prior

        rows = []
        children = list(node._children())
        k = 0
        while k < len(children):
            name, child = children[k]
            if isinstance(child, AbstractModel):
                label = name if not isinstance(child, Model) else f"{name}: {child.cls.__name__}"
                repeats = 1
                if collapse and isinstance(child, Model):
                    while (
                        k + repeats < len(children)
                        and isinstance(children[k + repeats][1], Model)
                        and children[k + repeats][1].cls is child.cls
                    ):
                        repeats += 1
                if repeats > 1:
                    label = (
                        f"{name}..{children[k + repeats - 1][0]}: {repeats} x {child.cls.__name__}"
                    )
                if max_depth is not None and depth >= max_depth:
                    folded = sum(len(m._children()) for m in child.models())
                    rows.append(
                        (
                            depth,
                            f"{label} ... {folded} components / {child.prior_count} priors",
                            "folded",
                        )
                    )
                else:
                    rows.append((depth, label, "model"))
                    rows += self._rows(
                        child,
                        depth + 1,
                        path + (name,),
                        shared,
                        detail,
                        collapse,
                        max_depth,
                        show_fixed,
                        hidden,
                    )
                k += repeats
                continue
            components = child.components if isinstance(child, TuplePrior) else [child]
            for i, value in enumerate(components):
                label = name if len(components) == 1 else f"{name}_{i}"
                if isinstance(value, Prior):
                    kind = "shared" if id(value) in shared else "free"
                    if path + (label,) in self.solved:
                        kind, text = "fixed", f"{label} (solved)"
                    else:
                        text = f"{label} ~ {value}" if detail == "priors" else label
                    rows.append((depth, text, kind))
                elif show_fixed:
                    rows.append((depth, f"{label} = {value!r}", "fixed"))
                else:
                    hidden.append(label)
            k += 1
        return rows

    # -------------------------------------------------------------- figure
    def figure(
        self,
        path=None,
        filename: str = "model",
        format: str = "show",
        detail: str = "names",
        collapse: bool = True,
        max_depth: int | None = None,
        show_fixed: bool = True,
        width: float = 14.0,
        style=None,
    ):
        """Draw the model figure and show it (``format="show"``), write it to
        ``path/filename.<format>`` atomically, or (``format=None``) only build it.

        Returns the ``Figure`` (``None`` when shown, so a notebook does not draw it twice)."""
        if detail not in ("names", "priors"):
            raise PlottingException(f"detail must be 'names' or 'priors', got {detail!r}")
        shared = self._shared_ids()
        hidden: list = []
        cards = []
        top, prefix = self.model, ()
        children = top._children()
        # a lone Collection at the top (``Collection(galaxies=Collection(lens=..., ...))``):
        # its members are the cards
        while (
            len(children) == 1
            and hasattr(children[0][1], "_children")
            and not hasattr(children[0][1], "cls")
        ):
            prefix += (children[0][0],)
            top = children[0][1]
            children = top._children()
        for name, child in children:
            if hasattr(child, "_children"):
                rows = self._rows(
                    child,
                    1,
                    prefix + (name,),
                    shared,
                    detail,
                    collapse,
                    max_depth,
                    show_fixed,
                    hidden,
                )
                cards.append((name, rows))
        if not cards:
            cards.append(
                (
                    "model",
                    self._rows(
                        top, 1, prefix, shared, detail, collapse, max_depth, show_fixed, hidden
                    ),
                )
            )
        card_inches = CARD_INCHES * (2.0 if detail == "priors" else 1.0)
        columns = max(1, min(len(cards), int(width // card_inches)))
        grid_rows = -(-len(cards) // columns)
        most = max(len(rows) for _, rows in cards) + 1
        fig = pyplot().figure(figsize=(card_inches * columns, ROW_INCHES * most * grid_rows + 0.6))
        for index, (name, rows) in enumerate(cards):
            ax = fig.add_subplot(grid_rows, columns, index + 1)
            ax.set_axis_off()
            lines = [(0, name, "model")] + list(rows)
            for r, (depth, text, kind) in enumerate(lines):
                ax.text(
                    0.02 + 0.04 * depth,
                    1.0 - (r + 0.5) / most,
                    text,
                    fontsize=8,
                    color=COLORS[kind],
                    va="center",
                    transform=ax.transAxes,
                    clip_on=True,
                    fontweight="bold" if kind == "model" else "normal",
                )
            ax.add_patch(
                pyplot().Rectangle(
                    (0, 0), 1, 1, fill=False, transform=ax.transAxes, lw=0.8, ec="0.6"
                )
            )
        fig.subplots_adjust(
            left=0.01,
            right=0.99,
            bottom=0.6 / fig.get_size_inches()[1],
            top=0.99,
            wspace=0.04,
            hspace=0.04,
        )
        footer = f"{self.model.prior_count} free parameters; blue free, orange shared, grey fixed"
        if hidden:
            footer += f"; {len(hidden)} fixed parameters hidden"
        fig.text(0.01, 0.005, footer, fontsize=8)
        if format is None:
            return fig
        save_figure(fig, path, filename, format)
        return None if format == "show" or path is None else fig
