"""Activities of the centre, the chambers that took part, areas of work and donors."""
