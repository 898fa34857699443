namespace Penchant.Signals;

/// <summary>The user's next message after an answer, with what it reacted to: the signal <see cref="PenchantSignalExtensions.ReactAsync"/> records.</summary>
/// <param name="Turn">The user's next message.</param>
/// <remarks>All texts are user content: they are kept in the event log (erased with the preferences they produce) and logged only at <c>Trace</c>.</remarks>
public sealed record Reaction(string Turn) : Signal
{
    /// <summary>Gets the user's earlier request the answer replied to, or <see langword="null"/>.</summary>
    public string? Request { get; init; }

    /// <summary>Gets the assistant's answer, or <see langword="null"/>.</summary>
    public string? Answer { get; init; }

    /// <summary>Gets the identifiers of the preferences that were applied to the answer; their acceptance moves with the reaction.</summary>
    public IReadOnlyList<string> AppliedPreferenceIds { get; init; } = [];

    /// <summary>Gets a classification made elsewhere (for example by a language model), or <see langword="null"/> to let the engine classify.</summary>
    public ReactionClassification? Classification { get; init; }

    /// <summary>Gets when the user reacted, or <see langword="null"/> for now.</summary>
    public override DateTimeOffset? At { get; init; }
}
