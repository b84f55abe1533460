"""The registry of the world's national parliamentary chambers."""
