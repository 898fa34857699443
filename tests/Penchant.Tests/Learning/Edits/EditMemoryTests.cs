using Penchant.Domain;

namespace Penchant.Learning.Edits;

public sealed class EditMemoryTests
{
    private static readonly float[] Work = [1, 0, 0];
    private static readonly float[] NearWork = [0.95f, 0.3f, 0];
    private static readonly float[] Friends = [0, 0, 1];

    private const string Plain = "The meeting moved to Tuesday. The agenda is the same. Bring the draft.";
    private const string Bulleted = "- The meeting moved to Tuesday.\n- The agenda is the same.\n- Bring the draft.";

    [Fact]
    public void Learn_Bullets_InferredForNearContextWithSource()
    {
        // Arrange
        var memory = new EditMemory();

        // Act
        memory.Learn("ev1", Work, Plain, Bulleted);
        List<StylePreference> near = memory.Infer(NearWork);
        List<StylePreference> far = memory.Infer(Friends);

        // Assert
        StylePreference bullets = Assert.Single(near, p => p.Feature == StyleFeature.Bullets);
        Assert.Equal("Prefers bullet points", bullets.Text);
        Assert.Equal(["ev1"], bullets.Sources);
        Assert.Empty(far);
    }

    [Fact]
    public void Learn_UnchangedOutputAfterPreference_CarriesPreferenceForward()
    {
        // Arrange: one edit adds bullets; five later outputs already had them and were kept as they were.
        var memory = new EditMemory();
        memory.Learn("ev0", Work, Plain, Bulleted);
        for (int i = 1; i <= 5; i++)
        {
            memory.Learn("ev" + i, Work, Bulleted, Bulleted);
        }

        // Act: the first edit is no longer among the five nearest, but the acceptances asserted the style.
        List<StylePreference> inferred = memory.Infer(Work);

        // Assert
        StylePreference bullets = Assert.Single(inferred, p => p.Feature == StyleFeature.Bullets);
        Assert.DoesNotContain("ev0", bullets.Sources);
        Assert.Equal(5, bullets.Sources.Count);
        Assert.True(memory.Items[^1].Asserts((int)StyleFeature.Bullets));
        Assert.Equal(0, memory.Items[^1].Changed);
    }

    [Fact]
    public void Infer_NeighboursDisagree_AggregatesByWeight()
    {
        // Arrange: work contexts shortened; the friends' context lengthened.
        var memory = new EditMemory();
        string longText = string.Join(' ', Enumerable.Repeat("We looked at the numbers again and they hold.", 8));
        string shortText = "The numbers hold.";
        memory.Learn("w1", Work, longText, shortText);
        memory.Learn("w2", NearWork, longText, shortText);
        memory.Learn("f1", Friends, shortText, longText);

        // Act
        StylePreference work = Assert.Single(memory.Infer(Work), p => p.Feature == StyleFeature.Length);
        StylePreference friends = Assert.Single(memory.Infer(Friends), p => p.Feature == StyleFeature.Length);

        // Assert
        Assert.Equal(3, work.Level, 0);
        Assert.True(friends.Level > 50, $"friends {friends.Level}");
        Assert.Equal(["w1", "w2"], work.Sources.Order());
    }

    [Fact]
    public void ToBytes_RoundTrips()
    {
        var memory = new EditMemory();
        memory.Learn("ev1", Work, Plain, Bulleted);
        memory.Learn("ev2", Friends, "Hello there. Fine.", "Hey! 😀 Fine.");

        EditMemory read = EditMemory.FromBytes(memory.ToBytes());

        Assert.Equal(memory.Items.Count, read.Items.Count);
        for (int i = 0; i < read.Items.Count; i++)
        {
            Assert.Equal(memory.Items[i].EventId, read.Items[i].EventId);
            Assert.Equal(memory.Items[i].Context, read.Items[i].Context);
            Assert.Equal(memory.Items[i].Levels, read.Items[i].Levels);
            Assert.Equal(memory.Items[i].Changes, read.Items[i].Changes);
            Assert.Equal(memory.Items[i].Asserted, read.Items[i].Asserted);
        }

        Assert.Equal(memory.Infer(Friends), read.Infer(Friends), StylePreferenceComparer.Instance);
    }

    [Fact]
    public void FromBytes_OtherFormat_IsEmpty() => Assert.Empty(EditMemory.FromBytes(new byte[] { 9, 1, 2 }).Items);

    private sealed class StylePreferenceComparer : IEqualityComparer<StylePreference>
    {
        public static readonly StylePreferenceComparer Instance = new();

        public bool Equals(StylePreference? x, StylePreference? y)
            => x is not null && y is not null && x.Feature == y.Feature && x.Text == y.Text && x.Level == y.Level && x.Sources.SequenceEqual(y.Sources);

        public int GetHashCode(StylePreference obj) => obj.Feature.GetHashCode();
    }
}
