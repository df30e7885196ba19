"""``Scribbler``: paint a mask over an image with the mouse (PyAutoGalaxy's ``ag.Scribbler``).

Two brushes: ``'1'`` (white) adds pixels to the mask and ``'2'`` (black) erases them; ``'='`` /
``'-'`` grow / shrink the brush by ``brush_resize_factor`` (at least one pixel), ``'z'`` undoes
the active brush's last circle, ``Esc`` / ``q`` closes the window. The mask is read back from the
brush circles on the image's own pixel grid, so the colour stretch never changes what is
masked: :meth:`mask_from` gives ``(proposal | added) & ~erased``, :meth:`show_mask` the added
pixels alone, :meth:`get_scribble_masks` every brush's pixels.

Display coordinates are pixel coordinates (``x`` = column, ``y`` = row, row 0 at the top), as
the image is drawn with ``imshow(origin="upper")``.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any, Sequence, Tuple

import numpy as np

from autogalaxy import exc
from autogalaxy.gui import display


class Scribbler:
    #: The add (white) and erase (black) brushes: press the key to switch.
    ADD_SEGMENT = "1"
    ERASE_SEGMENT = "2"
    KEY_LEGEND = (
        "'1' add (white) | '2' erase (black) | '=' bigger brush | '-' smaller brush | "
        "'z' undo | Esc done"
    )
    #: Colour of each brush's circles, in segment order (white, black, then others).
    SEGMENT_COLORS = ("w", "k", "tab:orange", "tab:cyan", "tab:pink")

    def __init__(
        self,
        image,
        segment_names: Sequence[str] | None = None,
        cmap=None,
        norm: str | None = None,
        vmin: float | None = None,
        vmax: float | None = None,
        brush_width: float = 0.05,
        backend: str = "TkAgg",
        mask_overlay=None,
        figsize: Tuple[float, float] = (15, 15),
        rgb_image=None,
        extent: Tuple[float, float, float, float] | None = None,
        proposal: np.ndarray | None = None,
        brush_resize_factor: float = 1.4,
        min_radius: int = 1,
        subtract_radial: bool = False,
        side_by_side: bool = True,
        panel_gap: int = 6,
        positions=None,
        position_marker_size: int | None = None,
        stretch: str = "arcsinh",
        brush_color: str | None = None,
        title: str | None = None,
        block: bool = True,
    ):
        """Open (``block=True``) or build (``block=False``: call :meth:`start`, or drive the
        event callbacks directly, as tests do) the painting window over ``image``.

        ``brush_width`` is the starting brush radius as a fraction of the image height;
        ``extent`` (x0, x1, y0, y1 in arc-seconds, needs an ``Array2D``) zooms the display;
        ``proposal`` (boolean, True = masked, the image's shape) is outlined and refined;
        ``mask_overlay`` (a ``Mask2D``) has the edge of its unmasked region drawn as a guide;
        ``positions`` ((y, x) arc-seconds, needs an ``Array2D``) are marked with crosses;
        ``stretch`` is ``"arcsinh"`` (about the sky, see :mod:`autogalaxy.gui.display`) or
        ``"linear"`` (which honours ``norm="log"``). ``rgb_image`` and ``subtract_radial=True``
        (PyAutoGalaxy's extra display panels) are not available here and are refused;
        ``side_by_side`` and ``panel_gap`` only shape those panels and are accepted unused.
        """
        del side_by_side, panel_gap  # only meaningful with subtract_radial (refused below)
        if rgb_image is not None or subtract_radial:
            raise exc.GalaxyException(
                "Scribbler: rgb_image and subtract_radial=True (extra display panels) are not "
                "available here; paint on the image itself (stretch='arcsinh' shows faint "
                "structure next to a bright galaxy)."
            )
        if stretch not in ("arcsinh", "linear"):
            raise exc.GalaxyException(
                f"Scribbler: stretch must be 'arcsinh' or 'linear', got {stretch!r}."
            )
        if not (brush_width > 0.0 and brush_resize_factor > 1.0 and min_radius >= 1):
            raise exc.GalaxyException(
                "Scribbler: expected brush_width > 0, brush_resize_factor > 1 and "
                f"min_radius >= 1, got {brush_width}, {brush_resize_factor}, {min_radius}."
            )
        self.image = image
        self.values = display.native_values_of(image)
        self.image_shape = self.values.shape
        self.backend = backend
        self.figsize = figsize
        self.stretch = stretch
        self.title = title
        self.proposal = None if proposal is None else self._validated_proposal(proposal)
        self.extent = None if extent is None else self._pixel_extent_from(extent)
        self.positions_pixels = (
            np.zeros((0, 2)) if positions is None else self._pixels_from_scaled(positions)
        )
        if position_marker_size is None:
            position_marker_size = max(3, int(round(0.015 * min(self.image_shape))))
        self.position_marker_size = position_marker_size

        self.min_radius = int(min_radius)
        self.brush_resize_factor = float(brush_resize_factor)
        self.brush_radius = max(int(self.image_shape[0] * brush_width), self.min_radius)
        self._brush_color = brush_color
        self.brush: Any = None
        self.brush_halo: Any = None

        names = list(segment_names) if segment_names else [self.ADD_SEGMENT, self.ERASE_SEGMENT]
        if len(set(names)) != len(names) or len(names) > len(self.SEGMENT_COLORS):
            raise exc.GalaxyException(
                f"Scribbler: segment_names must be at most {len(self.SEGMENT_COLORS)} distinct "
                f"names, got {names!r}."
            )
        #: Segment name -> its circles (matplotlib patches, in drawing order).
        self.scribbles: OrderedDict = OrderedDict((name, []) for name in names)
        self.active_index = 0
        self.mouse_is_down = False

        self._build_figure(cmap, norm, vmin, vmax, mask_overlay)
        if block:
            self.start()

    # ------------------------------------------------------------------ geometry
    def _geometry(self):
        mask = getattr(getattr(self.image, "native", self.image), "mask", None)
        if mask is None:
            raise exc.GalaxyException(
                "Scribbler: extent and positions are in arc-seconds and need the image's "
                "geometry: pass an Array2D (e.g. dataset.data.native)."
            )
        return mask.pixel_scales, mask.origin

    def _pixels_from_scaled(self, scaled) -> np.ndarray:
        pixel_scales, origin = self._geometry()
        values = np.asarray(getattr(scaled, "array", scaled), dtype=float)
        return display.pixels_from_scaled(values, self.image_shape, pixel_scales, origin)

    def _pixel_extent_from(self, extent) -> Tuple[float, float, float, float]:
        (row_0, column_0), (row_1, column_1) = self._pixels_from_scaled(
            [(extent[2], extent[0]), (extent[3], extent[1])]
        )
        # matplotlib axis limits (x0, x1, y0, y1); rows grow downwards on screen.
        return (column_0, column_1, row_0, row_1)

    def _validated_proposal(self, proposal) -> np.ndarray:
        values = np.asarray(getattr(proposal, "array", proposal), dtype=bool)
        if values.shape != self.image_shape:
            raise exc.GalaxyException(
                f"Scribbler: the proposal mask has shape {values.shape}, expected the "
                f"image's native shape {self.image_shape}."
            )
        return values

    # ------------------------------------------------------------------ figure
    @property
    def segment_names(self) -> list:
        return list(self.scribbles)

    @property
    def active_scribble(self) -> list:
        return self.scribbles[self.segment_names[self.active_index]]

    @property
    def active_scribble_color(self) -> str:
        return self.SEGMENT_COLORS[self.active_index]

    @property
    def brush_color(self) -> str:
        return self._brush_color or self.active_scribble_color

    @property
    def brush_halo_color(self) -> str:
        return "k" if self.brush_color in ("w", "white") else "w"

    @property
    def title_text(self) -> str:
        lines = [self.title] if self.title else []
        markers = []
        if self.proposal is not None:
            markers.append("black/white outline: proposal")
        if self.has_mask_overlay:
            markers.append("dots: mask edge")
        if len(self.positions_pixels):
            markers.append("crosses: positions")
        if markers:
            lines.append(" | ".join(markers))
        lines.append(self.KEY_LEGEND)
        return "\n".join(lines)

    def _build_figure(self, cmap, norm, vmin, vmax, mask_overlay) -> None:
        import matplotlib

        matplotlib.use(self.backend)
        import matplotlib.colors
        import matplotlib.pyplot as plt

        cmap = None if cmap in (None, "default") else cmap
        self.figure = plt.figure(figsize=self.figsize)
        self.ax = self.figure.add_subplot(1, 1, 1)
        if self.stretch == "arcsinh":
            shown = display.arcsinh_stretched_from(self.values, vmin=vmin, vmax=vmax)
            self.ax.imshow(shown, cmap=cmap, vmin=0.0, vmax=1.0, origin="upper")
        else:
            colour_norm = (
                matplotlib.colors.LogNorm(vmin=vmin, vmax=vmax)
                if norm == "log"
                else matplotlib.colors.Normalize(vmin=vmin, vmax=vmax)
            )
            self.ax.imshow(self.values, cmap=cmap, norm=colour_norm, origin="upper")
        self.has_mask_overlay = mask_overlay is not None
        if mask_overlay is not None:
            unmasked = ~np.asarray(getattr(mask_overlay, "array", mask_overlay), dtype=bool)
            edge = display.edge_pixels_of(unmasked)
            self.ax.scatter(edge[:, 1], edge[:, 0], s=4, c="k", marker="o")
        if self.proposal is not None and self.proposal.any():
            for colour, width in (("w", 2.5), ("k", 1.0)):
                self.ax.contour(
                    self.proposal.astype(float), levels=[0.5], colors=colour, linewidths=width
                )
        size = self.position_marker_size
        for row, column in self.positions_pixels:
            for colour, width in (("w", 3.0), ("k", 1.2)):
                self.ax.plot([column - size, column + size], [row, row], c=colour, lw=width)
                self.ax.plot([column, column], [row - size, row + size], c=colour, lw=width)
        if self.extent is not None:
            self.ax.axis(self.extent)
        self.ax.set_title(self.title_text, fontsize=10)
        self.ax.axis("off")
        canvas = self.figure.canvas
        canvas.mpl_connect("key_press_event", self.on_keypress)
        canvas.mpl_connect("motion_notify_event", self.on_mouse_motion)
        canvas.mpl_connect("button_press_event", self.on_mouse_down)
        canvas.mpl_connect("button_release_event", self.on_mouse_up)

    def start(self) -> None:
        """Show the window and block until it is closed (``Esc`` / ``q``)."""
        import matplotlib.pyplot as plt

        print(f"Scribbler keys: {self.KEY_LEGEND}")
        print(f"  brush radius = {self.brush_radius} px")
        plt.ion()
        plt.show()
        self.figure.canvas.start_event_loop(timeout=-1)

    # ------------------------------------------------------------------ events
    def on_mouse_down(self, event) -> None:
        self.mouse_is_down = True
        if event.inaxes is self.ax and event.xdata is not None and event.ydata is not None:
            self.add_circle_to_scribble((event.xdata, event.ydata))

    def on_mouse_up(self, event) -> None:
        self.mouse_is_down = False

    def on_mouse_motion(self, event) -> None:
        if event.inaxes is not self.ax or event.xdata is None or event.ydata is None:
            return
        centre = (event.xdata, event.ydata)
        if self.brush is None:
            import matplotlib.patches

            # A ring in the brush's colour over a thin halo of the opposite one: visible on
            # any background.
            self.brush = matplotlib.patches.Circle(
                centre, self.brush_radius, edgecolor=self.brush_color, facecolor="none", lw=2.5
            )
            self.brush_halo = matplotlib.patches.Circle(
                centre, self.brush_radius, edgecolor=self.brush_halo_color, facecolor="none", lw=0.8
            )
            self.ax.add_patch(self.brush)
            self.ax.add_patch(self.brush_halo)
        else:
            self.brush.center = centre
            self.brush_halo.center = centre
        if self.mouse_is_down:
            self.add_circle_to_scribble(centre)
        self.figure.canvas.draw_idle()

    def on_keypress(self, event) -> None:
        key = event.key
        if key in ("q", "Q", "escape"):
            self.quit_()
        elif key in ("=", "super+="):
            self.enlarge_brush()
        elif key in ("-", "super+-"):
            self.shrink_brush()
        elif key == "z":
            self.remove_circle_from_scribble()
        elif key in [str(i + 1) for i in range(len(self.scribbles))]:
            self.set_active_segment(int(key) - 1)

    # ------------------------------------------------------------------ brushes
    def set_active_segment(self, index: int) -> None:
        """Make brush ``index`` (0 = add, 1 = erase) the active one."""
        if not 0 <= index < len(self.scribbles):
            raise exc.GalaxyException(
                f"Scribbler: segment index {index} out of range 0..{len(self.scribbles) - 1}."
            )
        self.active_index = index
        if self.brush is not None:
            self.brush.set_edgecolor(self.brush_color)
            self.brush_halo.set_edgecolor(self.brush_halo_color)
            self.figure.canvas.draw_idle()

    def add_circle_to_scribble(self, centre) -> None:
        """Paint one brush circle centred on display ``centre`` = (column, row)."""
        import matplotlib.patches

        circle = matplotlib.patches.Circle(
            centre, self.brush_radius, edgecolor="none", facecolor=self.active_scribble_color
        )
        self.ax.add_patch(circle)
        self.active_scribble.append(circle)
        self.figure.canvas.draw_idle()

    def remove_circle_from_scribble(self) -> None:
        """Undo the active brush's last circle."""
        if self.active_scribble:
            self.active_scribble.pop().remove()
            self.figure.canvas.draw_idle()

    def _set_brush_radius(self, radius: float) -> None:
        self.brush_radius = max(self.min_radius, int(round(radius)))
        if self.brush is not None:
            self.brush.radius = self.brush_radius
            self.brush_halo.radius = self.brush_radius
            self.figure.canvas.draw_idle()

    def enlarge_brush(self) -> None:
        """Grow the brush by ``brush_resize_factor``, by at least one pixel."""
        self._set_brush_radius(
            max(self.brush_radius + 1, self.brush_radius * self.brush_resize_factor)
        )

    def shrink_brush(self) -> None:
        """Shrink the brush by ``brush_resize_factor``, by at least one pixel, never below
        ``min_radius``."""
        self._set_brush_radius(
            min(self.brush_radius - 1, self.brush_radius / self.brush_resize_factor)
        )

    def quit_(self) -> None:
        import matplotlib.pyplot as plt

        self.figure.canvas.stop_event_loop()
        plt.close(self.figure)

    # ------------------------------------------------------------------ masks
    def _circles_mask_from(self, circles) -> np.ndarray:
        rows, columns = np.mgrid[: self.image_shape[0], : self.image_shape[1]]
        mask = np.zeros(self.image_shape, dtype=bool)
        for circle in circles:
            column, row = circle.center
            mask |= (rows - row) ** 2 + (columns - column) ** 2 <= circle.radius**2
        return mask

    def get_scribble_masks(self) -> dict:
        """Segment name -> boolean array (image shape) of the pixels its circles cover (a pixel
        is covered when its centre is inside a circle)."""
        return {name: self._circles_mask_from(circles) for name, circles in self.scribbles.items()}

    def show_mask(self) -> np.ndarray:
        """The pixels painted with the add brush (the first segment) alone."""
        return self.get_scribble_masks()[self.segment_names[0]]

    def mask_from(self, proposal: np.ndarray | None = None) -> np.ndarray:
        """``(proposal | added) & ~erased`` (True = masked): ``added`` / ``erased`` are the
        first and second segments; ``proposal`` defaults to the one the GUI was opened with."""
        masks = self.get_scribble_masks()
        added = masks[self.segment_names[0]]
        erased = masks[self.segment_names[1]] if len(masks) > 1 else np.zeros_like(added)
        if proposal is None:
            proposal = self.proposal
        else:
            proposal = self._validated_proposal(proposal)
        if proposal is None:
            proposal = np.zeros_like(added)
        return (proposal | added) & ~erased
