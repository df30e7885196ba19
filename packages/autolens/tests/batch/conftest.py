import os
import sys

sys.path.insert(0, os.path.dirname(__file__))


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "dask: starts a Dask LocalCluster on the loopback interface (run alone with -m dask)",
    )
