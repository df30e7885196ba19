"""Source-plane shapes of the :class:`~autolens.point.shape_solver.ShapeSolver` (PyAutoLens
names and constructors: ``Circle(x, y, radius)``, ``Triangle(a, b, c)``, ``Polygon(vertices)``,
``Square(top, bottom, left, right)``).

As in PyAutoLens, coordinates are indexed like the solver's ``(y, x)`` arrays: the attribute
called ``x`` is element 0 (the y coordinate) and ``y`` is element 1; ``Square``'s ``left`` /
``right`` bound element 0 and ``top`` / ``bottom`` element 1.

``mask(traced)`` says which traced triangles ``[M, 3, 2]`` meet the shape, approximated (as the
release does) by "the triangle's centroid is inside the shape, or the triangle contains the
shape's centre"; the area is measured on it at the last step. While refining, ``touches``
also keeps triangles with a traced vertex inside, so that no part of an image is dropped at a
coarse step where no triangle centroid falls in a thin part of the shape.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

import numpy as np

from autolens import exc
from autolens.point import triangles


def _centroids(traced) -> tuple:
    centre = traced.mean(axis=1)
    return centre[:, 0], centre[:, 1]


def _inside_triangle(p0, p1, a, b, c) -> np.ndarray:
    """Points ``(p0, p1)`` inside the triangle ``a, b, c`` (closed, either orientation)."""

    def side(u, v):
        return (v[0] - u[0]) * (p1 - u[1]) - (v[1] - u[1]) * (p0 - u[0])

    s1, s2, s3 = side(a, b), side(b, c), side(c, a)
    return ((s1 >= 0) & (s2 >= 0) & (s3 >= 0)) | ((s1 <= 0) & (s2 <= 0) & (s3 <= 0))


class Shape(ABC):
    """Common tests; subclasses give ``centre``, ``area`` and ``contains(p0, p1)``."""

    @property
    @abstractmethod
    def centre(self) -> np.ndarray:
        """The shape's centre ``(element 0, element 1)``."""

    @property
    @abstractmethod
    def area(self) -> float:
        """The shape's area in the source plane."""

    @abstractmethod
    def contains(self, p0, p1) -> np.ndarray:
        """Which points ``(p0, p1)`` lie inside the shape."""

    def mask(self, traced) -> np.ndarray:
        """Traced triangles ``[M, 3, 2]`` whose centroid is inside, or that contain the centre."""
        return self.contains(*_centroids(traced)) | triangles.contains_from(traced, self.centre)

    def touches(self, traced) -> np.ndarray:
        """:meth:`mask`, or any traced vertex inside: the refinement test, so that a coarse
        triangle overlapping a thin part of the shape is refined rather than dropped."""
        vertex_inside = self.contains(traced[..., 0], traced[..., 1]).any(axis=1)
        return self.mask(traced) | vertex_inside


class Circle(Shape):
    """A disc of ``radius`` centred on ``(x, y)`` (element 0, element 1)."""

    def __init__(self, x: float, y: float, radius: float):
        if not radius > 0.0:
            raise exc.PointSolverException(f"Circle radius must be positive, got {radius}.")
        self.x, self.y, self.radius = float(x), float(y), float(radius)

    @property
    def centre(self) -> np.ndarray:
        return np.array([self.x, self.y])

    @property
    def area(self) -> float:
        return float(np.pi * self.radius**2)

    def contains(self, p0, p1) -> np.ndarray:
        return (p0 - self.x) ** 2 + (p1 - self.y) ** 2 <= self.radius**2


class Triangle(Shape):
    """A triangle with vertices ``a, b, c`` (each ``(element 0, element 1)``)."""

    def __init__(self, a, b, c):
        self.a, self.b, self.c = (tuple(float(v) for v in p) for p in (a, b, c))
        if self.area == 0.0:
            raise exc.PointSolverException(f"Triangle vertices {a}, {b}, {c} are collinear.")

    @property
    def centre(self) -> np.ndarray:
        return np.mean([self.a, self.b, self.c], axis=0)

    @property
    def area(self) -> float:
        (a0, a1), (b0, b1), (c0, c1) = self.a, self.b, self.c
        return abs((b0 - a0) * (c1 - a1) - (c0 - a0) * (b1 - a1)) / 2.0

    def contains(self, p0, p1) -> np.ndarray:
        return _inside_triangle(p0, p1, self.a, self.b, self.c)


class Polygon(Shape):
    """A convex polygon (vertices in order), fanned into triangles from its first vertex."""

    def __init__(self, vertices):
        vertices = [tuple(float(v) for v in p) for p in vertices]
        if len(vertices) < 3:
            raise exc.PointSolverException(
                f"A Polygon needs at least 3 vertices, got {len(vertices)}."
            )
        self.vertices = vertices
        self.triangles = [
            Triangle(vertices[0], second, third)
            for second, third in zip(vertices[1:], vertices[2:])
        ]

    @property
    def centre(self) -> np.ndarray:
        return np.mean(self.vertices, axis=0)

    @property
    def area(self) -> float:
        return float(sum(t.area for t in self.triangles))

    def contains(self, p0, p1) -> np.ndarray:
        inside = np.zeros(np.shape(p0), dtype=bool)
        for t in self.triangles:
            inside |= t.contains(p0, p1)
        return inside


class Square(Shape):
    """An axis-aligned rectangle: element 0 in ``[left, right]``, element 1 in
    ``[top, bottom]`` (``left < right``, ``top < bottom``)."""

    def __init__(self, top: float, bottom: float, left: float, right: float):
        if not (right > left and bottom > top):
            raise exc.PointSolverException(
                f"Square needs left < right and top < bottom, got left={left}, right={right}, "
                f"top={top}, bottom={bottom}."
            )
        self.top, self.bottom = float(top), float(bottom)
        self.left, self.right = float(left), float(right)

    @property
    def centre(self) -> np.ndarray:
        return np.array([(self.left + self.right) / 2.0, (self.top + self.bottom) / 2.0])

    @property
    def area(self) -> float:
        return (self.right - self.left) * (self.bottom - self.top)

    def contains(self, p0, p1) -> np.ndarray:
        return (p0 >= self.left) & (p0 <= self.right) & (p1 >= self.top) & (p1 <= self.bottom)
