import os
import sys

# The tiny simulated lenses of the batch tests.
sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "batch"))
