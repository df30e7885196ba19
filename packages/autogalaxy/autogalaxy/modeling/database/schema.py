"""Tables of the results database (SQLAlchemy Core) and its schema version.

One row of ``fit`` per finished search (unique ``key`` = ``<batch>/<lens>/<search name>`` for
batch fits, the folder relative to the scraped root otherwise), one row of ``failure`` per lens
whose fit kept failing, and one row of ``schema_version``. A database written by another schema
version is refused with a clear error instead of being misread.
"""

from __future__ import annotations

from autogalaxy import exc

#: Bumped whenever a table or column changes meaning; older / newer files are refused.
SCHEMA_VERSION = 1


def sqlalchemy():
    """The ``sqlalchemy`` module, or a DatabaseException naming the package to install."""
    try:
        import sqlalchemy as sa
    except ImportError as err:
        raise exc.DatabaseException(
            "The results database needs SQLAlchemy: pip install 'sqlalchemy>=2.0' "
            "(or pip install 'autogalaxy[batch]')."
        ) from err
    return sa


def tables():
    """``(metadata, schema_version, fit, failure)``, built on first use (SQLAlchemy is optional
    at import time)."""
    cached = _TABLES.get("tables")
    if cached is not None:
        return cached
    sa = sqlalchemy()
    metadata = sa.MetaData()
    schema_version = sa.Table(
        "schema_version",
        metadata,
        # One row only (id = 1), so concurrent first writers cannot insert two versions.
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("created_at", sa.String(40)),
    )
    fit = sa.Table(
        "fit",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(1000), nullable=False, unique=True),
        sa.Column("lens_name", sa.String(500), index=True),
        sa.Column("batch", sa.String(500), index=True),
        sa.Column("search_name", sa.String(500), index=True),
        sa.Column("search_type", sa.String(100)),
        sa.Column("dataset_fingerprint", sa.String(128)),
        sa.Column("model_paths", sa.Text),  # JSON list of parameter paths
        sa.Column("model_info", sa.Text),
        sa.Column("model_pickle", sa.LargeBinary),
        sa.Column("search_settings", sa.Text),  # JSON
        sa.Column("samples_summary", sa.Text),  # JSON (result.json)
        sa.Column("samples_csv", sa.Text),
        sa.Column("max_log_likelihood_instance", sa.Text),  # JSON {path: value}
        sa.Column("max_log_likelihood", sa.Float),
        sa.Column("log_evidence", sa.Float),
        sa.Column("run_time_s", sa.Float),
        sa.Column("completed_at", sa.String(40)),
        sa.Column("output_folder", sa.Text),
        sa.Column("dataset_pickle", sa.LargeBinary),
        sa.Column("analysis_pickle", sa.LargeBinary),
    )
    failure = sa.Table(
        "failure",
        metadata,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("key", sa.String(1000), nullable=False, unique=True),
        sa.Column("lens_name", sa.String(500), index=True),
        sa.Column("batch", sa.String(500), index=True),
        sa.Column("search_name", sa.String(500)),
        sa.Column("error", sa.Text),
        sa.Column("traceback", sa.Text),
        sa.Column("failed_at", sa.String(40)),
    )
    _TABLES["tables"] = (metadata, schema_version, fit, failure)
    return _TABLES["tables"]


_TABLES: dict = {}
