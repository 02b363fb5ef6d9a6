"""The domain model: one module per aggregate (private; import from ``sci_workers_day``)."""
