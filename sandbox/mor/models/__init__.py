"""MOR's records and rules, free of Flask: API access, campaigns, the dialer."""
