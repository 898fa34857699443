namespace Penchant.Evaluation.Simulations;

/// <summary>The style the simulated writer renders a base text under.</summary>
public sealed record WriterStyle
{
    /// <summary>Gets the most words of content kept (whole sentences, at least one), or <see langword="null"/> for all.</summary>
    public int? Words { get; init; }

    /// <summary>Gets the most words per sentence (longer sentences are split), or <see langword="null"/> to keep them.</summary>
    public int? SentenceWords { get; init; }

    /// <summary>Gets a value indicating whether each sentence is a bullet point.</summary>
    public bool Bullets { get; init; }

    /// <summary>Gets a value indicating whether emoji are added.</summary>
    public bool Emoji { get; init; }

    /// <summary>Gets a value indicating whether the text opens with a greeting.</summary>
    public bool Greeting { get; init; }

    /// <summary>Gets a value indicating whether the text ends with a closing and a signature.</summary>
    public bool Closing { get; init; }

    /// <summary>Gets the register: -1 casual, 0 neutral, 1 formal.</summary>
    public int Formality { get; init; }

    /// <summary>Gets a value indicating whether the text addresses the reader as "you".</summary>
    public bool SecondPerson { get; init; }

    /// <summary>Gets a value indicating whether the text asks the reader questions.</summary>
    public bool Questions { get; init; }

    /// <summary>Gets a value indicating whether sentences end with exclamation marks.</summary>
    public bool Exclamations { get; init; }
}
