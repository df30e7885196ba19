"""``Fitness._vmap``: a batch of likelihoods ``[B, N] -> [B]``, run the measured fastest way.

The strategies and the choice are in :mod:`autogalaxy.modeling.batch_strategy`; this module
compiles and runs them under JAX. Every program is a :class:`MemoryCheckedJit`, so each shape is
compiled once and refused before it runs when XLA's memory estimate exceeds what is available.
"""

from __future__ import annotations

import functools
import logging

import numpy as np

from autoarray import execution
from autogalaxy import exc
from autogalaxy.modeling import batch_strategy
from autogalaxy.modeling.batch_strategy import BatchChoice, Candidate

logger = logging.getLogger(__name__)


def _in_order(compiled, inputs) -> list:
    """``[compiled(x) for x in inputs]`` as NumPy values, at most two calls in flight.

    Under JAX's asynchronous CPU dispatch (the ``jax_cpu_async_dispatch`` execution setting; off
    by default, when each call runs inline and this is a plain loop) a plain loop would queue
    every call of the batch at once, each holding its own buffers, while the memory check covers
    one call of the program, not 500 of them. Waiting for call ``i - 1`` after dispatching call
    ``i`` keeps memory at two calls' worth while one call computes as Python dispatches the
    next. (Timed against dispatching all at once and against blocking on each call, P2, 8-16
    rows: level within the noise of a machine at load 18-20.)
    """
    outs: list = []
    previous = None
    for x in inputs:
        current = compiled(x)
        if previous is not None:
            outs.append(np.asarray(previous))
        previous = current
    if previous is not None:
        outs.append(np.asarray(previous))
    return outs


def _blocking(run, rows):
    """``run(rows)`` with its values ready (what a timing must include)."""
    import jax

    return jax.block_until_ready(run(rows))


class BatchedCall:
    """``[B, N] -> [B]`` evaluation of a traceable likelihood ``call`` (``[N] -> scalar``).

    On the first batch of each ``(rows, dtype)`` it takes the strategy ``record`` (a
    :class:`~autogalaxy.modeling.batch_record.StrategyRecord` of the fit's output folder) holds
    for that shape, else the cost model's when it is decisive
    (:func:`~autogalaxy.modeling.batch_strategy.predicted`: few points per likelihood), else it
    compiles the candidates of :func:`~autogalaxy.modeling.batch_strategy.candidates_from`,
    times them on that batch's own rows and keeps the fastest per likelihood (``choices``;
    ``last_choice`` is the latest, also logged at INFO level by
    ``autogalaxy.modeling.batched_call``); a new choice is added to ``record``. The
    ``autoarray.execution`` setting ``batch_strategy`` forces one instead. ``inversion`` says
    that each likelihood solves a pixelized inversion (the cost model then runs batches the
    probe would time row by row on a CPU).

    * ``"vmap"``: ``jax.vmap(call)`` over the batch, one program;
    * ``"chunked"``: ``jax.vmap(call)`` compiled for ``width`` rows and run chunk after chunk
      (one compiled program for every batch size);
    * ``"sequential"``: ``single`` (the jitted likelihood, shared with ``Fitness._jit``) row
      after row; its values are those of the single jitted likelihood, bit for bit.

    The vectorised strategies agree with the single likelihood to rounding. A traced batch
    (inside an outer ``jit`` / ``grad``) is evaluated in-program (``vmap``, or ``lax.map`` over
    chunks), and with several host devices (opt-in ``host_devices``) the batch is split across
    them with ``shard_map``; neither goes through the choice.
    """

    def __init__(
        self, call, points: int | None = None, single=None, record=None, inversion: bool = False
    ):
        from autogalaxy.modeling.jax_memory import MemoryCheckedJit

        self.call = call
        self.points = points
        self.inversion = inversion
        self.record = record
        self.chunk = execution.vmap_chunk_from(points)
        self.single = single if single is not None else MemoryCheckedJit(call, "likelihood")
        self._vmapped = None
        self._one_row = None
        self._sharded: dict = {}
        self.choices: dict = {}
        self.last_choice: BatchChoice | None = None

    # ------------------------------------------------------------------ in-program forms
    def _local(self, params):
        """The batch inside one program: ``vmap`` up to two chunks, else ``lax.map`` over chunks."""
        import jax

        if self.chunk is None or params.shape[0] <= 2 * self.chunk:
            return jax.vmap(self.call)(params)
        return jax.lax.map(self.call, params, batch_size=self.chunk)

    def _sharded_function(self, devices: int):
        if devices not in self._sharded:
            import jax
            from jax.sharding import Mesh, PartitionSpec

            mesh = Mesh(np.array(jax.devices()[:devices]), ("batch",))
            self._sharded[devices] = jax.jit(
                jax.shard_map(
                    self._local,
                    mesh=mesh,
                    in_specs=PartitionSpec("batch"),
                    out_specs=PartitionSpec("batch"),
                    check_vma=False,
                )
            )
        return self._sharded[devices]

    def _vmapped_jit(self):
        if self._vmapped is None:
            import jax

            from autogalaxy.modeling.jax_memory import MemoryCheckedJit

            self._vmapped = MemoryCheckedJit(jax.vmap(self.call), "batched likelihood")
        return self._vmapped

    # ------------------------------------------------------------------ strategies
    def _one_row_jit(self):
        """The single likelihood as a ``[1, N] -> [1]`` program: a batch of one costs one call
        of the single likelihood, with no reshaping dispatched around it."""
        if self._one_row is None:
            from autogalaxy.modeling.jax_memory import MemoryCheckedJit

            call = self.call

            def one_row(params):
                from autoarray.backend import jax_numpy

                return jax_numpy().reshape(call(params[0]), (1,))

            self._one_row = MemoryCheckedJit(one_row, "likelihood")
        return self._one_row

    def _runner(self, candidate: Candidate, example):
        """Compile (memory-checked) what ``candidate`` runs on batches shaped like ``example``
        and return ``run(rows)``: a JAX array when the batch is one program call (it stays on the
        device), else a NumPy array (the call then blocks until the values are ready)."""

        if candidate.strategy == "sequential":
            if example.shape[0] == 1:
                return self._one_row_jit().compiled_for(example)
            compiled = self.single.compiled_for(example[0])

            def run_rows(rows):
                return _in_order(compiled, np.asarray(rows))

            return run_rows
        compiled = self._vmapped_jit().compiled_for(example[: candidate.width])
        width = candidate.width

        def run_chunks(rows):
            batch = rows.shape[0]
            if batch == width:
                return compiled(rows)
            rows = np.asarray(rows)
            chunks, padded = batch_strategy.chunk_layout(batch, width)
            if padded > batch:
                rows = np.concatenate([rows, np.repeat(rows[-1:], padded - batch, axis=0)])
            blocks = [rows[i * width : (i + 1) * width] for i in range(chunks)]
            return np.concatenate(_in_order(compiled, blocks))[:batch]

        return run_chunks

    def _preset(self, batch: int, dtype: str, candidates, settings):
        """``(candidate, reason)`` chosen without timing: this fit's record (a resumed fit), or a
        decisive cost model; None: time the candidates."""
        if settings.batch_strategy is not None:
            return None
        if self.record is not None:
            recorded = self.record.get(batch, dtype)
            if recorded is not None:
                return recorded, f"recorded in {self.record.path} by an earlier run of this fit"
        # Off the CPU a batch also buys parallelism across the device: time it there.
        on_cpu = self._on_cpu()
        return batch_strategy.predicted(
            candidates,
            self.points,
            settings.batch_probe_min_points,
            settings.batch_sequential_min_points if on_cpu else None,
            inversion=self.inversion and on_cpu,
        )

    def _on_cpu(self) -> bool:
        """Whether the batch runs on JAX's CPU backend."""
        import jax

        return jax.default_backend() == "cpu"

    def _choose(self, host, key) -> tuple:
        """``(choice, run, values)`` for the batch ``host``, whose shape is ``key``; ``values``
        is the batch's answer when timing the candidates computed it, else None."""
        settings = execution.settings()
        forced = settings.batch_strategy
        batch, dtype = host.shape[0], str(host.dtype)
        max_width = None if forced is not None else self._memory_width(host, settings)
        candidates = batch_strategy.candidates_from(batch, self.chunk, forced, max_width)
        refused: dict = {}
        preset = self._preset(batch, dtype, candidates, settings)
        choice, values = None, None
        if preset is not None:
            candidate, reason = preset
            try:
                run = self._runner(candidate, host)
            except exc.SearchException as error:  # e.g. resumed on a machine with less memory
                refused[candidate.label] = str(error)
                logger.warning(
                    "Fitness._vmap: %s refused (%s); timing the others", candidate.label, error
                )
            else:
                choice = BatchChoice(batch, dtype, candidate, {}, {}, reason)
        if choice is None:
            choice, run, values = self._measure(host, candidates, refused, settings)
        self.choices[key] = (choice, run)
        logger.info("Fitness._vmap: %s", choice)
        if self.record is not None:
            self.record.add(choice)
        return choice, run, values

    def _memory_width(self, host, settings) -> int | None:
        """The most rows one vectorised program may hold (``batch_memory_bytes`` over the single
        likelihood's XLA estimate), for problems the probe times anyway (at least
        ``batch_probe_min_points`` points): their single likelihood is compiled for the
        sequential candidate regardless, so the bound costs no extra compile."""
        if self.points is None or self.points < settings.batch_probe_min_points:
            return None
        from autogalaxy.modeling.jax_memory import required_bytes

        try:
            compiled = self.single.compiled_for(host[0])
        except exc.SearchException:  # the single likelihood alone does not fit: bound to 1
            return 1
        row_bytes = required_bytes(compiled)
        width = batch_strategy.memory_width_from(row_bytes, settings.batch_memory_bytes)
        if width is not None and row_bytes is not None:
            logger.info(
                "Fitness._vmap: one likelihood needs ~%.2f GiB, so at most %d rows a vectorised "
                "program (batch_memory_bytes=%d)",
                row_bytes / 2**30,
                width,
                settings.batch_memory_bytes,
            )
        return width

    def _measure(self, host, candidates, refused: dict, settings) -> tuple:
        """Compile the candidates not yet refused, time them on ``host``'s rows, keep the
        fastest (or the forced one): ``(choice, run, values)``, where ``values`` is the batch's
        answer when the timing computed it (None: run the batch with ``run``)."""
        forced = settings.batch_strategy
        batch = host.shape[0]
        runners = {}
        for candidate in candidates:
            if candidate.label in refused:
                continue
            try:
                runners[candidate.label] = self._runner(candidate, host)
            except exc.SearchException as error:  # XLA's memory estimate is too large
                refused[candidate.label] = str(error)
        seconds: dict = {}
        timed_blocks: list | None = None  # (label, values) of each block the timing evaluated
        if forced is None and len(runners) > 1:
            rows = batch_strategy.probe_rows(candidates, batch)
            needed = batch_strategy.blocks_to_time(len(runners), settings.batch_probe_repeats)
            if rows < batch and needed * rows <= batch:
                seconds, timed_blocks = batch_strategy.time_on_blocks(
                    {label: functools.partial(_blocking, run) for label, run in runners.items()},
                    [host[i * rows : (i + 1) * rows] for i in range(needed)],
                    rows,
                    settings.batch_probe_repeats,
                )
            else:
                probe = host[:rows]
                seconds = batch_strategy.time_candidates(
                    {
                        label: functools.partial(_blocking, run, probe)
                        for label, run in runners.items()
                    },
                    {label: rows for label in runners},
                    settings.batch_probe_repeats,
                )
        choice = batch_strategy.choose(
            batch, str(host.dtype), candidates, seconds, refused, forced=forced
        )
        run = runners[choice.candidate.label]
        if timed_blocks is None:
            return choice, run, None
        # The answer is the winner's on every row, as on every later batch and on a resumed fit
        # that reads this choice from its record (the candidates agree only to rounding, which
        # can send a seeded sampler another way): the blocks the other candidate evaluated are
        # evaluated again by the winner, at the same chunk boundaries as a whole-batch run.
        values = [
            np.asarray(
                block if label == choice.candidate.label else run(host[i * rows : (i + 1) * rows])
            ).reshape(-1)
            for i, (label, block) in enumerate(timed_blocks)
        ]
        done = len(timed_blocks) * rows
        if done < batch:
            values.append(np.asarray(run(host[done:])).reshape(-1))
        return choice, run, np.concatenate(values)

    # ------------------------------------------------------------------ call
    def __call__(self, params):
        import jax

        if isinstance(params, jax.core.Tracer):
            return self._local(params)
        if not isinstance(params, (jax.Array, np.ndarray)):
            params = np.asarray(params, dtype=float)
        shape = params.shape
        if len(shape) != 2:
            raise exc.SearchException(
                f"Fitness._vmap expects a batch of parameter vectors [B, N]; got shape {shape}."
            )
        devices = execution.vmap_devices_from(min(len(jax.devices()), shape[0]))
        if devices > 1:
            return self._sharded_call(params, devices)
        key = (shape[0], params.dtype)
        entry = self.choices.get(key)
        if entry is None:
            choice, run, out = self._choose(np.asarray(params), key)
        else:
            (choice, run), out = entry, None
        self.last_choice = choice
        if out is None:
            out = run(params)
        if isinstance(out, jax.Array):
            return out
        # ``device_put`` copies the values without a program; ``jnp.asarray`` compiles one
        # (a ``stage`` op) the first time a process converts an array of that shape.
        return jax.device_put(np.asarray(out))

    def _sharded_call(self, params, devices: int):
        import jax.numpy as jnp

        params = jnp.asarray(params)
        batch = params.shape[0]
        pad = (-batch) % devices
        if pad:
            params = jnp.concatenate([params, jnp.repeat(params[-1:], pad, axis=0)], axis=0)
        out = self._sharded_function(devices)(params)
        return out[:batch] if pad else out

    @property
    def strategies(self) -> dict:
        """``(rows, dtype name) -> BatchChoice`` for every batch shape seen so far."""
        return {(rows, str(dtype)): entry[0] for (rows, dtype), entry in self.choices.items()}
