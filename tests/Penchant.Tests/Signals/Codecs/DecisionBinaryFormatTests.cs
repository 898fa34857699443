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

    [Fact]
    public void Decode_AD1RecordWrittenBeforeActionSets_IsStillReadWithEveryAction()
    {
        // Arrange: a d1 payload as the format wrote it before decisions named their action sets (bytes fixed here, not
        // produced by today's writer): "dc_old1", two actions, slate [1], probabilities [0.4, 0.6].
        const string Old = "d1:B2RjX29sZDEAAAEBAAx0aW1lPW1vcm5pbmcAAAAAAADwPwICYTAAAQEKa2luZD1lc3NheQAAAAAAAPA/AmExAAICCWtpbmQ9bmV3cwAAAAAAAPA/AQAAAAAAANA/AQEzMzMzMzPjP5qZmZmZmdk/MzMzMzMz4z8=";
        var entry = new PreferenceEvent { Id = "ev_1", Kind = DecisionCodec.DecisionKind, Text = "dc_old1", Data = Old, At = At };

        // Act
        Decision? read = new DecisionCodec().Decode(entry);

        // Assert
        Assert.NotNull(read);
        Assert.False(read.NeedsActions);
        Assert.Null(read.ActionSetId);
        Assert.Equal("dc_old1", read.DecisionId);
        Assert.Equal([new Feature("time=morning", 1.0)], read.Context.Features);
        Assert.Equal(["a0", "a1"], read.Actions.Select(static a => a.Id));
        Assert.Equal([new Feature("kind=news", 1.0), new Feature("kind=essay", 0.25)], read.Actions[1].Features);
        Assert.Equal([1], read.Slate);
        Assert.Equal([0.6], read.SlateProbabilities);
        Assert.Equal([0.4, 0.6], read.Probabilities);
        Assert.Equal(1, read.LearnedIndex);
    }

    private static Decision WithSet(Decision decision, string carrierId, double[]? scores = null)
    {
        DecisionAction[] set = [.. decision.Actions];
        return decision with
        {
            Actions = Decision.Scored(set, scores),
            ActionSetId = DecisionBinaryFormat.ActionSetId(set),
            CarrierId = carrierId,
            SetActions = set,
            PreferenceScores = scores,
            ActionCount = set.Length,
        };
    }

    [Fact]
    public void Read_ADecisionCarryingItsSet_GivesBackTheActionsTheScoresAndTheSetsName()
    {
        // Arrange
        Decision decision = WithSet(Sample(), "dc_1", [0.5, -1.25, 0.0]);

        // Act
        string data = DecisionBinaryFormat.Write(decision);
        Decision? read = DecisionBinaryFormat.Read(data, At);

        // Assert
        Assert.StartsWith(DecisionBinaryFormat.SetMarker, data, StringComparison.Ordinal);
        Assert.NotNull(read);
        Assert.True(read.CarriesActionSet);
        Assert.False(read.NeedsActions);
        Assert.Equal(decision.ActionSetId, read.ActionSetId);
        Assert.Equal(decision.Actions.Select(static a => (a.Id, a.Text)), read.Actions.Select(static a => (a.Id, a.Text)));
        for (int a = 0; a < decision.Actions.Count; a++)
        {
            // The score is the last feature, as the decider gave it to the policy.
            Assert.Equal(decision.Actions[a].Features, read.Actions[a].Features);
            Assert.Equal(new Feature(Deciding.Decider.PreferenceScoreFeature, decision.PreferenceScores![a]), read.Actions[a].Features[^1]);
            Assert.Equal(decision.SetActions![a].Features, read.SetActions![a].Features);
        }

        Assert.Equal(decision.Probabilities.Select(BitConverter.DoubleToInt64Bits), read.Probabilities.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(decision.SlateProbabilities.Select(BitConverter.DoubleToInt64Bits), read.SlateProbabilities.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(decision.Slate, read.Slate);
        Assert.Equal((decision.Policy, decision.Apprentice, decision.LearnedIndex, decision.Deferred), (read.Policy, read.Apprentice, read.LearnedIndex, read.Deferred));
    }

    [Fact]
    public void Read_ADecisionByReference_HasNoActionsUntilItsSetIsGiven_AndIsMuchSmaller()
    {
        // Arrange: 100 actions, the second decision over them refers to the first.
        DecisionAction[] actions = [.. Enumerable.Range(0, 100).Select(static i => new DecisionAction($"item{i}") { Features = [Feature.Category("category", $"c{i % 12}"), new Feature("price", i / 7.0), new Feature("rating", i / 13.0)] })];
        double[] p = [.. Enumerable.Repeat(0.01, 100)];
        var first = new Decision("dc_1", new DecisionContext { Features = [Feature.Category("device", "mobile")] }, actions, [3], [0.01], p);
        Decision carrier = WithSet(first, "dc_1");
        Decision reference = WithSet(first with { DecisionId = "dc_2" }, "dc_1");

        // Act
        string carried = DecisionBinaryFormat.Write(carrier);
        string referred = DecisionBinaryFormat.Write(reference);
        Decision? read = DecisionBinaryFormat.Read(referred, At);

        // Assert
        Assert.NotNull(read);
        Assert.True(read.NeedsActions);
        Assert.Empty(read.Actions);
        Assert.Equal((100, "dc_1", carrier.ActionSetId), (read.ActionCount, read.CarrierId, read.ActionSetId));
        Assert.True(referred.Length * 3 < carried.Length, $"by reference {referred.Length} chars, carrying the set {carried.Length}");
        Decision resolved = Assert.IsType<Decision>(read.WithActionSet(DecisionBinaryFormat.Read(carried, At)!.SetActions!));
        Assert.Equal(actions.Select(static a => a.Id), resolved.Actions.Select(static a => a.Id));
        Assert.Equal(actions[7].Features, resolved.Actions[7].Features);
        Assert.Null(read.WithActionSet(actions[..99]));
    }

    [Fact]
    public void Read_ACarriedSetThatDoesNotMatchItsName_IsNull()
    {
        // Arrange: the set's record is changed after the name (its hash) was written.
        string data = DecisionBinaryFormat.Write(WithSet(Sample(), "dc_1"));
        byte[] bytes = Convert.FromBase64String(data[DecisionBinaryFormat.SetMarker.Length..]);
        int at = System.Text.Encoding.UTF8.GetBytes("Long read") is { } text ? bytes.AsSpan().IndexOf(text) : -1;
        Assert.True(at > 0);
        bytes[at] = (byte)'S';

        // Act
        Decision? read = DecisionBinaryFormat.Read(DecisionBinaryFormat.SetMarker + Convert.ToBase64String(bytes), At);

        // Assert
        Assert.Null(read);
    }

    [Fact]
    public void ActionSetId_SameContent_SameName_AnyChange_AnotherName()
    {
        DecisionAction[] actions = [new("a0", "Long read") { Features = [new Feature("price", 0.1)] }, new("a1")];

        string id = DecisionBinaryFormat.ActionSetId(actions);

        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(id, DecisionBinaryFormat.ActionSetId([new("a0", "Long read") { Features = [new Feature("price", 0.1)] }, new("a1")]));
        Assert.NotEqual(id, DecisionBinaryFormat.ActionSetId([new("a0", "Long read") { Features = [new Feature("price", 0.2)] }, new("a1")]));
        Assert.NotEqual(id, DecisionBinaryFormat.ActionSetId([new("a1"), new("a0", "Long read") { Features = [new Feature("price", 0.1)] }]));
        Assert.NotEqual(id, DecisionBinaryFormat.ActionSetId([new("a0", "Long reads") { Features = [new Feature("price", 0.1)] }, new("a1")]));
    }
}
