using Penchant.Domain;

namespace Penchant.Learning.Statements;

/// <summary>A preference found in a statement or turn, before it is reconciled with what the user already has.</summary>
public sealed record ExtractedPreference
{
    /// <summary>Gets the preference text.</summary>
    public required string Text { get; init; }

    /// <summary>Gets what sort of knowledge it is.</summary>
    public PreferenceKind Kind { get; init; }

    /// <summary>Gets its direction.</summary>
    public Polarity Polarity { get; init; }

    /// <summary>Gets how strongly it was stated, from 0 to 1.</summary>
    public double Strength { get; init; } = 0.5;

    /// <summary>Gets where it applies.</summary>
    public PreferenceScope Scope { get; init; } = PreferenceScope.Everywhere;

    /// <summary>Gets how sure the extractor is that this is a lasting preference, from 0 to 1.</summary>
    public double Confidence { get; init; } = 0.9;

    /// <summary>Gets the area a chained rule points to, if any.</summary>
    public string? ChainsTo { get; init; }

    /// <summary>Gets a value indicating whether the wording says it revises something said before ("again", "no longer", "actually").</summary>
    public bool SignalsRevision { get; init; }
}
