using System.Text.Json.Serialization;

namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// One item of the scoped-feedback set, in C3PO's three parts: the feedback, how it arrives, and probe requests in its scope,
/// near it (same domain or wording, outside the stated situation) and out of it; optionally a narrowing ("not for …") with
/// the probes it must stop firing on.
/// </summary>
public sealed record FeedbackCase
{
    // Source-generated JSON sets every init-only member, absent ones to null: absent probe lists read as empty.
    private readonly IReadOnlyList<string> _inScope = [];
    private readonly IReadOnlyList<string> _nearScope = [];
    private readonly IReadOnlyList<string> _outScope = [];
    private readonly IReadOnlyList<string> _narrowed = [];

    /// <summary>Gets the item identifier.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the domain (the unit of the tune/holdout split).</summary>
    public required string Domain { get; init; }

    /// <summary>Gets the split, <c>tune</c> or <c>holdout</c>.</summary>
    public required string Split { get; init; }

    /// <summary>Gets how the feedback arrives: <c>statement</c>, <c>turn</c> or <c>reaction</c>.</summary>
    public required string Arrives { get; init; }

    /// <summary>Gets the feedback as the user said it.</summary>
    public required string Feedback { get; init; }

    /// <summary>Gets, for a reaction, the earlier request the answer replied to.</summary>
    public string? Request { get; init; }

    /// <summary>Gets, for a reaction, the answer the user reacted to.</summary>
    public string? Answer { get; init; }

    /// <summary>Gets the probes inside the feedback's scope.</summary>
    [JsonPropertyName("in_scope")]
    public IReadOnlyList<string> InScope { get => _inScope; init => _inScope = value ?? []; }

    /// <summary>Gets the probes near the scope but outside it.</summary>
    [JsonPropertyName("near_scope")]
    public IReadOnlyList<string> NearScope { get => _nearScope; init => _nearScope = value ?? []; }

    /// <summary>Gets the probes far from the scope.</summary>
    [JsonPropertyName("out_scope")]
    public IReadOnlyList<string> OutScope { get => _outScope; init => _outScope = value ?? []; }

    /// <summary>Gets the narrowing the user says after the probe round ("not for my sister"), or <see langword="null"/>.</summary>
    [JsonPropertyName("not_for")]
    public string? NotFor { get; init; }

    /// <summary>Gets the in-scope probes that fall under the narrowing and must stop firing after it.</summary>
    [JsonPropertyName("narrowed")]
    public IReadOnlyList<string> Narrowed { get => _narrowed; init => _narrowed = value ?? []; }
}
