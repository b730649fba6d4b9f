"""What the commands show and export: rich views and the export formats."""
