"""Settings of the linear inversion (linear light profiles and pixelizations).

``SettingsInversion`` (also ``al.Settings``) carries the reference's switches with its defaults;
``None`` for any of them means the default, as the reference's config does.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

_DEFAULTS = {
    "use_mixed_precision": False,
    "use_positive_only_solver": True,
    "use_edge_zeroed_pixels": True,
    # The reference's autoarray config says False, but autogalaxy's config (which wins for
    # autogalaxy / autolens users) says True; its worked evidence values need relocation on.
    "use_border_relocator": True,
    "no_regularization_add_to_curvature_diag_value": 1e-3,
}


@dataclass(frozen=True)
class SettingsInversion:
    """How the amplitudes of linear objects (light profiles, source pixels) are solved.

    Parameters
    ----------
    use_positive_only_solver
        Solve with non-negative least squares (default); ``False`` gives plain least squares,
        which may return negative amplitudes.
    no_regularization_add_to_curvature_diag_value
        Added to the curvature-matrix diagonal of every unregularised parameter (stabilises
        nearly degenerate linear profiles).
    use_edge_zeroed_pixels
        With the positive-only solver and a pixelization, fix the mesh's edge pixels to zero.
    use_border_relocator
        Move traced sub-pixels (and mesh points) that land outside the ellipse of the traced
        border pixels onto it (on by default, as for PyAutoLens users).
    use_mixed_precision
        JAX only, as the release (the NumPy path always runs in float64, so it is the
        reference of a mixed-precision JAX fit): linear light profiles are PSF-blurred in
        float32 / complex64, pixelization mapping matrices are built in float32 (their FFT
        blurring returns to float64 at the kernel multiply); the curvature matrix, data
        vector, positive-only solve and log-determinants stay float64. Aimed at GPU memory
        and throughput; on CPU it is roughly neutral.
    """

    use_positive_only_solver: bool | None = True
    no_regularization_add_to_curvature_diag_value: float | None = 1e-3
    use_edge_zeroed_pixels: bool | None = True
    use_border_relocator: bool | None = True
    use_mixed_precision: bool | None = False

    def __post_init__(self):
        for field in fields(self):
            if getattr(self, field.name) is None:
                object.__setattr__(self, field.name, _DEFAULTS[field.name])


#: The reference's name (``al.Settings``).
Settings = SettingsInversion


def settings_values_from(settings) -> tuple:
    """``(positive_only, add_to_diagonal)`` of any settings object (``None`` -> defaults).

    Attributes that are missing or ``None`` fall back to the defaults, so autoarray-style
    ``Settings`` objects are accepted too.
    """
    return (
        bool(setting_from(settings, "use_positive_only_solver")),
        float(setting_from(settings, "no_regularization_add_to_curvature_diag_value")),
    )


def setting_from(settings, name: str):
    """One setting of any settings object (missing or ``None`` -> the default)."""
    value = getattr(settings, name, None)
    return _DEFAULTS[name] if value is None else value
