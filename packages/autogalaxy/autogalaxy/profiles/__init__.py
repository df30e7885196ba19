"""Light and mass profiles and the geometry they share."""
