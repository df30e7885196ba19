"""``ShearYX2DIrregular``: weak-lensing shear ``(γ2, γ1)`` at irregular positions.

The PyAutoLens API returns shear fields (e.g. ``LensCalc.shear_yx_2d_via_hessian_from``) as this
type: a :class:`VectorYX2DIrregular` whose components are read as a shear, so it adds the
ellipticity, the position angle and the ellipse sizes used to draw a shear field.
"""

from __future__ import annotations

from autoarray import exc
from autoarray.structures.arrays.irregular import ArrayIrregular
from autoarray.structures.vectors.irregular import VectorYX2DIrregular

#: Ellipses of a shear-field plot have semi-axes ``SHEAR_PATCH_SCALE * (1 ± ellipticity)``.
SHEAR_PATCH_SCALE = 3.0


class ShearYX2DIrregular(VectorYX2DIrregular):
    """``[N, 2]`` shear ``(γ2, γ1)`` at the positions of ``grid`` (a ``Grid2DIrregular``).

    Column 0 holds ``γ2`` and column 1 holds ``γ1`` (the (y, x) order of a vector), as in
    PyAutoLens.
    """

    @property
    def ellipticities(self) -> ArrayIrregular:
        """``|γ| = sqrt(γ1² + γ2²)`` per position."""
        return self.magnitudes

    @property
    def semi_major_axes(self) -> ArrayIrregular:
        """``3 (1 + |γ|)``: semi-major axis of each position's shear ellipse (plotting)."""
        return ArrayIrregular(SHEAR_PATCH_SCALE * (1.0 + self.magnitudes.array), xp=self._xp)

    @property
    def semi_minor_axes(self) -> ArrayIrregular:
        """``3 (1 − |γ|)``: semi-minor axis of each position's shear ellipse (plotting)."""
        return ArrayIrregular(SHEAR_PATCH_SCALE * (1.0 - self.magnitudes.array), xp=self._xp)

    @property
    def phis(self) -> ArrayIrregular:
        """Position angle ``½ atan2(γ2, γ1)`` of the shear in degrees (counter-clockwise from +x)."""
        xp = self._xp
        angle = xp.arctan2(self._array[:, 0], self._array[:, 1])
        return ArrayIrregular(0.5 * xp.degrees(angle), xp=xp)

    @property
    def elliptical_patches(self) -> list:
        """One ``matplotlib.patches.Ellipse`` per position (centre (x, y), width the semi-major
        axis, height the semi-minor axis, angle :attr:`phis`); imports matplotlib."""
        import numpy as np
        from matplotlib.patches import Ellipse

        if self.grid is None:
            raise exc.ArrayException(
                "elliptical_patches needs the shear's positions: give the ShearYX2DIrregular a grid."
            )
        positions = np.asarray(getattr(self.grid, "array", self.grid))
        majors = np.asarray(self.semi_major_axes.array)
        minors = np.asarray(self.semi_minor_axes.array)
        angles = np.asarray(self.phis.array)
        return [
            Ellipse(
                xy=(float(x), float(y)),
                width=float(major),
                height=float(minor),
                angle=float(angle),
            )
            for (y, x), major, minor, angle in zip(positions, majors, minors, angles)
        ]


__all__ = ["SHEAR_PATCH_SCALE", "ShearYX2DIrregular"]
