"""Live display of a search's quick-update image (``fit.png``) while it runs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: matplotlib backends that cannot open a window (headless runs: nothing is shown).
NON_INTERACTIVE_BACKENDS = {"agg", "pdf", "ps", "svg", "cairo", "template", "pgf"}


def _in_notebook() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and "IPKernelApp" in getattr(shell, "config", {})


class LiveDisplay:
    """Shows an image file and refreshes it in place on every :meth:`show`.

    In a notebook one output (an IPython display handle) is updated; in a script with an
    interactive matplotlib backend one window is redrawn; with a non-interactive backend (e.g.
    ``Agg`` on a cluster) nothing is shown: the file on disk is the update.
    """

    def __init__(self) -> None:
        self._handle: Any = None
        self._figure: Any = None
        self._image: Any = None

    def show(self, path: Path) -> None:
        path = Path(path)
        if not path.exists():
            return
        if _in_notebook():
            from IPython.display import Image, display

            image = Image(filename=str(path))
            if self._handle is None:
                self._handle = display(image, display_id=True)
            else:
                self._handle.update(image)
            return
        import matplotlib
        import matplotlib.pyplot as plt

        if matplotlib.get_backend().lower() in NON_INTERACTIVE_BACKENDS:
            return
        pixels = plt.imread(str(path))
        if self._figure is None or not plt.fignum_exists(self._figure.number):
            self._figure = plt.figure("search quick update")
            self._figure.gca().set_axis_off()
            self._image = self._figure.gca().imshow(pixels)
        else:
            self._image.set_data(pixels)
        self._figure.canvas.draw_idle()
        plt.pause(0.001)

    def close(self) -> None:
        if self._figure is not None:
            import matplotlib.pyplot as plt

            plt.close(self._figure)
            self._figure = None
