"""Credential detectors, one small module per provider family."""
