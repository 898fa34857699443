using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Penchant.Domain;
using Penchant.Engine;
using Penchant.Server.Api;
using Penchant.Server.Contracts;
using Penchant.Server.Writes;
using Penchant.Signals;

namespace Penchant.Server.Imports;

/// <summary>
/// Reads one line of a bulk import: <c>{"user": …, "kind": …, "key": …, …fields}</c>, where <c>kind</c> is
/// <c>statement</c>, <c>observation</c>, <c>comparison</c>, <c>rating</c>, <c>choice</c> or <c>edit</c> and the other
/// fields are those of the matching endpoint's body (<c>POST /v1/users/{user}/statements</c>, …).
/// </summary>
/// <param name="User">The user, in the import's tenant.</param>
/// <param name="Signal">The signal.</param>
/// <param name="Key">The idempotency key: the line's own <c>key</c>, or one derived from the user, the line number and a hash of the line.</param>
internal sealed partial record ImportLine(UserKey User, Signal Signal, string Key)
{
    /// <summary>The kinds a line may have.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["statement", "observation", "comparison", "rating", "choice", "edit"];

    /// <summary>Parses a line.</summary>
    /// <exception cref="ArgumentException">The line is not a valid signal; the message says why, without the line's content.</exception>
    public static ImportLine Parse(string tenantId, long number, byte[] line, RequestLimits limits, JsonSerializerOptions json)
    {
        if (!System.Text.Unicode.Utf8.IsValid(line))
        {
            throw new ArgumentException("The line is not valid UTF-8.");
        }

        JsonObject body;
        try
        {
            body = JsonNode.Parse(line, documentOptions: new JsonDocumentOptions { MaxDepth = json.MaxDepth, AllowDuplicateProperties = false }) as JsonObject
                ?? throw new ArgumentException("The line is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new ArgumentException(ex.Message.Contains("duplicate", StringComparison.OrdinalIgnoreCase)
                ? "The line has a field twice." : "The line is not valid JSON.", ex);
        }

        string userId = Take(body, "user") ?? throw new ArgumentException("'user' is required.");
        string kind = Take(body, "kind") ?? throw new ArgumentException($"'kind' is required: one of {string.Join(", ", Kinds)}.");
        string? key = Take(body, "key");
        UserKey user = UserKey.Create(tenantId, userId);
        if (key is not null)
        {
            IdempotencyKeys.Validate(key);
        }

        Signal signal = kind switch
        {
            "statement" => Statement(Read<RememberRequest>(body, json), limits),
            "observation" => Observation(Read<ObserveRequest>(body, json), limits),
            "comparison" => Comparison(Read<CompareRequest>(body, json), limits),
            "rating" => Rating(Read<RateRequest>(body, json), limits),
            "choice" => Choice(Read<ChooseRequest>(body, json), limits),
            "edit" => Edit(Read<EditRequest>(body, json), limits),
            _ => throw new ArgumentException($"'kind' must be one of {string.Join(", ", Kinds)}."),
        };
        return new ImportLine(user, signal, key ?? DerivedKey(userId, number, line));
    }

    /// <summary>Derives a line's idempotency key from its user, its number and its bytes: the same file uploaded again, or resumed, writes nothing twice.</summary>
    internal static string DerivedKey(string userId, long number, byte[] line)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{userId}\n{number}\n"));
        hash.AppendData(line);
        return "import-" + Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 20));
    }

    private static string? Take(JsonObject body, string name)
    {
        if (!body.TryGetPropertyValue(name, out JsonNode? node))
        {
            return null;
        }

        body.Remove(name);
        return node is JsonValue value && value.TryGetValue(out string? text) ? text : throw new ArgumentException($"'{name}' must be a string.");
    }

    private static T Read<T>(JsonObject body, JsonSerializerOptions json)
        where T : class
    {
        try
        {
            var typeInfo = (JsonTypeInfo<T>)json.GetTypeInfo(typeof(T));
            return body.Deserialize(typeInfo) ?? throw new ArgumentException("The line has no fields.");
        }
        catch (JsonException ex)
        {
            Match unknown = UnknownMember().Match(ex.Message);
            throw new ArgumentException(
                unknown.Success ? $"'{unknown.Groups[1].Value}' is not a field of this kind of line."
                : ex.Path is { Length: > 1 } path ? $"The value at '{path}' has the wrong type."
                : "A field has the wrong type.",
                ex);
        }
    }

    private static Statement Statement(RememberRequest r, RequestLimits limits)
    {
        string text = RequestValidation.Text(r.Text, "text", limits.MaxText);
        RequestValidation.Optional(r.Scope, "scope", limits.MaxText);
        return new Statement(text, r.At, string.IsNullOrWhiteSpace(r.Scope) ? null : r.Scope);
    }

    private static ConversationTurn Observation(ObserveRequest r, RequestLimits limits)
    {
        RequestValidation.Turns(r.Turns, "turns", limits.MaxText, limits.MaxItems, required: true);
        if (r.Turns!.Count != 1)
        {
            throw new ArgumentException("An observation line carries exactly one turn in 'turns'; put each turn on its own line.");
        }

        return r.Turns[0].ToDomain();
    }

    private static Comparison Comparison(CompareRequest r, RequestLimits limits)
    {
        string context = RequestValidation.Text(r.Context, "context", limits.MaxText);
        string preferred = RequestValidation.Text(r.Preferred, "preferred", limits.MaxText);
        string rejected = RequestValidation.Text(r.Rejected, "rejected", limits.MaxText);
        ComparisonMagnitude magnitude = r.Magnitude ?? ComparisonMagnitude.Clearly;
        if (!Enum.IsDefined(magnitude))
        {
            throw new ArgumentException("'magnitude' must be tie, slightly, clearly or much.");
        }

        return new Comparison(context, preferred, rejected, magnitude, r.At);
    }

    private static Rating Rating(RateRequest r, RequestLimits limits)
    {
        string context = RequestValidation.Text(r.Context, "context", limits.MaxText);
        string response = RequestValidation.Text(r.Response, "response", limits.MaxText);
        RequestValidation.Optional(r.Attribute, "attribute", limits.MaxText);
        double score = r.Score ?? throw new ArgumentException("'score' is required.");
        double minimum = r.Minimum ?? 1;
        double maximum = r.Maximum ?? 5;
        if (!double.IsFinite(minimum) || !double.IsFinite(maximum) || minimum >= maximum || !double.IsFinite(score) || score < minimum || score > maximum)
        {
            throw new ArgumentException($"'score' must lie on the scale 'minimum' to 'maximum' ({minimum} to {maximum}).");
        }

        return new Rating(context, response, score, minimum, maximum, string.IsNullOrWhiteSpace(r.Attribute) ? null : r.Attribute, r.At);
    }

    private static Choice Choice(ChooseRequest r, RequestLimits limits)
    {
        string context = RequestValidation.Text(r.Context, "context", limits.MaxText);
        IReadOnlyList<string> candidates = Handlers.Candidates(limits, r.Candidates, minimum: 2);
        int chosen = r.Chosen ?? throw new ArgumentException("'chosen' is required.");
        if (chosen < 0 || chosen >= candidates.Count)
        {
            throw new ArgumentException($"'chosen' ({chosen}) is outside the {candidates.Count} candidates.");
        }

        return new Choice(context, candidates, chosen, r.At);
    }

    private static Edit Edit(EditRequest r, RequestLimits limits) => new(
        RequestValidation.Text(r.Context, "context", limits.MaxText),
        RequestValidation.Text(r.Output, "output", limits.MaxText),
        RequestValidation.Text(r.Edited, "edited", limits.MaxText),
        r.At);

    [GeneratedRegex("The JSON property '([^']{1,100})' could not be mapped", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownMember();
}
