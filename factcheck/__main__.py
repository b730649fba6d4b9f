"""``python -m factcheck``."""

from .cli import app

app(prog_name="factcheck")
