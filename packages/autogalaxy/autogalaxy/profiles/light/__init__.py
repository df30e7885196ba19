"""Light profiles: standard (``ag.lp``), linear (``ag.lp_linear``) and ``Basis`` (``ag.lp_basis``)."""
