"""``Scribbler``: brush strokes (driven through its event callbacks on the Agg backend) become
the masks PyAutoGalaxy's ``Scribbler`` returns."""

from types import SimpleNamespace

import numpy as np
import pytest

import autogalaxy as ag


def image():
    values = np.random.default_rng(1).normal(0.0, 0.1, (20, 30))
    values[8:12, 10:14] += 5.0
    return ag.Array2D.no_mask(values, pixel_scales=0.1)


def scribbler(**kwargs):
    kwargs.setdefault("brush_width", 0.1)
    return ag.Scribbler(image=image(), backend="Agg", block=False, **kwargs)


def event(s, x=None, y=None, key=None, inside=True):
    return SimpleNamespace(inaxes=s.ax if inside else None, xdata=x, ydata=y, key=key)


def disc(shape, row, column, radius):
    rows, columns = np.mgrid[: shape[0], : shape[1]]
    return (rows - row) ** 2 + (columns - column) ** 2 <= radius**2


def test_click_paints_a_disc_of_the_brush_radius():
    s = scribbler()
    assert s.brush_radius == 2  # int(20 rows * 0.1)
    s.on_mouse_down(event(s, x=5.0, y=4.0))
    s.on_mouse_up(event(s))
    np.testing.assert_array_equal(s.show_mask(), disc((20, 30), 4.0, 5.0, 2))
    assert s.show_mask().sum() == 13


def test_drag_adds_circles_and_erase_brush_removes_pixels():
    s = scribbler()
    s.on_mouse_down(event(s, x=10.0, y=10.0))
    for x in (11.0, 12.0, 13.0):
        s.on_mouse_motion(event(s, x=x, y=10.0))
    s.on_mouse_up(event(s))
    s.on_mouse_motion(event(s, x=25.0, y=15.0))  # mouse up: moves the brush ring only
    added = np.zeros((20, 30), dtype=bool)
    for x in (10.0, 11.0, 12.0, 13.0):
        added |= disc((20, 30), 10.0, x, 2)
    np.testing.assert_array_equal(s.show_mask(), added)

    s.on_keypress(event(s, key="2"))
    assert s.brush_color == "k" and s.brush_halo_color == "w"
    s.on_mouse_down(event(s, x=13.0, y=10.0))
    s.on_mouse_up(event(s))
    erased = disc((20, 30), 10.0, 13.0, 2)
    np.testing.assert_array_equal(s.mask_from(), added & ~erased)
    masks = s.get_scribble_masks()
    assert list(masks) == ["1", "2"] and masks["2"].sum() == erased.sum()
    s.on_keypress(event(s, key="z"))  # undo the erase circle
    np.testing.assert_array_equal(s.mask_from(), added)


def test_clicks_outside_the_axes_paint_nothing():
    s = scribbler()
    s.on_mouse_down(event(s, x=5.0, y=5.0, inside=False))
    s.on_mouse_motion(event(s, x=None, y=None))
    assert not s.show_mask().any()


def test_brush_resizing_keys():
    s = scribbler(brush_width=0.5, brush_resize_factor=1.5)
    assert s.brush_radius == 10
    s.on_keypress(event(s, key="="))
    assert s.brush_radius == 15
    s.on_keypress(event(s, key="-"))
    assert s.brush_radius == 10
    for _ in range(20):
        s.on_keypress(event(s, key="-"))
    assert s.brush_radius == 1  # never below min_radius
    s.on_keypress(event(s, key="="))
    assert s.brush_radius == 2  # grows by at least one pixel


def test_proposal_is_refined():
    proposal = np.zeros((20, 30), dtype=bool)
    proposal[0:5, 0:5] = True
    s = scribbler(proposal=proposal, brush_width=0.05)
    s.set_active_segment(1)
    s.on_mouse_down(event(s, x=0.0, y=0.0))
    expected = proposal & ~disc((20, 30), 0.0, 0.0, 1)
    np.testing.assert_array_equal(s.mask_from(), expected)
    assert not s.show_mask().any()
    with pytest.raises(ag.exc.GalaxyException, match="native shape"):
        s.mask_from(proposal=np.zeros((3, 3), dtype=bool))


def test_start_here_usage_with_mask_overlay_returns_a_mask2d_ready_array():
    mask = ag.Mask2D.circular(shape_native=(20, 30), pixel_scales=0.1, radius=0.5)
    s = ag.Scribbler(
        image=image().native,
        cmap="jet",
        brush_width=0.04,
        mask_overlay=mask,
        backend="Agg",
        block=False,
    )
    s.on_mouse_down(event(s, x=3.0, y=3.0))
    new_mask = ag.Mask2D(mask=s.show_mask(), pixel_scales=0.1)
    assert new_mask.shape == (20, 30) and np.asarray(new_mask).sum() == 5
    assert "mask edge" in s.title_text


def test_positions_and_extent_use_the_image_geometry():
    s = scribbler(positions=[(0.0, 0.0), (0.5, -1.0)], extent=(-1.0, 1.0, -0.5, 0.5))
    np.testing.assert_allclose(s.positions_pixels, [[9.5, 14.5], [4.5, 4.5]])
    assert s.extent == pytest.approx((4.5, 24.5, 14.5, 4.5))
    with pytest.raises(ag.exc.GalaxyException, match="geometry"):
        ag.Scribbler(image=np.zeros((5, 5)), positions=[(0.0, 0.0)], backend="Agg", block=False)


@pytest.mark.parametrize(
    "kwargs",
    [{"subtract_radial": True}, {"rgb_image": np.zeros((5, 5, 3))}, {"stretch": "log"}],
)
def test_unavailable_options_are_refused(kwargs):
    with pytest.raises(ag.exc.GalaxyException):
        scribbler(**kwargs)


def test_escape_closes_the_window():
    import matplotlib.pyplot as plt

    s = scribbler()
    number = s.figure.number
    s.on_keypress(event(s, key="escape"))
    assert number not in plt.get_fignums()
