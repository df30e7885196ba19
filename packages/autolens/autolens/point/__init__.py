"""Point sources: ``PointDataset``, ``PointSolver``, position / flux / time-delay fits and
``AnalysisPoint``."""
