"""Organisations that support parliaments (the centre, UN agencies, donors, parliaments…): who leads, partners in
and funds each activity; read by activities, auth (staff and donor accounts), the dashboards and coordination."""
