using Penchant.Domain;

namespace Penchant.Storage.Codecs;

/// <summary>
/// The stored form of a <see cref="Preference"/>'s non-vector fields (the identifier and the embedding have columns of their own).
/// Kept apart from the domain record so the file format changes only with the schema version.
/// </summary>
internal sealed class PreferencePayload
{
    public string Text { get; set; } = string.Empty;

    public PreferenceKind Kind { get; set; }

    public Polarity Polarity { get; set; }

    public double Strength { get; set; }

    public string? ScopeText { get; set; }

    public Dictionary<string, string>? ScopeTags { get; set; }

    public List<string>? ScopeExclusions { get; set; }

    public List<string>? Sources { get; set; }

    public double Confidence { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public string? SupersededBy { get; set; }

    public HintsPayload? Hints { get; set; }

    public int Accepted { get; set; }

    public int Rejected { get; set; }

    public Dictionary<string, string>? Metadata { get; set; }

    public DateTimeOffset? ExpiresAt { get; set; }

    public static PreferencePayload From(Preference preference) => new()
    {
        Text = preference.Text,
        Kind = preference.Kind,
        Polarity = preference.Polarity,
        Strength = preference.Strength,
        ScopeText = preference.Scope.Text,
        ScopeTags = preference.Scope.Tags.Count == 0 ? null : new Dictionary<string, string>(preference.Scope.Tags, StringComparer.Ordinal),
        ScopeExclusions = preference.Scope.Exclusions.Count == 0 ? null : [.. preference.Scope.Exclusions],
        Sources = preference.Sources.Count == 0 ? null : [.. preference.Sources],
        Confidence = preference.Confidence,
        CreatedAt = preference.CreatedAt,
        UpdatedAt = preference.UpdatedAt,
        SupersededBy = preference.SupersededBy,
        Hints = HintsPayload.From(preference.Hints),
        Accepted = preference.Accepted,
        Rejected = preference.Rejected,
        Metadata = preference.Metadata.Count == 0 ? null : new Dictionary<string, string>(preference.Metadata, StringComparer.Ordinal),
        ExpiresAt = preference.ExpiresAt,
    };

    public Preference ToPreference(string id, ReadOnlyMemory<float> embedding) => new()
    {
        Id = id,
        Text = Text,
        Kind = Kind,
        Polarity = Polarity,
        Strength = Strength,
        Scope = ScopeText is null && (ScopeTags is null || ScopeTags.Count == 0) && (ScopeExclusions is null || ScopeExclusions.Count == 0)
            ? PreferenceScope.Everywhere
            : new PreferenceScope
            {
                Text = ScopeText,
                Tags = ScopeTags is null || ScopeTags.Count == 0 ? PreferenceScope.EmptyTags : new Dictionary<string, string>(ScopeTags, StringComparer.Ordinal),
                Exclusions = ScopeExclusions is null ? [] : [.. ScopeExclusions],
            },
        Sources = Sources is null ? [] : [.. Sources],
        Confidence = Confidence,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        SupersededBy = SupersededBy,
        Hints = Hints?.ToHints() ?? ApplicabilityHints.None,
        Embedding = embedding,
        Accepted = Accepted,
        Rejected = Rejected,
        Metadata = PreferenceMetadata.Freeze(Metadata),
        ExpiresAt = ExpiresAt,
    };
}
