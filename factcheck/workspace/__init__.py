"""The workspace on disk: worksheets, settings, the index, and init's plan of what to write."""
