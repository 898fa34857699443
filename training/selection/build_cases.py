#!/usr/bin/env python3
"""Builds training/selection/gate-cases.jsonl: labelled selection cases for fitting the gate (`penchant train gate`).

Every statement and request below was written for this file by the Penchant team (branch s5-select, 2026-12-08). None
comes from eval/ or ../shared/data, and none is a paraphrase of their items. A case is a user holding 3-8 of the
statements (drawn across topics) and one request; the expected statements are the drawn ones the request's `applies`
list names. A statement the request's `maybe` list names is never drawn for it (the label would be a judgement call), and `broad` statements (where a person lives, how they get around, how they
read) are drawn only where a request names them. Up to two distractors per case come from the request's own topic
(statements of that topic the request names in neither list, which do not bear on it: near misses). Deterministic: `python3 training/selection/build_cases.py`.
"""
import json, random, datetime

# id: (topic, text)
S = {
    # food
    "f_shellfish": ("food", "I have a shellfish allergy, so no shrimp, crab or lobster for me."),
    "f_vegan": ("food", "I stopped eating all animal products two years ago."),
    "f_nooven": ("food", "My kitchen only has a two-burner stove and no oven."),
    "f_spicy": ("food", "I really can't handle hot chillies or spicy sauces."),
    "f_coriander": ("food", "Coriander tastes like soap to me, so leave it out."),
    "f_weeknight": ("food", "On weeknights I have at most half an hour to get dinner on the table."),
    "f_coeliac": ("food", "I was diagnosed with coeliac disease last spring."),
    "f_kids": ("food", "Most evenings I cook for my two fussy kids, aged four and six."),
    "f_halal": ("food", "I only eat halal meat."),
    "f_dairy": ("food", "Dairy upsets my stomach, so I steer clear of milk and cheese."),
    "f_mushroom": ("food", "I find mushrooms revolting, texture and all."),
    # travel
    "t_window": ("travel", "On planes I always want to sit by the window."),
    "t_redeye": ("travel", "I refuse to take overnight flights."),
    "t_lodging": ("travel", "My lodging budget is tight, around eighty euros a night."),
    "t_wheelchair": ("travel", "My father comes on most of my trips and he uses a wheelchair."),
    "t_rail": ("travel", "For journeys under five hours I'd rather go by rail than fly."),
    "t_seasick": ("travel", "I get badly seasick, even on calm water."),
    "t_tours": ("travel", "Skip guided group tours, I like exploring at my own pace."),
    "t_passport": ("travel", "I only hold a Canadian passport."),
    "t_hostel": ("travel", "Shared dorm rooms are a no for me, I need a private room."),
    # home
    "h_studio": ("home", "I rent a tiny studio on the fifth floor of a building with no lift."),
    "h_cat": ("home", "We have an old, nervous cat who hides whenever there is a loud noise."),
    "h_lease": ("home", "My lease doesn't allow me to drill holes in the walls."),
    "h_dust": ("home", "Dust mites set off my asthma."),
    "h_shade": ("home", "Our garden faces north and hardly gets any direct sun."),
    "h_toddler": ("home", "There's a toddler in the house who puts everything in her mouth."),
    "h_tools": ("home", "I'm a complete beginner with power tools."),
    "h_neighbours": ("home", "The walls are thin and my downstairs neighbour complains about noise."),
    # work and writing
    "w_bullets": ("work", "When you summarise something for me, give me a short bulleted list."),
    "w_spelling": ("work", "Use British spelling in anything you write on my behalf."),
    "w_exclaim": ("work", "No exclamation marks in emails I send for my job, please."),
    "w_nights": ("work", "I work night shifts on a hospital ward and sleep until early afternoon."),
    "w_tokyo": ("work", "My employer is in Tokyo, eight hours ahead of me, and I work from home."),
    "w_formal": ("work", "Anything I send to customers should sound formal and polite."),
    "w_signoff": ("work", "Sign my work emails with just my first name, Anouk."),
    # code
    "c_rust": ("code", "Write code samples for me in Rust."),
    "c_fedora": ("code", "My laptop runs Fedora Linux."),
    "c_stdlib": ("code", "I'd rather avoid third-party packages when the standard library will do."),
    "c_tests": ("code", "Every function you write for me should come with a unit test."),
    "c_phone": ("code", "My phone is an old Android with almost no free storage."),
    "c_comments": ("code", "Keep comments in my code to a bare minimum."),
    # fitness and health
    "x_knee": ("fitness", "I tore a ligament in my left knee and still can't run or jump."),
    "x_dawn": ("fitness", "The only time I have to exercise is before seven in the morning."),
    "x_pregnant": ("fitness", "I'm five months pregnant with our first child."),
    "x_dumbbells": ("fitness", "I don't have a gym membership, just a pair of dumbbells at home."),
    "x_diabetes": ("fitness", "I have type 1 diabetes and count my carbs."),
    "x_swim": ("fitness", "Swimming is by far my favourite way to keep fit."),
    # shopping
    "m_gadget": ("shopping", "I won't spend more than 200 dollars on any single gadget."),
    "m_used": ("shopping", "Whenever possible I buy things second-hand."),
    "m_nosubs": ("shopping", "No more subscriptions for me, I want one-off purchases."),
    "m_lefty": ("shopping", "I'm left-handed."),
    "m_tall": ("shopping", "I'm nearly two metres tall, so standard sizes rarely fit me."),
    "m_plastic": ("shopping", "I try hard to avoid plastic packaging."),
    # entertainment
    "e_horror": ("media", "I can't stand horror films or anything gory."),
    "e_hearing": ("media", "I'm hard of hearing, so I watch everything with captions on."),
    "e_scifi": ("media", "Science fiction is my favourite kind of novel."),
    "e_audio": ("media", "I mostly listen to audiobooks while I commute."),
    "e_coop": ("media", "I love cooperative board games and dislike cut-throat ones."),
    "e_short": ("media", "I prefer shows with short episodes, thirty minutes or less."),
    # learning
    "l_visual": ("learning", "I learn best from diagrams and videos rather than long texts."),
    "l_spanish": ("learning", "I'm studying Spanish and I'm at an intermediate level."),
    "l_late": ("learning", "I can only study late in the evening, after nine."),
    "l_free": ("learning", "I only want free learning material, no paid courses."),
    # family
    "p_teen": ("family", "My son is fifteen and mad about football."),
    "p_inlaw": ("family", "My mother-in-law lives with us and doesn't speak any English."),
    "p_twins": ("family", "We have three-year-old twins."),
    # broad facts: drawn only where a request names them
    "g_helsinki": ("broad", "I live in Helsinki."),
    "g_nocar": ("broad", "I don't own a car; I get around by bike and tram."),
    "g_dyslexia": ("broad", "I'm dyslexic, so plain short sentences help me a lot."),
    "g_money": ("broad", "Money is very tight for me this year."),
}

FOOD_ALL = ["f_shellfish", "f_vegan", "f_spicy", "f_coriander", "f_coeliac", "f_halal", "f_dairy", "f_mushroom"]

# (topic, request, applies, maybe)
R = [
    ("food", "What could I make for dinner tonight?", FOOD_ALL + ["f_nooven", "f_weeknight", "f_kids"], ["x_diabetes", "x_pregnant", "g_money"]),
    ("food", "Can you suggest a restaurant for our anniversary on Saturday?", ["f_shellfish", "f_vegan", "f_spicy", "f_coeliac", "f_halal", "f_dairy", "g_helsinki", "f_mushroom"], ["f_coriander", "g_nocar", "x_diabetes", "f_kids", "g_money", "x_pregnant", "t_wheelchair"]),
    ("food", "I need a recipe for a chocolate cake for a birthday.", ["f_vegan", "f_coeliac", "f_dairy", "f_nooven"], ["f_kids", "x_diabetes", "f_halal", "f_weeknight", "x_pregnant"]),
    ("food", "I'm hosting a barbecue for the neighbours, what should I put on the grill?", ["f_shellfish", "f_vegan", "f_halal", "f_spicy", "f_mushroom"], ["f_dairy", "f_coeliac", "f_coriander", "f_kids", "g_money", "x_diabetes"]),
    ("food", "What snacks should I pack for a long day hike?", ["f_vegan", "f_coeliac", "f_dairy", "x_diabetes"], ["f_shellfish", "f_halal", "f_kids", "x_pregnant", "f_spicy", "f_mushroom", "m_plastic", "x_knee"]),
    ("food", "Plan my family's meals for next week.", FOOD_ALL + ["f_kids", "f_weeknight", "f_nooven", "x_diabetes", "p_twins"], ["x_pregnant", "g_money", "p_teen", "p_inlaw", "m_plastic", "x_swim"]),
    ("food", "How do I make a good curry from scratch?", ["f_spicy", "f_coriander", "f_vegan", "f_halal", "f_dairy", "f_shellfish", "f_nooven"], ["f_coeliac", "f_mushroom", "f_weeknight", "f_kids"]),
    ("food", "What should I order from the Thai takeaway down the road?", ["f_spicy", "f_coriander", "f_shellfish", "f_vegan", "f_halal", "f_coeliac", "f_mushroom"], ["f_dairy", "f_kids", "g_helsinki", "x_diabetes", "g_money"]),
    ("travel", "Book me a flight from Lisbon to Oslo next month.", ["t_window", "t_redeye"], ["t_wheelchair", "t_passport", "g_money", "t_rail", "x_pregnant", "m_tall", "f_shellfish", "f_vegan", "f_coeliac", "f_halal", "f_dairy"]),
    ("travel", "Find me somewhere to stay in Rome for four nights.", ["t_lodging", "t_wheelchair", "t_hostel"], ["g_money", "g_nocar", "h_dust", "t_tours", "x_pregnant", "h_cat", "p_twins"]),
    ("travel", "How should I travel from Amsterdam to Brussels?", ["t_rail", "g_nocar"], ["t_seasick", "t_window", "g_money", "t_wheelchair", "t_redeye", "x_pregnant"]),
    ("travel", "Plan a day of sightseeing in Kyoto for me.", ["t_tours", "t_wheelchair"], ["t_seasick", "f_shellfish", "f_vegan", "f_coeliac", "f_halal", "f_dairy", "f_spicy", "f_mushroom", "f_coriander", "x_knee", "x_pregnant", "g_money", "l_visual", "e_audio", "p_twins"]),
    ("travel", "What paperwork do I need before a trip to Brazil?", ["t_passport"], ["x_pregnant", "t_wheelchair", "x_diabetes", "p_twins"]),
    ("travel", "Suggest a weekend getaway to one of the Greek islands.", ["t_seasick", "t_lodging", "t_wheelchair", "t_hostel"], ["t_tours", "t_redeye", "t_window", "t_rail", "g_money", "x_pregnant", "x_swim", "t_passport", "f_shellfish", "p_twins"]),
    ("travel", "Should I visit Iceland in summer or winter?", [], ["t_tours", "t_seasick", "g_helsinki", "t_redeye", "t_passport", "t_wheelchair", "x_pregnant", "t_lodging", "g_money", "x_swim", "g_nocar"]),
    ("travel", "I'd like to tour the Scottish Highlands for a week, can you plan it?", ["g_nocar", "t_lodging", "t_hostel", "t_wheelchair"], ["t_tours", "t_seasick", "t_rail", "g_money", "x_pregnant", "x_knee"]),
    ("home", "Which houseplants would do well in my flat?", ["h_cat", "h_toddler", "h_studio"], ["h_shade", "h_dust", "m_plastic"]),
    ("home", "How do I put up some shelves in the living room?", ["h_lease", "h_tools", "h_neighbours"], ["h_toddler", "h_studio", "h_cat", "m_used"]),
    ("home", "Recommend a vacuum cleaner.", ["h_dust", "h_cat", "m_gadget", "h_neighbours", "m_used", "h_studio"], ["m_nosubs", "g_money", "m_plastic", "c_phone", "x_pregnant", "p_twins"]),
    ("home", "Which flowers and vegetables suit my garden this spring?", ["h_shade", "h_toddler"], ["h_cat", "h_tools", "h_dust", "m_plastic", "x_pregnant", "g_helsinki", "h_studio"]),
    ("home", "We're thinking of getting a dog. Which breed would suit us?", ["h_studio", "h_cat", "h_toddler", "h_dust"], ["w_nights", "h_neighbours", "g_helsinki", "p_twins", "x_knee", "x_pregnant", "w_tokyo", "h_lease"]),
    ("home", "How can I make my bedroom quieter so I sleep better?", ["h_neighbours", "h_lease", "w_nights"], ["h_studio", "h_dust", "h_cat", "h_tools", "p_twins", "x_pregnant", "h_toddler"]),
    ("home", "Give me a cleaning routine for the flat.", ["h_dust", "h_cat", "h_studio", "h_toddler"], ["w_nights", "p_twins", "m_plastic", "x_pregnant", "h_neighbours", "l_late", "x_dawn"]),
    ("work", "Draft an email to my team lead asking for Friday off.", ["w_spelling", "w_exclaim", "w_signoff"], ["g_dyslexia", "w_formal", "w_tokyo", "w_nights", "x_pregnant"]),
    ("work", "Summarise this quarterly sales report for me.", ["w_bullets", "g_dyslexia"], ["w_spelling", "l_visual"]),
    ("work", "Write a reply to a customer who complained about a late delivery.", ["w_formal", "w_spelling", "w_exclaim", "w_signoff"], ["g_dyslexia", "w_bullets"]),
    ("work", "When should I schedule a weekly call with my manager?", ["w_tokyo", "w_nights"], ["x_dawn", "l_late", "p_twins", "x_pregnant"]),
    ("work", "Help me plan a productive daily routine.", ["w_nights", "x_dawn", "l_late", "w_tokyo"], ["p_twins", "f_weeknight", "x_pregnant", "e_audio", "f_kids", "x_diabetes", "p_teen", "p_inlaw", "g_dyslexia", "x_swim", "x_dumbbells", "l_spanish"]),
    ("work", "Write a short post announcing our team's new product on the company blog.", ["w_spelling"], ["w_exclaim", "w_formal", "g_dyslexia", "w_signoff", "w_bullets"]),
    ("work", "Give me tips for staying focused while working from home.", ["w_tokyo"], ["w_nights", "h_neighbours", "h_studio", "p_twins", "h_toddler", "g_dyslexia", "l_visual", "x_dawn", "w_bullets", "h_cat"]),
    ("code", "Write a function that parses a CSV file.", ["c_rust", "c_stdlib", "c_tests", "c_comments"], ["g_dyslexia"]),
    ("code", "How do I install Docker on my machine?", ["c_fedora"], ["c_phone", "l_visual", "g_dyslexia"]),
    ("code", "Recommend an app for tracking my spending.", ["c_phone", "m_nosubs"], ["g_money", "m_gadget", "l_free", "c_fedora", "g_dyslexia"]),
    ("code", "Set up a script that backs up my photos every night.", ["c_fedora", "c_rust", "c_stdlib", "c_tests", "c_comments"], ["c_phone", "m_nosubs", "w_nights"]),
    ("code", "What's a good way to learn web development?", ["l_visual", "l_free", "l_late"], ["c_rust", "c_fedora", "g_dyslexia", "g_money", "w_nights", "e_audio", "l_spanish"]),
    ("code", "Load a JSON settings file and check that its fields are valid.", ["c_rust", "c_stdlib", "c_tests", "c_comments"], ["c_fedora", "g_dyslexia"]),
    ("code", "My photos won't sync to the cloud, what should I check?", ["c_phone"], ["c_fedora", "m_nosubs", "g_dyslexia", "l_visual"]),
    ("fitness", "Put together a weekly workout plan for me.", ["x_knee", "x_dawn", "x_pregnant", "x_dumbbells", "x_swim"], ["x_diabetes", "g_nocar", "m_gadget", "l_late", "w_nights", "p_twins", "g_money", "l_visual", "h_neighbours", "h_studio"]),
    ("fitness", "I want to train for a charity 10k run.", ["x_knee", "x_pregnant", "x_diabetes", "x_dawn"], ["x_swim", "x_dumbbells", "w_nights", "g_helsinki", "l_visual", "f_vegan", "m_tall"]),
    ("fitness", "What's a good meal to eat after a workout?", ["f_vegan", "f_coeliac", "f_dairy", "x_diabetes", "f_halal", "f_shellfish", "f_mushroom"], ["f_weeknight", "f_nooven", "x_pregnant", "f_spicy", "f_coriander", "f_kids", "x_dumbbells"]),
    ("fitness", "Suggest a sport I could take up this winter.", ["x_knee", "x_pregnant", "x_swim", "g_helsinki"], ["x_dawn", "g_nocar", "g_money", "x_diabetes", "m_tall", "e_coop", "w_nights", "x_dumbbells", "p_teen"]),
    ("fitness", "How can I improve my posture at my desk?", ["x_dumbbells"], ["m_tall", "w_tokyo", "x_knee", "x_pregnant", "l_visual", "x_dawn"]),
    ("shopping", "I need a new pair of headphones.", ["m_gadget", "m_used", "e_hearing"], ["c_phone", "e_audio", "g_money", "m_plastic", "m_nosubs", "h_neighbours"]),
    ("shopping", "Help me choose a winter coat.", ["m_tall", "m_used", "g_helsinki"], ["m_plastic", "g_money", "g_nocar", "x_pregnant", "m_gadget"]),
    ("shopping", "Which kitchen scissors should I buy?", ["m_lefty"], ["m_gadget", "m_used", "m_plastic", "g_money", "h_toddler"]),
    ("shopping", "Recommend a desk chair for my home office.", ["m_tall", "m_used"], ["m_gadget", "w_tokyo", "g_money", "x_pregnant", "x_knee", "h_studio", "m_plastic", "m_nosubs"]),
    ("shopping", "What laptop should I get?", ["m_gadget", "m_used", "c_fedora"], ["m_nosubs", "g_money", "c_rust", "m_plastic", "m_lefty", "w_tokyo"]),
    ("shopping", "Which streaming service is worth paying for?", ["m_nosubs", "e_hearing"], ["e_horror", "e_short", "e_scifi", "g_money", "p_inlaw", "p_twins", "p_teen", "l_spanish", "m_gadget", "g_helsinki"]),
    ("shopping", "Help me find a present for my sister's birthday.", [], ["m_used", "m_plastic", "g_money", "m_gadget", "m_nosubs", "g_helsinki", "e_coop", "e_scifi"]),
    ("shopping", "I need a new bike for getting around town.", ["m_tall", "m_used", "g_nocar", "g_helsinki"], ["m_gadget", "g_money", "x_knee", "m_lefty", "x_pregnant", "h_studio", "p_twins"]),
    ("media", "Recommend a film for tonight.", ["e_horror", "e_hearing"], ["e_scifi", "e_short", "p_twins", "p_teen", "p_inlaw", "l_spanish", "x_pregnant"]),
    ("media", "What series should I start next?", ["e_short", "e_horror", "e_hearing"], ["e_scifi", "p_inlaw", "l_spanish", "p_teen", "m_nosubs", "e_audio"]),
    ("media", "Suggest a book to take on holiday.", ["e_scifi", "e_audio"], ["l_spanish", "g_dyslexia", "e_horror", "t_passport", "e_short"]),
    ("media", "What game could we play at our family gathering?", ["e_coop", "p_twins", "p_inlaw", "p_teen"], ["e_hearing", "f_kids", "x_knee", "x_pregnant", "h_neighbours", "h_studio", "g_dyslexia"]),
    ("media", "Find me something to listen to on my way to work.", ["e_audio", "e_scifi", "l_spanish"], ["e_hearing", "g_nocar", "w_tokyo", "w_nights", "l_visual", "x_dawn"]),
    ("media", "Suggest a podcast about history.", ["e_audio", "e_hearing"], ["l_spanish", "e_horror", "e_short", "l_visual", "g_dyslexia"]),
    ("learning", "How can I get better at understanding spoken Spanish?", ["l_spanish", "l_visual", "l_free", "l_late"], ["e_audio", "e_hearing", "g_dyslexia", "g_money", "p_inlaw", "e_short"]),
    ("learning", "Recommend a course on statistics.", ["l_visual", "l_free", "l_late", "g_dyslexia"], ["g_money", "w_nights", "e_audio", "m_nosubs", "c_rust"]),
    ("learning", "Make me a study timetable for my exams.", ["l_late", "w_nights"], ["x_dawn", "l_visual", "p_twins", "g_dyslexia", "x_pregnant", "w_tokyo", "f_kids"]),
    ("learning", "How do I memorise vocabulary faster?", ["l_visual", "l_spanish"], ["l_late", "e_audio", "g_dyslexia", "l_free", "c_phone"]),
    ("family", "Plan a Saturday outing for the whole family.", ["p_twins", "p_teen", "p_inlaw", "g_nocar", "g_helsinki"], ["t_wheelchair", "x_pregnant", "x_knee", "f_shellfish", "f_vegan", "f_coeliac", "f_halal", "f_dairy", "f_kids", "g_money", "e_hearing", "t_tours", "e_coop", "t_seasick", "f_spicy", "f_mushroom", "f_coriander"]),
    ("family", "What should I get my son for his birthday?", ["p_teen"], ["m_gadget", "m_used", "m_plastic", "g_money", "e_coop", "e_scifi", "m_nosubs"]),
    ("family", "How do I get the twins to sleep through the night?", ["p_twins"], ["h_neighbours", "w_nights", "h_studio", "x_pregnant", "h_toddler"]),
    ("family", "Suggest a dinner everyone at home will enjoy.", FOOD_ALL + ["f_kids", "p_twins", "p_teen", "p_inlaw", "f_weeknight", "f_nooven"], ["x_diabetes", "x_pregnant", "g_money"]),
    ("broad", "What is there to do this weekend near me?", ["g_helsinki", "g_nocar"], ["e_coop", "e_horror", "e_hearing", "p_twins", "p_teen", "p_inlaw", "x_knee", "x_pregnant", "g_money", "t_wheelchair", "t_tours", "x_swim", "e_scifi", "l_spanish", "e_short", "h_toddler", "f_shellfish", "f_vegan", "f_coeliac", "f_halal", "f_dairy", "f_spicy", "f_mushroom", "f_coriander", "f_kids", "t_seasick"]),
    ("broad", "When is the best time of year to see the northern lights?", ["g_helsinki"], ["g_nocar", "t_tours", "t_redeye", "t_seasick", "w_nights", "t_lodging", "t_passport", "t_wheelchair"]),
    ("broad", "Help me word an application letter for a post on a surgical ward.", ["w_spelling", "g_dyslexia"], ["w_nights", "w_formal", "w_signoff", "w_exclaim", "w_bullets", "w_tokyo"]),
    ("broad", "Explain how compound interest works.", ["g_dyslexia", "l_visual"], ["g_money", "w_bullets"]),
]

# Topics whose statements never apply to a request of the key's topic, beyond the request's own lists (guards the draw).
def candidates(topic, applies, maybe):
    # Food depends on who eats it and on one's health; a household with children bears on family plans of any kind.
    maybe = set(maybe)
    if topic in ("food", "family"):
        maybe |= {"p_twins", "p_teen", "p_inlaw", "f_kids", "x_pregnant", "x_diabetes"}
    if maybe & {"p_twins", "f_kids"} or set(applies) & {"p_twins", "f_kids"}:
        maybe |= {"p_twins", "f_kids"}
    near, far = [], []
    for sid, (t, _) in S.items():
        if sid in applies or sid in maybe or t == "broad":
            continue
        (near if t == topic else far).append(sid)
    return near, far

def main():
    rng = random.Random(20261208)
    lines = []
    start = datetime.datetime(2026, 1, 5, 8, 0, tzinfo=datetime.timezone.utc)
    n = 0
    for round_ in range(6):
        for topic, request, applies, maybe in R:
            near, far = candidates(topic, applies, maybe)
            # rounds 0 and 3: one applicable; rounds 1-2: several where the request has them; rounds 4-5: nothing applies.
            if round_ >= 4 or not applies:
                k = 0
            elif round_ in (0, 3):
                k = 1
            else:
                k = min(len(applies), rng.choice([2, 2, 3, 3, 4]))
            positives = rng.sample(applies, k)
            size = rng.randint(max(3, k + 2), 8)
            # Up to two distractors of the request's own topic that do not bear on it (near misses), the rest from other topics.
            close = rng.sample(near, min(len(near), rng.randint(0, 2), size - k))
            distractors = close + rng.sample(far, size - k - len(close))
            chosen = positives + distractors
            rng.shuffle(chosen)
            at = start + datetime.timedelta(days=rng.randint(0, 300))
            statements = []
            for sid in chosen:
                at += datetime.timedelta(hours=rng.randint(5, 400), minutes=rng.randint(0, 59))
                statements.append({"text": S[sid][1], "at": at.strftime("%Y-%m-%dT%H:%M:%SZ")})
            expected = [i for i, sid in enumerate(chosen) if sid in positives]
            n += 1
            category = "none" if k == 0 else ("multiple" if k > 1 else "single")
            lines.append({"id": f"g{n:03d}", "category": category, "statements": statements, "request": request, "expected": expected})
    with open(__file__.replace("build_cases.py", "gate-cases.jsonl"), "w", encoding="utf-8") as f:
        for line in lines:
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    cats = {}
    for l in lines:
        cats[l["category"]] = cats.get(l["category"], 0) + 1
    print(len(lines), cats)

if __name__ == "__main__":
    main()
