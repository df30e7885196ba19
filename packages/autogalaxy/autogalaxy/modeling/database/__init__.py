"""Results database (SQLAlchemy; SQLite by default) and the aggregator over finished searches."""

from autogalaxy.modeling.database.aggregator import Aggregator, completed_folders
from autogalaxy.modeling.database.query import Predicate
from autogalaxy.modeling.database.record import FitRecord, is_completed
from autogalaxy.modeling.database.results_database import ResultsDatabase, database_url
from autogalaxy.modeling.database.schema import SCHEMA_VERSION

__all__ = [
    "Aggregator",
    "FitRecord",
    "Predicate",
    "ResultsDatabase",
    "SCHEMA_VERSION",
    "completed_folders",
    "database_url",
    "is_completed",
]
