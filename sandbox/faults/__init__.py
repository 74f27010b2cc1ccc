"""Fault injection: rules kept per tenant, matched against every vendor request, and their actions."""
