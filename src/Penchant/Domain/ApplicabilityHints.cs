namespace Penchant.Domain;

/// <summary>
/// What a preference is relevant to, attached when it is written so the read path never waits on a language model:
/// kinds of requests it affects ("restaurant recommendations" for a diet), in-scope examples, and near-scope
/// examples it must not fire on ("an email to a friend" for a rule about emails to the boss).
/// </summary>
public sealed record ApplicabilityHints
{
    /// <summary>Gets hints that say nothing.</summary>
    public static ApplicabilityHints None { get; } = new();

    /// <summary>Gets short descriptions of the kinds of requests the preference affects.</summary>
    public IReadOnlyList<string> RequestKinds { get; init; } = [];

    /// <summary>Gets example requests the preference applies to; the gate compares requests with them as with <see cref="RequestKinds"/>.</summary>
    public IReadOnlyList<string> InScopeExamples { get; init; } = [];

    /// <summary>Gets example requests that look close but to which the preference does not apply.</summary>
    /// <remarks>Stored and exported; the default gate does not read them yet.</remarks>
    public IReadOnlyList<string> NearScopeExamples { get; init; } = [];

    /// <summary>Gets, for a chained rule, the area whose preferences it brings in ("hotel" for "when I book concert tickets, also look for a hotel").</summary>
    public string? ChainsTo { get; init; }

    /// <summary>Gets the name of what produced the hints (for example <c>lexicon</c> or a model name).</summary>
    public string? Source { get; init; }
}
