"""Every write of the customs app: submissions (outbox), dispatch, receipts, e-order imports."""
