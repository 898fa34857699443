namespace Penchant.Benchmarks.Corpus;

/// <summary>
/// Generates realistic, varied preference statements from templates × domains with a fixed seed: situational preferences
/// ("I prefer … when …") about food, travel, writing, code, fitness, media, shopping, work and home, plus allergies, diets,
/// airlines, scoped writing rules, schedules and dislikes.
/// </summary>
/// <remarks>
/// Each subject is used once, with a wording and a situation drawn by the seed: statements that share their subject
/// ("aisle seats when …", "aisle seats if …") are the same preference to the engine, which reinforces instead of adding one.
/// The statements avoid revision cues ("now", "instead", "switched") and the frames the reconciler treats as one slot
/// ("I live in", "I drive"). Domains are interleaved, so any prefix of the list mixes them all.
/// </remarks>
internal static class PreferenceCorpus
{
    private static readonly string[] Frames =
    [
        "I prefer {s} when {y}.", "I really like {s}, especially when {y}.", "What works best for me is {s} when {y}.",
        "Whenever {y}, I go for {s}.", "I'd rather have {s} if {y}.", "I'm a big fan of {s} when {y}.",
        "When {y}, I usually pick {s}.",
    ];

    private static readonly (string[] Subjects, string[] Situations)[] Domains =
    [
        (["watercolour painting", "bouldering", "birdwatching", "pottery classes", "chess puzzles", "sea kayaking", "vinyl records",
          "jigsaw puzzles", "allotment gardening", "salsa dancing", "astronomy nights", "sourdough baking", "knitting circles", "geocaching"],
         ["I have a free Saturday", "I need to unwind", "my sister visits", "the evenings get longer", "I take a day off"]),
        (["ramen", "tapas", "Thai green curry", "sourdough pizza", "sushi", "Ethiopian injera", "Greek salads", "Korean barbecue",
          "Lebanese mezze", "Vietnamese pho", "tacos al pastor", "Indian thalis", "French bistro dishes", "Georgian khachapuri",
          "Peruvian ceviche", "smoothie bowls", "porridge with berries", "dim sum", "falafel wraps", "Sichuan hotpot", "Neapolitan pizza", "bibimbap", "Turkish breakfasts",
          "Moroccan tagines", "Hawaiian poke bowls", "Swedish cinnamon buns", "Polish pierogi", "Malaysian laksa", "Jamaican jerk chicken"],
         ["I eat out with friends", "I cook on weeknights", "it is hot outside", "I am training for a race", "we have guests over",
          "I eat alone", "it is raining", "I order takeaway"]),
        (["oat flat whites", "green tea", "sparkling water", "natural wine", "craft IPAs", "decaf coffee", "fresh orange juice", "matcha lattes"],
         ["I am working late", "we go out for drinks", "I have a long meeting", "it is the weekend", "I am at a restaurant"]),
        (["aisle seats", "window seats", "night trains", "direct flights", "boutique hotels", "hostels with private rooms", "campervans",
          "guided walking tours", "museum passes", "hotels with a gym", "city bikes", "ferry crossings", "rental cars with an automatic gearbox",
          "airport lounges", "hand-luggage-only trips", "apartment rentals with a kitchen", "beach resorts", "mountain huts",
          "travel insurance with cancellation cover", "window tables on trains", "overnight ferries", "small guesthouses", "self-guided cycling tours",
          "canal boat holidays", "river cruises", "ski chalets", "glamping tents", "city walking apps", "e-scooter rentals"],
         ["I travel for work", "I fly long-haul", "I travel with my kids", "the trip is shorter than a week",
          "I visit a city for the first time", "I travel in winter", "I go away with my partner"]),
        (["bullet points", "short paragraphs", "British spelling", "Oxford commas", "the active voice", "plain language", "a formal tone",
          "a friendly tone", "headings in long documents", "numbered steps", "tables for comparisons", "a summary at the top",
          "footnotes with sources", "sentences without exclamation marks", "metric units", "24-hour times", "ISO dates", "first names in greetings"],
         ["I write to clients", "you summarise long documents", "I post on LinkedIn", "I send status updates to my team",
          "I write to my family", "you draft cover letters", "I write reports for the board"]),
        (["explicit types", "early returns", "guard clauses", "small pure functions", "xUnit tests", "immutable records", "pattern matching",
          "constructor injection", "async streams", "result types over exceptions", "PostgreSQL", "feature flags", "trunk-based development",
          "squash merges", "conventional commits", "property-based tests", "Docker Compose for local setup", "GitHub Actions",
          "Kotlin coroutines", "Python type hints", "TypeScript strict mode", "clippy lints in Rust", "table-driven tests in Go",
          "SQL common table expressions", "structured logging", "OpenTelemetry tracing", "REST APIs", "gRPC for internal services",
          "Terraform modules", "code review checklists", "architecture decision records", "nullable reference types", "benchmarks before optimising"],
         ["I write C#", "we review pull requests", "the code goes to production", "I prototype", "I write tests",
          "I work on the data layer", "we start a new service"]),
        (["morning runs", "swimming laps", "yoga", "indoor climbing", "cycling to work", "kettlebell sessions", "pilates", "the rowing machine",
          "long walks", "stretching", "meditation apps", "an early bedtime", "a standing desk"],
         ["my knee hurts", "I am on a business trip", "I have less than half an hour", "the weather is bad", "I am on holiday", "work is stressful"]),
        (["podcasts", "audiobooks", "documentaries", "crime novels", "science fiction", "jazz records", "classical piano", "indie games",
          "board games", "chess puzzles", "graphic novels", "sketching", "birdwatching", "baking bread", "gardening", "film photography",
          "stand-up comedy", "small museums", "opera", "crossword puzzles", "folk festivals", "jigsaw puzzles"],
         ["I commute", "I am cooking", "I can't sleep", "I am on a long flight", "I have a free Sunday", "friends come round"]),
        (["refurbished laptops", "second-hand furniture", "index funds", "card payments", "local bookshops", "tools that last a lifetime",
          "wool jumpers", "an organic vegetable box", "electric cars", "e-readers", "noise-cancelling headphones", "mechanical keyboards"],
         ["I shop online", "I furnish a flat", "I invest for retirement", "I buy gifts", "I replace something that broke", "money is tight"]),
        (["morning meetings", "agendas in calendar invites", "25-minute meetings", "written updates over stand-ups", "cameras on in calls",
          "working from cafés", "Pomodoro blocks", "deep work before noon", "shared calendars", "handwritten notes"],
         ["I plan my week", "I meet new clients", "we schedule interviews", "the team is remote", "I am travelling", "a deadline is close"]),
        (["unscented cleaning products", "a cool bedroom", "blackout curtains", "houseplants that need little light", "robot vacuums",
          "batch cooking on Sundays", "a tidy desk", "warm white light bulbs", "linen bedding"],
         ["I organise the house", "guests stay over", "it is winter", "I work from home", "the kids are around"]),
        (["experience gifts over things", "handwritten cards", "books as presents", "gift vouchers for local shops", "plants as gifts",
          "donations to a charity in someone's name", "homemade jam as a present"],
         ["it is a colleague's birthday", "I visit friends for dinner", "Christmas comes round", "someone has a baby", "I say thank you"]),
        (["long-form newsletters", "weekly news summaries", "radio news", "science magazines", "local newspapers", "economics blogs"],
         ["I have breakfast", "a big story breaks", "I want background rather than headlines", "I travel abroad"]),
        (["dog walks in the park", "a cat sitter at home", "grain-free dog food", "puzzle feeders", "short grooming sessions"],
         ["I go away for a weekend", "the dog is bored", "the vet says so", "it is very hot"]),
        (["screen-free evenings", "picture books about animals", "Lego sets", "swimming lessons", "museum trips with the kids", "early dinners"],
         ["the kids are tired", "it is a school night", "grandparents visit", "we have a rainy weekend"]),
    ];

    // Hand-written families whose slot values are used once each, paired with a wording at random.
    private static readonly (string[] Frames, string[] Values)[] Standalone =
    [
        (["I'm allergic to {v}.", "Heads up: I'm allergic to {v}, pretty badly.", "Keep in mind I have a {v} allergy."],
         ["peanuts", "shellfish", "penicillin", "latex", "cats", "bee stings", "sesame", "kiwi fruit", "tree nuts", "dust mites", "mustard", "celery"]),
        (["I can't eat {v}, it makes me ill.", "Please leave {v} out of anything you suggest for me to eat.", "I don't eat {v} at all."],
         ["gluten", "dairy", "raw onions", "deep-fried food", "very hot chillies", "pork", "mushrooms", "coriander"]),
        (["I'm {v}, so keep that in mind for recipes.", "Been {v} for about ten years."],
         ["vegetarian", "vegan", "pescatarian", "lactose intolerant", "diabetic"]),
        (["I always fly {v} when I can, it keeps my miles in one place.", "If there is a choice, book {v} for my flights."],
         ["Lufthansa", "KLM", "Delta", "Emirates", "Qantas", "Air Canada", "Singapore Airlines"]),
        (["No emojis in {v}.", "Never use exclamation marks in {v}."],
         ["emails to my boss", "Slack messages to clients", "texts to my landlord", "LinkedIn posts", "notes to my kids' school"]),
        (["Sign my emails to {v}."],
         ["clients with 'Kind regards, Samuel'", "my team with 'Cheers, Sam'", "my family with 'Love, Sam'", "suppliers with 'Best, S. Moreau'"]),
        (["Keep {v} short.", "Keep {v} under one page."],
         ["meeting summaries", "status updates", "cover letters", "product descriptions", "replies to customers", "release notes"]),
        (["Use {v} for code examples.", "Show me code in {v} unless I say otherwise."],
         ["Python for data analysis", "C# for web APIs", "TypeScript for frontend", "Go for command-line tools", "Rust for systems code", "SQL for reporting"]),
        (["Please never {v}.", "Don't {v}, ever."],
         ["book me on flights before 7am", "schedule calls after 9pm", "send me reminders on Sunday mornings", "plan anything during school pickup at 3pm"]),
        (["I hate {v}, avoid them if you can.", "I can't stand {v}."],
         ["long phone calls", "crowded tourist spots", "open-plan offices", "horror films", "cruise holidays", "red-eye flights"]),
        (["I'm learning {v} next year.", "I'm studying {v} in my spare time."],
         ["Japanese, aiming for JLPT N4", "Spanish, aiming for a B2 certificate", "German for business meetings", "Portuguese for a trip to Brazil", "Korean, mostly reading", "Italian with a tutor"]),
        (["I play {v}, so keep that evening free.", "{V} is my weekly thing, so don't book anything then."],
         ["five-a-side football on Mondays", "tennis on Wednesdays", "badminton on Thursdays", "chess at the club on Fridays", "basketball on Tuesdays"]),
        (["My favourite {v}."],
         ["cuisine is Thai, the spicier the better", "city for a weekend is Lisbon", "kind of holiday is a hiking trip in the mountains",
          "season for travel is late autumn, when it is quiet", "board games are cooperative ones like Pandemic", "way to relax is a long walk by the river"]),
        (["My daughter {v}.", "My son {v}."],
         ["is seven and loves dinosaurs", "is allergic to eggs", "goes to swimming lessons on Saturdays", "is vegetarian like me"]),
    ];

    /// <summary>Gets every candidate statement, domains interleaved, in an order fixed by <paramref name="seed"/>.</summary>
    public static IReadOnlyList<string> Create(int seed)
    {
        var random = new Random(seed);
        var groups = new List<List<string>>();
        foreach ((string[] subjects, string[] situations) in Domains)
        {
            var group = new List<string>(subjects.Length);
            foreach (string subject in subjects)
            {
                string frame = Frames[random.Next(Frames.Length)];
                group.Add(frame
                    .Replace("{S}", char.ToUpperInvariant(subject[0]) + subject[1..], StringComparison.Ordinal)
                    .Replace("{s}", subject, StringComparison.Ordinal)
                    .Replace("{y}", situations[random.Next(situations.Length)], StringComparison.Ordinal));
            }

            groups.Add(Shuffled(group, random));
        }

        foreach ((string[] frames, string[] values) in Standalone)
        {
            var group = new List<string>(values.Length);
            foreach (string value in values)
            {
                string frame = frames[random.Next(frames.Length)];
                group.Add(frame
                    .Replace("{V}", char.ToUpperInvariant(value[0]) + value[1..], StringComparison.Ordinal)
                    .Replace("{v}", value, StringComparison.Ordinal));
            }

            groups.Add(Shuffled(group, random));
        }

        // Round-robin over the groups, so that every prefix mixes all domains.
        var all = new List<string>();
        for (int round = 0; ; round++)
        {
            bool any = false;
            foreach (List<string> group in groups)
            {
                if (round < group.Count)
                {
                    all.Add(group[round]);
                    any = true;
                }
            }

            if (!any)
            {
                return all;
            }
        }
    }

    private static List<string> Shuffled(List<string> items, Random random)
    {
        string[] copy = [.. items];
        random.Shuffle(copy);
        return [.. copy];
    }
}
