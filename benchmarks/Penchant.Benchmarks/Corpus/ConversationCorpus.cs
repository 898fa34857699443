using System.Text;
using Penchant.Signals;

namespace Penchant.Benchmarks.Corpus;

/// <summary>
/// Generates realistic chat conversations deterministically: the user mostly asks coding and trivia questions, sometimes
/// follows up in the first person, and states a preference in a few turns; the assistant answers at length, often with code.
/// </summary>
/// <remarks>
/// One generator never hands out the same statement or first-person follow-up twice (the user turns the extractor embeds),
/// so when a benchmark observes one conversation per invocation, the texts the engine embeds are new to the embedding
/// cache, as they are for a new user. Questions are not embedded, so they may repeat.
/// </remarks>
internal sealed class ConversationCorpus(int seed)
{
    private static readonly string[] Languages = ["C#", "Python", "TypeScript", "Go", "Rust", "Java", "Kotlin", "SQL"];

    private static readonly string[] Tasks =
    [
        "read a large CSV file line by line", "parse JSON into a typed object", "run two HTTP requests in parallel",
        "retry a failed network call with exponential backoff", "sort a list of records by two keys",
        "remove duplicates from a list while keeping the order", "unit test code that depends on the current time",
        "cancel a long-running task cleanly", "format a date as ISO 8601", "hash a password safely",
        "read environment variables with defaults", "stream a file upload straight to disk", "paginate a database query",
        "validate an email address without a huge regex",
    ];

    private static readonly (string A, string B)[] Pairs =
    [
        ("a struct", "a class"), ("an interface", "an abstract class"), ("a list", "a tuple"), ("concurrency", "parallelism"),
        ("a mutex", "a semaphore"), ("value equality", "reference equality"), ("a shallow copy", "a deep copy"),
        ("a process", "a thread"), ("an inner join", "a left join"),
    ];

    private static readonly string[] Symptoms =
    [
        "throw a null reference error when the list is empty", "hang when I await inside a lock",
        "use so much memory when I load the whole file", "give a different result every time I run the tests",
        "get slower after I added caching", "fail with a timeout only in CI", "print the dates in the wrong time zone",
    ];

    private static readonly string[] Concepts =
    [
        "dependency injection", "closures", "generics with constraints", "the visitor pattern", "tail recursion",
        "optimistic concurrency", "event sourcing", "memoization", "backpressure in streams", "database indexes",
    ];

    private static readonly string[] Trivia =
    [
        "Who painted the ceiling of the Sistine Chapel?", "Who discovered penicillin, and was it really an accident?",
        "Who wrote One Hundred Years of Solitude?", "Who was the first person to reach the South Pole?",
        "When did the Berlin Wall fall?", "When did the first Moon landing happen?", "When did the Titanic sink?",
        "Why is the sky blue?", "Why do cats purr?", "Why does ice float on water?", "Why do we have leap years?",
        "Why do onions make you cry?", "Why is the ocean salty but rivers are not?", "How far is the Moon from the Earth?",
        "How many bones are in the adult human body?", "How tall is Mount Kilimanjaro?",
        "How long does light from the Sun take to reach us?", "What is the capital of Australia?",
        "What is the capital of Mongolia?", "What is the capital of Canada, and why not Toronto?",
        "What causes the northern lights?", "What is the longest river in Africa?", "Which planet has the most moons?",
    ];

    private static readonly string[] FollowUps =
    [
        "Thanks, that fixed the {0} issue in our {1} service.",
        "I tried that, but I still get the same error with {0} in the {1} code.",
        "That makes sense. I think I finally understand {0}, and it explains the bug in {1}.",
        "Perfect, I'll use that approach for {0} in the {1} module tomorrow.",
        "I ran it again and the {0} part works on my machine, but the {1} build still fails.",
        "Got it, I'll read up on {0} a bit more before I touch the {1} code.",
        "My colleague suggested something similar for {0} when we rewrote {1} last year.",
        "I see, so the {1} tests were passing only by luck because of how {0} works.",
        "Ok I think my mistake was mixing up {0} with something else in the {1} code.",
        "I'll try the {0} version on the {1} branch and report back.",
    ];

    private static readonly string[] Projects =
    [
        "billing", "checkout", "search", "reporting", "mobile app", "inventory", "auth", "notifications", "analytics", "scheduler",
        "payments", "onboarding",
    ];

    private static readonly (string Template, string[] First, string[] Second)[] Statements =
    [
        ("By the way, I prefer {0} for anything {1}, so please use it in examples.",
            ["TypeScript over plain JavaScript", "Python over R", "Go over Java", "Kotlin over Java", "Rust over C++", "C# over Python"],
            ["on the frontend", "involving data", "on the backend", "that touches the database", "performance sensitive", "I ship to customers"]),
        ("I'm allergic to {0}, so keep that in mind {1}.",
            ["shellfish", "peanuts", "sesame", "tree nuts", "kiwi fruit", "penicillin", "latex", "eggs"],
            ["whenever food comes up", "if I ask about recipes", "when we talk about travel plans", "for anything health related"]),
        ("Going forward, please keep your answers under {0} and put {1} first.",
            ["ten lines", "two hundred words", "one screen", "five bullet points"],
            ["the code", "the command to run", "the short answer", "the final result"]),
        ("I really dislike {0} in explanations, {1}.",
            ["long caveats", "marketing language", "emojis", "analogies about cars", "rhetorical questions"],
            ["just give me the gist", "get straight to the point", "keep it technical", "assume I know the basics"]),
        ("For trips under {0} I'd rather {1} than fly.",
            ["four hours", "five hours", "500 km", "600 km", "a day"],
            ["take the train", "drive", "take the night bus", "take a ferry"]),
        ("I'm {0}, so {1}.",
            ["vegetarian", "vegan", "pescatarian", "lactose intolerant"],
            ["skip meat in any recipe ideas", "check restaurant menus for me", "keep that in mind for meal plans", "no dishes built around cheese"]),
        ("I always use {0} in my own {1} projects.",
            ["tabs for indentation", "four spaces for indentation", "strict null checks", "conventional commit messages", "a formatter on save"],
            ["Python", "C#", "TypeScript", "Go", "Rust"]),
        ("I learn best from {0}, so lean on those when you explain {1}.",
            ["small runnable examples", "diagrams", "step-by-step walkthroughs", "comparisons with C#", "real bugs from production"],
            ["new concepts", "algorithms", "language features", "architecture"]),
    ];

    private static readonly string[] CodeParagraphs =
    [
        "The key idea is to keep the part that touches the outside world small and push everything else into plain functions you can test. Once {0} is isolated like that, most of the surprises go away: you feed it fixed inputs, check the outputs, and only the thin outer layer has to deal with files, sockets or clocks.",
        "A few things to watch out for. First, make sure errors are not swallowed: log them with enough context to reproduce the problem, then rethrow or return a clear result. Second, think about what happens with empty input, very large input and input that arrives slowly. Finally, keep the configuration in one place so that tests can override it without touching global state.",
        "If performance matters, measure before changing anything. A profiler or a small benchmark will usually show that the time goes somewhere other than where you expect, often into allocation or I/O rather than the loop you were looking at. Fix the biggest cost first and measure again; stop when it is fast enough for your use case.",
        "In {1} specifically, the standard library already covers most of this, so prefer it over a hand-rolled version: it is better tested, handles the edge cases around encoding and cancellation, and the next person reading your code will recognise it immediately.",
        "When you write the tests, cover the happy path, one or two boundaries and one failure. Name each test after the behaviour it checks rather than the method it calls, so that a failing test tells you what broke without opening the code.",
        "One more practical tip: add a short comment explaining why the code does what it does, not what it does. The what is visible in the code; the why (a constraint from an API, a bug you worked around) is what gets lost when someone refactors it a year from now.",
    ];

    private static readonly string[] TriviaParagraphs =
    [
        "The short answer is the one most encyclopaedias give, but the story behind it is more interesting. Historians and scientists have argued about the details for a long time, and the accepted account has changed as new evidence turned up, so it is worth reading a couple of sources if you want the full picture.",
        "It helps to look at the context. At the time, communication was slow, measurements were rough, and many claims could not be checked for years. Some of what people remember today is a simplified version that spread because it made a good story, while the real sequence of events was messier and involved more people.",
        "From a scientific point of view, the explanation comes down to a few well-understood principles. Once you know them, you can predict the effect in other situations too, which is a good test of whether the explanation is right: it should work not only for the famous example but also for the less obvious ones.",
        "If you want to go deeper, good starting points are a general history or a popular science book on the subject, and then the original papers or letters, many of which are available online. Museums and university lectures often cover it too, and they tend to include the details that short summaries leave out.",
    ];

    private readonly Random _random = new(seed);
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>Creates the next conversation: <paramref name="userTurns"/> user turns, each answered by the assistant.</summary>
    /// <param name="userTurns">How many user turns (the conversation has twice as many turns).</param>
    /// <param name="statements">How many user turns state a preference, spread evenly over the conversation.</param>
    public IReadOnlyList<ConversationTurn> Next(int userTurns = 150, int statements = 5)
    {
        var turns = new List<ConversationTurn>(userTurns * 2);
        int every = userTurns / statements;
        for (int i = 0; i < userTurns; i++)
        {
            if (i % every == every / 2 && i / every < statements)
            {
                turns.Add(new ConversationTurn(ConversationTurn.UserRole, NextStatement()));
                turns.Add(new ConversationTurn(ConversationTurn.AssistantRole, "Noted, I'll keep that in mind from here on. " + Pick(CodeParagraphs).Replace("{0}", "that", StringComparison.Ordinal).Replace("{1}", Pick(Languages), StringComparison.Ordinal)));
                continue;
            }

            int kind = _random.Next(100);
            (string question, string answer) = kind switch
            {
                < 55 => Coding(),
                < 80 => TriviaTurn(),
                _ => FollowUp(),
            };
            turns.Add(new ConversationTurn(ConversationTurn.UserRole, question));
            turns.Add(new ConversationTurn(ConversationTurn.AssistantRole, answer));
        }

        return turns;
    }

    private static string CodeBlock(string language, string subject)
    {
        string name = subject.Split(' ')[0];
        return $$"""
            ```{{language.ToLowerInvariant()}}
            // {{subject}}
            public static async Task<Result> {{char.ToUpperInvariant(name[0])}}{{name[1..]}}Async(Input input, CancellationToken cancellationToken)
            {
                ArgumentNullException.ThrowIfNull(input);
                var items = await LoadAsync(input.Source, cancellationToken);
                var results = new List<Item>(items.Count);
                foreach (var item in items)
                {
                    if (!item.IsValid)
                    {
                        continue;
                    }

                    results.Add(Transform(item));
                }

                return new Result(results);
            }
            ```
            """;
    }

    private (string Question, string Answer) Coding()
    {
        string language = Pick(Languages);
        string subject;
        string question;
        switch (_random.Next(4))
        {
            case 0:
                subject = Pick(Tasks);
                question = $"How do I {subject} in {language}?";
                break;
            case 1:
                (string a, string b) = Pick(Pairs);
                subject = $"{a} versus {b}";
                question = $"What's the difference between {a} and {b} in {language}? When should I use which?";
                break;
            case 2:
                subject = Pick(Symptoms);
                question = $"Why does my {language} code {subject}? It worked fine last week.";
                break;
            default:
                subject = Pick(Concepts);
                question = $"Can you explain {subject} in {language} with a short example?";
                break;
        }

        var answer = new StringBuilder();
        answer.Append("Good question. In ").Append(language).Append(", the usual approach to ").Append(subject)
            .Append(" is simpler than it first looks, and most of the work is in handling the edge cases well.\n\n");
        answer.Append(Paragraph(CodeParagraphs, subject, language)).Append("\n\nHere is a minimal version you can adapt:\n\n");
        answer.Append(CodeBlock(language, subject)).Append("\n\n");
        int extra = 1 + _random.Next(3);
        for (int k = 0; k < extra; k++)
        {
            answer.Append(Paragraph(CodeParagraphs, subject, language)).Append("\n\n");
        }

        answer.Append("In short: keep it small, lean on the standard library, and test the edge cases. Let me know if you want me to adapt it to your code.");
        return (question, answer.ToString());
    }

    private (string Question, string Answer) TriviaTurn()
    {
        string question = Pick(Trivia);
        var answer = new StringBuilder("Here is what is known about that. ");
        int paragraphs = 2 + _random.Next(3);
        for (int k = 0; k < paragraphs; k++)
        {
            answer.Append(Pick(TriviaParagraphs)).Append("\n\n");
        }

        answer.Append("I hope that helps; ask me if you would like sources or more detail on any part of it.");
        return (question, answer.ToString());
    }

    private (string Question, string Answer) FollowUp()
    {
        string subject = Pick(Concepts);
        string said = Unique(() => Pick(FollowUps).Replace("{0}", subject, StringComparison.Ordinal).Replace("{1}", Pick(Projects), StringComparison.Ordinal));
        string answer = "Glad to hear it. " + Paragraph(CodeParagraphs, subject, Pick(Languages)) + "\n\n" + Paragraph(CodeParagraphs, subject, Pick(Languages));
        return (said, answer);
    }

    private string NextStatement() => Unique(() =>
    {
        (string template, string[] first, string[] second) = Pick(Statements);
        return template.Replace("{0}", Pick(first), StringComparison.Ordinal).Replace("{1}", Pick(second), StringComparison.Ordinal);
    });

    /// <summary>Draws texts until one this generator has not handed out yet, so that no conversation repeats an embedded text.</summary>
    private string Unique(Func<string> draw)
    {
        for (int attempt = 0; attempt < 10_000; attempt++)
        {
            string text = draw();
            if (_used.Add(text))
            {
                return text;
            }
        }

        throw new InvalidOperationException("The templates are exhausted; add templates or slot values to generate more conversations.");
    }

    private string Paragraph(string[] pool, string subject, string language)
        => Pick(pool).Replace("{0}", subject, StringComparison.Ordinal).Replace("{1}", language, StringComparison.Ordinal);

    private T Pick<T>(T[] items) => items[_random.Next(items.Length)];
}
