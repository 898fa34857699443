using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;

namespace Penchant.Server.Writes;

/// <summary>
/// Turns what model binding throws (<see cref="BadHttpRequestException"/>, usually around a <see cref="JsonException"/>)
/// into an error a person understands, with the JSON path: a wrong enum value lists the accepted names, an unknown or
/// duplicate field is named, a wrong type says what was expected, and a missing body, query or route value is named
/// without the framework's sentence or a .NET type name.
/// </summary>
public static partial class JsonBindingErrors
{
    /// <summary>The key of <see cref="HttpContext.Items"/> set when the request's JSON body was empty.</summary>
    public const string EmptyBodyItem = "Penchant.EmptyBody";

    /// <summary>The key of <see cref="HttpContext.Items"/> that holds the type the endpoint reads its body as (the exception handler runs without the endpoint).</summary>
    public const string RequestTypeItem = "Penchant.RequestType";

    /// <summary>Describes a binding failure.</summary>
    /// <param name="exception">What binding threw.</param>
    /// <param name="bodyWasEmpty">Whether the request's body was empty (or blank).</param>
    /// <param name="requestType">The type the body was read as, or <see langword="null"/>.</param>
    /// <param name="options">The options the body was read with, or <see langword="null"/>.</param>
    /// <returns>The error.</returns>
    public static JsonBodyError Describe(BadHttpRequestException exception, bool bodyWasEmpty, Type? requestType = null, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception.InnerException is JsonException json)
        {
            return bodyWasEmpty ? JsonBodyValidator.EmptyBody() : Describe(json, requestType, options);
        }

        Match parameter = ParameterPattern().Match(exception.Message);
        string? name = parameter.Success ? parameter.Groups["name"].Value : null;
        if (exception.Message.Contains("body", StringComparison.OrdinalIgnoreCase) && (bodyWasEmpty || exception.Message.StartsWith("Implicit body", StringComparison.Ordinal) || exception.Message.StartsWith("Required parameter", StringComparison.Ordinal)))
        {
            return JsonBodyValidator.EmptyBody();
        }

        if (name is not null && exception.Message.StartsWith("Required parameter", StringComparison.Ordinal))
        {
            return new JsonBodyError(ApiProblems.InvalidArgument, "Invalid argument", $"The parameter '{name}' is required.", null);
        }

        if (name is not null)
        {
            return new JsonBodyError(ApiProblems.InvalidRequest, "Invalid request", $"The value of the parameter '{name}' is not valid for it.", null);
        }

        return new JsonBodyError(ApiProblems.InvalidRequest, "Invalid request", "The request could not be read.", null);
    }

    /// <summary>Describes a JSON deserialization failure.</summary>
    /// <param name="exception">What the serializer threw.</param>
    /// <param name="requestType">The type the body was read as, to say what the value at the error's path should be; <see langword="null"/> when unknown.</param>
    /// <param name="options">The options the body was read with.</param>
    /// <returns>The error.</returns>
    public static JsonBodyError Describe(JsonException exception, Type? requestType = null, JsonSerializerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        string path = exception.Path ?? "$";
        string message = exception.Message;
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            string field = LastSegment(path);
            return new JsonBodyError(
                ApiProblems.UnknownField,
                "Unknown field",
                $"The field '{field}' (at {path}) is not part of this request; check its spelling against the OpenAPI document.",
                path);
        }

        if (message.StartsWith("Duplicate", StringComparison.Ordinal))
        {
            string field = QuotedPattern().Match(message) is { Success: true } quoted ? quoted.Groups[1].Value : LastSegment(path);
            return new JsonBodyError(
                ApiProblems.DuplicateField,
                "Duplicate field",
                $"The field '{field}' appears more than once in the same object (at {path}); send it once.",
                path);
        }

        Type? target = requestType is null || options is null ? null : TypeAt(requestType, path, options);
        if (target is not null && (Nullable.GetUnderlyingType(target) ?? target) is { IsEnum: true } enumType)
        {
            string names = string.Join(", ", Enum.GetNames(enumType).Select(JsonNamingPolicy.CamelCase.ConvertName));
            return new JsonBodyError(
                ApiProblems.InvalidEnumValue,
                "Invalid enum value",
                $"The value at {path} is not one of the accepted names: {names}.",
                path);
        }

        if (target is not null)
        {
            return new JsonBodyError(ApiProblems.InvalidRequest, "Wrong type", $"The value at {path} should be {Expected(target)}.", path);
        }

        return new JsonBodyError(ApiProblems.InvalidRequest, "Invalid request", $"The value at {path} could not be read.", path);
    }

    private static string LastSegment(string path)
    {
        int dot = path.LastIndexOf('.');
        string last = dot >= 0 ? path[(dot + 1)..] : path;
        return last.StartsWith("['", StringComparison.Ordinal) ? last[2..^2] : last;
    }

    private static Type? TypeAt(Type root, string path, JsonSerializerOptions options)
    {
        Type current = root;
        foreach (Match segment in SegmentPattern().Matches(path))
        {
            JsonTypeInfo info = options.GetTypeInfo(current);
            if (segment.Groups["index"].Success || info.Kind == JsonTypeInfoKind.Dictionary)
            {
                current = info.ElementType ?? current;
                continue;
            }

            string name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value;
            JsonPropertyInfo? property = info.Kind == JsonTypeInfoKind.Object
                ? info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                : null;
            if (property is null)
            {
                return null;
            }

            current = property.PropertyType;
        }

        return current;
    }

    private static string Expected(Type type)
    {
        Type? underlying = Nullable.GetUnderlyingType(type);
        string orNull = underlying is null ? string.Empty : " or null";
        Type plain = underlying ?? type;
        string expected = plain switch
        {
            _ when plain == typeof(string) => "a string",
            _ when plain == typeof(DateTimeOffset) || plain == typeof(DateTime) => "a date and time in ISO 8601 (2026-01-31T09:00:00Z)",
            _ when plain == typeof(bool) => "true or false",
            _ when plain == typeof(int) || plain == typeof(long) || plain == typeof(short) || plain == typeof(uint) || plain == typeof(ulong) => "an integer",
            _ when plain == typeof(double) || plain == typeof(float) || plain == typeof(decimal) => "a number",
            _ when plain.IsAssignableTo(typeof(System.Collections.IDictionary)) || plain.GetInterfaces().Any(static i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)) || (plain.IsGenericType && plain.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>)) => "an object of names to string values",
            _ when plain != typeof(string) && plain.IsAssignableTo(typeof(System.Collections.IEnumerable)) => "an array",
            _ => "an object",
        };
        return expected + orNull;
    }

    [GeneratedRegex(@"\.(?<name>[A-Za-z0-9_$]+)|\['(?<quoted>(?:[^'\\]|\\.)*)'\]|\[(?<index>\d+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex SegmentPattern();

    [GeneratedRegex("parameter \"(?:[^\"]*\\s)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterPattern();

    [GeneratedRegex("'([^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedPattern();
}
