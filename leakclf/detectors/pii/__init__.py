"""Personal-data detectors, one small module per entity family."""
