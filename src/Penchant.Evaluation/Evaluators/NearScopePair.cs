namespace Penchant.Evaluation.Evaluators;

/// <summary>
/// One labelled pair for the learned near-scope test (<c>training/near-scope/pairs.jsonl</c>, kept apart from
/// <c>eval/</c>): a scoped preference's situation as extraction gives it ("I email my boss", "my leg day workouts") and a
/// request in its scope or near it (the same kind of situation with another filler of one of its slots).
/// </summary>
public sealed record NearScopePair
{
    /// <summary>Gets the pair's identifier.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the domain (the unit of the cross-validation folds).</summary>
    public required string Domain { get; init; }

    /// <summary>Gets the situation.</summary>
    public required string Situation { get; init; }

    /// <summary>Gets the request.</summary>
    public required string Request { get; init; }

    /// <summary>Gets the label: <c>in</c> (in scope) or <c>near</c> (near scope).</summary>
    public required string Label { get; init; }
}
