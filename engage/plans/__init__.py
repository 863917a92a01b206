"""The plans being prepared: their partner authorities, route and stages."""
