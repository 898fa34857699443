using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Cli.Contracts;

// The JSON shapes the CLI reads and writes. They mirror the service's wire contract (Penchant.Server.Contracts) field
// for field and in the same order, so `--json` output and the files import/observe read stay the same as the service's
// bodies; the CLI does not reference the service.

/// <summary>One message of a conversation, as <c>observe</c> reads it.</summary>
/// <param name="Role"><c>user</c>, <c>assistant</c> or <c>system</c>.</param>
/// <param name="Content">What was said.</param>
/// <param name="At">When it was said, if known.</param>
internal sealed record TurnContract(string? Role, string? Content, DateTimeOffset? At = null);

/// <summary>Where a preference applies.</summary>
/// <param name="Text">The scope as the user said it, or <see langword="null"/>.</param>
/// <param name="Tags">Structured tags a request's attributes must match.</param>
internal sealed record ScopeContract(string? Text, IReadOnlyDictionary<string, string> Tags)
{
    public IReadOnlyList<string>? Exclusions { get; init; }
}

/// <summary>A preference as the CLI shows it (everything but the embedding).</summary>
/// <param name="Id">The preference identifier.</param>
/// <param name="Text">The readable text.</param>
/// <param name="Kind">Preference, rule or fact.</param>
/// <param name="Polarity">Positive, negative or neutral.</param>
/// <param name="Strength">How strongly it was stated, 0 to 1.</param>
/// <param name="Scope">Where it applies; <see langword="null"/> when it applies everywhere.</param>
/// <param name="Sources">The event identifiers it came from, oldest first.</param>
/// <param name="Confidence">How sure the engine is, 0 to 1.</param>
/// <param name="CreatedAt">When it was first stated.</param>
/// <param name="UpdatedAt">When it was last restated or changed.</param>
/// <param name="SupersededBy">The preference that replaced it, or <see langword="null"/> while current.</param>
/// <param name="IsCurrent">Whether it is current.</param>
/// <param name="Metadata">The application's metadata, carried from the signals it came from; empty for none.</param>
/// <param name="ExpiresAt">When it stops holding, or <see langword="null"/> for never.</param>
internal sealed record PreferenceContract(
    string Id,
    string Text,
    PreferenceKind Kind,
    Polarity Polarity,
    double Strength,
    ScopeContract? Scope,
    IReadOnlyList<string> Sources,
    double Confidence,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? SupersededBy,
    bool IsCurrent,
    IReadOnlyDictionary<string, string> Metadata,
    DateTimeOffset? ExpiresAt);

/// <summary>What a write changed.</summary>
/// <param name="Events">The events appended to the user's log, in order.</param>
/// <param name="Created">Preferences that did not exist before.</param>
/// <param name="Reinforced">Preferences that gained a source.</param>
/// <param name="Superseded">Preferences retired by a newer statement.</param>
internal sealed record WriteResponse(
    IReadOnlyList<PreferenceEvent> Events,
    IReadOnlyList<PreferenceContract> Created,
    IReadOnlyList<PreferenceContract> Reinforced,
    IReadOnlyList<PreferenceContract> Superseded);

/// <summary>A preference that applies to a request.</summary>
/// <param name="Preference">The preference.</param>
/// <param name="Probability">The calibrated probability that it applies.</param>
/// <param name="Reasons">Readable reasons for the decision.</param>
/// <param name="Sources">The event identifiers it came from.</param>
internal sealed record SelectedPreferenceContract(
    PreferenceContract Preference,
    double Probability,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Sources);

/// <summary>A style the user's edits in the nearest past contexts ask for.</summary>
/// <param name="Feature">The feature of style.</param>
/// <param name="Text">The style as a sentence.</param>
/// <param name="Level">The preferred level, in the feature's unit.</param>
/// <param name="Confidence">How consistently the nearest edits agree on it.</param>
/// <param name="Sources">The edit events it came from.</param>
internal sealed record StylePreferenceContract(string Feature, string Text, double Level, double Confidence, IReadOnlyList<string> Sources);

/// <summary>The preferences that apply to a request, most probable first, the styles learned from edits, and the prompt block that states them.</summary>
/// <param name="Preferences">The selected preferences; empty when nothing applies.</param>
/// <param name="PromptBlock">The rendered prompt block; empty when nothing applies.</param>
/// <param name="Styles">The styles learned from the user's edits in similar contexts.</param>
internal sealed record SelectionResponse(IReadOnlyList<SelectedPreferenceContract> Preferences, string PromptBlock, IReadOnlyList<StylePreferenceContract> Styles);

/// <summary>One preference a search found (<c>penchant search --json</c>), as the service answers it.</summary>
/// <param name="Preference">The preference.</param>
/// <param name="Score">The reciprocal rank fusion of the ranking by meaning and the ranking by words.</param>
/// <param name="Semantic">The cosine similarity of the query's sentence embedding to the preference's.</param>
/// <param name="Lexical">The BM25 score of the preference's text for the query's content words.</param>
/// <param name="SemanticRank">The place in the ranking by meaning, from 1.</param>
/// <param name="LexicalRank">The place in the ranking by words, from 1; absent when no content word is shared.</param>
internal sealed record SearchMatchContract(PreferenceContract Preference, double Score, double Semantic, double Lexical, int SemanticRank, int? LexicalRank);

/// <summary>Where a bulk import stands (<c>POST /v1/imports</c>, <c>GET /v1/imports/{importId}</c>), as <c>import-signals</c> follows it.</summary>
/// <param name="Id">The import's identifier.</param>
/// <param name="Status"><c>queued</c>, <c>running</c>, <c>completed</c> or <c>failed</c>.</param>
/// <param name="TotalLines">The lines in the upload.</param>
/// <param name="LinesRead">The lines handled so far.</param>
/// <param name="Written">The lines written to a user's log.</param>
/// <param name="Skipped">The lines imported before (nothing written again).</param>
/// <param name="Failed">The lines rejected.</param>
/// <param name="Failures">The first rejected lines, each with its number and the reason.</param>
/// <param name="CreatedAt">When the upload was accepted.</param>
/// <param name="CompletedAt">When the last line was handled; absent until then.</param>
internal sealed record ImportResponse(
    string Id,
    string Status,
    long TotalLines,
    long LinesRead,
    long Written,
    long Skipped,
    long Failed,
    IReadOnlyList<ImportFailureContract> Failures,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt);

/// <summary>A line of an import that was rejected.</summary>
/// <param name="Line">The line number, from 1.</param>
/// <param name="Reason">Why it was rejected.</param>
internal sealed record ImportFailureContract(long Line, string Reason);
