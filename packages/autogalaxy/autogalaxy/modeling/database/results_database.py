"""The results database: one SQLAlchemy engine, safe under many concurrent writers.

SQLite is the default (one file): every connection uses WAL journaling (readers never block
the writer) and a busy timeout, and every transaction is retried with jittered back-off when the
file is locked by another worker. Any other SQLAlchemy URL (``postgresql://...``) works
unchanged: its server arbitrates concurrent writers and the same retries cover its transient
errors.
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

from autogalaxy import exc
from autogalaxy.modeling.database.record import FitRecord
from autogalaxy.modeling.database.schema import SCHEMA_VERSION, sqlalchemy, tables


def database_url(filename_or_url: str | os.PathLike) -> str:
    """A SQLAlchemy URL: URLs pass through, a file name becomes ``sqlite:///<absolute path>``."""
    text = str(filename_or_url)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class ResultsDatabase:
    """Fits and failures of one results database.

    Parameters
    ----------
    filename_or_url
        A SQLite file name (created if absent) or any SQLAlchemy URL.
    retries
        Attempts per transaction while the database is locked / busy.
    """

    def __init__(self, filename_or_url: str | os.PathLike, retries: int = 40) -> None:
        sa = sqlalchemy()
        self.url = database_url(filename_or_url)
        self.retries = int(retries)
        self._sa = sa
        self._metadata, self._version, self._fit, self._failure = tables()
        kwargs = {}
        if self.url.startswith("sqlite"):
            Path(self.url.split("///", 1)[1]).parent.mkdir(parents=True, exist_ok=True)
            # No pooled connections: each transaction opens its own, so a forked or pickled
            # worker never reuses another process' SQLite handle.
            kwargs = {"poolclass": sa.pool.NullPool, "connect_args": {"timeout": 60}}
        try:
            self.engine = sa.create_engine(self.url, **kwargs)
        except Exception as err:  # bad URL or missing driver
            raise exc.DatabaseException(
                f"Cannot open the results database {self.url!r}: {err}. Expected a SQLite file "
                "name or a SQLAlchemy URL such as postgresql://user@host/db."
            ) from err
        if self.url.startswith("sqlite"):
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        self._retrying(self._create_and_check_version)

    # ------------------------------------------------------------------ plumbing
    def _retrying(self, transaction):
        """Run ``transaction(connection)`` in one transaction, retrying while locked."""
        sa = self._sa
        delay = 0.02
        for attempt in range(self.retries):
            try:
                with self.engine.begin() as connection:
                    return transaction(connection)
            except sa.exc.IntegrityError as err:
                # A concurrent writer inserted the same unique key between this transaction's
                # check and its insert: run it again, the check now sees that row.
                if attempt >= 3:
                    raise exc.DatabaseException(
                        f"Writing to the results database {self.url} failed: {err}"
                    ) from err
            except sa.exc.OperationalError as err:
                transient = any(
                    word in str(err).lower()
                    for word in ("locked", "busy", "already exists", "could not connect")
                )
                if not transient or attempt == self.retries - 1:
                    raise exc.DatabaseException(
                        f"Writing to the results database {self.url} failed: {err}"
                    ) from err
                time.sleep(delay * (1.0 + random.random()))
                delay = min(delay * 2.0, 1.0)
        return None

    def _create_and_check_version(self, connection) -> None:
        sa = self._sa
        self._metadata.create_all(connection, checkfirst=True)
        row = connection.execute(sa.select(self._version.c.version)).first()
        if row is None:
            connection.execute(
                self._version.insert().values(id=1, version=SCHEMA_VERSION, created_at=_now())
            )
        elif row[0] != SCHEMA_VERSION:
            raise exc.DatabaseException(
                f"The results database {self.url} has schema version {row[0]}, this code reads "
                f"version {SCHEMA_VERSION}: use a new database file (or the matching autolens "
                "version) and re-scrape the output folders into it."
            )

    # ------------------------------------------------------------------ writing
    def add_fit(self, record: FitRecord) -> bool:
        """Insert ``record`` unless a fit with its key is stored; True if inserted.

        Exactly one row per key, whatever the number of concurrent writers: the unique key
        makes a racing second insert fail, and its retry then sees the row and stops. A stored failure of the same key is
        removed (the lens has now finished).
        """
        sa = self._sa
        values = record.row()

        def transaction(connection):
            connection.execute(self._failure.delete().where(self._failure.c.key == record.key))
            exists = connection.execute(
                sa.select(self._fit.c.id).where(self._fit.c.key == record.key)
            ).first()
            if exists is not None:
                return False
            connection.execute(self._fit.insert().values(**values))
            return True

        return bool(self._retrying(transaction))

    def add_failure(
        self,
        key: str,
        lens_name: str,
        batch: str | None,
        search_name: str | None,
        error: str,
        traceback: str,
    ) -> None:
        """Record (or replace) the failure of ``key``."""

        def transaction(connection):
            connection.execute(self._failure.delete().where(self._failure.c.key == key))
            connection.execute(
                self._failure.insert().values(
                    key=key,
                    lens_name=lens_name,
                    batch=batch,
                    search_name=search_name,
                    error=error,
                    traceback=traceback,
                    failed_at=_now(),
                )
            )

        self._retrying(transaction)

    # ------------------------------------------------------------------ reading
    def fit_keys(self) -> list[str]:
        sa = self._sa
        return self._retrying(
            lambda c: [r[0] for r in c.execute(sa.select(self._fit.c.key).order_by(self._fit.c.id))]
        )

    def records(self, batch: str | None = None) -> list[FitRecord]:
        """Every stored fit (of one ``batch`` if given), in insertion order."""
        sa = self._sa
        query = sa.select(self._fit).order_by(self._fit.c.id)
        if batch is not None:
            query = query.where(self._fit.c.batch == batch)
        return self._retrying(lambda c: [FitRecord.from_row(r) for r in c.execute(query)])

    def failures(self, batch: str | None = None) -> list[dict]:
        """Stored failures as dicts (key, lens_name, batch, search_name, error, traceback)."""
        sa = self._sa
        query = sa.select(self._failure).order_by(self._failure.c.id)
        if batch is not None:
            query = query.where(self._failure.c.batch == batch)
        return self._retrying(lambda c: [dict(r._mapping) for r in c.execute(query)])

    def __len__(self) -> int:
        return len(self.fit_keys())

    def __repr__(self) -> str:
        return f"<ResultsDatabase {self.url}>"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """WAL journaling and a busy timeout on every SQLite connection (concurrent writers wait
    for the lock instead of failing at once)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=60000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()
