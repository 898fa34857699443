namespace Penchant.Evaluation.Simulations;

/// <summary>
/// The simulated user's hidden preference for one document source, read from PRELUDE's descriptors ("bullet points,
/// parallel structure, brief"): a target for each style the writer can render that a descriptor names, and nothing for
/// the rest. This reading belongs to the simulated user; the learner never sees it.
/// </summary>
/// <param name="Source">The document source.</param>
/// <param name="Descriptors">The upstream descriptors.</param>
public sealed record HiddenStyle(string Source, IReadOnlyList<string> Descriptors)
{
    /// <summary>Gets the most words of content the user accepts, or <see langword="null"/> when they do not care.</summary>
    public int? MaxWords { get; init; }

    /// <summary>Gets the most words per sentence the user accepts, or <see langword="null"/>.</summary>
    public int? MaxSentenceWords { get; init; }

    /// <summary>Gets whether the user wants bullet points, or <see langword="null"/>.</summary>
    public bool? Bullets { get; init; }

    /// <summary>Gets whether the user wants emoji, or <see langword="null"/>.</summary>
    public bool? Emoji { get; init; }

    /// <summary>Gets whether the user wants a greeting, or <see langword="null"/>.</summary>
    public bool? Greeting { get; init; }

    /// <summary>Gets whether the user wants a closing, or <see langword="null"/>.</summary>
    public bool? Closing { get; init; }

    /// <summary>Gets the register the user wants (-1 casual, 1 formal), or <see langword="null"/>.</summary>
    public int? Formality { get; init; }

    /// <summary>Gets whether the user wants to be addressed as "you", or <see langword="null"/>.</summary>
    public bool? SecondPerson { get; init; }

    /// <summary>Gets whether the user wants questions, or <see langword="null"/>.</summary>
    public bool? Questions { get; init; }

    /// <summary>Gets whether the user wants exclamations, or <see langword="null"/>.</summary>
    public bool? Exclamations { get; init; }

    /// <summary>Gets the descriptors the writer cannot render, so the simulation cannot show them ("storytelling", "positive").</summary>
    public IReadOnlyList<string> Unrendered { get; init; } = [];

    /// <summary>
    /// Reads descriptors as the simulated user's targets. Each renderable descriptor sets one or more targets; the others are
    /// listed in <see cref="Unrendered"/>.
    /// </summary>
    /// <param name="source">The document source.</param>
    /// <param name="descriptors">The descriptors, lower-case.</param>
    /// <returns>The hidden style.</returns>
    public static HiddenStyle FromDescriptors(string source, IReadOnlyList<string> descriptors)
    {
        ArgumentNullException.ThrowIfNull(descriptors);
        var style = new HiddenStyle(source, descriptors);
        var unrendered = new List<string>();
        foreach (string d in descriptors)
        {
            HiddenStyle? next = d switch
            {
                "brief" => style with { MaxWords = Math.Min(style.MaxWords ?? 40, 40) },
                "straight to the points" => style with { MaxWords = Math.Min(style.MaxWords ?? 50, 50) },
                "tweet style" => style with { MaxWords = Math.Min(style.MaxWords ?? 30, 30) },
                "short sentences" => style with { MaxSentenceWords = Math.Min(style.MaxSentenceWords ?? 8, 8) },
                "simple english" => style with { MaxSentenceWords = Math.Min(style.MaxSentenceWords ?? 10, 10) },
                "bullet points" or "structured" => style with { Bullets = true },
                "with emojis" => style with { Emoji = true },
                "question answering style" or "inquisitive" or "interactive" => style with { Questions = true },
                "second person narrative" or "personalized" => style with { SecondPerson = true },
                "playful language" or "call to action" => style with { Exclamations = true },
                "professional greeting and closing" => style with { Greeting = true, Closing = true, Formality = 1 },
                "respectful" or "professional tone" => style with { Formality = 1 },
                "informal" or "conversational" or "casual tone" => style with { Formality = -1 },
                "no closing" => style with { Closing = false },
                "thankful closing" => style with { Closing = true },
                _ => null,
            };
            if (next is null)
            {
                unrendered.Add(d);
            }
            else
            {
                style = next;
            }
        }

        return style with { Unrendered = unrendered };
    }

    /// <summary>
    /// The user's edit of an output: every style that breaks the hidden preference is changed to what the user wants, and
    /// everything else is left as the writer made it.
    /// </summary>
    /// <param name="written">The style the output was written under.</param>
    /// <param name="contentWords">The words of content in the output.</param>
    /// <param name="sentenceWords">The mean words per sentence of the output's content.</param>
    /// <returns>The style of the user's edit (the same as <paramref name="written"/> when nothing breaks the preference).</returns>
    public WriterStyle Correct(WriterStyle written, int contentWords, double sentenceWords)
    {
        ArgumentNullException.ThrowIfNull(written);
        WriterStyle edited = written;
        if (MaxWords is { } most && contentWords > most * 1.3)
        {
            edited = edited with { Words = most };
        }

        if (MaxSentenceWords is { } per && sentenceWords > per * 1.3)
        {
            edited = edited with { SentenceWords = per };
        }

        return edited with
        {
            Bullets = Bullets ?? edited.Bullets,
            Emoji = Emoji ?? edited.Emoji,
            Greeting = Greeting ?? edited.Greeting,
            Closing = Closing ?? edited.Closing,
            Formality = Formality ?? edited.Formality,
            SecondPerson = SecondPerson ?? edited.SecondPerson,
            Questions = Questions ?? edited.Questions,
            Exclamations = Exclamations ?? edited.Exclamations,
        };
    }

    /// <summary>The style the writer would use if it knew the hidden preference (the oracle).</summary>
    /// <param name="baseline">The writer's default style for the task.</param>
    /// <returns>The style.</returns>
    public WriterStyle Apply(WriterStyle baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return Correct(baseline, int.MaxValue / 2, double.MaxValue / 4) with { Words = MaxWords ?? baseline.Words, SentenceWords = MaxSentenceWords ?? baseline.SentenceWords };
    }
}
