"""The editorial review app (`factcheck review`): a local web app over a SQLite database
where editors work through findings and record decisions."""
