using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Penchant.Domain;
using Penchant.Engine;
using Penchant.Server.Api;
using Penchant.Server.Contracts;
using Penchant.Server.Writes;
using Penchant.Signals;

namespace Penchant.Server.Imports;

/// <summary>
/// One line of a bulk import: <c>{"user": …, "kind": …, "key": …, …fields}</c>, where <c>kind</c> is <c>statement</c>,
/// <c>observation</c>, <c>comparison</c>, <c>rating</c>, <c>choice</c> or <c>edit</c> and the other fields are the body of
/// the matching endpoint (<c>POST /v1/users/{user}/statements</c>, …), read with the same contract and checked by the same
/// code (<see cref="JsonBodyValidator"/>, <see cref="JsonBindingErrors"/>, <see cref="SignalRequests"/>), metadata and
/// expiry included.
/// </summary>
/// <param name="Number">The line number, from 1.</param>
/// <param name="User">The user, in the import's tenant.</param>
/// <param name="Signals">The line's signals (one, or an observation's turns).</param>
/// <param name="Key">The line's idempotency key: its own <c>key</c>, or one derived from the user, the line number and a hash of the line.</param>
internal sealed record ImportLine(long Number, UserKey User, IReadOnlyList<Signal> Signals, string Key)
{
    /// <summary>The kinds a line may have.</summary>
    public static readonly IReadOnlyList<string> Kinds = ["statement", "observation", "comparison", "rating", "choice", "edit"];

    /// <summary>Parses a line.</summary>
    /// <exception cref="ArgumentException">The line is not a valid signal; the message says why, without the line's content.</exception>
    public static ImportLine Parse(string tenantId, long number, byte[] line, RequestLimits limits, JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(json);
        if (JsonBodyValidator.Validate(line, json.MaxDepth) is { } malformed)
        {
            throw new ArgumentException(malformed.Detail.Replace("The request body", "The line", StringComparison.Ordinal));
        }

        if (JsonNode.Parse(line, documentOptions: new JsonDocumentOptions { MaxDepth = json.MaxDepth + 1 }) is not JsonObject body)
        {
            throw new ArgumentException("The line is not a JSON object: send one object per line.");
        }

        string userId = Take(body, "user") ?? throw new ArgumentException("'user' is required.");
        string kind = Take(body, "kind") ?? throw new ArgumentException($"'kind' is required: one of {string.Join(", ", Kinds)}.");
        string? key = Take(body, "key");
        UserKey user = UserKey.Create(tenantId, userId);
        if (key is not null)
        {
            IdempotencyKeys.Validate(key);
        }

        IReadOnlyList<Signal> signals = kind switch
        {
            "statement" => [Read<RememberRequest>(body, json).ToSignal(limits)],
            "observation" => Read<ObserveRequest>(body, json).ToSignals(limits),
            "comparison" => [Read<CompareRequest>(body, json).ToSignal(limits)],
            "rating" => [Read<RateRequest>(body, json).ToSignal(limits)],
            "choice" => [Read<ChooseRequest>(body, json).ToSignal(limits)],
            "edit" => [Read<EditRequest>(body, json).ToSignal(limits)],
            _ => throw new ArgumentException($"'kind' must be one of {string.Join(", ", Kinds)}."),
        };
        return new ImportLine(number, user, signals, key ?? DerivedKey(userId, number, line));
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
            throw new ArgumentException(JsonBindingErrors.Describe(ex, typeof(T), json).Detail, ex);
        }
    }
}
