"""A small consultant's network with asks and offers phrased as people write them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache

from desktop.matching import IntroductionMatcher, NetworkContext, Profile, Stemmer, load_synonyms
from desktop.matching.synonyms import SynonymTable

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
BREAKFAST = 7

# (id, name, asks, offers); ids 1-32 pair up as asker/helper scenarios, the rest are
# distractors that share a word or a synonym with some ask.
PEOPLE: tuple[tuple[int, str, tuple[str, ...], tuple[str, ...]], ...] = (
    (1, "Maya Patel", ("Looking for a cartoonist for short films",), ("UX research",)),
    (2, "Tom Reed", ("Desk space in Manchester",), ("Animation and illustration for film",)),
    (3, "Priya Shah", ("Need a bookkeeper for my bakery",), ()),
    (4, "Dan Hughes", (), ("Bookkeeping and VAT returns for small businesses",)),
    (5, "Owen Clarke", ("Desk space in Leeds for a team of three",), ()),
    (6, "Sara Lind", (), ("Runs a coworking space near Leeds station",)),
    (7, "Jonas Berg", ("A developer to build our MVP",), ()),
    (8, "Leah Kim", (), ("Freelance Python programmer",)),
    (9, "Amira Haddad", ("Intro to a seed investor",), ()),
    (10, "Felix Grant", (), ("Partner at a VC fund backing seed-stage startups",)),
    (11, "Chloé Martin", ("A cafe to host our monthly meetup",), ()),
    (12, "Marco Rossi", (), ("Owns a café with a private events room",)),
    (13, "Nina Novak", ("Photographer for product shots",), ()),
    (14, "Ben Adams", (), ("Product photography and retouching",)),
    (15, "Ravi Mehta", ("Someone to translate our website into Spanish",), ()),
    (16, "Lucía Gómez", (), ("Spanish translation and localisation",)),
    (17, "Grace Liu", ("Legal advice on a shareholder agreement",), ()),
    (18, "Henry Wood", (), ("Solicitor for startups and small companies",)),
    (19, "Ivy Chen", ("Recruiter for a senior engineering hire",), ()),
    (20, "Sam Ortiz", (), ("Tech recruiting and headhunting",)),
    (21, "Ellie Ford", ("Press coverage for our product launch",), ()),
    (22, "Mark Doyle", (), ("Journalist at the Yorkshire Post",)),
    (23, "Zoe Park", ("A mentor for a first-time founder",), ()),
    (24, "Alan Brooks", (), ("Coaching new founders through their first year",)),
    (25, "Kofi Mensah", ("Help with SEO",), ()),
    (26, "Rita Kaur", (), ("Growth marketing and search engine optimisation",)),
    (27, "Hana Sato", ("UX designer for our mobile app",), ()),
    (28, "Paul Young", (), ("User experience design for iPhone and Android apps",)),
    (29, "Omar Farouk", ("An accountant for R&D tax credits",), ()),
    (30, "Julia Weber", (), ("Chartered accountancy, R&D tax claims",)),
    (31, "Yusuf Ali", ("Video editor for our YouTube channel",), ()),
    (32, "Cara Lynch", (), ("Editing videos and motion graphics",)),
    (33, "Liam Burke", ("A venue for a film screening",), ("Film festival tickets",)),
    (34, "Fiona Grey", (), ("Office furniture supplier",)),
    (35, "Raj Patel", (), ("Python training courses for schools",)),
    (36, "Hugo Laurent", (), ("Mortgage advice for first-time buyers",)),
    (37, "Tara Quinn", (), ("Sales coaching for consultants",)),
    (38, "Eve Walsh", ("Photographer for headshots",), ("Copywriting for websites and brochures",)),
    (39, "Noah Fisher", (), ("Web design for charities",)),
    (40, "Isla Ward", (), ("Printing flyers and posters",)),
    (41, "Ava Moore", (), ("Yoga classes for office workers",)),
    (42, "Leo Price", (), ("Commercial property and office lettings",)),
)


def network_profiles() -> list[Profile]:
    """Return the network, with a little context so that it is not all equal."""
    profiles = []
    for cid, name, asks, offers in PEOPLE:
        profiles.append(
            Profile(
                contact_id=cid,
                name=name,
                asks=asks,
                offers=offers,
                tags=frozenset({"startups"} if cid % 3 == 0 else set()),
                location="Leeds" if cid % 2 == 0 else "York",
                event_ids=frozenset({BREAKFAST} if cid % 4 == 0 else set()),
                last_met=NOW - timedelta(days=10 * (cid % 5)),
            )
        )
    return profiles


@cache
def shipped_synonyms() -> SynonymTable:
    """Return the synonym table in resources/, loaded once for all tests."""
    return load_synonyms(Stemmer())


def sample_matcher() -> IntroductionMatcher:
    """Return a matcher over the sample network with an empty context."""
    context = NetworkContext(now=NOW, event_names={BREAKFAST: "Leeds Digital Breakfast"})
    return IntroductionMatcher(network_profiles(), context, synonyms=shipped_synonyms())
