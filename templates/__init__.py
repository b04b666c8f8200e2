"""Word templates (docxtpl) and the example meeting draft, shipped inside the wheel.

Clerks edit these in Word/WPS; ``minutes templates export DIR`` copies them out.
"""

from importlib.resources import files


def path(name: str):
    """A bundled template file (a ``Traversable``; use ``as_file`` for a real path)."""
    return files(__name__).joinpath(name)
