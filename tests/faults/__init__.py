"""Faults the service must survive: the database restarting, the mail server and Redis down."""
