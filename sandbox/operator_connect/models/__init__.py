"""Operator Connect's models: auth (Entra tokens), body validation, countries, tasks, numbers.

Models take a tenant and plain arguments, return data and raise Operator Connect errors; they never
touch `flask.request`.
"""
