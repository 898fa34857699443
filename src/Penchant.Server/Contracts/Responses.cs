using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Server.Contracts;

/// <summary>Where a preference applies.</summary>
/// <param name="Text">The scope as the user said it, or <see langword="null"/>.</param>
/// <param name="Tags">Structured tags a request's attributes must match.</param>
public sealed record ScopeContract(string? Text, IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>Gets the situations the preference must not apply to (see <c>POST …/preferences/{id}/narrow</c>), or <see langword="null"/> when none.</summary>
    public IReadOnlyList<string>? Exclusions { get; init; }
}

/// <summary>A preference as the API and the CLI show it (everything but the embedding).</summary>
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
public sealed record PreferenceContract(
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
    IReadOnlyDictionary<string, string>? Metadata = null,
    DateTimeOffset? ExpiresAt = null);

/// <summary>What a write changed.</summary>
/// <param name="Events">The events appended to the user's log, in order.</param>
/// <param name="Created">Preferences that did not exist before.</param>
/// <param name="Reinforced">Preferences that gained a source.</param>
/// <param name="Superseded">Preferences retired by a newer statement.</param>
public sealed record WriteResponse(
    IReadOnlyList<PreferenceEvent> Events,
    IReadOnlyList<PreferenceContract> Created,
    IReadOnlyList<PreferenceContract> Reinforced,
    IReadOnlyList<PreferenceContract> Superseded);

/// <summary>A preference that applies to a request.</summary>
/// <param name="Preference">The preference.</param>
/// <param name="Probability">The calibrated probability that it applies.</param>
/// <param name="Reasons">Readable reasons for the decision.</param>
/// <param name="Sources">The event identifiers it came from.</param>
public sealed record SelectedPreferenceContract(
    PreferenceContract Preference,
    double Probability,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Sources);

/// <summary>A style the user's edits in the nearest past contexts ask for.</summary>
/// <param name="Feature">The feature of style (<c>length</c>, <c>bullet points</c>, <c>emoji</c>, …).</param>
/// <param name="Text">The style as a sentence ("Prefers bullet points").</param>
/// <param name="Level">The preferred level, in the feature's unit (words, a share of lines, a count, 0 or 1).</param>
/// <param name="Confidence">How consistently the nearest edits agree on it, from 0 to 1.</param>
/// <param name="Sources">The edit events it came from.</param>
public sealed record StylePreferenceContract(string Feature, string Text, double Level, double Confidence, IReadOnlyList<string> Sources);

/// <summary>The preferences that apply to a request, most probable first, the styles the user's edits ask for, and the prompt block that states them.</summary>
/// <param name="Preferences">The selected preferences; empty when nothing applies.</param>
/// <param name="PromptBlock">The rendered prompt block; empty when nothing applies.</param>
/// <param name="Styles">The styles learned from the user's edits in similar contexts; empty when none.</param>
public sealed record SelectionResponse(IReadOnlyList<SelectedPreferenceContract> Preferences, string PromptBlock, IReadOnlyList<StylePreferenceContract> Styles);

/// <summary>One reason a candidate scored as it did.</summary>
/// <param name="Description">A readable description ("violates: I strictly avoid gluten", "length").</param>
/// <param name="Contribution">How much it added to (or, when negative, took from) the score.</param>
/// <param name="PreferenceId">The stored preference it refers to, if any.</param>
public sealed record RankingFactorContract(string Description, double Contribution, string? PreferenceId);

/// <summary>One ranked candidate.</summary>
/// <param name="Index">The candidate's position in the request.</param>
/// <param name="Text">The candidate.</param>
/// <param name="Score">The score (higher is better; comparable within one ranking only).</param>
/// <param name="Probability">The probability that this candidate is the user's best of those given.</param>
/// <param name="Factors">What drove the score, strongest first.</param>
public sealed record RankedCandidateContract(int Index, string Text, double Score, double Probability, IReadOnlyList<RankingFactorContract> Factors);

/// <summary>Candidates ordered by the user's predicted preference, best first.</summary>
/// <param name="Candidates">The candidates, best first.</param>
/// <param name="ModelVersion">The version of the tenant's ranking model used, or 0 when none is trained yet.</param>
/// <param name="Comparisons">How many of the user's own comparisons the personal part has learned from.</param>
public sealed record RankingResponse(IReadOnlyList<RankedCandidateContract> Candidates, long ModelVersion, int Comparisons);

/// <summary>How a reaction was read and what it changed.</summary>
/// <param name="Label"><c>neutral</c>, <c>satisfied</c> or <c>dissatisfied</c>.</param>
/// <param name="Reason">A short readable reason.</param>
/// <param name="Confidence">How sure the classifier is, 0 to 1.</param>
/// <param name="Wish">For a correction that says what the user wants instead, that wish; otherwise absent.</param>
/// <param name="Write">The event appended and the preferences created or changed.</param>
public sealed record ReactionResponse(ReactionLabel Label, string Reason, double Confidence, string? Wish, WriteResponse Write);

/// <summary>What training fitted.</summary>
/// <param name="Users">Users whose signals were used.</param>
/// <param name="Comparisons">Pairwise comparisons derived from comparisons, ratings and choices.</param>
/// <param name="ModelVersion">The stored version of the new model (0 when there was nothing to train on).</param>
/// <param name="TrainingAccuracy">The share of comparisons the new model orders as the users did.</param>
/// <param name="Temperature">The calibration temperature.</param>
public sealed record TrainingResponse(int Users, int Comparisons, long ModelVersion, double TrainingAccuracy, double Temperature);

/// <summary>Where a training job is.</summary>
public enum TrainingJobStatus
{
    /// <summary>Waiting for the training worker.</summary>
    Queued,

    /// <summary>Training.</summary>
    Running,

    /// <summary>Finished; the report says what was fitted.</summary>
    Succeeded,

    /// <summary>Finished without a model; the error says why.</summary>
    Failed,
}

/// <summary>Why a training job failed, as the problem details the request would have answered if it had trained inline.</summary>
/// <param name="Status">The HTTP status of the failure (500 when the engine failed, 503 when the service stopped).</param>
/// <param name="ErrorCode">The error code (see <c>docs/service.md</c>).</param>
/// <param name="Title">A short title.</param>
/// <param name="Detail">What went wrong, free of user content; absent for unexpected failures.</param>
public sealed record TrainingJobError(int Status, string ErrorCode, string Title, string? Detail);

/// <summary>A training job of the key's tenant (<c>GET /v1/training/jobs/{jobId}</c>).</summary>
/// <param name="Id">The job identifier.</param>
/// <param name="Status"><c>queued</c>, <c>running</c>, <c>succeeded</c> or <c>failed</c>.</param>
/// <param name="Options">The options it trains with, defaults filled in.</param>
/// <param name="QueuedAt">When it was accepted.</param>
/// <param name="StartedAt">When training started; absent while queued.</param>
/// <param name="FinishedAt">When it succeeded or failed; absent before.</param>
/// <param name="Report">What was fitted, once it succeeded.</param>
/// <param name="Error">Why it failed, once it failed.</param>
public sealed record TrainingJobResponse(
    string Id,
    TrainingJobStatus Status,
    TrainRequest Options,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    TrainingResponse? Report = null,
    TrainingJobError? Error = null);

/// <summary>A principle distilled from the user's judgements.</summary>
/// <param name="Id">A stable identifier of the rule.</param>
/// <param name="Text">The rule as a sentence ("Prefers shorter responses").</param>
/// <param name="Support">How many judgements it applies to.</param>
/// <param name="Accuracy">The share of held-back judgements it predicts.</param>
/// <param name="Tested">How many held-back judgements it was checked on.</param>
/// <param name="Sources">The signals it agrees with.</param>
/// <param name="Status">Whether the user confirmed it.</param>
public sealed record PrincipleContract(string Id, string Text, int Support, double Accuracy, int Tested, IReadOnlyList<string> Sources, PrincipleStatus Status);

/// <summary>A principle over a tenant's pooled judgements.</summary>
/// <param name="Principle">The principle (its sources are the signals of every user it agrees with).</param>
/// <param name="Users">How many users have it among their own principles.</param>
public sealed record TenantPrincipleContract(PrincipleContract Principle, int Users);

/// <summary>What was learned across the key's tenant (<c>GET /v1/principles</c>).</summary>
/// <param name="Principles">The principles, most useful first.</param>
/// <param name="Users">How many users were read.</param>
/// <param name="Judgements">How many judgements were pooled.</param>
/// <param name="Truncated">Whether the tenant has more users than were read (the service's <c>Penchant:ExplainMaxUsers</c>).</param>
public sealed record TenantExplanationResponse(IReadOnlyList<TenantPrincipleContract> Principles, int Users, int Judgements, bool Truncated);
