"""Switchvox's models: admin accounts and access, extension records, the bulk CSV upload.

Models take a tenant (and clock) and plain arguments, return data and raise Switchvox errors; they
never touch `flask.request`.
"""
