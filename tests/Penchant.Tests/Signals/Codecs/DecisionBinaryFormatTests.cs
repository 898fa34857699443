using Penchant.Deciding;

namespace Penchant.Signals.Codecs;

public sealed class DecisionBinaryFormatTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static Decision Sample() => new(
        "dc_1",
        new DecisionContext("Morning reading, café ☕") { Features = [Feature.Category("device", "mobile"), new Feature("visits", 1.0 / 3)] },
        [
            new DecisionAction("a0", "Long read") { Features = [Feature.Category("kind", "essay"), new Feature("price", 0.1)] },
            new DecisionAction("a1") { Features = [Feature.Category("kind", "news"), new Feature("price", Math.PI)] },
            new DecisionAction("a2") { Features = [] },
        ],
        [1, 2],
        [0.7000000000000001, 0.6],
        [0.1, 0.7000000000000001, 0.19999999999999998])
    {
        Policy = DecisionPolicy.ThompsonSampling,
        Apprentice = true,
        LearnedIndex = 2,
        Deferred = true,
    };

    [Fact]
    public void Read_WhatWriteWrote_GivesBackEveryFieldAndEveryProbabilityToTheBit()
    {
        // Arrange
        Decision decision = Sample();

        // Act
        string data = DecisionBinaryFormat.Write(decision);
        Decision? read = DecisionBinaryFormat.Read(data, At);

        // Assert
        Assert.StartsWith(DecisionBinaryFormat.Marker, data, StringComparison.Ordinal);
        Assert.NotNull(read);
        Assert.Equal(decision.DecisionId, read.DecisionId);
        Assert.Equal(decision.Context.Text, read.Context.Text);
        Assert.Equal(decision.Context.Features, read.Context.Features);
        Assert.Equal(decision.Actions.Select(static a => (a.Id, a.Text)), read.Actions.Select(static a => (a.Id, a.Text)));
        for (int a = 0; a < decision.Actions.Count; a++)
        {
            Assert.Equal(decision.Actions[a].Features, read.Actions[a].Features);
        }

        Assert.Equal(decision.Slate, read.Slate);
        Assert.Equal(decision.SlateProbabilities.Select(BitConverter.DoubleToInt64Bits), read.SlateProbabilities.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(decision.Probabilities.Select(BitConverter.DoubleToInt64Bits), read.Probabilities.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal((DecisionPolicy.ThompsonSampling, true, 2, true), (read.Policy, read.Apprentice, read.LearnedIndex, read.Deferred));
        Assert.Equal(At, read.At);
    }

    [Fact]
    public void Decode_AnEntryWrittenAsJsonBeforeTheCompactFormat_IsStillRead()
    {
        // Arrange: the data as the JSON codec wrote it.
        const string Json = """{"id":"dc_old","context":{"features":[{"name":"time=morning","value":1}]},"actions":[{"id":"a0","features":[]},{"id":"a1","features":[{"name":"price","value":0.5}]}],"slate":[1],"slateProbabilities":[0.6],"probabilities":[0.4,0.6],"policy":"InverseGap","apprentice":false,"learned":1,"deferred":false}""";
        var entry = new PreferenceEvent { Id = "ev_1", Kind = DecisionCodec.DecisionKind, Text = "dc_old", Data = Json, At = At };

        // Act
        Decision? read = new DecisionCodec().Decode(entry);

        // Assert
        Assert.NotNull(read);
        Assert.Equal("dc_old", read.DecisionId);
        Assert.Equal([0.4, 0.6], read.Probabilities);
        Assert.Equal(0.5, read.Actions[1].Features[0].Value);
    }

    [Theory]
    [InlineData("d1:")]
    [InlineData("d1:not base64!")]
    [InlineData("{not json")]
    public void Decode_MalformedData_IsNull(string data)
    {
        var entry = new PreferenceEvent { Id = "ev_1", Kind = DecisionCodec.DecisionKind, Text = "x", Data = data, At = At };
        Assert.Null(new DecisionCodec().Decode(entry));
    }

    [Fact]
    public void Read_TruncatedRecord_IsNull()
    {
        string data = DecisionBinaryFormat.Write(Sample());
        byte[] bytes = Convert.FromBase64String(data[DecisionBinaryFormat.Marker.Length..]);
        string truncated = DecisionBinaryFormat.Marker + Convert.ToBase64String(bytes.AsSpan(0, bytes.Length - 3));
        Assert.Null(DecisionBinaryFormat.Read(truncated, At));
    }
}
