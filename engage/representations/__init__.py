"""Representations: what the officer pages and the public response pages share."""
