"""Generators of demo and benchmark data, above every app of the program."""
