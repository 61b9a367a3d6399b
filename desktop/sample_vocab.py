"""Word lists for the sample network: invented people in plausible working lives."""

from __future__ import annotations

FIRST_NAMES = (
    "Aisha Alex Amara Ana Anders Aoife Arjun Beatriz Ben Bilal Camille Carlos Chen Chiara "
    "Chloe Dan Dara Deepa Diego Elena Eli Emeka Emma Erik Fatima Femi Finn Freya Gabriel "
    "Grace Hana Hannah Hugo Ibrahim Imogen Ines Isla Ivan Jack Jamal Jana Javier Jin Joao "
    "Jonas Julia Kai Karim Kate Kemi Kenji Lara Laura Leila Leo Lina Lucas Lucia Luis Maya "
    "Mei Mia Milan Mohammed Nadia Naomi Nia Nikhil Noah Nora Olga Omar Oscar Paula Pedro "
    "Priya Rafael Rania Ravi Rosa Ruth Sam Sara Sean Sofia Sven Tara Theo Tom Uma Valentina "
    "Vikram Wei Will Yara Yusuf Zara Zoe Zoltan"
).split()

LAST_NAMES = (
    "Abara Adeyemi Ahmed Almeida Andersen Bauer Becker Bianchi Brennan Campbell Chandra "
    "Chen Costa Dimitrov Dubois Eriksson Evans Farouk Fernandes Fischer Fitzgerald Garcia "
    "Gupta Haddad Hansen Hughes Ibrahim Ito Jansen Jones Kaur Keller Khan Kim Kowalski "
    "Larsen Lee Lopez Martin Meyer Moreau Murphy Nakamura Novak Nowak O'Brien Okafor Olsen "
    "Park Patel Petrov Quinn Rahman Reed Reyes Rossi Russo Sato Schmidt Shah Silva Singh "
    "Sokolov Suzuki Tanaka Taylor Thompson Torres Vargas Walsh Wang Weber Williams Wong "
    "Yilmaz Young Zhang Zielinski"
).split()

ORG_WORDS = (
    "Amber Beacon Bright Cedar Copper Delta Ember Fable Field Granite Harbour Helix Indigo "
    "Juniper Kestrel Lantern Linden Meridian North Oak Orbit Pine Quarry Quill River Saffron "
    "Signal Slate Sparrow Summit Tidal Vale Willow Yarrow"
).split()
ORG_KINDS = (
    "Studio Labs Partners Consulting Digital Analytics Ventures Media Works Health Legal "
    "Capital Design Robotics Foods Energy Press Collective"
).split()

TITLES = (
    "Founder",
    "Co-founder",
    "Managing Director",
    "Head of Product",
    "Product Designer",
    "UX Researcher",
    "Software Engineer",
    "Data Scientist",
    "Marketing Lead",
    "Growth Consultant",
    "Partner",
    "Associate",
    "Freelance Illustrator",
    "Animator",
    "Accountant",
    "Solicitor",
    "Recruiter",
    "Photographer",
    "Journalist",
    "Operations Manager",
    "Investor",
    "Community Manager",
)

LOCATIONS = (
    "Leeds Manchester London Bristol Sheffield York Edinburgh Glasgow Cardiff Newcastle "
    "Birmingham Liverpool Nottingham Brighton Dublin Amsterdam Berlin Lisbon Barcelona Paris"
).split()

TAGS = (
    "design",
    "fintech",
    "founder",
    "investor",
    "health",
    "climate",
    "film",
    "legal",
    "marketing",
    "engineering",
    "community",
    "mentor",
    "client",
    "prospect",
    "friend",
    "press",
    "hiring",
    "local",
)

# Asks and offers written the way people say them; several pairs only meet through
# stemming or the synonym table.
ASKS = (
    "looking for a bookkeeper",
    "needs a cartoonist for short films",
    "searching for office space in town",
    "wants an introduction to angel investors",
    "hiring a Python developer",
    "needs help with SEO",
    "looking for a solicitor for contracts",
    "wants a mentor for a first-time founder",
    "needs a photographer for a product launch",
    "looking for a UX designer",
    "needs a translator for Spanish",
    "wants press coverage for a launch",
    "searching for a data scientist",
    "looking for a recruiter for sales roles",
    "needs advice on fundraising",
    "wants feedback on a pitch deck",
    "looking for a video editor",
    "needs an accountant for tax returns",
    "looking for beta testers",
    "wants to meet climate tech founders",
)

OFFERS = (
    "bookkeeping for small firms",
    "animation and illustration for film",
    "coworking desks at our studio",
    "angel investing in early-stage startups",
    "freelance programming in Python",
    "search engine optimisation audits",
    "contract law for startups",
    "mentoring first-time founders",
    "product photography",
    "user experience design",
    "Spanish and Portuguese translation",
    "PR and press relations",
    "data science and machine learning",
    "recruiting sales teams",
    "fundraising advice",
    "pitch deck reviews",
    "video editing and post-production",
    "accounting and tax returns",
    "a panel of beta testers",
    "a network of climate founders",
)

EVENT_KINDS = (
    "Digital Breakfast",
    "Founders Drinks",
    "Design Meetup",
    "Fintech Forum",
    "Climate Tech Evening",
    "Product Night",
    "Freelancers Lunch",
    "Startup Pitch Night",
    "Women in Tech Social",
    "Growth Hackers Meetup",
)
VENUES = ("The Tetley", "Duke Studios", "Platform", "Nexus", "The Corn Exchange", "Hoxton Hall")

NOTE_TOPICS = (
    "their new product",
    "hiring plans",
    "a possible project together",
    "the state of the market",
    "a conference next spring",
    "fundraising",
    "a client referral",
    "remote work",
    "their move to a new city",
    "an open-source tool they maintain",
)
NOTE_TEMPLATES = (
    "Coffee about {topic}",
    "Call about {topic}",
    "Long email thread on {topic}",
    "Quick message about {topic}",
    "Lunch; talked about {topic}",
)
FAVOUR_TEXTS = (
    "introduced them to a client",
    "reviewed their pitch deck",
    "shared a job lead",
    "wrote a LinkedIn recommendation",
    "lent a meeting room",
    "gave feedback on a proposal",
    "connected them with a designer",
    "recommended them for a talk",
    "sent useful research",
    "helped with a hiring panel",
)
