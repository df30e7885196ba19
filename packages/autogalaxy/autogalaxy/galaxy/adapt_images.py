"""``AdaptImages``: per-galaxy images (and image-plane mesh grids) that adaptive pixelizations
and regularizations read.

Images are looked up first by galaxy object (``galaxy_image_dict``), otherwise by the galaxy's
model path string (e.g. ``"('galaxies', 'source')"``) in ``galaxy_name_image_dict``; an analysis
maps the path names onto each model instance's galaxies (:meth:`updated_via_instance_from`).
"""

from __future__ import annotations


def _galaxy_key(galaxy):
    key = getattr(galaxy, "id", None)
    return galaxy if isinstance(galaxy, int) else (id(galaxy) if key is None else key)


class AdaptImages:
    """Adapt images keyed by galaxy or by model path name.

    Parameters
    ----------
    galaxy_image_dict
        ``{Galaxy: Array2D}`` slim images on the fit's mask.
    galaxy_name_image_dict
        ``{"('galaxies', 'source')": Array2D}``.
    galaxy_image_plane_mesh_grid_dict, galaxy_name_image_plane_mesh_grid_dict
        Image-plane mesh grids, keyed the same ways (used by meshes that need them).
    galaxy_path_list
        ``[(galaxy, path string), ...]`` linking instance galaxies to their names.
    """

    def __init__(
        self,
        galaxy_image_dict: dict | None = None,
        galaxy_name_image_dict: dict | None = None,
        galaxy_image_plane_mesh_grid_dict: dict | None = None,
        galaxy_name_image_plane_mesh_grid_dict: dict | None = None,
        galaxy_path_list: list | None = None,
    ):
        self.galaxy_image_dict = dict(galaxy_image_dict or {})
        self.galaxy_name_image_dict = dict(galaxy_name_image_dict or {})
        self.galaxy_image_plane_mesh_grid_dict = dict(galaxy_image_plane_mesh_grid_dict or {})
        self.galaxy_name_image_plane_mesh_grid_dict = dict(
            galaxy_name_image_plane_mesh_grid_dict or {}
        )
        # Stored by galaxy id (static through jax.jit), not by the (possibly traced) galaxy.
        self.galaxy_path_list = [
            (_galaxy_key(galaxy), str(path)) for galaxy, path in (galaxy_path_list or [])
        ]

    def _lookup(self, galaxy, by_galaxy: dict, by_name: dict):
        if galaxy in by_galaxy:
            return by_galaxy[galaxy]
        key = _galaxy_key(galaxy)
        for listed, path in self.galaxy_path_list:
            if listed == key:
                return by_name.get(path)
        return None

    def image_for_galaxy(self, galaxy):
        """The adapt image of ``galaxy`` or ``None``."""
        return self._lookup(galaxy, self.galaxy_image_dict, self.galaxy_name_image_dict)

    def image_plane_mesh_grid_for_galaxy(self, galaxy):
        """The image-plane mesh grid of ``galaxy`` or ``None``."""
        return self._lookup(
            galaxy,
            self.galaxy_image_plane_mesh_grid_dict,
            self.galaxy_name_image_plane_mesh_grid_dict,
        )

    def updated_via_instance_from(self, instance) -> "AdaptImages":
        """A copy whose ``galaxy_path_list`` links ``instance``'s galaxies to their path names
        (``instance.galaxies.<name>`` -> ``"('galaxies', '<name>')"``)."""
        galaxies = getattr(instance, "galaxies", None)
        items = galaxies.items() if galaxies is not None and hasattr(galaxies, "items") else []
        paths = [(galaxy, str(("galaxies", name))) for name, galaxy in items]
        return AdaptImages(
            galaxy_image_dict=self.galaxy_image_dict,
            galaxy_name_image_dict=self.galaxy_name_image_dict,
            galaxy_image_plane_mesh_grid_dict=self.galaxy_image_plane_mesh_grid_dict,
            galaxy_name_image_plane_mesh_grid_dict=self.galaxy_name_image_plane_mesh_grid_dict,
            galaxy_path_list=paths,
        )

    @property
    def model_image(self):
        """Sum of every adapt image (by galaxy, else by name), or ``None``."""
        images = list(self.galaxy_image_dict.values()) or list(self.galaxy_name_image_dict.values())
        if not images:
            return None
        total = images[0]
        for image in images[1:]:
            total = total + image
        return total
