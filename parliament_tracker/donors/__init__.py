"""Donors: who funds the centre's activities; read by activities, auth (donor accounts) and the dashboards."""
