"""``python -m factcheck``."""

from .cli import run

run()
