"""factcheck: turn a news article into hand-editable TOML worksheets, one per checkable statement."""

__version__ = "0.1.0"
