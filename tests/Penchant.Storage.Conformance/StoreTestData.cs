using Penchant.Domain;
using Penchant.Signals;

namespace Penchant.Storage.Conformance;

/// <summary>Builders and field-by-field assertions for store tests, shared by the conformance suite and store-specific tests.</summary>
public static class StoreTestData
{
    /// <summary>Gets a fixed instant with a non-zero offset, so a store that drops offsets fails.</summary>
    public static DateTimeOffset At { get; } = new DateTimeOffset(2025, 3, 14, 15, 9, 26, TimeSpan.FromHours(1)).AddTicks(5_358_979);

    /// <summary>Creates a statement event.</summary>
    /// <param name="id">The event identifier.</param>
    /// <param name="text">What the user said.</param>
    /// <param name="scope">The scope given with the statement.</param>
    /// <returns>The event, without a sequence number.</returns>
    public static PreferenceEvent Event(string id, string? text = "I prefer aisle seats on long flights.", string? scope = null) => new()
    {
        Id = id,
        Kind = EventKind.Statement,
        Text = text,
        Scope = scope,
        At = At,
    };

    /// <summary>Creates a preference with a small embedding.</summary>
    /// <param name="id">The preference identifier.</param>
    /// <param name="text">The preference text.</param>
    /// <param name="sources">The identifiers of the events it came from.</param>
    /// <returns>The preference.</returns>
    public static Preference Preference(string id, string text = "prefers aisle seats", params string[] sources) => new()
    {
        Id = id,
        Text = text,
        Kind = PreferenceKind.Preference,
        Polarity = Polarity.Positive,
        Sources = sources,
        CreatedAt = At,
        UpdatedAt = At,
        Embedding = new float[] { 0.25f, -0.5f, 1f },
    };

    /// <summary>Asserts that two events agree on every field, including the sequence number and the timestamp's offset.</summary>
    /// <param name="expected">The expected event.</param>
    /// <param name="actual">The actual event.</param>
    public static void AssertSame(PreferenceEvent expected, PreferenceEvent actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Sequence, actual.Sequence);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Role, actual.Role);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Scope, actual.Scope);
        Assert.Equal(expected.Target, actual.Target);
        Assert.Equal(expected.Data, actual.Data);
        AssertSameInstant(expected.At, actual.At);
        Assert.Equal(expected.Redacted, actual.Redacted);
        Assert.Equal(Sorted(expected.Metadata), Sorted(actual.Metadata));
        Assert.Equal(expected.ExpiresAt, actual.ExpiresAt);
    }

    /// <summary>Asserts that two preferences agree on every field, with the embedding compared bit for bit.</summary>
    /// <param name="expected">The expected preference.</param>
    /// <param name="actual">The actual preference.</param>
    public static void AssertSame(Preference expected, Preference actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        Assert.Equal(expected.Id, actual.Id);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Kind, actual.Kind);
        Assert.Equal(expected.Polarity, actual.Polarity);
        Assert.Equal(expected.Strength, actual.Strength);
        Assert.Equal(expected.Scope.Text, actual.Scope.Text);
        Assert.Equal(Sorted(expected.Scope.Tags), Sorted(actual.Scope.Tags));
        Assert.Equal(expected.Sources, actual.Sources);
        Assert.Equal(expected.Confidence, actual.Confidence);
        AssertSameInstant(expected.CreatedAt, actual.CreatedAt);
        AssertSameInstant(expected.UpdatedAt, actual.UpdatedAt);
        Assert.Equal(expected.SupersededBy, actual.SupersededBy);
        Assert.Equal(expected.Hints.RequestKinds, actual.Hints.RequestKinds);
        Assert.Equal(expected.Hints.InScopeExamples, actual.Hints.InScopeExamples);
        Assert.Equal(expected.Hints.NearScopeExamples, actual.Hints.NearScopeExamples);
        Assert.Equal(expected.Hints.ChainsTo, actual.Hints.ChainsTo);
        Assert.Equal(expected.Hints.Source, actual.Hints.Source);
        Assert.Equal(Sorted(expected.Metadata), Sorted(actual.Metadata));
        Assert.Equal(expected.ExpiresAt, actual.ExpiresAt);
        AssertSameBits(expected.Embedding.Span, actual.Embedding.Span);
    }

    /// <summary>Asserts that two timestamps have the same ticks and the same offset (<see cref="DateTimeOffset.Equals(DateTimeOffset)"/> ignores the offset).</summary>
    /// <param name="expected">The expected timestamp.</param>
    /// <param name="actual">The actual timestamp.</param>
    public static void AssertSameInstant(DateTimeOffset expected, DateTimeOffset actual)
    {
        Assert.Equal(expected.Ticks, actual.Ticks);
        Assert.Equal(expected.Offset, actual.Offset);
    }

    /// <summary>Asserts that two vectors hold the same bits (so NaN payloads and negative zero count).</summary>
    /// <param name="expected">The expected values.</param>
    /// <param name="actual">The actual values.</param>
    public static void AssertSameBits(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(expected[i]), BitConverter.SingleToInt32Bits(actual[i]));
        }
    }

    /// <summary>Reads a whole sequence into a list.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="source">The sequence.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The elements in order.</returns>
    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var list = new List<T>();
        await foreach (var item in source.WithCancellation(cancellationToken))
        {
            list.Add(item);
        }

        return list;
    }

    private static List<KeyValuePair<string, string>> Sorted(IReadOnlyDictionary<string, string> tags)
    {
        var list = new List<KeyValuePair<string, string>>(tags);
        list.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        return list;
    }
}
