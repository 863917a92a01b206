"""Strategic matters: the cross-boundary topics the plan's engagement is organised around."""
