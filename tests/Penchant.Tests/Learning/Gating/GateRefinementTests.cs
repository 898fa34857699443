using Penchant.Numerics;

namespace Penchant.Learning.Gating;

public sealed class GateRefinementTests
{
    [Fact]
    public void Refine_NoOutcome_IsTheShippedLogit()
    {
        Assert.True(GateRefinement.None.IsIdentity);
        Assert.Equal(0.7, GateRefinement.None.Refine("pf_1", 0.7), 12);
    }

    [Fact]
    public void With_Rejections_LowerThatPreferenceMoreThanAnother()
    {
        GateRefinement refined = GateRefinement.None.With([new("pf_1", 1.0, false), new("pf_1", 1.2, false)]);

        double rejected = refined.Refine("pf_1", 1.0);
        double other = refined.Refine("pf_2", 1.0);

        Assert.True(rejected < 1.0, $"rejections must lower the log-odds ({rejected})");
        Assert.True(rejected < other, $"the rejected preference must fall further than another ({rejected} vs {other})");
        Assert.True(refined.Offset("pf_1") < 0);
    }

    [Fact]
    public void With_Acceptances_RaiseTheLogOdds()
    {
        GateRefinement refined = GateRefinement.None.With([new("pf_1", 0.2, true), new("pf_1", 0.1, true), new("pf_1", 0.3, true)]);

        Assert.True(refined.Refine("pf_1", 0.2) > 0.2);
        Assert.True(refined.Offset("pf_1") > 0);
    }

    [Fact]
    public void With_OneOutcome_MovesLittle_ManyMoveMore()
    {
        GateRefinement one = GateRefinement.None.With([new("pf_1", 1.0, false)]);
        GateRefinement many = GateRefinement.None.With([.. Enumerable.Repeat(new GateOutcome("pf_1", 1.0, false), 20)]);

        double afterOne = Logistic.Sigmoid(one.Refine("pf_1", 1.0));
        double afterMany = Logistic.Sigmoid(many.Refine("pf_1", 1.0));

        Assert.InRange(afterOne, 0.45, Logistic.Sigmoid(1.0) - 0.05);
        Assert.True(afterMany < afterOne - 0.2, $"20 rejections ({afterMany}) must say more than one ({afterOne})");
        Assert.True(afterMany < 0.2);
    }

    [Fact]
    public void With_GateTooEagerOnEveryPreference_LowersTheUsersIntercept()
    {
        // Many preferences, each rejected once at a confident logit: the evidence is about the user, not one preference.
        GateOutcome[] outcomes = [.. Enumerable.Range(0, 40).Select(static i => new GateOutcome($"pf_{i}", 2.0, i % 5 == 0))];

        GateRefinement refined = GateRefinement.None.With(outcomes);

        Assert.True(refined.Refine("pf_unseen", 2.0) < 1.0, $"an unseen preference must be refined too ({refined.Refine("pf_unseen", 2.0)})");
    }

    [Fact]
    public void With_BeyondCapacity_KeepsTheMostRecent()
    {
        GateOutcome[] old = [.. Enumerable.Repeat(new GateOutcome("pf_old", 0.0, false), GateRefinement.Capacity)];

        GateRefinement refined = GateRefinement.None.With(old).With([new("pf_new", 0.0, true)]);

        Assert.Equal(GateRefinement.Capacity, refined.Outcomes.Count);
        Assert.Equal("pf_new", refined.Outcomes[^1].PreferenceId);
        Assert.Equal(GateRefinement.Capacity - 1, refined.OutcomesOf("pf_old"));
    }

    [Fact]
    public void FromBytes_RoundTrip_GivesTheSameRefinement()
    {
        GateRefinement refined = GateRefinement.None.With([new("pf_1", 1.0, false), new("pf_2", -0.5, true)]);

        GateRefinement read = GateRefinement.FromBytes(refined.ToBytes());

        Assert.Equal(refined.Outcomes, read.Outcomes);
        Assert.Equal(refined.Refine("pf_1", 0.4), read.Refine("pf_1", 0.4), 12);
    }

    [Fact]
    public void FromBytes_UnknownFormat_IsNone() => Assert.True(GateRefinement.FromBytes([9, 0, 0, 0, 0]).IsIdentity);

    [Fact]
    public void Append_WritesWhatReadingAddingAndWritingWould_BeyondCapacityToo()
    {
        GateOutcome[] old = [.. Enumerable.Range(0, GateRefinement.Capacity - 1).Select(static i => new GateOutcome($"pf_{i % 5}", i * 0.01, i % 3 == 0))];
        byte[] stored = GateRefinement.None.With(old).ToBytes();
        GateOutcome[] added = [new("pf_new", 0.7, true), new("pf_1", -0.2, false)];

        byte[] appended = GateRefinement.Append(stored, added);

        Assert.Equal(GateRefinement.FromBytes(stored).With(added).ToBytes(), appended);
        Assert.Equal("pf_1", GateRefinement.FromBytes(appended).Outcomes[^1].PreferenceId);
        Assert.Equal(GateRefinement.Capacity, GateRefinement.FromBytes(appended).Outcomes.Count);
    }

    [Fact]
    public void Append_NothingStored_WritesTheNewOutcomes()
        => Assert.Equal(GateRefinement.None.With([new("pf_1", 0.3, false)]).ToBytes(), GateRefinement.Append([], [new("pf_1", 0.3, false)]));
}
