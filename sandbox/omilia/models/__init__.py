"""Omilia's models: identity (Keycloak tokens), permissions, numbers, sets, CSV batches.

Models take a tenant and plain arguments, return data and raise Omilia-named errors; they never
touch `flask.request`.
"""
