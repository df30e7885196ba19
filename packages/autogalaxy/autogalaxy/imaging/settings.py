"""Settings of the linear inversion used by imaging fits with linear light profiles."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SettingsInversion:
    """How the amplitudes of linear light profiles are solved.

    Parameters
    ----------
    use_positive_only_solver
        Solve with non-negative least squares (default); ``False`` gives plain least squares,
        which may return negative intensities.
    no_regularization_add_to_curvature_diag_value
        Added to the curvature-matrix diagonal of every unregularised parameter (stabilises
        nearly degenerate linear profiles).
    """

    use_positive_only_solver: bool = True
    no_regularization_add_to_curvature_diag_value: float = 1e-3


def settings_values_from(settings) -> tuple:
    """``(positive_only, add_to_diagonal)`` of any settings object (``None`` -> defaults).

    Attributes that are missing or ``None`` fall back to the defaults, so autoarray-style
    ``Settings`` objects are accepted too.
    """
    default = SettingsInversion()
    positive = getattr(settings, "use_positive_only_solver", None)
    diag = getattr(settings, "no_regularization_add_to_curvature_diag_value", None)
    return (
        default.use_positive_only_solver if positive is None else bool(positive),
        default.no_regularization_add_to_curvature_diag_value if diag is None else float(diag),
    )
