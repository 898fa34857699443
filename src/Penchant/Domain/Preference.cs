namespace Penchant.Domain;

/// <summary>
/// A learned, readable unit of what a user wants, with where it applies and which signals it came from.
/// </summary>
/// <remarks>Instances are immutable; the engine replaces a preference with a modified copy.</remarks>
public sealed record Preference
{
    /// <summary>Gets the preference identifier (stable, unique within the user).</summary>
    public required string Id { get; init; }

    /// <summary>Gets the readable text of the preference.</summary>
    public required string Text { get; init; }

    /// <summary>Gets what sort of knowledge this is.</summary>
    public PreferenceKind Kind { get; init; }

    /// <summary>Gets whether the preference asks for or against something.</summary>
    public Polarity Polarity { get; init; }

    /// <summary>Gets how strongly it was stated, from 0 (mild) to 1 (absolute: allergies, "never").</summary>
    public double Strength { get; init; } = 0.5;

    /// <summary>Gets where the preference applies.</summary>
    public PreferenceScope Scope { get; init; } = PreferenceScope.Everywhere;

    /// <summary>Gets the identifiers of the signals (events) the preference came from, oldest first.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Gets how sure the engine is that the user holds this preference, from 0 to 1.</summary>
    public double Confidence { get; init; } = 0.9;

    /// <summary>Gets when the preference was first stated.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Gets when the preference was last restated or changed.</summary>
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Gets the identifier of the preference that replaced this one, or <see langword="null"/> while it is current.</summary>
    public string? SupersededBy { get; init; }

    /// <summary>Gets what the preference is relevant to, attached at write time.</summary>
    public ApplicabilityHints Hints { get; init; } = ApplicabilityHints.None;

    /// <summary>Gets the embedding of <see cref="Text"/>.</summary>
    public ReadOnlyMemory<float> Embedding { get; init; }

    /// <summary>Gets how many times the user was satisfied with an answer this preference was applied to.</summary>
    public int Accepted { get; init; }

    /// <summary>Gets how many times the user was dissatisfied with an answer this preference was applied to.</summary>
    public int Rejected { get; init; }

    /// <summary>Gets the application's metadata, carried from the signals the preference came from (empty for none).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = PreferenceMetadata.Empty;

    /// <summary>
    /// Gets when the preference stops holding, or <see langword="null"/> for never: from the signals it came from (it expires
    /// only when every one of them does). Past it, the preference is no longer listed or selected, and a sweep forgets it.
    /// </summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Tells whether the preference has expired at a moment.</summary>
    /// <param name="now">The moment (the engine's clock).</param>
    /// <returns><see langword="true"/> when <see cref="ExpiresAt"/> is at or before <paramref name="now"/>.</returns>
    public bool IsExpiredAt(DateTimeOffset now) => ExpiresAt is { } expires && expires <= now;

    /// <summary>Gets the acceptance of the preference: (accepted + 1) / (accepted + rejected + 2), 0.5 before any reaction.</summary>
    public double Acceptance => (Accepted + 1.0) / (Accepted + Rejected + 2.0);

    /// <summary>Gets a value indicating whether the preference is current (not superseded).</summary>
    public bool IsCurrent => SupersededBy is null;
}
