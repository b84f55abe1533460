"""Open data that other systems read without asking: the IATI export and the data package of the public data."""
