"""Chamber profiles, parliament self-service, feedback and ICT self-assessment."""
