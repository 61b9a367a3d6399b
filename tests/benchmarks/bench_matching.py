"""Time the introduction matcher over a synthetic network of 10,000 contacts.

Run from the project root: .venv/bin/python tests/benchmarks/bench_matching.py
Add --varied to word asks and offers the way people do, with qualifiers drawn from
a larger vocabulary ("an affordable bookkeeper for my startup, ideally remote"),
so that almost no two phrases are alike and the index cannot share them.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import UTC, datetime, timedelta

from desktop.matching import IntroductionMatcher, NetworkContext, Profile, Stemmer, load_synonyms

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
CONTACTS = 10_000
SAMPLED = 200


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


ASK_SUBJECTS = (
    "a bookkeeper",
    "an accountant",
    "a Python developer",
    "a mobile app developer",
    "an angel investor",
    "a seed round investor",
    "desk space",
    "a coworking space",
    "a cartoonist",
    "an animator",
    "a video editor",
    "a photographer",
    "a UX designer",
    "a brand designer",
    "a copywriter",
    "a translator",
    "press coverage",
    "a PR agency",
    "a solicitor",
    "employment law advice",
    "a recruiter",
    "a mentor",
    "a business coach",
    "SEO help",
    "a growth marketer",
    "a podcast producer",
    "a venue",
    "a caterer",
    "a data scientist",
    "an IT support company",
)
ASK_SETTINGS = ("", " for my startup", " in Leeds", " for a charity project", " for short films")
OFFER_SUBJECTS = (
    "bookkeeping and payroll",
    "chartered accountancy",
    "Python programming",
    "iOS and Android apps",
    "angel investing",
    "early-stage venture capital",
    "runs a coworking space",
    "spare office desks",
    "illustration and cartoons",
    "2D animation",
    "video editing",
    "product photography",
    "user experience design",
    "logo and brand identity design",
    "copywriting",
    "Spanish translation",
    "journalist at a regional paper",
    "public relations",
    "legal advice on contracts",
    "HR and employment law",
    "tech recruiting",
    "mentoring first-time founders",
    "executive coaching",
    "search engine optimisation",
    "growth marketing",
    "podcast editing",
    "a private events room",
    "event catering",
    "machine learning consulting",
    "managed IT and helpdesk",
)
OFFER_SETTINGS = ("", " for small firms", " for startups", " in Manchester", " for film and TV")
TAGS = _words(
    "design fintech film charity health startups retail legal media food tech "
    "education property music energy travel sport gaming finance marketing"
)
QUALIFIERS = (
    "",
    "",
    "",
    "an experienced",
    "a freelance",
    "an affordable",
    "a local",
    "a part-time",
    "a senior",
    "a trusted",
    "a friendly",
    "a specialist",
    "a well connected",
    "a young",
)
ASK_EXTRAS = (
    "ideally remote",
    "this spring",
    "on a tight budget",
    "for a product launch",
    "before the summer",
    "for our new website",
    "for a two week project",
    "for a festival",
    "for a museum",
    "for a podcast series",
    "for a sports club",
    "for a school",
    "asap",
    "for a pitch next month",
    "to start in January",
    "for a rebrand",
)
OFFER_EXTRAS = (
    "ten years of experience",
    "clients include the BBC",
    "also teaches workshops",
    "based near the station",
    "reasonable rates",
    "available evenings",
    "ex Deloitte",
    "works with charities",
    "speaks French",
    "NHS background",
    "mostly B2B clients",
    "hospitality clients",
    "retail background",
    "fintech experience",
    "food and drink brands",
    "award winning",
)
CITIES = _words(
    "Leeds Manchester London Bristol York Sheffield Newcastle Glasgow Edinburgh "
    "Cardiff Liverpool Birmingham Nottingham Brighton Oxford"
)


def build_network(seed: int, varied: bool) -> tuple[list[Profile], NetworkContext]:
    """Build a seeded network with realistic sparsity of asks, favours and events."""
    rng = random.Random(seed)
    asks = [s + t for s in ASK_SUBJECTS for t in ASK_SETTINGS]
    offers = [s + t for s in OFFER_SUBJECTS for t in OFFER_SETTINGS]

    def phrase(choices: list[str], extras: tuple[str, ...]) -> str:
        text = rng.choice(choices)
        if not varied:
            return text
        qualifier = rng.choice(QUALIFIERS)
        if qualifier and text.startswith(("a ", "an ")):
            text = qualifier + text[text.index(" ") :]
        return ", ".join([text, *rng.sample(extras, rng.randrange(3))])

    profiles = []
    for cid in range(1, CONTACTS + 1):
        met = None if rng.random() < 0.3 else NOW - timedelta(days=rng.uniform(0, 730))
        profiles.append(
            Profile(
                contact_id=cid,
                name=f"Person {cid}",
                asks=tuple(
                    phrase(asks, ASK_EXTRAS) for _ in range(rng.choices((0, 1, 2), (4, 4, 2))[0])
                ),
                offers=tuple(phrase(offers, OFFER_EXTRAS) for _ in range(rng.choice((1, 2, 2, 3)))),
                tags=frozenset(rng.sample(TAGS, rng.randrange(4))),
                org=f"Org {rng.randrange(3000)}" if rng.random() < 0.8 else None,
                location=rng.choice(CITIES) if rng.random() < 0.7 else None,
                event_ids=frozenset(rng.sample(range(1, 201), rng.randrange(4))),
                last_met=met,
            )
        )

    def pairs(count: int) -> list[frozenset[int]]:
        return [frozenset(rng.sample(range(1, CONTACTS + 1), 2)) for _ in range(count)]

    context = NetworkContext(
        now=NOW,
        known_pairs=frozenset(pairs(5_000)),
        introduced={pair: rng.randint(1, 2) for pair in pairs(500)},
        dismissed=frozenset(pairs(300)),
        owed={rng.randrange(1, CONTACTS + 1): rng.randint(1, 4) for _ in range(500)},
        event_names={event: f"Event {event}" for event in range(1, 201)},
    )
    return profiles, context


def main() -> None:
    """Print build time, suggest_for p50/p95 and suggest_all time."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--varied", action="store_true", help="word every phrase differently")
    args = parser.parse_args()

    profiles, context = build_network(args.seed, args.varied)
    synonyms = load_synonyms(Stemmer())

    started = time.perf_counter()
    matcher = IntroductionMatcher(profiles, context, synonyms=synonyms)
    build = time.perf_counter() - started

    started = time.perf_counter()
    top = matcher.suggest_all(25)
    cold_all = time.perf_counter() - started
    started = time.perf_counter()
    matcher.suggest_all(25)
    warm_all = time.perf_counter() - started

    sample = random.Random(args.seed + 1).sample(profiles, SAMPLED)
    fresh = IntroductionMatcher(profiles, context, synonyms=synonyms)
    timings = []
    for profile in sample:
        started = time.perf_counter()
        fresh.suggest_for(profile.contact_id, 10)
        timings.append((time.perf_counter() - started) * 1000.0)
    cuts = statistics.quantiles(timings, n=100)

    print(f"network: {CONTACTS} contacts, varied phrasing: {args.varied}")
    distinct = len({text for p in profiles for text in (*p.asks, *p.offers)})
    print(f"distinct phrases:       {distinct}")
    print(f"index build:            {build:.3f} s")
    print(f"suggest_for (n={SAMPLED}):   p50 {cuts[49]:.1f} ms, p95 {cuts[94]:.1f} ms")
    print(f"                        max {max(timings):.1f} ms")
    print(f"suggest_all(25):        {cold_all:.3f} s cold, {warm_all:.3f} s warm")
    print(f"best pair:              {top[0].score:.3f} {top[0].reason}" if top else "no pairs")


if __name__ == "__main__":
    main()
