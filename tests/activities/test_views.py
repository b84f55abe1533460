"""The activity page links to what parliaments said about it."""

from tests import factories


def test_activity_page_links_to_its_feedback_from_parliaments(client, login_as):
    login_as("staff")
    activity = factories.make_activity(chambers=[factories.make_chamber_once("KE-LC")])
    page = client.get(f"/activities/{activity.id}").get_data(as_text=True)
    assert f'href="/profiles/feedback/{activity.id}"' in page
