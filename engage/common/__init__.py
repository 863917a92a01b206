"""What every feature shares: dates and times, ids, pagination, office files, audit."""
