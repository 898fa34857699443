using System.Text.Json.Serialization;
using Penchant.Signals;

namespace Penchant.Server.Contracts;

/// <summary>A statement to remember (<c>POST /v1/users/{userId}/statements</c>).</summary>
/// <param name="Text">What the user said.</param>
/// <param name="At">When it was said; the server's clock when absent.</param>
/// <param name="Scope">Where it applies, when the application knows better than the text.</param>
/// <param name="Metadata">The application's string metadata (<c>{"app":"mail"}</c>), carried to the preferences learned from it; at most 16 keys.</param>
/// <param name="ExpiresAt">When the statement stops holding; the preferences learned only from it are then no longer selected, and later forgotten.</param>
/// <param name="Ttl">How long the statement holds, from <paramref name="At"/>: an ISO-8601 duration (<c>"P7D"</c>) or a number of seconds; instead of <paramref name="ExpiresAt"/>.</param>
public sealed record RememberRequest(
    string? Text,
    DateTimeOffset? At = null,
    string? Scope = null,
    IReadOnlyDictionary<string, string>? Metadata = null,
    DateTimeOffset? ExpiresAt = null,
    [property: JsonConverter(typeof(TtlJsonConverter))] string? Ttl = null);

/// <summary>One message of a conversation.</summary>
/// <param name="Role"><c>user</c>, <c>assistant</c> or <c>system</c>.</param>
/// <param name="Content">What was said.</param>
/// <param name="At">When it was said, if known.</param>
public sealed record TurnContract(string? Role, string? Content, DateTimeOffset? At = null);

/// <summary>Conversation turns to observe (<c>POST /v1/users/{userId}/observations</c>).</summary>
/// <param name="Turns">The turns, oldest first.</param>
/// <param name="Metadata">The application's string metadata (<c>{"app":"mail"}</c>), given to every turn and carried to the preferences learned from them.</param>
/// <param name="ExpiresAt">When what the turns state stops holding.</param>
/// <param name="Ttl">How long what the turns state holds: an ISO-8601 duration (<c>"P7D"</c>) or a number of seconds; instead of <paramref name="ExpiresAt"/>.</param>
public sealed record ObserveRequest(
    IReadOnlyList<TurnContract>? Turns,
    IReadOnlyDictionary<string, string>? Metadata = null,
    DateTimeOffset? ExpiresAt = null,
    [property: JsonConverter(typeof(TtlJsonConverter))] string? Ttl = null);

/// <summary>A request to select preferences for (<c>POST /v1/users/{userId}/select</c>).</summary>
/// <param name="Text">The request.</param>
/// <param name="Attributes">Structured attributes such as <c>domain</c>, <c>channel</c>, <c>recipient</c>.</param>
/// <param name="Conversation">The recent conversation before the request, oldest first.</param>
public sealed record SelectRequest(
    string? Text,
    IReadOnlyDictionary<string, string>? Attributes = null,
    IReadOnlyList<TurnContract>? Conversation = null);

/// <summary>Two responses the user compared (<c>POST /v1/users/{userId}/comparisons</c>).</summary>
/// <param name="Context">What was asked or shown.</param>
/// <param name="Preferred">The response the user preferred (for a tie, either one).</param>
/// <param name="Rejected">The other response.</param>
/// <param name="Magnitude">How much better the preferred one was: <c>tie</c>, <c>slightly</c>, <c>clearly</c> (the default) or <c>much</c>.</param>
/// <param name="At">When; the server's clock when absent.</param>
public sealed record CompareRequest(
    string? Context,
    string? Preferred,
    string? Rejected,
    ComparisonMagnitude? Magnitude = null,
    DateTimeOffset? At = null);

/// <summary>A response the user rated on a declared scale (<c>POST /v1/users/{userId}/ratings</c>).</summary>
/// <param name="Context">What was asked.</param>
/// <param name="Response">The rated response.</param>
/// <param name="Score">The score, between <paramref name="Minimum"/> and <paramref name="Maximum"/>.</param>
/// <param name="Minimum">The lowest score of the scale; 1 when absent.</param>
/// <param name="Maximum">The highest score of the scale; 5 when absent.</param>
/// <param name="Attribute">What was rated (helpfulness, verbosity, …), or absent for overall quality.</param>
/// <param name="At">When; the server's clock when absent.</param>
public sealed record RateRequest(
    string? Context,
    string? Response,
    double? Score,
    double? Minimum = null,
    double? Maximum = null,
    string? Attribute = null,
    DateTimeOffset? At = null);

/// <summary>The candidate the user chose among those shown (<c>POST /v1/users/{userId}/choices</c>).</summary>
/// <param name="Context">What was asked or where the candidates were shown.</param>
/// <param name="Candidates">The candidates shown, in display order (at least two).</param>
/// <param name="Chosen">The zero-based index of the chosen candidate.</param>
/// <param name="At">When; the server's clock when absent.</param>
public sealed record ChooseRequest(string? Context, IReadOnlyList<string>? Candidates, int? Chosen, DateTimeOffset? At = null);

/// <summary>An output the user edited before using it (<c>POST /v1/users/{userId}/edits</c>).</summary>
/// <param name="Context">What the output was for (the request, or the document it summarised).</param>
/// <param name="Output">What the application produced.</param>
/// <param name="Edited">What the user made of it (the same text when they kept it as it was).</param>
/// <param name="At">When; the server's clock when absent.</param>
public sealed record EditRequest(string? Context, string? Output, string? Edited, DateTimeOffset? At = null);

/// <summary>Candidates to order the way the user would (<c>POST /v1/users/{userId}/rank</c>).</summary>
/// <param name="Text">The request the candidates answer.</param>
/// <param name="Candidates">The candidates (at least one).</param>
/// <param name="Attributes">Structured attributes such as <c>domain</c>, <c>channel</c>, <c>recipient</c>.</param>
/// <param name="Conversation">The recent conversation before the request, oldest first.</param>
public sealed record RankRequest(
    string? Text,
    IReadOnlyList<string>? Candidates,
    IReadOnlyDictionary<string, string>? Attributes = null,
    IReadOnlyList<TurnContract>? Conversation = null);

/// <summary>The user's next message after an answer (<c>POST /v1/users/{userId}/reactions</c>).</summary>
/// <param name="Turn">The user's next message.</param>
/// <param name="Request">The user's earlier request the answer replied to.</param>
/// <param name="Answer">The assistant's answer.</param>
/// <param name="AppliedPreferenceIds">The preferences that were applied to the answer; their acceptance moves with the reaction.</param>
/// <param name="At">When the user reacted; the server's clock when absent.</param>
public sealed record ReactRequest(
    string? Turn,
    string? Request = null,
    string? Answer = null,
    IReadOnlyList<string>? AppliedPreferenceIds = null,
    DateTimeOffset? At = null);

/// <summary>How to refit the tenant's ranking model (<c>POST /v1/train</c>); every field, and the body itself, is optional.</summary>
/// <param name="Prototypes">Shared prototypes (tastes) users mix, 0 to 64; 4 when absent.</param>
/// <param name="SkewRank">Rotation blocks of the skew-symmetric head, 0 to 32; 0 when absent.</param>
/// <param name="Epochs">Passes over the comparisons, 1 to 1000; 20 when absent.</param>
/// <param name="Seed">The random seed; 17 when absent.</param>
public sealed record TrainRequest(int? Prototypes = null, int? SkewRank = null, int? Epochs = null, int? Seed = null);
