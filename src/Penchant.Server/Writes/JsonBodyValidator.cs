using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Penchant.Server.Writes;

/// <summary>
/// Reads a JSON request body once, before it is bound, and names what makes it unreadable: an empty body, bytes that
/// are not UTF-8 (or an escaped unpaired surrogate), malformed JSON, nesting deeper than the limit, or a key that
/// appears twice in one object (which would otherwise let the last one silently win). Types, unknown fields and enum
/// values are left to binding (see <see cref="JsonBindingErrors"/>).
/// </summary>
public static class JsonBodyValidator
{
    // Keys of one object compared pairwise by the fast pass; an object with more goes to the slower pass and its hash set.
    private const int MaxPairwiseKeys = 64;

    /// <summary>Validates a body.</summary>
    /// <param name="body">The body's bytes.</param>
    /// <param name="maxDepth">The deepest nesting accepted (<see cref="ServiceOptions.MaxJsonDepth"/>).</param>
    /// <returns>The first error, or <see langword="null"/> when the body is well-formed (an empty body is reported as <see cref="ApiProblems.EmptyBody"/>).</returns>
    /// <remarks>
    /// A well-formed body costs one pass that allocates nothing (<see cref="IsWellFormed"/>); only a body that pass doubts is
    /// read again to name its first error.
    /// </remarks>
    public static JsonBodyError? Validate(ReadOnlySpan<byte> body, int maxDepth) => IsWellFormed(body, maxDepth) ? null : Describe(body, maxDepth);

    /// <summary>
    /// Tells without allocating whether a body is well-formed, as <see cref="Describe"/> would find it: not blank, UTF-8, valid
    /// JSON no deeper than <paramref name="maxDepth"/>, no escaped unpaired surrogate, no key twice in one object. Answers
    /// <see langword="false"/> when unsure (an escaped key, or an object with more keys than it compares pairwise), so that
    /// <see cref="Describe"/> decides.
    /// </summary>
    private static bool IsWellFormed(ReadOnlySpan<byte> body, int maxDepth)
    {
        if (IsBlank(body) || !Utf8.IsValid(body) || maxDepth <= 0)
        {
            return false;
        }

        // Per open object: where its keys start in `names` (each key a (start, length) range of the body).
        int[] objectStarts = ArrayPool<int>.Shared.Rent(maxDepth + 1);
        (int Start, int Length)[] names = ArrayPool<(int, int)>.Shared.Rent(64);
        byte[]? scratch = null;
        int depth = 0;
        int count = 0;
        bool[] isObject = ArrayPool<bool>.Shared.Rent(maxDepth + 1);
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = maxDepth + 1, CommentHandling = JsonCommentHandling.Disallow });
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (depth >= maxDepth)
                        {
                            return false;
                        }

                        isObject[depth] = reader.TokenType == JsonTokenType.StartObject;
                        objectStarts[depth] = count;
                        depth++;
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        depth--;
                        if (isObject[depth])
                        {
                            count = objectStarts[depth];
                        }

                        break;
                    case JsonTokenType.PropertyName:
                        if (reader.ValueIsEscaped || reader.HasValueSequence)
                        {
                            return false;
                        }

                        int start = (int)reader.TokenStartIndex + 1;
                        ReadOnlySpan<byte> name = reader.ValueSpan;
                        int first = objectStarts[depth - 1];
                        if (count - first >= MaxPairwiseKeys)
                        {
                            return false;
                        }

                        for (int i = first; i < count; i++)
                        {
                            if (name.SequenceEqual(body.Slice(names[i].Start, names[i].Length)))
                            {
                                return false;
                            }
                        }

                        if (count == names.Length)
                        {
                            (int, int)[] larger = ArrayPool<(int, int)>.Shared.Rent(names.Length * 2);
                            names.AsSpan(0, count).CopyTo(larger);
                            ArrayPool<(int, int)>.Shared.Return(names);
                            names = larger;
                        }

                        names[count++] = (start, name.Length);
                        break;
                    case JsonTokenType.String when reader.ValueIsEscaped:
                        // Unescaping is where an escaped unpaired surrogate (\ud800) shows; the copy is never longer than the escaped text.
                        int length = reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length;
                        if (scratch is null || scratch.Length < length)
                        {
                            if (scratch is not null)
                            {
                                ArrayPool<byte>.Shared.Return(scratch);
                            }

                            scratch = ArrayPool<byte>.Shared.Rent(length);
                        }

                        try
                        {
                            reader.CopyString(scratch);
                        }
                        catch (InvalidOperationException)
                        {
                            return false;
                        }

                        break;
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(objectStarts);
            ArrayPool<bool>.Shared.Return(isObject);
            ArrayPool<(int, int)>.Shared.Return(names);
            if (scratch is not null)
            {
                ArrayPool<byte>.Shared.Return(scratch);
            }
        }
    }

    /// <summary>Names the first error of a body (the slower pass, which <see cref="Validate"/> runs only on a body it doubts).</summary>
    private static JsonBodyError? Describe(ReadOnlySpan<byte> body, int maxDepth)
    {
        if (IsBlank(body))
        {
            return EmptyBody();
        }

        if (!Utf8.IsValid(body))
        {
            int offset = FirstInvalidUtf8(body);
            return new JsonBodyError(
                ApiProblems.InvalidUtf8,
                "Invalid UTF-8",
                string.Create(CultureInfo.InvariantCulture, $"The request body is not valid UTF-8: the byte at offset {offset} does not start or continue a character. Send JSON encoded as UTF-8."),
                null);
        }

        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = maxDepth + 1, CommentHandling = JsonCommentHandling.Disallow });
        var frames = new List<Frame>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        if (frames.Count >= maxDepth)
                        {
                            return new JsonBodyError(
                                ApiProblems.JsonTooDeep,
                                "JSON nested too deeply",
                                string.Create(CultureInfo.InvariantCulture, $"The JSON is nested more than {maxDepth} levels deep (at {PathOf(frames)}); no request needs that many."),
                                PathOf(frames));
                        }

                        frames.Add(new Frame(reader.TokenType == JsonTokenType.StartArray));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        Advance(frames);
                        break;
                    case JsonTokenType.PropertyName:
                        string? name = ReadString(ref reader);
                        if (name is null)
                        {
                            return UnpairedSurrogate(frames);
                        }

                        Frame frame = frames[^1];
                        frame.Property = name;
                        if (!(frame.Names ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
                        {
                            return new JsonBodyError(
                                ApiProblems.DuplicateField,
                                "Duplicate field",
                                $"The field '{name}' appears more than once in the same object (at {PathOf(frames)}); send it once.",
                                PathOf(frames));
                        }

                        break;
                    case JsonTokenType.String:
                        if (ReadString(ref reader) is null)
                        {
                            return UnpairedSurrogate(frames);
                        }

                        Advance(frames);
                        break;
                    default:
                        Advance(frames);
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            return Malformed(ex, reader, frames);
        }

        return null;
    }

    /// <summary>Creates the error of an empty body.</summary>
    /// <returns>The error.</returns>
    public static JsonBodyError EmptyBody() => new(
        ApiProblems.EmptyBody,
        "Empty body",
        "The request body is empty; this operation needs a JSON object (see the OpenAPI document for its fields).",
        null);

    /// <summary>Formats a JSON path of property names and indexes (<c>$.turns[2].role</c>).</summary>
    /// <param name="segments">The segments: a <see cref="string"/> property name or an <see cref="int"/> index.</param>
    /// <returns>The path.</returns>
    public static string FormatPath(IEnumerable<object> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var path = new StringBuilder("$");
        foreach (object segment in segments)
        {
            if (segment is int index)
            {
                path.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                string name = (string)segment;
                bool plain = name.Length > 0 && name.All(static c => char.IsAsciiLetterOrDigit(c) || c == '_');
                path.Append(plain ? "." + name : "['" + name.Replace("'", "\\'", StringComparison.Ordinal) + "']");
            }
        }

        return path.ToString();
    }

    private static bool IsBlank(ReadOnlySpan<byte> body) => body.IndexOfAnyExcept(" \t\r\n"u8) < 0;

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> body)
    {
        char[] buffer = ArrayPool<char>.Shared.Rent(body.Length);
        try
        {
            Utf8.ToUtf16(body, buffer, out int bytesRead, out _, replaceInvalidSequences: false);
            return bytesRead;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static JsonBodyError UnpairedSurrogate(List<Frame> frames) => new(
        ApiProblems.InvalidUtf8,
        "Invalid text",
        $"A string at {PathOf(frames)} contains an escaped unpaired surrogate (such as \\ud800), which is not text; send whole characters.",
        PathOf(frames));

    private static JsonBodyError Malformed(JsonException ex, Utf8JsonReader reader, List<Frame> frames)
    {
        long line = (ex.LineNumber ?? 0) + 1;
        long column = (ex.BytePositionInLine ?? reader.BytesConsumed) + 1;
        string reason = ex.Message.Split(" LineNumber:", 2)[0].TrimEnd();
        return new JsonBodyError(
            ApiProblems.MalformedJson,
            "Malformed JSON",
            string.Create(CultureInfo.InvariantCulture, $"The request body is not valid JSON (line {line}, byte {column} of that line, near {PathOf(frames)}): {reason}"),
            PathOf(frames));
    }

    private static void Advance(List<Frame> frames)
    {
        if (frames.Count > 0 && frames[^1].IsArray)
        {
            frames[^1].Index++;
        }
    }

    private static string PathOf(List<Frame> frames)
    {
        var segments = new List<object>();
        foreach (Frame frame in frames)
        {
            if (frame.IsArray)
            {
                segments.Add(frame.Index);
            }
            else if (frame.Property is not null)
            {
                segments.Add(frame.Property);
            }
        }

        return FormatPath(segments);
    }

    private sealed class Frame(bool isArray)
    {
        public bool IsArray { get; } = isArray;

        public int Index { get; set; }

        public string? Property { get; set; }

        public HashSet<string>? Names { get; set; }
    }
}
