"""What every vendor shares: errors, the vendor protocol, tenancy, the store, the clock."""
